// The site of an osteoporotic pathological fracture (M80's 5th character) from the fracture's own
// statement, and osteoporosis whose statement names a current fracture is M80, not M81
// (coding/osteoporotic-fracture-site.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (description: string, notes: string): string[] =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description }] }, { ageYears: 81, sex: 'F' }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe('the site of an osteoporotic fracture', () => {
  it('a vertebral level (L1) is the vertebra: M80.88XA, not other site', () => {
    const notes =
      'Back pain after bending. XR: acute L1 compression fx. Assessment: pathological L1 fracture due to glucocorticoid-induced osteoporosis.';
    expect(codes('Steroid-induced osteoporosis with pathological L1 fracture', notes)).toEqual(['M80.88XA', 'T38.0X5A']);
  });

  it('age-related osteoporosis whose own statement names a current compression fracture: M80.08XA, not M81.0', () => {
    expect(codes('Age-related osteoporosis with L2 compression fracture', 'Back pain x 1 wk. XR: new L2 compression fracture.')).toEqual([
      'M80.08XA',
    ]);
  });

  it('not a fracture its statement calls prior, nor one it denies: M81.0 stays', () => {
    expect(codes('Age-related osteoporosis with prior vertebral fracture', 'Bone health visit, on alendronate.')).toContain('M81.0');
    expect(codes('Age-related osteoporosis without fracture', 'Bone health visit, on alendronate.')).toContain('M81.0');
  });
});
