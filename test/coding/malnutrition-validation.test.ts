// Malnutrition beside an examination finding the patient well nourished (clinical-validations.ts,
// asked by result-contradicts.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 70, sex: 'F' });
const VALIDATION = /clarify the diagnosis/;
const lines = [{ description: 'Moderate protein-calorie malnutrition', code: 'E44.0' }];

describe('the examination contradicts the malnutrition', () => {
  it('asks the physician to validate it; the written code stands', () => {
    const r = coder(
      'Weight 70 kg, unchanged from last year. Eating well.\nExam: well nourished, in no distress.\nA: moderate protein-calorie malnutrition.',
      lines,
    );
    expect(r.clarification?.question).toMatch(VALIDATION);
    expect(r.clarification?.question).toMatch(/well nourished/);
    expect(diagnosisCodes(r)).toContain('E44.0');
  });
});

describe('the examination supports it', () => {
  it('asks nothing', () => {
    for (const exam of ['Exam: thin, temporal wasting, loose clothing.', 'Exam: not well nourished, cachectic.']) {
      const r = coder(`Weight down 6 kg in 3 months, poor intake.\n${exam}\nA: moderate protein-calorie malnutrition.`, lines);
      expect(r.clarification?.question ?? '').not.toMatch(VALIDATION);
    }
  });
});
