// Hypertension in an ongoing pregnancy goes where the tabular's own notes put it: O10.0's "Any
// condition in I10 specified as a reason for obstetric care" takes essential hypertension (O10.01-),
// not the gestational hypertension (O13) whose title shares the words "hypertension" and "pregnancy".
// Chronic hypertension is the essential kind, not chronic venous hypertension (I87.3-). Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 31, sex: 'F' });

describe('hypertension in pregnancy', () => {
  it('chronic hypertension in a pregnancy is pre-existing essential hypertension', () => {
    const note = 'G2P1 at 30 weeks. Hypertension since 2021, on labetalol; BP 134/86 today.';
    expect(codes(['Chronic HTN'], note)).toEqual(['O10.013', 'Z3A.30']);
  });

  it('a hypertension not stated gestational is not coded gestational: I10 goes to O10.0, by trimester', () => {
    expect(codes(['HTN'], 'G1P0 at 10 weeks, BP 138/88 on nifedipine started 2023.')).toEqual(['O10.011', 'Z3A.10']);
  });

  it('gestational hypertension stays gestational', () => {
    expect(codes(['Gestational hypertension'], 'G1P0 at 35 weeks; BP was normal until 32 weeks.')).toEqual(['O13.3', 'Z3A.35']);
  });

  it('chronic hypertension outside pregnancy is I10, not chronic venous hypertension', () => {
    expect(codes(['Chronic HTN'], 'BP 132/84 on amlodipine.', { sex: 'M', ageYears: 60 })).toEqual(['I10']);
  });
});
