// A dose or a duration's number ("semaglutide 1 mg", "since 1 yr") is no word of a condition: it does
// not make a type 2 diabetic's statement name type 1 (coding/exclusive-conflicts.ts). Our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 58, sex: 'F' });
const excludes1 = (r: ReturnType<typeof coded>) => (/EXCLUDES1/.test(r.clarification?.reason ?? '') ? [r.clarification] : []);

describe('numbers of a dose or duration in a mutually exclusive statement', () => {
  it('"DM2 on semaglutide 1 mg since 1 yr": no type 1 conflict', () => {
    const r = coded('S: DM2 x 10 yrs on metformin + semaglutide 1 mg weekly (since 1 yr).\nA/P: DM2 - continue.', [
      { description: 'Type 2 diabetes', code: 'E11.9' },
    ]);
    expect(diagnosisCodes(r)).toContain('E11.9');
    expect(excludes1(r)).toHaveLength(0);
  });

  it('a statement of type 1 diabetes is still asked about', () => {
    const r = coded('S: DM2 on metformin 1000 mg.\nPMH: type 1 diabetes.\nA/P: DM2 - continue metformin.', [
      { description: 'Type 2 diabetes', code: 'E11.9' },
    ]);
    expect(r.clarification).toBeDefined();
  });
});
