// Long SOAP notes, session 14 (coding-14b): the exact code set. Codes a "use additional code" note asks
// for that the record documents and a later step must not lose; codes a coder leaves out. Our own wording.
import { describe, expect, it } from 'vitest';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const codes = (doc: Partial<EncounterDocumentation>, ageYears = 60, sex: 'F' | 'M' = 'M') =>
  codeEncounter(codingInput(doc, { ageYears, sex }), codeSets()).diagnoses.map((d) => d.code);
const lines = (descriptions: string[], notes = '', ageYears = 60, sex: 'F' | 'M' = 'M') =>
  codes({ diagnoses: descriptions.map((description) => ({ description })), notes }, ageYears, sex);

describe('a code a "use additional code" note asks for stays when a later step recodes the condition', () => {
  it('insulin named on the diabetes line stays Z79.4 when the line becomes diabetes with hyperglycemia', () => {
    const got = lines(
      ['Diabetes, poorly controlled, on insulin'],
      'A1c 10.2. Takes glargine 30 units nightly; increase by 2 units every 3 days.',
    );
    expect(got).toEqual(['E11.65', 'Z79.4']);
  });

  it('insulin stays beside a diabetic ulcer and neuropathy coded from the lines around it', () => {
    const got = lines(['Diabetic foot ulcer R heel', 'Diabetic peripheral neuropathy', 'DM2 with hyperglycemia, on insulin']);
    expect(got).toContain('Z79.4');
    expect(got).toContain('E11.621');
  });
});

describe('the stage a combination code asks for, stated on the same line', () => {
  it('diabetic CKD with its stage on one line is E11.22 with the stage code', () => {
    expect(lines(['Type 2 diabetes mellitus with diabetic chronic kidney disease stage 4'])).toEqual(['E11.22', 'N18.4']);
    expect(lines(['DM2 with diabetic CKD stage 3b'])).toEqual(['E11.22', 'N18.32']);
  });
});

describe('a condition a combination code holds is not coded twice', () => {
  it('plain hypertension further down the list is the hypertensive CKD code already there, not I10 as well', () => {
    expect(lines(['CKD 4 - hypertensive', 'Anemia in CKD', 'HTN'])).toEqual(['I12.9', 'N18.4', 'D63.1']);
  });

  it('hypertension alone stays I10', () => {
    expect(lines(['HTN', 'Hyperlipidemia'])).toEqual(['I10', 'E78.5']);
  });
});

describe('what a note asks for is something the coded condition does not already say', () => {
  it('alcohol counselling asks for the use it counsels, which its own words do not state', () => {
    const notes = 'Has 3-4 glasses of wine every evening. Counselled on cutting down. BP 134/84 on amlodipine, continue.';
    expect(lines(['Hypertension', 'Alcohol counselling'], notes)).toEqual(['I10', 'Z71.41']);
  });
});

describe('one part of a note answered does not answer the others', () => {
  it('an oral drug found for E11.22 still leaves its CKD stage to be coded from the same line', () => {
    const notes = 'Takes glipizide 5 mg twice daily. eGFR 24. Continue glipizide.';
    expect(lines(['Type 2 diabetes mellitus with diabetic chronic kidney disease stage 4'], notes)).toEqual(['E11.22', 'Z79.84', 'N18.4']);
  });
});
