// Preventive visits (guideline I.C.21.c.13): the examination is first-listed and never displaced by
// what was found; a finding coded beside it (an abnormal reading or result) makes it "with abnormal
// findings". Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 48, sex: 'M' });

describe('preventive visit', () => {
  it('a finding listed first does not displace the examination, and makes it Z00.01', () => {
    expect(codes(['Elevated blood pressure reading', 'Annual wellness exam'])).toEqual(['Z00.01', 'R03.0']);
  });

  it('an examination with nothing found stays Z00.00', () => {
    expect(codes(['Annual physical exam'], 'No complaints. Exam normal.')).toEqual(['Z00.00']);
  });

  it('a chronic condition listed first still follows the examination', () => {
    expect(codes(['Essential hypertension', 'Routine general medical examination'])[0]).toMatch(/^Z00\.0/);
  });
});
