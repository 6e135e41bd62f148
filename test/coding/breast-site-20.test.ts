// A breast malignancy coded of unspecified site takes the quadrant another statement of the record
// gives it (guideline I.B.2; C50's subcategories are the sites); a statement about the other breast
// does not move it. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 61, sex: 'F' });

describe('breast malignancy site', () => {
  it('the quadrant the history gives codes the site', () => {
    const note = 'Oncology follow-up. Invasive ductal carcinoma of the right breast, lower-outer quadrant, treated 2024; on letrozole.';
    expect(codes(['Right breast cancer'], note)[0]).toBe('C50.511');
  });

  it('a quadrant of the other breast leaves the site unspecified', () => {
    const note = 'Left breast: benign cyst upper-outer quadrant, no tumor there. Right breast cancer on letrozole.';
    expect(codes(['Right breast cancer'], note)[0]).toBe('C50.911');
  });
});
