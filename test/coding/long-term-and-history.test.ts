// Long-term drug therapy the notes state (Z79, guideline I.C.21.c.3) and the history of tobacco
// dependence (Z87.891) only where the record relates it to the visit (IV.J, I.C.21.c.4). Examples
// written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { codedBy, sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'F', ageYears: 38 });
const coded = codedBy(codeSets, { sex: 'F', ageYears: 38 });

describe('long-term (current) drug therapy stated in the notes', () => {
  it('an antibiotic taken for months, or a suppressive regimen, is long-term therapy (Z79.2)', () => {
    expect(codes(['Acne vulgaris'], 'Inflammatory acne; minocycline 100 mg daily for six months, continue.')).toEqual(['L70.0', 'Z79.2']);
    expect(codes(['Recurrent cystitis'], 'On prophylactic nitrofurantoin nightly; no infection since.')).toContain('Z79.2');
  });

  it('a short course, or one stopped, is not', () => {
    expect(codes(['Acute cystitis'], 'Nitrofurantoin for five days.')).toEqual(['N30.00']);
    expect(codes(['Acne vulgaris'], 'Doxycycline stopped after four months; topical retinoid only.')).toEqual(['L70.0']);
  });

  it('the code cites the statement it comes from', () => {
    const z = coded(['Rosacea'], 'Rosacea; doxycycline 40 mg daily for four months.').find((d) => d.code === 'Z79.2');
    expect(z?.rationale).toMatch(/long-term \(current\) drug therapy.*doxycycline/);
  });
});

describe('history of tobacco dependence', () => {
  it('a former-smoker line of the social history alone adds nothing to a visit for another condition', () => {
    expect(codes(['Essential hypertension'], 'Blood pressure controlled. Social history: former smoker, quit 2012.')).toEqual(['I10']);
  });

  it('a history the visit states is coded with a condition whose note asks for it', () => {
    expect(codes(['COPD'], 'Quit smoking eight years ago after 25 pack-years. Stable on tiotropium.')).toEqual(['J44.9', 'Z87.891']);
  });

  it('current smoking beside its history is current dependence, not history', () => {
    expect(codes(['COPD'], 'Current smoker with a 30 pack-year history of smoking; counselled.')).toEqual(['F17.210', 'J44.9']);
    expect(codes(['COPD'], 'Social history: former smoker. Today smokes one pack per day.')).toEqual(['F17.210', 'J44.9']);
  });
});
