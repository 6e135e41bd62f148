// Clinical validation rows: gout beside pyrophosphate crystals (and the reverse), a benign or
// unspecified lesion beside a pathology report of malignancy (coding/clinical-validations.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const result = (notes: string, description: string, code: string) =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description, code }] }, { ageYears: 66, sex: 'F' }), codeSets());

describe('joint fluid crystals against the crystal disease coded', () => {
  it('gout beside rhomboid positively birefringent crystals is asked, the written code held', () => {
    const r = result(
      'L ankle tapped. Fluid: rhomboid, weakly positively birefringent crystals; no urate crystals. A: gout flare L ankle.',
      'Gout flare left ankle',
      'M10.072',
    );
    expect(r.clarification?.question).toMatch(/birefringent/);
    expect(r.diagnoses.map((d) => d.code)).toContain('M10.072');
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('gout beside needle-shaped negatively birefringent crystals raises nothing', () => {
    const r = result(
      'L ankle tapped. Fluid: needle-shaped negatively birefringent crystals. A: gout flare L ankle.',
      'Gout flare left ankle',
      'M10.072',
    );
    expect(r.clarification).toBeUndefined();
  });
});

describe('a pathology report of malignancy against a benign or unspecified lesion', () => {
  it('a nevus beside a biopsy reading melanoma in situ is asked', () => {
    const r = result(
      'Shave biopsy result: melanoma in situ, margins involved. A: atypical nevus R shoulder, reassured.',
      'Atypical nevus',
      'D22.61',
    );
    expect(r.clarification?.question).toMatch(/melanoma/);
  });

  it('a malignancy coded on the claim accounts for the report: a benign lesion beside it raises nothing', () => {
    const r = codeEncounter(
      codingInput(
        {
          notes:
            'Path from the cheek biopsy: squamous cell carcinoma, margins clear. Also several seborrheic keratoses on the back, benign.',
          diagnoses: [
            { description: 'Squamous cell carcinoma of skin of left cheek', code: 'C44.329' },
            { description: 'Seborrheic keratoses', code: 'L82.1' },
          ],
        },
        { ageYears: 70, sex: 'M' },
      ),
      codeSets(),
    );
    expect(r.clarification?.reason ?? '').not.toMatch(/clinical validation/);
  });

  it('a report negative for malignancy, or an earlier one, raises nothing', () => {
    expect(result('Biopsy: benign compound nevus, negative for malignancy. A: nevus.', 'Nevus', 'D22.61').clarification).toBeUndefined();
    expect(
      result('Biopsy in 2015 showed basal cell carcinoma, excised. Today: seborrheic keratosis on back.', 'Seborrheic keratosis', 'L82.1')
        .clarification,
    ).toBeUndefined();
  });
});

describe('a lobe named beside the thyroid or the liver', () => {
  const codes = (description: string) =>
    codeEncounter(codingInput({ diagnoses: [{ description }] }, { ageYears: 50, sex: 'F' }), codeSets()).diagnoses.map((d) => d.code);

  it('is the organ named, not a lobe of the lung', () => {
    expect(codes('Papillary thyroid carcinoma, left lobe')).toEqual(['C73']);
  });

  it('a lobe with no thyroid or liver named stays the lung', () => {
    expect(codes('Adenocarcinoma right upper lobe')).toEqual(['C34.11']);
  });
});
