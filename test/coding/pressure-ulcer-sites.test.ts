// Pressure injuries: "DTI" is a deep tissue (pressure) injury (coding/text.ts), and an ulcer of one
// site with its stage unstated is not dropped beside a staged one of another site (coding/refinements.ts).
// Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (descriptions: string[], notes: string): string[] =>
  codeEncounter(
    codingInput({ notes, diagnoses: descriptions.map((description) => ({ description })) }, { ageYears: 88, sex: 'F' }),
    codeSets(),
  )
    .diagnoses.map((d) => d.code)
    .sort();

describe('pressure ulcers of two sites', () => {
  it('a sacral ulcer of unstated stage beside a left heel deep tissue injury: both coded', () => {
    const notes = 'NF wound rounds. Sacral pressure ulcer with slough. Left heel purple non-blanchable area, deep tissue pressure injury.';
    expect(codes(['Pressure ulcer sacrum', 'L heel DTI'], notes)).toEqual(['L89.159', 'L89.626']);
  });

  it('the same heel written twice, once without a stage: the deep tissue injury alone', () => {
    expect(codes(['Pressure ulcer of left heel', 'L heel DTI'], 'NF wound rounds.')).toEqual(['L89.626']);
  });
});
