// Wrong code family from a word match: chapter and context constraints (a congenital code needs
// congenital wording; an abortive-outcome code needs an abortive outcome), the condition word of
// the phrase rather than its site or acuity, and index terms for what the record writes short
// (kidney stone, osteoporotic fracture, ear pain, RA, MS). Examples written for this test (tuned
// on); wording is our own.
import { describe, expect, it } from 'vitest';
import { sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'M', ageYears: 58 });

describe('chapter and context constraints', () => {
  it('a congenital code needs the record to say congenital', () => {
    expect(codes(['Renal stones, left'])).toEqual(['N20.0']);
    expect(codes(['Congenital hypothyroidism'], '', 'F', 2)).toEqual(['E03.1']);
  });

  it('an ectopic or abortive-outcome code needs that outcome, not a pregnancy', () => {
    const pregnant = codes(['Pregnancy confirmed, 9 weeks'], 'Pregnant, first prenatal visit.', 'F', 27);
    expect(pregnant.filter((c) => /^O0[0-8]/.test(c))).toEqual([]);
    expect(codes(['Ectopic pregnancy, right tube'], 'Pregnant.', 'F', 27).some((c) => c.startsWith('O00.1'))).toBe(true);
  });

  it('an osteoporotic fracture is pathological (M80), not traumatic or a collapsed vertebra NOS', () => {
    expect(codes(['Osteoporotic fracture of T12 vertebra, initial encounter'], 'No fall or injury.', 'F', 81)).toEqual(['M80.08XA']);
  });
});

describe('the condition word, not the site or acuity', () => {
  it('"status post" or "history of" names no condition by itself: it never picks a history code', () => {
    const afterSurgery = codes(['S/p right TKA - aftercare'], 'Seen after a knee replacement.', 'F', 70);
    expect(afterSurgery.filter((c) => /^Z8[5-7]/.test(c))).toEqual([]);
    expect(codes(['History of tuberculosis, treated 2010'])).toContain('Z86.11');
  });

  it('gout of a toe is gout of the foot, not an infection of the toe', () => {
    expect(codes(['Acute gout of left great toe'])).toEqual(['M10.072']);
  });

  it('pain named by the index term of its site', () => {
    expect(codes(['Left ear pain'], '', 'F', 9)).toEqual(['H92.02']);
    expect(codes(['Urgency of urination'])).toEqual(['R39.15']);
    expect(codes(['Urinary urgency'])).toEqual(['R39.15']);
  });

  it('abbreviations a physician writes for a diagnosis', () => {
    expect(codes(['RA, seropositive status unknown'], '', 'F')).toContain('M06.9');
    // (Ocrelizumab, a monoclonal antibody taken for it, is long-term immunosuppressive biologic therapy: Z79.620.)
    expect(codes(['MS'], 'Neurology follows; on ocrelizumab.', 'F', 40)).toEqual(['G35.D', 'Z79.620']);
    // Milliseconds and morphine are not multiple sclerosis.
    expect(codes([], 'Assessment: prolonged QT interval, QTc 510 ms.', 'F', 40)).not.toContain('G35.D');
  });

  it('a hamstring strain is the posterior muscle group of the thigh', () => {
    expect(codes(['Right hamstring strain, initial encounter'], '', 'M', 24)).toEqual(['S76.311A']);
  });
});
