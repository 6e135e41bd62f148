// Component codes written apart that one code describes together (coding/combined-codes.ts), and drug
// or device codes of another product than the one the notes name (coding/product-corrections.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { namedProduct } from '../../coding/product-corrections.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimLines, expectCorrected, expectKept } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const coded = (notes: string, procedures: DocumentedProcedure[], diagnosis: string) =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description: diagnosis }], procedures }, { ageYears: 35, sex: 'F' }), codeSets());

describe('components written apart', () => {
  it('all the components of a combined code fold into it', () => {
    const r = coded(
      'TTE: 2D, M-mode, pulsed and continuous wave Doppler, color flow. EF 55%.',
      [
        { description: 'Echo 2D', code: '93307' },
        { description: 'Doppler', code: '93320' },
        { description: 'Color Doppler', code: '93325' },
      ],
      'Heart murmur',
    );
    expect(claimLines(r)).toEqual(['93306x1']);
    expectCorrected(r, '93307', '93306');
    expectCorrected(r, '93320', '93306');
  });
  it('urinalysis dipstick with microscopy is one code', () => {
    const r = coded(
      'UA by analyzer with microscopy: 5-10 WBC/hpf.',
      [
        { description: 'UA auto', code: '81003' },
        { description: 'UA micro', code: '81015' },
      ],
      'Dysuria',
    );
    expect(claimLines(r)).toEqual(['81001x1']);
  });
  it('a component written alone is left', () => {
    const r = coded(
      'TTE 2D and spectral Doppler, no color.',
      [
        { description: 'Echo 2D', code: '93307' },
        { description: 'Doppler', code: '93320' },
      ],
      'Heart murmur',
    );
    expectKept(r, '93307');
    expectKept(r, '93320');
  });
});

describe('the product the notes name', () => {
  it('a levonorgestrel system of another brand than the notes name is corrected', () => {
    const r = coded(
      'Kyleena IUS placed without difficulty, strings cut to 3 cm.',
      [
        { description: 'IUD insertion', code: '58300' },
        { description: 'LNG IUS', code: 'J7298' },
      ],
      'Encounter for insertion of intrauterine contraceptive device',
    );
    expectCorrected(r, 'J7298', 'J7296');
  });
  it('the albuterol form the notes state picks the code, units kept', () => {
    const r = coded(
      'Albuterol 2.5 mg unit dose vial via nebulizer, wheeze improved.',
      [
        { description: 'Neb', code: '94640' },
        { description: 'Albuterol', code: 'J7611', units: 3 },
      ],
      'Mild intermittent asthma with acute exacerbation',
    );
    expect(claimLines(r)).toContain('J7613x3');
    expectCorrected(r, 'J7611', 'J7613');
  });
  it('is left when the notes name two products, none, or the form belongs to another drug', () => {
    expectKept(
      coded('Mirena removed; Liletta inserted.', [{ description: 'LNG IUS', code: 'J7297' }], 'Encounter for IUD removal and reinsertion'),
      'J7297',
    );
    expectKept(
      coded(
        'Neb treatment given.\nLevalbuterol unit dose 0.63 mg at home PRN.',
        [{ description: 'Albuterol', code: 'J7611', units: 2 }],
        'Asthma',
      ),
      'J7611',
    );
    expect(namedProduct('IUS placed.', [{ code: 'J7298', named: /\bmirena\b/i }])).toBeUndefined();
  });
});
