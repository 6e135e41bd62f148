// A non-pressure ulcer found by its words with unspecified severity takes the depth the record
// describes (coding/ulcer-severity.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (notes: string): string[] =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description: 'L heel ulcer' }] }, { ageYears: 82, sex: 'M' }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe('the depth of a heel ulcer', () => {
  it('fat layer exposed: L97.422', () => {
    expect(codes('Home visit. Ambulates with walker. L heel: 2 x 1.8 cm ulcer, fat layer exposed, no bone.')).toEqual(['L97.422']);
  });

  it('no depth described: the unspecified severity stays', () => {
    expect(codes('Home visit. Ambulates with walker. L heel: 2 x 1.8 cm ulcer, clean base.')).toEqual(['L97.429']);
  });
});
