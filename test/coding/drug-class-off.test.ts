// A drug named in a clause about the past, or of a class the record says the patient is off now,
// is not long-term (current) use (coding/drug-class-off.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 58, sex: 'M' });
const codes = (notes: string, lines: Array<{ description: string; code?: string }>) => diagnosisCodes(code(notes, lines));
const dm = [{ description: 'Type 2 diabetes mellitus without complications', code: 'E11.9' }];

describe('diabetes drugs the patient no longer takes', () => {
  it('a drug named in a history clause, with the class stated off now, is no Z79.84', () => {
    const notes =
      'S: DM2 dx 2015 (A1c as high as 10.1 on glimepiride + metformin); lost 40 kg, off all diabetes meds for a year.\nA/P:\n1. DM2 - diet controlled, A1c 6.0. Recheck 6 mo.';
    expect(codes(notes, dm)).not.toContain('Z79.84');
  });

  it('a drug the patient was on before is no Z79.84', () => {
    expect(codes('S: DM2. Was on metformin until 2023.\nA/P:\n1. DM2 - diet controlled, A1c 6.1.', dm)).not.toContain('Z79.84');
  });

  it('a drug taken now keeps Z79.84, and a drug the plan continues beside a class-off remark too', () => {
    expect(codes('S: DM2 on metformin 1000 mg bid.\nA/P:\n1. DM2 - A1c 6.8, continue metformin.', dm)).toContain('Z79.84');
    expect(
      codes('S: DM2, off all diabetes meds for 3 mo, A1c now 7.9.\nA/P:\n1. DM2 - A1c up, resume metformin 500 mg bid.', dm),
    ).toContain('Z79.84');
  });
});
