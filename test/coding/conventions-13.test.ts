// Conventions settled in session 13 (issue 10): a code whose Excludes1 note sends it to a code already
// coded for the same statement is left off (I.A.12.a, I.B.9); after cancer treatment, the follow-up
// examination (Z08) belongs to a visit for that cancer, not to a passing mention, and the therapy
// history (Z92.21, Z92.3) to a diagnosis line naming it.
// Examples written for this test in their own words (tuned on).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes = '', ageYears = 64, sex: 'F' | 'M' = 'F') =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears, sex }), codeSets());

describe('Excludes1 "included elsewhere": the code the note sends to says it already', () => {
  it('hyperemesis with dehydration and low potassium is O21.1 (metabolic disturbance) alone, nothing asked', () => {
    const r = run(
      ['Hyperemesis gravidarum with dehydration and low potassium', '11 weeks gestation'],
      '11 weeks pregnant. Vomiting many times a day for a week, cannot keep water down. Potassium 3.1. IV fluids and an antiemetic.',
      27,
    );
    expect(diagnosisCodes(r)).toEqual(['O21.1', 'Z3A.11']);
    expect(r.clarification).toBeUndefined();
  });

  it('two statements naming conditions that exclude each other are still asked, never one dropped', () => {
    const r = run(['Type 1 diabetes mellitus', 'Type 2 diabetes mellitus'], 'Sugars running high.', 40);
    expect(diagnosisCodes(r)).toEqual(['E10.9', 'E11.9']);
    expect(r.clarification?.question).toMatch(/not normally present together/);
  });
});

describe('after completed cancer treatment: Z08 on a visit for that cancer, the therapy history from a diagnosis line', () => {
  it('a treated cancer mentioned in another condition’s visit is its history alone', () => {
    const r = run(
      ['Chronic systolic heart failure', 'History of breast cancer'],
      'Chronic systolic heart failure, stable on carvedilol. Breast cancer treated with lumpectomy and radiation in 2015, surveillance mammogram up to date.',
      70,
    );
    expect(diagnosisCodes(r)).toEqual(['I50.22', 'Z85.3']);
  });

  it('the surveillance visit itself keeps Z08 first; the therapy the narrative tells is left out', () => {
    const r = run(
      ['History of breast cancer'],
      'Surveillance visit. Breast cancer treated with lumpectomy and radiation, completed in 2019. No evidence of recurrence.',
    );
    expect(diagnosisCodes(r)).toEqual(['Z08', 'Z85.3']);
  });

  it('a diagnosis line naming the therapy history is coded on any visit', () => {
    expect(
      diagnosisCodes(run(['Essential hypertension', 'History of breast cancer', 'History of radiation therapy'], 'BP 128/80.')),
    ).toEqual(['I10', 'Z85.3', 'Z92.3']);
  });
});
