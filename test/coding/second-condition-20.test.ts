// A line's leftover words name a second condition only when the two may be coded together: "tobacco
// use 1 ppd" is nicotine dependence, cigarettes (F17.210), and F17.2's Excludes1 note ("tobacco use
// NOS (Z72.0)") keeps Z72.0 off beside it. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 58, sex: 'M' });

describe('second condition of a line', () => {
  it('tobacco use with packs a day is nicotine dependence alone', () => {
    expect(codes(['tobacco use 2 ppd'])).toEqual(['F17.210']);
  });
});
