import { describe, expect, it } from 'vitest';
import { ESTIMATE_LABEL, GOOD_FAITH_ESTIMATE_LABEL, estimatePatientResponsibility } from '../../billing/estimate.ts';
import { parseFeeSchedule } from '../../billing/fee-schedule.ts';

const feeSchedule = parseFeeSchedule(
  [
    'payerId,code,modifier,chargeCents,allowedCents',
    'ACME,99213,,13500,8000',
    'ACME,70551,,120000,70000',
    'SELF-PAY,99213,,8100,8100',
    'SELF-PAY,70551,,72000,72000',
  ].join('\n'),
);

const visit = [{ code: '99213', units: 1, modifiers: [] }];
const mri = [{ code: '70551', units: 1, modifiers: [] }];
const benefits = { copayCents: 2500, coinsuranceBps: 2000, deductibleRemainingCents: 30000, outOfPocketRemainingCents: 600000 };

describe('patient estimate before the visit', () => {
  it('applies copay, the unmet deductible and coinsurance to the allowed amounts, and is labelled an estimate', () => {
    const estimate = estimatePatientResponsibility([...visit, ...mri], feeSchedule, {
      kind: 'estimate',
      payerId: 'ACME',
      benefits,
      benefitsAsOf: '2026-11-28',
    });
    // allowed 78000: copay 2500, deductible 30000 of the 75500 left, 20 % of 45500 = 9100.
    expect(estimate).toMatchObject({
      kind: 'estimate',
      label: ESTIMATE_LABEL,
      chargeCents: 133500,
      expectedPriceCents: 78000,
      copayCents: 2500,
      deductibleCents: 30000,
      coinsuranceCents: 9100,
      outOfPocketCapCents: 0,
      patientEstimateCents: 41600,
      insuranceEstimateCents: 36400,
    });
    expect(estimate.notes[0]).toMatch(/not a bill/);
  });

  it('never exceeds what remains of the out-of-pocket maximum', () => {
    const estimate = estimatePatientResponsibility(mri, feeSchedule, {
      kind: 'estimate',
      payerId: 'ACME',
      benefits: { ...benefits, outOfPocketRemainingCents: 10000 },
      benefitsAsOf: '2026-11-28',
    });
    expect(estimate.patientEstimateCents).toBe(10000);
    expect(estimate.outOfPocketCapCents).toBe(2500 + 30000 + 7500 - 10000);
    expect(estimate.insuranceEstimateCents).toBe(60000);
  });

  it('counts a benefit the insurer did not report as zero, and says so', () => {
    const estimate = estimatePatientResponsibility(visit, feeSchedule, {
      kind: 'estimate',
      payerId: 'ACME',
      benefits: { copayCents: null, coinsuranceBps: 1000, deductibleRemainingCents: null, outOfPocketRemainingCents: null },
      benefitsAsOf: '2026-11-28',
    });
    expect(estimate.patientEstimateCents).toBe(800);
    expect(estimate.notes.join(' ')).toMatch(/did not report copayCents, deductibleRemainingCents/);
  });

  it('a self-pay patient gets a good-faith estimate from the self-pay price list', () => {
    const estimate = estimatePatientResponsibility([...visit, { code: '70551', units: 2, modifiers: [] }], feeSchedule, {
      kind: 'good_faith_estimate',
    });
    expect(estimate).toMatchObject({
      kind: 'good_faith_estimate',
      label: GOOD_FAITH_ESTIMATE_LABEL,
      chargeCents: 8100 + 144000,
      patientEstimateCents: 8100 + 144000,
      insuranceEstimateCents: 0,
    });
    expect(estimate.notes[0]).toMatch(/Good-faith estimate.*not a bill/);
  });

  it('names a service that has no price and leaves it out, never guessing', () => {
    const estimate = estimatePatientResponsibility([...visit, { code: '99999', units: 1, modifiers: [] }], feeSchedule, {
      kind: 'good_faith_estimate',
    });
    expect(estimate.unpricedCodes).toEqual(['99999']);
    expect(estimate.lines.map((l) => l.code)).toEqual(['99213']);
    expect(estimate.patientEstimateCents).toBe(8100);
    expect(estimate.notes.join(' ')).toMatch(/not included: 99999/);
  });
});
