// Guideline conventions written as mechanisms: hypertension with heart failure and CKD, dialysis
// status, and "X vs Y" outpatient diagnoses coded by the alternatives that are signs or symptoms.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const codes = codesFor(codeSets, { ageYears: 68, sex: 'M' });

describe('hypertension with heart and kidney disease', () => {
  it('all three documented: I13.0 with the heart failure and the CKD stage kept', () => {
    const c = codes(['HTN', 'chronic systolic CHF', 'CKD stage 4']);
    expect(c).toEqual(expect.arrayContaining(['I13.0', 'I50.22', 'N18.4']));
    expect(c).not.toContain('I11.0');
    expect(c).not.toContain('I12.9');
  });

  it('with end-stage renal disease: I13.2', () => {
    expect(codes(['hypertension', 'heart failure with reduced ejection fraction, chronic', 'ESRD'])).toContain('I13.2');
  });
});

describe('dialysis status', () => {
  it('ESRD with the patient on hemodialysis adds Z99.2 beside I12.0', () => {
    const c = codes(['Hypertensive kidney disease', 'ESRD'], 'Receives hemodialysis on Mondays, Wednesdays and Fridays.');
    expect(c).toEqual(expect.arrayContaining(['N18.6', 'Z99.2']));
  });

  it('dialysis only being discussed is not dialysis status', () => {
    expect(codes(['ESRD'], 'Dialysis discussed with the family; patient is pre-dialysis.')).not.toContain('Z99.2');
  });
});

describe('"X vs Y" in the office', () => {
  it('codes a sign the physician names as one of the alternatives, never nothing', () => {
    const c = codes(['fainting episode vs seizure']);
    expect(c.length).toBeGreaterThan(0);
    expect(c.every((x) => x.startsWith('R'))).toBe(true);
  });
});
