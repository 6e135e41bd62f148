// A stage, severity or acuity belongs to the condition of its own clause: it is not read forward
// across a comma, slash or semicolon into the next condition's words.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 74, sex: 'M' }, { sorted: true });

describe('an axis value stays in its clause', () => {
  it('"CKD stage 4, HTN" gives the stage to the kidney disease, not a stage of hypertension', () => {
    expect(codes(['CKD 4', 'HTN'], 'Nephrology follow-up. CKD stage 4, HTN.')).toEqual(['I12.9', 'N18.4']);
    expect(codes(['CKD 4', 'HTN'], 'CKD 4 / HTN f/u, labs back.')).toEqual(['I12.9', 'N18.4']);
  });

  it('a value written after its condition across a comma is still that condition’s', () => {
    expect(codes(['Sacral pressure ulcer'], 'Sacral pressure ulcer, stage 3, 2 cm, clean base.')).toEqual(['L89.153']);
  });
});
