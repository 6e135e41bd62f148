// The most specific statement of a condition decides (guideline I.B.2, I.A.9), also over a code the
// physician wrote: an unspecified J44.9 beside an assessment of COPD with acute exacerbation is
// J44.1. Short forms of "exacerbation" are read as it. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { codeEncounter } from '../../coding/index.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 9, sex: 'F' });

describe('the fuller statement of a condition', () => {
  it('"exac" is an exacerbation', () => {
    expect(codes(['moderate persistent asthma w/ acute exac'])).toEqual(['J45.41']);
  });
  it("the assessment's fuller statement replaces the physician's unspecified code", () => {
    const notes = 'Three days of more dyspnea and sputum.\nA/P: COPD with acute exacerbation - prednisone burst, doxycycline.';
    const r = codeEncounter(
      codingInput({ notes, diagnoses: [{ description: 'COPD', code: 'J44.9' }] }, { ageYears: 70, sex: 'M' }),
      codeSets(),
    );
    expect(r.diagnoses.map((d) => d.code)).toEqual(['J44.1']);
  });
});
