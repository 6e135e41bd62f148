// Issue 10 (wrong code families): a word of the line that only qualifies the condition another
// title names ("increased" of a secretion, "K" of a vitamin, "accidental" of an asphyxiation) is a
// word match, not that condition; the title's own condition noun, in any form or in the inclusion
// term the match came from, must be named. Rebuilt from coding-18b without its pregnancy regression.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 58, sex: 'M' });

describe('a qualifier shared with a title does not bring in its condition', () => {
  it('a dose change is no increased hormone secretion, a wish no decreased desire', () => {
    expect(codes(['Lasix increased'])).not.toContain('E16.3');
    expect(codes(['Prior LTCS, desires TOLAC'], '', { ageYears: 31, sex: 'F' })).toEqual([]);
  });

  it('"adult" in a well visit is no adult dermatomyositis or osteomalacia', () => {
    const got = codes(['well adult exam'], '', { ageYears: 28 });
    expect(got.filter((c) => /^M/.test(c))).toEqual([]);
  });

  it('the condition named in another form, a synonym or a framing title still codes', () => {
    expect(codes(['Unsteady on feet'])).toEqual(['R26.81']);
    expect(codes(['Shingles'])).toEqual(['B02.9']);
    expect(codes(['Tamoxifen'], '', { sex: 'F' })).toContain('Z79.810');
    expect(codes(['Anxiety state'])).toEqual(['F41.1']);
  });
});

describe('pregnancy lines stay pregnancy codes', () => {
  it('a bare "pregnant" is the pregnant state, not an infection complicating the puerperium', () => {
    for (const line of ['Pregnant', 'Currently pregnant', 'Pregnant, 12 weeks']) {
      const got = codes([line], '', { ageYears: 29, sex: 'F' });
      expect(got[0]).toBe('Z33.1');
      expect(got.filter((c) => c.startsWith('O'))).toEqual([]);
    }
  });
});

describe('a drug taken wrongly', () => {
  it('"OD" on a drug is an overdose: the poisoning, not an accidental asphyxiation', () => {
    expect(codes(['Accidental OD on heroin'], '', { ageYears: 33 })).toEqual(['T40.1X1A']);
    expect(codes(['Heroin overdose'], '', { ageYears: 33 })).toEqual(['T40.1X1A']);
    // In a text about the eye "OD" is still the right eye.
    expect(codes(['Cataract OD'], '', { ageYears: 70 })).toEqual(['H26.101']);
  });
});

describe('abbreviations read as another condition', () => {
  it('"Seb K" and "SKs" are seborrheic keratoses, not a vitamin K deficiency', () => {
    expect(codes(['Seb K, back'])).toEqual(['L82.1']);
    expect(codes(['SKs on the trunk, reassurance'])).toEqual(['L82.1']);
  });

  it('"AOM" keeps "acute" where the line names a suppurative otitis', () => {
    expect(codes(['AOM L, suppurative'], '', { ageYears: 3 })).toEqual(['H66.002']);
    expect(codes(['AOM, left ear'], '', { ageYears: 3 })).toEqual(['H66.92']);
  });
});
