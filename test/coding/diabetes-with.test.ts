// Diabetes "with" (guideline I.A.15, I.C.4.a): conditions the Alphabetic Index lists under "Diabetes,
// with" become the diabetes category's complication code unless another cause is documented; the L97
// site-and-depth code and the CKD stage stay; "without complications" never stays beside a
// complication. Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes = '') =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 64, sex: 'F' }), codeSets());
const codes = (diagnoses: string[], notes = '') =>
  run(diagnoses, notes)
    .diagnoses.map((d) => d.code)
    .sort();

describe('diabetes with a skin ulcer', () => {
  it('a foot or heel ulcer: E1x.621 and the L97 site and depth, no E1x.9', () => {
    expect(codes(['Type 2 diabetes mellitus', 'Ulcer of right heel with fat layer exposed'])).toEqual(['E11.621', 'L97.412']);
    expect(codes(['Type 2 diabetes with left foot ulcer limited to breakdown of skin'])).toEqual(['E11.621', 'L97.521']);
  });

  it('an ulcer of the calf or thigh: E1x.622, by the documented type', () => {
    expect(codes(['Type 1 diabetes', 'Non-pressure ulcer of left calf with necrosis of muscle'])).toEqual(['E10.622', 'L97.223']);
  });

  it('a pressure ulcer is not presumed diabetic', () => {
    expect(codes(['Type 2 diabetes', 'Pressure ulcer of sacral region, stage 2'])).toEqual(['E11.9', 'L89.152']);
  });
});

describe('diabetes with neuropathy, circulation and glucose', () => {
  it('peripheral neuropathy is diabetic polyneuropathy (E1x.42), the G code included', () => {
    expect(codes(['Type 2 diabetes', 'Peripheral neuropathy'])).toEqual(['E11.42']);
    expect(codes(['Type 2 diabetes with peripheral neuropathy'])).toEqual(['E11.42']);
  });

  it('neuropathy without more is diabetic neuropathy unspecified (E1x.40)', () => {
    expect(codes(['Type 2 diabetes', 'Neuropathy'])).toEqual(['E11.40']);
  });

  it('a neuropathy the physician attributes to something else stays its own code', () => {
    expect(codes(['Type 2 diabetes', 'Neuropathy due to vitamin B12 deficiency'])).toContain('E11.9');
  });

  it('peripheral arterial disease: E1x.51; hypoglycemia: E1x.649; hyperglycemia: E1x.65 alone', () => {
    expect(codes(['Type 2 diabetes', 'Peripheral arterial disease'])).toEqual(['E11.51']);
    expect(codes(['Type 1 diabetes', 'Hypoglycemia'])).toEqual(['E10.649']);
    expect(codes(['Type 2 diabetes mellitus', 'Type 2 diabetes with hyperglycemia'])).toEqual(['E11.65']);
  });

  it('gastroparesis and chronic kidney disease keep their own codes beside the combination', () => {
    expect(codes(['Type 1 diabetes', 'Gastroparesis'])).toEqual(['E10.43', 'K31.84']);
    expect(codes(['Type 2 DM', 'CKD stage 3a'])).toEqual(['E11.22', 'N18.31']);
  });

  it('a diabetic complication named without a type takes the type documented elsewhere', () => {
    expect(codes(['Type 2 diabetes', 'Diabetic retinopathy'])).toEqual(['E11.319']);
  });

  it('two complications: both combination codes, never E1x.9', () => {
    expect(codes(['Type 2 diabetes', 'Peripheral neuropathy', 'CKD stage 4'])).toEqual(['E11.22', 'E11.42', 'N18.4']);
  });

  it('a diabetic nephropathy with its chronic kidney disease stated is the CKD combination alone, with the stage', () => {
    expect(codes(['DM2 with nephropathy', 'CKD stage 4'])).toEqual(['E11.22', 'N18.4']);
    expect(codes(['Type 2 diabetes with diabetic nephropathy'])).toEqual(['E11.21']);
  });
});

describe('the presumption goes to a coder', () => {
  it('a link the record does not state is a straight-through reason; one it states is not', () => {
    expect(run(['Type 2 diabetes', 'Peripheral neuropathy']).straightThrough.reasons).toContain('combination-presumed');
    expect(run(['Type 2 diabetes with diabetic peripheral neuropathy']).straightThrough.reasons).not.toContain('combination-presumed');
  });
});
