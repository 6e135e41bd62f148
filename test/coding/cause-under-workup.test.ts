// A written code putting a condition down to a cause the assessment is still working up
// (coding/cause-under-workup.ts): asked, the condition without the cause coded until answered.
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 74, sex: 'M' });
const WORKUP = /while the assessment is still working up its cause/;

describe('anemia written as in chronic kidney disease while its cause is worked up', () => {
  const lines = [
    { description: 'Anemia of CKD', code: 'D63.1' },
    { description: 'CKD stage 4', code: 'N18.4' },
  ];
  const notes =
    'Labs: Hgb 9.1, MCV 90, eGFR 22.\nA/P:\n1. Anemia, normocytic - retic and iron panel ordered, colonoscopy overdue.\n2. CKD 4 - stable, nephrology f/u.';

  it('is asked, the anemia without a cause coded until answered', () => {
    const r = code(notes, lines);
    expect(r.clarification?.reason).toMatch(WORKUP);
    expect(diagnosisCodes(r)).toContain('D64.9');
    expect(diagnosisCodes(r)).not.toContain('D63.1');
  });

  it('an answer confirming the link codes it', () => {
    const q = code(notes, lines).clarification!;
    const r = code(notes, lines, [{ question: q.question, option: 'Anemia in chronic kidney disease' }]);
    expect(diagnosisCodes(r)).toContain('D63.1');
  });

  it('is not asked when the item names the cause, or has no work-up', () => {
    for (const n of [
      'Labs: Hgb 9.1, eGFR 22.\nA/P:\n1. Anemia of CKD - iron panel ordered before ESA.\n2. CKD 4 - stable.',
      'Labs: Hgb 9.1, eGFR 22.\nA/P:\n1. Anemia - stable, on ESA per nephrology.\n2. CKD 4 - stable.',
    ]) {
      const r = code(n, lines);
      expect(r.clarification?.reason ?? '', n).not.toMatch(WORKUP);
      expect(diagnosisCodes(r)).toContain('D63.1');
    }
  });
});
