// A symptom code the physician wrote beside a definitive diagnosis the assessment addresses, the
// assessment never taking the symptom up itself (coding/integral-symptoms.ts, guideline I.B.5): not
// coded beside the diagnosis. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 66, sex: 'M' });

describe('a written symptom beside the diagnosis the assessment addresses', () => {
  it('shortness of breath written beside a COPD exacerbation the assessment treats is not coded', () => {
    const r = code('More dyspnea and sputum x 4 d.\nExam: diffuse wheeze.\nA/P: COPD with acute exacerbation - doxycycline, nebs.', [
      { description: 'COPD exacerbation', code: 'J44.1' },
      { description: 'Shortness of breath', code: 'R06.02' },
    ]);
    expect(diagnosisCodes(r)).toContain('J44.1');
    expect(diagnosisCodes(r)).not.toContain('R06.02');
  });

  it('a written symptom the assessment takes up on its own stays', () => {
    const r = code(
      'Dyspnea x 4 d.\nA/P:\n1. COPD with acute exacerbation - doxycycline.\n2. Shortness of breath on exertion - out of proportion, echo ordered.',
      [
        { description: 'COPD exacerbation', code: 'J44.1' },
        { description: 'Shortness of breath', code: 'R06.02' },
      ],
    );
    expect(diagnosisCodes(r)).toContain('R06.02');
  });

  it('a written symptom with no assessment to read stays', () => {
    const r = code('Dyspnea and sputum x 4 d. Exam: diffuse wheeze. Neb given.', [
      { description: 'COPD exacerbation', code: 'J44.1' },
      { description: 'Shortness of breath', code: 'R06.02' },
    ]);
    expect(diagnosisCodes(r)).toContain('R06.02');
  });

  it('a written symptom of another body system stays', () => {
    const r = code('Dyspnea x 4 d, also headaches.\nA/P: COPD with acute exacerbation - doxycycline.', [
      { description: 'COPD exacerbation', code: 'J44.1' },
      { description: 'Headache', code: 'R51.9' },
    ]);
    expect(diagnosisCodes(r)).toContain('R51.9');
  });
});
