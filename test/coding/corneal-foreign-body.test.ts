// The cornea named by its adjective beside a foreign body is the injury's site (index: Foreign body,
// cornea T15.0-), not the symptom "Foreign body sensation" (H57.8A-) (coding/anatomy-words.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 40, sex: 'M' });

describe('a corneal foreign body', () => {
  it('corneal foreign body of the left eye is an injury, T15.02XA', () => {
    expect(codes(['Corneal foreign body left eye'], 'Metal fragment embedded in the left cornea, removed today.')).toEqual(['T15.02XA']);
  });

  it('a corneal abrasion keeps the title that names it by the adjective (S05.0-)', () => {
    expect(codes(['Corneal abrasion right eye'])).toEqual(['S05.01XA']);
  });

  it('a foreign body sensation is still the symptom', () => {
    expect(codes(['Foreign body sensation, right eye'])).toEqual(['H57.8A1']);
  });
});
