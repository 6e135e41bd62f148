// The shared reading of one character stated two ways (coding/character-conflict.ts): which named
// value a text states, a denied one left out.
import { describe, expect, it } from 'vitest';
import { namedIn, statedIn, type NamedValues } from '../../coding/character-conflict.ts';

const SIZES: NamedValues<string> = [
  ['large', /\blarge\b/i],
  ['small', /\bsmall\b/i],
];

describe('namedIn', () => {
  it('gives the first value in the order listed that the text states', () => {
    expect(namedIn('small cyst beside a large one', SIZES)).toBe('large');
    expect(namedIn('small cyst', SIZES)).toBe('small');
    expect(namedIn('cyst', SIZES)).toBeUndefined();
  });

  it('leaves out a value denied or ruled out before it in its clause', () => {
    expect(namedIn('not large, small', SIZES)).toBe('small');
    expect(namedIn('no large cyst', SIZES)).toBeUndefined();
    expect(namedIn('rule out large cyst', SIZES)).toBeUndefined();
  });

  it('counts a value stated again after a denied mention', () => {
    expect(namedIn('no large cyst on the left; large cyst on the right', SIZES)).toBe('large');
  });

  it('takes what else does not state a value from the caller', () => {
    expect(namedIn('if large, drain', SIZES, /\bif\b[^,;]*$/i)).toBeUndefined();
    expect(namedIn('no large cyst', SIZES, /\bif\b[^,;]*$/i)).toBe('large');
  });
});

describe('statedIn', () => {
  it('gives the statement naming the first listed value', () => {
    expect(statedIn(['a small cyst', 'a large cyst'], SIZES)).toEqual({ value: 'large', text: 'a large cyst' });
    expect(statedIn(['no large cyst', 'normal'], SIZES)).toBeUndefined();
  });
});
