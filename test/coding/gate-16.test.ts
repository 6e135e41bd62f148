// Session sixteen's gate reason condition-stated-otherwise (coding/stated-otherwise.ts): another
// statement of the record names a coded condition with a value of an axis its code does not carry, so
// a coder sees the conflict even when the engine sends no query about it. Records written for this
// test from the mechanism (tuned on), not copied from a set.
import { describe, expect, it } from 'vitest';
import type { CodedDiagnosis } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { conditionStatedOtherwise } from '../../coding/stated-otherwise.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const dx = (code: string, description: string, line: string): CodedDiagnosis => ({
  system: 'ICD-10-CM',
  code,
  description,
  confidence: 1,
  alternatives: [],
  evidence: [{ section: 'diagnoses', text: line }],
  rationale: '',
});

describe('a condition another statement names with another value goes to a coder', () => {
  const type1 = dx('E10.65', 'Type 1 diabetes mellitus with hyperglycemia', 'Type 1 diabetes with hyperglycemia');
  const stage3b = dx('N18.32', 'Chronic kidney disease, stage 3b', 'CKD stage 3b');

  it('the type or stage of the coded condition stated otherwise elsewhere', () => {
    const icd = codeSets().icd;
    expect(
      conditionStatedOtherwise(icd, ['Type 1 diabetes with hyperglycemia', 'Impression: type 2 diabetes, sugars high on insulin'], [type1]),
    ).toBe('E10.65: type 2');
    expect(
      conditionStatedOtherwise(icd, ['CKD stage 3b', 'Renal: chronic kidney disease stage 4, follows with nephrology'], [stage3b]),
    ).toBe('N18.32: stage 4');
  });

  it('not the same value again, a relative, a denial, an earlier value, or a value standing by another condition', () => {
    const icd = codeSets().icd;
    expect(
      conditionStatedOtherwise(icd, ['Type 1 diabetes with hyperglycemia', 'Type 1 diabetes since age 9, on a pump'], [type1]),
    ).toBeUndefined();
    expect(conditionStatedOtherwise(icd, ['Type 1 diabetes with hyperglycemia', 'Mother has type 2 diabetes'], [type1])).toBeUndefined();
    expect(
      conditionStatedOtherwise(icd, ['CKD stage 3b', 'Kidney disease progressed from stage 3a over two years'], [stage3b]),
    ).toBeUndefined();
    expect(
      conditionStatedOtherwise(
        icd,
        ['CKD stage 3b', 'Problems: chronic kidney disease, obesity, gout, hypertension stage 2 per home readings'],
        [stage3b],
      ),
    ).toBeUndefined();
  });

  it('not a value the classification never gives the condition: its codes are not divided by it', () => {
    // H10.02- is 'Other mucopurulent conjunctivitis'; no title or inclusion term names an acute one.
    const pinkEye = dx('H10.021', 'Other mucopurulent conjunctivitis, right eye', 'Mucopurulent conjunctivitis of the right eye');
    expect(
      conditionStatedOtherwise(
        codeSets().icd,
        ['Mucopurulent conjunctivitis of the right eye', 'Impression: acute mucopurulent conjunctivitis OD, start drops'],
        [pinkEye],
      ),
    ).toBeUndefined();
  });

  it('the engine holds a record whose list and assessment give the heart failure two types', () => {
    const r = codeEncounter(
      codingInput(
        {
          notes:
            'Seen for heart failure follow-up. Weight stable, mild ankle edema. Assessment: diastolic heart failure, euvolemic; continue furosemide.',
          diagnoses: described(['Chronic systolic heart failure']),
        },
        { ageYears: 76, sex: 'F' },
      ),
      codeSets(),
    );
    expect(r.straightThrough.reasons).toContain('condition-stated-otherwise');
  });
});
