// A general examination is "with abnormal findings" only for what the examination found; a known
// condition written as an abbreviation (HTN, BPH, HLD) and called followed, managed or on its drug
// elsewhere in the note is pre-existing, not a finding (guideline I.C.21.c.13). Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 71, sex: 'M' });

describe('examination findings', () => {
  it('an abbreviated chronic condition the note says is followed elsewhere leaves the exam without findings', () => {
    const note = 'Annual wellness visit. HTN and BPH are followed at his usual chronic visits; nothing changed today. Exam unremarkable.';
    expect(codes(['Annual wellness visit', 'HTN', 'BPH'], note)[0]).toBe('Z00.00');
  });

  it('a condition named on its drug in the history is not found at the examination', () => {
    const note = 'Wellness exam. History reviewed: hyperlipidemia on rosuvastatin; osteopenia.';
    expect(codes(['Wellness exam', 'HLD'], note)[0]).toBe('Z00.00');
  });

  it('a condition the examination finds still makes it with abnormal findings', () => {
    const note = 'Annual physical. BMI 33, obesity discussed with a diet plan.';
    expect(codes(['Annual physical', 'Obesity, BMI 33'], note)[0]).toBe('Z00.01');
  });
});
