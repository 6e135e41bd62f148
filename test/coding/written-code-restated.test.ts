// A physician's code read against the assessment's statement of the same condition
// (coding/fuller-statement.ts, coding/mention-coding.ts saysMoreThanDocumented): an unspecified code
// whose category the assessment states fully in other site words, and a written "not having achieved
// remission" beside an assessment stating the remission. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 80, sex: 'F' });

describe('an unspecified written code the assessment states fully in its own site words', () => {
  it('a pressure ulcer written of unspecified stage, the assessment staging it at the sacrum, is coded by stage', () => {
    const r = code(
      'Exam: sacral wound 3 x 2 cm, full-thickness, fat visible.\nA/P:\n1. Stage 3 pressure ulcer sacrum - offloading, foam dressing.',
      [{ description: 'Pressure ulcer sacrum', code: 'L89.159' }],
    );
    expect(diagnosisCodes(r)).toContain('L89.153');
    expect(diagnosisCodes(r)).not.toContain('L89.159');
  });

  it('an assessment naming another category is no fuller statement of the line', () => {
    const r = code(
      'Exam: sacral skin intact, blanchable erythema.\nA/P:\n1. Moisture-associated dermatitis of the sacrum - barrier cream.',
      [{ description: 'Pressure ulcer sacrum', code: 'L89.159' }],
    );
    expect(diagnosisCodes(r).some((c) => c.startsWith('L89.15') && c !== 'L89.159')).toBe(false);
  });
});

describe('a plasma cell or leukemia code written as not in remission beside an assessment stating remission', () => {
  it('"in stringent complete remission" codes the remission', () => {
    const r = code(
      'IgA myeloma dx 2021, s/p ASCT 2022.\nA/P: Multiple myeloma in stringent complete remission - lenalidomide maintenance held, observe.',
      [{ description: 'Multiple myeloma', code: 'C90.00' }],
    );
    expect(diagnosisCodes(r)).toContain('C90.01');
    expect(diagnosisCodes(r)).not.toContain('C90.00');
  });

  it('a remission denied or lost is not read as remission', () => {
    for (const n of [
      'A/P: Multiple myeloma, not in remission - continue daratumumab.',
      'A/P: Multiple myeloma, relapsed from remission 6/2026 - start second-line therapy.',
    ])
      expect(diagnosisCodes(code(n, [{ description: 'Multiple myeloma', code: 'C90.00' }])), n).not.toContain('C90.01');
  });
});
