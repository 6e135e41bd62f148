// Dementia stated of a named disease in one phrase: the disease first, then dementia in other
// diseases (coding/dementia-etiology.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 86, sex: 'F' });

describe('the disease a dementia is stated to be of', () => {
  it("codes Alzheimer's disease and F02 of the stated severity, not F03", () => {
    const c = codes(["Alzheimer's dementia, moderate"], "Alzheimer's dementia, moderate - continue donepezil. Pleasant, redirectable.");
    expect(c).toEqual(['G30.9', 'F02.B0']);
  });

  it('keeps unspecified dementia when no disease is named', () => {
    const c = codes(['Dementia, moderate'], 'Dementia, moderate - continue donepezil. Pleasant, redirectable.');
    expect(c).toEqual(['F03.B0']);
  });
});
