// An irritated seborrheic keratosis is the inflamed one (index: Keratosis, seborrheic, inflamed L82.0)
// (coding/text.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 64, sex: 'M' });

describe('irritated seborrheic keratosis', () => {
  it('irritated seborrheic keratosis of the back is L82.0', () => {
    expect(codes(['Irritated seborrheic keratosis of back'], 'Itchy, crusted, catches on clothing. Cryotherapy.')).toEqual(['L82.0']);
  });

  it('a seborrheic keratosis with no inflammation named stays L82.1', () => {
    expect(codes(['Seborrheic keratosis of back'], 'Stable, asymptomatic. Reassured.')).toEqual(['L82.1']);
  });
});
