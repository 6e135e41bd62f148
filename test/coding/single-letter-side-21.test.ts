// A side written as one letter ("L", "R") before a site that begins with an ordinal, a direction or a
// bone's part ("R 4th MT", "L medial collateral ligament", "R ulnar styloid"), or before the palm, is
// the side of the condition: the family is coded by side and the side is stated. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 38, sex: 'M' });

describe('single-letter side before an ordinal, a direction or a bone part', () => {
  it('a side before an ordinal digit bone', () => {
    expect(codes(['R 3rd MT shaft fx, f/u'], 'Fracture healing, boot continued.')[0]).toMatch(/^S92\.3\d1D$/);
  });

  it('a side before a ligament written as its abbreviation', () => {
    expect(codes(['L MCL sprain'], 'Twisted knee playing soccer yesterday.')[0]).toBe('S83.412A');
  });

  it('a side before a bone named by its adjective and part', () => {
    expect(codes(['R ulnar styloid fx'], 'Fell on outstretched hand today.')[0]).toMatch(/^S52\.61[14]A$/);
  });

  it('a number before the letter is a quantity, not a side', () => {
    expect(codes(['Dehydration'], 'Given 2 L 1st bag of fluids.')[0]).toBe('E86.0');
  });
});
