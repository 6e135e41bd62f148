// A urinary infection written N39.0 whose site the assessment names is coded by the site
// (coding/urinary-infection-site.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 36, sex: 'F' });
const codes = (notes: string) => code(notes, [{ description: 'UTI', code: 'N39.0' }]).diagnoses.map((d) => d.code);

describe('a urinary infection whose site the assessment names', () => {
  it('acute cystitis with hematuria is N30.01', () => {
    expect(
      codes('Dysuria 2 days, dipstick blood 2+, nitrite positive.\nAssessment: acute cystitis with hematuria. Nitrofurantoin.'),
    ).toEqual(['N30.01']);
  });

  it('a site only considered leaves N39.0', () => {
    expect(codes('Dysuria 2 days, no flank pain.\nAssessment: UTI, r/o pyelonephritis if fever. Nitrofurantoin.')).toEqual(['N39.0']);
  });

  it('no site named leaves N39.0', () => {
    expect(codes('Dysuria 2 days.\nAssessment: UTI - nitrofurantoin.')).toEqual(['N39.0']);
  });
});
