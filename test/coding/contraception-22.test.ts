// Contraceptive management (Z30) is coded where contraception is the purpose, by the method and the
// phase the record states (guideline I.C.21.c.11; the category's axes): first prescription (Z30.01-)
// or surveillance (Z30.4-: repeat prescription, next injection, IUD inserted/checked/removed). A line
// naming no contraception is not Z30, and a hormonal method started for a condition is that
// condition's treatment. Records are written for the test.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 24, sex: 'F' });

describe('contraceptive management by method and phase', () => {
  it('starting the pill is its initial prescription, not emergency contraception', () => {
    expect(codes(['Birth control - starting OCPs'], 'Wants the pill. Nonsmoker, BP 110/70. Sunday start, backup 7 days.')).toEqual([
      'Z30.011',
    ]);
  });

  it('a repeat injection of medroxyprogesterone is the surveillance of an injectable contraceptive', () => {
    expect(codes(['DMPA'], 'Here for her scheduled Depo-Provera shot, last one 12 weeks ago. Given L deltoid.')).toEqual(['Z30.42']);
  });

  it('pills refilled at a visit are their surveillance', () => {
    expect(codes(['Oral contraceptive refill'], 'Doing well on her pill, no side effects. Refilled for a year.')).toEqual(['Z30.41']);
  });

  it('an implant inserted is its initial prescription, not an intrauterine device', () => {
    expect(codes(['Nexplanon placement'], 'Implant placed L upper arm under local anesthesia.')).toEqual(['Z30.017']);
  });

  it('an IUD taken out and a new one put in', () => {
    expect(codes(['Mirena exchange'], 'Device 7 years old; removed and a new LNG-IUD inserted.')).toEqual(['Z30.433']);
  });
});

describe('no contraceptive management where contraception is not the purpose', () => {
  it('"surveillance" after a cancer names no contraceptive', () => {
    const got = codes(['Melanoma of back excised 2022', 'surveillance'], 'Skin check, no recurrence.', { sex: 'M', ageYears: 60 });
    expect(got.some((c) => c.startsWith('Z30'))).toBe(false);
  });

  it('a combined pill started for acne is treatment of the acne', () => {
    const note = 'Moderate acne vulgaris despite topicals. Start combined OCP for acne; continue adapalene.';
    expect(codes(['Acne vulgaris', 'OCP start'], note, { ageYears: 19 })).toEqual(['L70.0']);
  });
});
