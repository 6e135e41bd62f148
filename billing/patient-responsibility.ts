/**
 * What the patient owes for a visit and what insurance is expected to pay, from the payer's
 * allowed amounts and the member's benefits. Order of application (the common commercial plan):
 *   1. the copay, once per visit, never more than the allowed total;
 *   2. the deductible, up to what is still unmet, on what remains;
 *   3. coinsurance (basis points, rounded half up to the cent) on what remains after that.
 * Insurance pays the rest of the allowed total. All amounts are integer cents.
 */
import type { Benefits, Cents, PatientResponsibility } from '../domain/billing.ts';
import { applyBasisPoints, assertCents } from './money.ts';

export interface PatientResponsibilityBreakdown extends PatientResponsibility {
  /** Sum of the allowed amounts: patientOwesCents + insuranceExpectedCents. */
  allowedCents: Cents;
}

export function remainingDeductible(benefits: Benefits): Cents {
  return Math.max(0, benefits.deductibleCents - benefits.deductibleMetCents);
}

/**
 * @param allowedCentsPerLine the payer's allowed amount of each claim line
 * @param chargeCents the clinic's billed total (reported as is); defaults to the allowed total
 */
export function computePatientResponsibility(
  allowedCentsPerLine: readonly Cents[],
  benefits: Benefits,
  chargeCents?: Cents,
): PatientResponsibilityBreakdown {
  allowedCentsPerLine.forEach((cents) => assertCents(cents, 'allowed amount'));
  assertCents(benefits.copayCents, 'copay');
  assertCents(benefits.deductibleCents, 'deductible');
  assertCents(benefits.deductibleMetCents, 'deductible met');
  if (!Number.isInteger(benefits.coinsuranceBps) || benefits.coinsuranceBps < 0 || benefits.coinsuranceBps > 10_000) {
    throw new RangeError('coinsurance must be 0 to 10000 basis points');
  }

  const allowedCents = allowedCentsPerLine.reduce((sum, cents) => sum + cents, 0);
  const copayCents = Math.min(benefits.copayCents, allowedCents);
  const afterCopay = allowedCents - copayCents;
  const deductibleAppliedCents = Math.min(remainingDeductible(benefits), afterCopay);
  const afterDeductible = afterCopay - deductibleAppliedCents;
  const coinsuranceCents = applyBasisPoints(afterDeductible, benefits.coinsuranceBps);
  const patientOwesCents = copayCents + deductibleAppliedCents + coinsuranceCents;

  return {
    chargeCents: chargeCents ?? allowedCents,
    allowedCents,
    copayCents,
    deductibleAppliedCents,
    coinsuranceCents,
    patientOwesCents,
    insuranceExpectedCents: allowedCents - patientOwesCents,
  };
}
