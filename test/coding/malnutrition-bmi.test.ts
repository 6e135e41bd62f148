// A BMI the record documents beside malnutrition or underweight, the associated reportable weight
// diagnosis guideline I.B.14 asks for (coding/additional.ts); and a dysphagia's phase beside a stroke's
// dysphagia, the index holding "phase" as nonessential (coding/use-additional.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 80, sex: 'F' });

describe('BMI beside malnutrition', () => {
  it('adds the BMI code the record documents after a malnutrition', () => {
    const c = codes(
      ['Moderate protein-calorie malnutrition'],
      'Wt 47 kg, ht 157 cm, BMI 19.1. RD: moderate malnutrition. Oral supplement BID.',
    );
    expect(c).toEqual(['E44.0', 'Z68.1']);
  });

  it('adds none beside a condition that is no weight diagnosis', () => {
    const c = codes(['Essential hypertension'], 'BP 150/90, BMI 19.1. Start amlodipine.');
    expect(c).toEqual(['I10']);
  });
});

describe("a stroke's dysphagia and its phase", () => {
  it('adds the phase the line names (R13.12 beside I69.391)', () => {
    const c = codes(['Oropharyngeal dysphagia after CVA'], 'Dysphagia after stroke, oropharyngeal on swallow study. SLP.');
    expect(c).toContain('I69.391');
    expect(c).toContain('R13.12');
  });

  it('adds no named phase the record does not state', () => {
    const c = codes(['Dysphagia after CVA'], 'Dysphagia after stroke. SLP.');
    expect(c).toContain('I69.391');
    expect(c.filter((x) => /^R13\.1[1-9]$/.test(x))).toEqual([]);
  });
});
