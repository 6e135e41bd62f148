// Carcinomas the classification sends to the skin by their morphology (issue 10 item 4, session 19):
// Index: Carcinoma, basal cell - see Neoplasm, skin, malignant; the Neoplasm Table's note on its
// asterisked sites (face, hand, limbs, back...): a squamous cell carcinoma there is of the skin (C44.-).
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 72, sex: 'M' }, { sorted: true });

describe('basal cell carcinoma is of the skin', () => {
  it('at a site the table calls ill-defined it is the skin of that site, never C76', () => {
    expect(codes(['BCC nose'])).toEqual(['C44.311']);
    expect(codes(['BCC left shoulder'])).toEqual(['C44.619']);
  });

  it('with no site it is the skin, unspecified (C44.91), and its history is Z85.828', () => {
    expect(codes(['BCC'])).toEqual(['C44.91']);
    expect(codes(['Hx BCC'])).toEqual(['Z85.828']);
    expect(codes(['History of basal cell carcinoma'])).toEqual(['Z85.828']);
  });
});

describe('squamous cell carcinoma at an asterisked site is of the skin there, by side', () => {
  it('hand and limbs: the skin of the upper or lower limb (C44.62-, C44.72-)', () => {
    expect(codes(['SCC right hand'])).toEqual(['C44.622']);
    expect(codes(['Squamous cell carcinoma of left forearm'])).toEqual(['C44.629']);
    expect(codes(['SCC left leg'])).toEqual(['C44.729']);
  });

  it("at an organ it is the organ's: lung, esophagus", () => {
    expect(codes(['SCC of lung, RUL'])).toEqual(['C34.11']);
    expect(codes(['SCC of the esophagus'])).toEqual(['C15.9']);
  });
});
