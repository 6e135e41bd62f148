import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Benefits } from '../../domain/billing.ts';
import { computePatientResponsibility, remainingDeductible } from '../../billing/patient-responsibility.ts';

const cents = fc.integer({ min: 0, max: 5_000_000 });
const benefitsArb: fc.Arbitrary<Benefits> = fc.record({
  copayCents: fc.integer({ min: 0, max: 10_000 }),
  coinsuranceBps: fc.integer({ min: 0, max: 10_000 }),
  deductibleCents: fc.integer({ min: 0, max: 1_000_000 }),
  deductibleMetCents: fc.integer({ min: 0, max: 1_200_000 }),
});
const linesArb = fc.array(cents, { minLength: 0, maxLength: 8 });

describe('patient responsibility', () => {
  it('works through a worked example: copay, then deductible, then 20 % coinsurance', () => {
    const result = computePatientResponsibility(
      [12090, 71300],
      {
        copayCents: 2500,
        coinsuranceBps: 2000,
        deductibleCents: 150000,
        deductibleMetCents: 100000,
      },
      134500,
    );
    // allowed 83390; copay 2500 -> 80890; deductible 50000 -> 30890; coinsurance 20 % = 6178
    expect(result).toEqual({
      chargeCents: 134500,
      allowedCents: 83390,
      copayCents: 2500,
      deductibleAppliedCents: 50000,
      coinsuranceCents: 6178,
      patientOwesCents: 58678,
      insuranceExpectedCents: 24712,
    });
  });

  it('rounds coinsurance half up to the cent', () => {
    const benefits = { copayCents: 0, coinsuranceBps: 1500, deductibleCents: 0, deductibleMetCents: 0 };
    expect(computePatientResponsibility([10], benefits).coinsuranceCents).toBe(2); // 1.5 -> 2
    expect(computePatientResponsibility([9], benefits).coinsuranceCents).toBe(1); // 1.35 -> 1
  });

  it('caps the copay at the allowed total', () => {
    const r = computePatientResponsibility([1000], { copayCents: 2500, coinsuranceBps: 2000, deductibleCents: 0, deductibleMetCents: 0 });
    expect(r.copayCents).toBe(1000);
    expect(r.insuranceExpectedCents).toBe(0);
  });

  it('rejects fractional cents and out-of-range coinsurance', () => {
    const benefits = { copayCents: 0, coinsuranceBps: 2000, deductibleCents: 0, deductibleMetCents: 0 };
    expect(() => computePatientResponsibility([10.5], benefits)).toThrow(/cents/);
    expect(() => computePatientResponsibility([10], { ...benefits, coinsuranceBps: 10_001 })).toThrow(/basis points/);
  });

  it('property: shares are non-negative integers that add up to the allowed total', () => {
    fc.assert(
      fc.property(linesArb, benefitsArb, (lines, benefits) => {
        const r = computePatientResponsibility(lines, benefits);
        const allowed = lines.reduce((a, b) => a + b, 0);
        for (const value of [r.copayCents, r.deductibleAppliedCents, r.coinsuranceCents, r.patientOwesCents, r.insuranceExpectedCents]) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        expect(r.patientOwesCents + r.insuranceExpectedCents).toBe(allowed);
        expect(r.copayCents + r.deductibleAppliedCents + r.coinsuranceCents).toBe(r.patientOwesCents);
      }),
      { numRuns: 500 },
    );
  });

  it('property: the deductible applied never exceeds what remains of it', () => {
    fc.assert(
      fc.property(linesArb, benefitsArb, (lines, benefits) => {
        expect(computePatientResponsibility(lines, benefits).deductibleAppliedCents).toBeLessThanOrEqual(remainingDeductible(benefits));
      }),
      { numRuns: 500 },
    );
  });

  it('property: the patient never owes less when coinsurance goes up', () => {
    fc.assert(
      fc.property(linesArb, benefitsArb, fc.integer({ min: 0, max: 10_000 }), (lines, benefits, otherBps) => {
        const low = Math.min(benefits.coinsuranceBps, otherBps);
        const high = Math.max(benefits.coinsuranceBps, otherBps);
        const owesLow = computePatientResponsibility(lines, { ...benefits, coinsuranceBps: low }).patientOwesCents;
        const owesHigh = computePatientResponsibility(lines, { ...benefits, coinsuranceBps: high }).patientOwesCents;
        expect(owesHigh).toBeGreaterThanOrEqual(owesLow);
      }),
      { numRuns: 500 },
    );
  });
});
