// Diabetes whose type the record gives two ways is coded by the classification's default, type 2
// (guideline I.C.4.a.2), while the physician is asked, not by whichever statement comes first; and
// a diabetes code "with <complication>, unspecified" names another complication than its
// neighbours, so it stays beside them. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';
import { codeEncounter } from '../../coding/index.ts';

const codeSets = useCodeSets();
const code = (diagnoses: string[], notes: string) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 52, sex: 'M' }), codeSets());

describe('diabetes type given two ways', () => {
  it('a type 1 problem list and a type 2 assessment: E11 until answered, and the physician is asked', () => {
    const r = code(
      ['Diabetes, poorly controlled'],
      'Problem list: type 1 diabetes mellitus since childhood.\nA/P: DM2 poorly controlled, A1c 9.1 - increase glargine.',
    );
    expect(r.diagnoses.map((d) => d.code)).toContain('E11.65');
    expect(r.diagnoses.some((d) => d.code.startsWith('E10'))).toBe(false);
    expect(r.clarification?.reason).toMatch(/type of diabetes/);
  });
});
