/**
 * A patient-responsibility estimate before the visit. It is never the bill: what the patient
 * owes comes from the insurer's remittance (PR adjustments) and is billed by the statement. The
 * estimate only says what the patient can expect, and says so in its label.
 *
 * - Insured (`estimate`): the payer's allowed amounts from the fee schedule, then the member's
 *   benefits from the last 271 answer, in the order computePatientResponsibility applies them
 *   (copay, deductible still unmet, coinsurance), capped at what remains of the out-of-pocket
 *   maximum.
 * - Self-pay (`good_faith_estimate`): the clinic's self-pay price list; the patient pays it all.
 *   A good-faith estimate is what the No Surprises Act asks a provider to give an uninsured or
 *   self-pay patient before a scheduled service.
 *
 * A service with no price in the list is named and left out of the totals, never guessed.
 */
import type { Cents } from '../domain/billing.ts';
import type { FeeSchedule } from './fee-schedule.ts';
import { SELF_PAY_PRICE_LIST } from './fee-schedule.ts';
import { formatDollars } from './money.ts';
import { computePatientResponsibility } from './patient-responsibility.ts';

export type EstimateKind = 'estimate' | 'good_faith_estimate';

export interface EstimatedService {
  code: string;
  units: number;
  modifiers: string[];
}

/** The member's benefits as the 271 reported them; a benefit the insurer did not report is null. */
export interface EstimateBenefits {
  copayCents: Cents | null;
  coinsuranceBps: number | null;
  deductibleRemainingCents: Cents | null;
  outOfPocketRemainingCents: Cents | null;
}

export type EstimateBasis =
  { kind: 'good_faith_estimate' } | { kind: 'estimate'; payerId: string; benefits: EstimateBenefits; benefitsAsOf: string };

export interface EstimateLine {
  code: string;
  units: number;
  modifiers: string[];
  chargeCents: Cents;
  /** What the payer allows (insured), or the self-pay price. */
  expectedPriceCents: Cents;
}

export interface PatientEstimateDocument {
  kind: EstimateKind;
  /** Shown above every amount: this is an estimate, not a bill. */
  label: string;
  lines: EstimateLine[];
  /** Services with no price in the list: left out of the totals. */
  unpricedCodes: string[];
  chargeCents: Cents;
  expectedPriceCents: Cents;
  copayCents: Cents;
  deductibleCents: Cents;
  coinsuranceCents: Cents;
  /** How much the out-of-pocket maximum took off. */
  outOfPocketCapCents: Cents;
  patientEstimateCents: Cents;
  insuranceEstimateCents: Cents;
  notes: string[];
}

export const ESTIMATE_LABEL = 'ESTIMATE — not a bill';
export const GOOD_FAITH_ESTIMATE_LABEL = 'GOOD-FAITH ESTIMATE — not a bill';

function priceLines(services: readonly EstimatedService[], feeSchedule: FeeSchedule, priceList: string) {
  const lines: EstimateLine[] = [];
  const unpricedCodes: string[] = [];
  for (const service of services) {
    const rate = feeSchedule.findRate(priceList, service.code, service.modifiers);
    if (rate === undefined) {
      unpricedCodes.push(service.code);
      continue;
    }
    const price = feeSchedule.priceLine(priceList, service.code, service.modifiers, service.units);
    lines.push({ ...service, chargeCents: price.chargeCents, expectedPriceCents: price.allowedCents });
  }
  return { lines, unpricedCodes };
}

const sum = (values: readonly Cents[]): Cents => values.reduce((total, value) => total + value, 0);

export function estimatePatientResponsibility(
  services: readonly EstimatedService[],
  feeSchedule: FeeSchedule,
  basis: EstimateBasis,
): PatientEstimateDocument {
  const priceList = basis.kind === 'good_faith_estimate' ? SELF_PAY_PRICE_LIST : basis.payerId;
  const { lines, unpricedCodes } = priceLines(services, feeSchedule, priceList);
  const chargeCents = sum(lines.map((l) => l.chargeCents));
  const expectedPriceCents = sum(lines.map((l) => l.expectedPriceCents));
  const notes: string[] = [];
  if (unpricedCodes.length > 0) notes.push(`Not in the price list, not included: ${unpricedCodes.join(', ')}.`);

  if (basis.kind === 'good_faith_estimate') {
    notes.unshift(
      `Good-faith estimate of the expected charges for the services of the visit at the clinic's self-pay prices (${formatDollars(expectedPriceCents)}). It is not a bill; ` +
        'if the bill is substantially higher than this estimate you may dispute it.',
    );
    return {
      kind: 'good_faith_estimate',
      label: GOOD_FAITH_ESTIMATE_LABEL,
      lines,
      unpricedCodes,
      chargeCents,
      expectedPriceCents,
      copayCents: 0,
      deductibleCents: 0,
      coinsuranceCents: 0,
      outOfPocketCapCents: 0,
      patientEstimateCents: expectedPriceCents,
      insuranceEstimateCents: 0,
      notes,
    };
  }

  const { benefits } = basis;
  const missing = (['copayCents', 'coinsuranceBps', 'deductibleRemainingCents'] as const).filter((name) => benefits[name] === null);
  if (missing.length > 0) notes.push(`The insurer did not report ${missing.join(', ')}; counted as zero.`);
  const responsibility = computePatientResponsibility(
    lines.map((l) => l.expectedPriceCents),
    {
      copayCents: benefits.copayCents ?? 0,
      coinsuranceBps: benefits.coinsuranceBps ?? 0,
      deductibleCents: benefits.deductibleRemainingCents ?? 0,
      deductibleMetCents: 0,
    },
    chargeCents,
  );
  const cap = benefits.outOfPocketRemainingCents;
  const patientEstimateCents = cap === null ? responsibility.patientOwesCents : Math.min(responsibility.patientOwesCents, cap);
  notes.unshift(
    `Estimate from your plan's benefits as your insurer reported them on ${basis.benefitsAsOf} and the services of the visit. It is not a bill: ` +
      'you will receive a statement after your insurer has processed the claim, and what you owe may differ.',
  );
  return {
    kind: 'estimate',
    label: ESTIMATE_LABEL,
    lines,
    unpricedCodes,
    chargeCents,
    expectedPriceCents,
    copayCents: responsibility.copayCents,
    deductibleCents: responsibility.deductibleAppliedCents,
    coinsuranceCents: responsibility.coinsuranceCents,
    outOfPocketCapCents: responsibility.patientOwesCents - patientEstimateCents,
    patientEstimateCents,
    insuranceEstimateCents: expectedPriceCents - patientEstimateCents,
    notes,
  };
}
