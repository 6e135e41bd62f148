// The eye's side: OD, OS and OU read as the right, left and both eyes in a text about the eye, and
// the 7th character of the diabetic retinopathy codes (E11.32- to E11.35-) taken from the side the
// line states, never the right eye by default. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 66, sex: 'M' });

describe('eye sides', () => {
  it('OD, OS and OU are the right, left and both eyes', () => {
    expect(codes(['Age-related nuclear cataract OS'])).toEqual(['H25.12']);
    expect(codes(['Nuclear cataract OD'])).toEqual(['H25.11']);
    expect(codes(['T2DM, moderate NPDR with DME OU'])).toEqual(['E11.3313']);
  });

  it("the retinopathy code's 7th character follows the stated side, bilateral never the right eye", () => {
    expect(codes(['Type 2 diabetes with mild nonproliferative retinopathy without macular edema, left eye'])).toEqual(['E11.3292']);
    expect(codes(['Type 2 diabetes with severe nonproliferative retinopathy without macular edema, both eyes'])).toEqual(['E11.3493']);
    expect(codes(['Type 2 diabetes with mild NPDR, no macular edema, bilateral'])).toEqual(['E11.3293']);
  });

  it('a side written after the negated words is still the side ("w/o DME OS")', () => {
    expect(codes(['DM2 moderate NPDR with DME OD', 'DM2 mild NPDR w/o DME OS'])).toEqual(['E11.3311', 'E11.3292']);
  });

  it('no side stated: the unspecified eye, and no second retinopathy code beside it', () => {
    expect(codes(['Type 2 diabetes with mild nonproliferative diabetic retinopathy'])).toEqual(['E11.3299']);
  });

  it('each eye its own severity', () => {
    const got = codes(
      ['T2DM with severe NPDR, no DME, OD', 'T2DM with mild NPDR, no DME, OS'],
      'Retina visit. Venous beading in three quadrants OD; scattered dot hemorrhages OS. Metformin.',
    );
    expect(got).toEqual(expect.arrayContaining(['E11.3491', 'E11.3292']));
    expect(got).not.toContain('E11.3291');
  });

  it('OD is an overdose or a daily dose outside a text about the eye', () => {
    expect(codes(['Hypertension'], 'Lisinopril 10 mg OD.')).toEqual(['I10']);
  });
});
