// A condition the tabular includes "secondary to" a condition the record also codes (I85.1:
// "Esophageal varices secondary to cirrhosis of liver / alcoholic liver disease") goes to that
// subcategory, keeping its own axis (with or without bleeding); alone it keeps its NOS code. Wording is our own.
import { describe, expect, it } from 'vitest';
import { sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { ageYears: 61, sex: 'M' });

describe('a condition secondary to another coded condition', () => {
  it('varices beside alcoholic cirrhosis are secondary varices', () => {
    const note =
      'Hepatology follow-up. Alcoholic cirrhosis, compensated. Surveillance EGD: grade 1 esophageal varices, no bleeding. On nadolol.';
    expect(codes(['Alcoholic cirrhosis of liver', 'Esophageal varices'], note)).toContain('I85.10');
  });

  it('bleeding varices beside cirrhosis keep the bleeding', () => {
    expect(codes(['Cirrhosis of liver', 'Esophageal varices with bleeding'], 'Admitted last week for variceal bleed, banded.')).toContain(
      'I85.11',
    );
  });

  it('varices with no coded cause keep the NOS code', () => {
    expect(codes(['Esophageal varices'], 'EGD: small esophageal varices, no bleeding.')).toEqual(['I85.00']);
  });
});
