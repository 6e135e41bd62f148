// Drugs (guideline I.C.19.e): a drug named as the cause of a condition is an adverse effect (the
// manifestation, then the T36-T50 code of its class with character 5); a drug taken wrongly is a
// poisoning, first-listed with its intent. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { drugEffectCode } from '../../coding/drug-effects.ts';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 62, sex: 'F' });

describe('adverse effect of a drug properly taken', () => {
  it('the manifestation first, then the class code with the adverse-effect character and 7th A', () => {
    expect(codes(['Hypokalemia due to hydrochlorothiazide'])).toEqual(['E87.6', 'T50.2X5A']);
    expect(codes(['Dry cough, side effect of lisinopril'])[1]).toBe('T46.4X5A');
  });

  it('the class decides the 5th/6th character (propionic acid derivatives: T39.31-)', () => {
    expect(drugEffectCode(codeSets().icd, 'gastritis due to ibuprofen', '')?.code).toBe('T39.315A');
    expect(drugEffectCode(codeSets().icd, 'rash from amoxicillin, subsequent encounter', 'subsequent encounter')?.code).toBe('T36.0X5D');
  });

  it('a drug named without a causal word is not an effect', () => {
    expect(drugEffectCode(codeSets().icd, 'hypertension on lisinopril', '')).toBeUndefined();
  });
});

describe('poisoning: a drug taken wrongly', () => {
  it('accidental unless intent is documented, first-listed', () => {
    expect(codes(['Accidental overdose of acetaminophen'])).toEqual(['T39.1X1A']);
    expect(drugEffectCode(codeSets().icd, 'intentional overdose of sertraline', '')?.code).toBe('T43.222A');
  });
});
