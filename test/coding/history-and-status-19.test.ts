// History, status and chronic-condition conventions (issue 10 item 4, session 19): each test names
// the index entry, tabular note or guideline it follows. Our own wording.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 57, sex: 'M' }, { sorted: true });

describe('tobacco dependence is nicotine dependence (Index: Dependence, tobacco - see Dependence, drug, nicotine)', () => {
  it('with no product named it is F17.200, never the chewing tobacco of F17.22-', () => {
    expect(codes(['Tobacco dependence'])).toEqual(['F17.200']);
  });

  it('packs a day in the note name cigarettes (F17.210)', () => {
    expect(codes(['Tobacco dependence'], 'Still smoking 1/2 ppd; wants to quit, NRT patch started.')).toEqual(['F17.210']);
    expect(codes(['Tobacco dependence'], 'Smokes 1 ppd x 20 years.')).toEqual(['F17.210']);
  });

  it('a product the line names is kept', () => {
    expect(codes(['Chewing tobacco dependence'])).toEqual(['F17.220']);
    expect(codes(['Tobacco dependence, cigarettes'])).toEqual(['F17.210']);
  });
});
