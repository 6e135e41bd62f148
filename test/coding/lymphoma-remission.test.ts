// A lymphoma stated in remission takes its category's in-remission code (C81-C88 ...A, FY2025),
// not a history of lymphoma nor Z08 (coding/lymphoma-remission.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 62, sex: 'F' });

describe('lymphoma in remission', () => {
  it('the code set has the in-remission lymphoma codes', () => {
    expect(codeSets().icd.byCode.has('C83.3A')).toBe(true);
    expect(codeSets().icd.byCode.has('C82.0A')).toBe(true);
  });

  it('recodes a written history of lymphoma from the assessment', () => {
    const r = code(
      'Lymphoma clinic. Six cycles of R-CHOP finished last year, PET negative.\nA/P: DLBCL in complete remission; surveillance every 6 months.',
      [{ description: 'Hx of non-Hodgkin lymphoma', code: 'Z85.72' }],
    );
    expect(diagnosisCodes(r)).toEqual(['C83.3A']);
  });

  it('reads the follicular grade', () => {
    const r = code('Assessment: follicular lymphoma grade 2, in remission since 2023.', [{ description: 'Follicular lymphoma' }]);
    expect(diagnosisCodes(r)).toEqual(['C82.1A']);
  });

  it('not when the remission is denied or ended', () => {
    const r = code('A/P: DLBCL relapsed, not in remission; restaging PET ordered.', [{ description: 'Diffuse large B-cell lymphoma' }]);
    expect(diagnosisCodes(r).some((c) => c.endsWith('A'))).toBe(false);
  });
});
