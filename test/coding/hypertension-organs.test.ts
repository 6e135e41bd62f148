// Hypertension with heart failure and/or chronic kidney disease (guideline I.C.9.a): I11.0 without CKD,
// I12.0/I12.9 by CKD stage, I13.x only with both; dialysis adds Z99.2. Chapter constraints keep a word
// match out of another family (a neoplasm code needs a neoplasm). Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';
import { hypertensiveCodeFor } from '../../coding/combinations.ts';

const codeSets = useCodeSets();

const codes = codesFor(codeSets, { ageYears: 70, sex: 'M' });

describe('hypertensiveCodeFor', () => {
  it('chooses by the organs coded', () => {
    expect(hypertensiveCodeFor('I10', true, undefined)).toBe('I11.0');
    expect(hypertensiveCodeFor('I12.9', true, undefined)).toBe('I11.0');
    expect(hypertensiveCodeFor('I10', true, 'N18.31')).toBe('I13.0');
    expect(hypertensiveCodeFor('I10', true, 'N18.6')).toBe('I13.2');
    expect(hypertensiveCodeFor('I10', false, 'N18.4')).toBe('I12.9');
    expect(hypertensiveCodeFor('I12.9', false, 'N18.5')).toBe('I12.0');
    expect(hypertensiveCodeFor('I10', false, undefined)).toBe('I10');
  });
});

describe('hypertension with heart and kidney disease', () => {
  it('hypertensive heart disease with heart failure and no CKD: I11.0 and the heart failure, never I12/I13', () => {
    expect(codes(['Hypertensive heart disease with chronic diastolic heart failure'])).toEqual(['I11.0', 'I50.32']);
    expect(codes(['Hypertension', 'Chronic systolic heart failure'])).toEqual(['I11.0', 'I50.22']);
  });

  it('with CKD as well: I13.0 (stage 1-4) and both codes kept', () => {
    expect(codes(['Hypertension', 'Chronic diastolic heart failure', 'CKD stage 3b'])).toEqual(['I13.0', 'I50.32', 'N18.32']);
  });

  it('hypertensive ESRD on dialysis: I12.0, N18.6 and Z99.2', () => {
    expect(codes(['Hypertensive end stage renal disease on hemodialysis']).sort()).toEqual(['I12.0', 'N18.6', 'Z99.2']);
  });

  it('hypertension with CKD stage 4: I12.9 with N18.4', () => {
    expect(codes(['Hypertension', 'Chronic kidney disease stage 4'])).toEqual(['I12.9', 'N18.4']);
  });
});

describe('chapter constraints on word matches', () => {
  it('a lobe named with pneumonia is not a lung neoplasm', () => {
    expect(codes(['Community acquired pneumonia, right lower lobe'])).toEqual(['J18.9']);
  });

  it('acute otitis media with no type is otitis media NOS of the side (index: Otitis, media, acute)', () => {
    expect(codes(['Acute otitis media, right ear'])).toEqual(['H66.91']);
    expect(codes(['Acute suppurative otitis media, right ear'])[0]).toMatch(/^H66\.0/);
  });
});
