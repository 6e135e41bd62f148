// "Alzheimer's dementia" names the disease and the dementia it causes: G30.9 with F02.- (index:
// Dementia, in, Alzheimer's disease; coding/alzheimer-dementia.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (description: string): string[] =>
  codeEncounter(codingInput({ notes: 'Memory clinic follow-up.', diagnoses: [{ description }] }, { ageYears: 86, sex: 'F' }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe("Alzheimer's dementia", () => {
  it('moderate: G30.9 with F02.B0, not F03.B0 alone', () => {
    expect(codes("Alzheimer's dementia, moderate")).toEqual(['F02.B0', 'G30.9']);
  });

  it('a dementia of another named kind gets no Alzheimer code', () => {
    expect(codes('Vascular dementia, moderate')).toEqual(['F01.B0']);
  });
});
