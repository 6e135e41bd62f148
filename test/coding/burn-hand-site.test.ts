// A hand burn of unspecified site takes the one part of the hand the examination places it on
// (coding/burn-hand-site.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 45, sex: 'F' });
const codes = (notes: string) => code(notes, [{ description: 'First degree burn of left hand' }]).diagnoses.map((d) => d.code);

describe('the part of the hand a burn is on', () => {
  it('an examination of the back of the hand codes the back of the hand', () => {
    expect(codes('Steam from a kettle this morning.\nExam: dorsum of L hand 3 cm erythema, no blisters, fingers spared.')).toEqual([
      'T23.162A',
    ]);
  });

  it('an examination of the palm codes the palm', () => {
    expect(codes('Grabbed a hot pan.\nExam: L palm 2 x 3 cm erythema, no blisters.')).toEqual(['T23.152A']);
  });

  it('a part the examination says is spared is not the burn', () => {
    expect(codes('Steam from a kettle.\nExam: L hand erythema at the base of the thumb, palm spared.')).toEqual(['T23.102A']);
  });

  it('no examination part: the history alone does not place it', () => {
    expect(codes('Burned across the back of the left hand on the oven door this evening. Cool water, dressing.')).toEqual(['T23.102A']);
  });
});
