// Hypertension beside LVH, cardiomegaly or heart disease NOS is hypertensive heart disease (guideline
// I.C.9.a.1; coding/hypertensive-heart.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 64, sex: 'M' });

describe('hypertension with an included heart condition', () => {
  it('written I10 and I51.7: I11.9 alone (I11 includes the hypertrophy)', () => {
    const r = coded('BP 148/92 on losartan. Echo: concentric hypertrophy, EF 60%.\nA: HTN, LVH. Titrate losartan.', [
      { description: 'Essential hypertension', code: 'I10' },
      { description: 'Left ventricular hypertrophy', code: 'I51.7' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['I11.9']);
  });

  it('stated in the hypertension line itself: I11.9', () => {
    expect(diagnosisCodes(coded('Follow-up. BP 142/88.', [{ description: 'Hypertension with cardiomegaly' }]))).toEqual(['I11.9']);
  });

  it('stated in the assessment beside a hypertension line: I11.9', () => {
    const r = coded('A/P:\n1. Hypertension - increase amlodipine.\n2. LVH on echo from years of high BP.', [
      { description: 'HTN', code: 'I10' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['I11.9']);
  });

  it('hypertensive CKD with LVH: I13.10', () => {
    const r = coded('A: stable.', [
      { description: 'Hypertensive chronic kidney disease', code: 'I12.9' },
      { description: 'CKD stage 3a', code: 'N18.31' },
      { description: 'LVH', code: 'I51.7' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['I13.10', 'N18.31']);
  });

  it('not when the record puts the hypertrophy down to another cause', () => {
    const r = coded('A: LVH due to severe aortic stenosis, surgical referral. HTN controlled.', [
      { description: 'Hypertension', code: 'I10' },
      { description: 'LVH due to aortic stenosis', code: 'I51.7' },
    ]);
    expect(diagnosisCodes(r)).toContain('I10');
    expect(diagnosisCodes(r)).toContain('I51.7');
  });

  it('not when the heart is only in the results, or not named at all', () => {
    expect(
      diagnosisCodes(coded('Labs: echo 2019 showed cardiomegaly.\nA: HTN stable.', [{ description: 'Hypertension', code: 'I10' }])),
    ).toEqual(['I10']);
    expect(diagnosisCodes(coded('A: HTN stable, continue lisinopril.', [{ description: 'Hypertension', code: 'I10' }]))).toEqual(['I10']);
  });
});
