// A drug's adverse effect is not its use: "opioid-induced constipation" is K59.03 with T40.2X5A, not
// also F11.90 (guideline I.C.19.e.5.a; coding/adverse-effect-not-use.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (diagnoses: Array<{ description: string; code?: string }>, notes: string): string[] =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 80, sex: 'M' }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe('an adverse effect of a drug, not its use', () => {
  it('opioid-induced constipation: K59.03 and T40.2X5A, no F11.90', () => {
    const notes = 'SNF. No BM x 4 days on oxycodone 5 mg prn. Assessment: opioid-induced constipation.';
    expect(codes([{ description: 'Opioid-induced constipation' }], notes)).toEqual(['K59.03', 'T40.2X5A']);
  });

  it('a use code the physician wrote stays', () => {
    const got = codes(
      [{ description: 'Opioid-induced constipation' }, { description: 'Opioid use', code: 'F11.90' }],
      'Constipation on oxycodone.',
    );
    expect(got).toContain('F11.90');
  });
});
