/**
 * The payer's answer to a claim, as an X12 835 (health care claim payment/advice) carries it:
 * per claim the status, charge, payment and patient responsibility; per service line the
 * payment and every adjustment by group code (CO contractual, PR patient responsibility, OA
 * other, PI payer initiated) and CARC reason code, with RARC remark codes. Money is integer
 * cents and may be negative: a reversal (claim status 22) repeats the earlier answer negated.
 */
import type { Cents } from '../domain/billing.ts';

export const ADJUSTMENT_GROUPS = ['CO', 'PR', 'OA', 'PI', 'CR'] as const;
export type AdjustmentGroup = (typeof ADJUSTMENT_GROUPS)[number];

export interface RemittanceAdjustment {
  group: AdjustmentGroup;
  /** Claim adjustment reason code (CARC), e.g. 45, 1, 2, 3, 50, 96, 204. */
  reasonCode: string;
  amountCents: Cents;
  units?: number;
}

export interface RemittanceServiceLine {
  /** Our claim line number, echoed by the payer (REF*6R, line item control number). */
  lineNumber: number;
  code: string;
  modifiers: string[];
  units: number;
  chargeCents: Cents;
  paidCents: Cents;
  /** The payer's allowed amount (AMT*B6), when given. */
  allowedCents?: Cents;
  adjustments: RemittanceAdjustment[];
  /** Remittance advice remark codes (RARC, LQ*HE). */
  remarkCodes: string[];
}

/**
 * CLP02: 1 processed as primary, 2 as secondary, 3 as tertiary, 4 denied, 19/20/21 processed as
 * primary/secondary/tertiary and forwarded, 22 reversal of a previous payment, 23 not our claim.
 */
export type ClaimPaymentStatus = '1' | '2' | '3' | '4' | '19' | '20' | '21' | '22' | '23';

export interface RemittanceClaimPayment {
  /** Our claim number (patient control number, CLM01 of the 837P). */
  claimNumber: string;
  status: ClaimPaymentStatus;
  chargeCents: Cents;
  paidCents: Cents;
  patientResponsibilityCents: Cents;
  /** The payer's claim control number (CLP07): the original reference of a replacement claim or an appeal. */
  payerClaimNumber: string;
  /** Claim-level adjustments (CAS in loop 2100), rare: most are per line. */
  adjustments: RemittanceAdjustment[];
  lines: RemittanceServiceLine[];
}

export interface Remittance {
  /** Check or EFT trace number (TRN02): with the payer id, the remittance's identity. */
  traceNumber: string;
  payerId: string;
  payerName: string;
  /** The payee's NPI (N1*PE). */
  payeeNpi: string;
  /** BPR04: CHK check, ACH electronic transfer, NON no payment. */
  paymentMethod: 'CHK' | 'ACH' | 'NON';
  /** BPR02: total paid by this remittance. */
  paymentCents: Cents;
  /** BPR16, YYYY-MM-DD. */
  paymentDate: string;
  claims: RemittanceClaimPayment[];
}

export const CLAIM_STATUS_WORDS: Record<ClaimPaymentStatus, string> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'processed as primary, forwarded to another payer',
  '20': 'processed as secondary, forwarded to another payer',
  '21': 'processed as tertiary, forwarded to another payer',
  '22': 'reversal of a previous payment',
  '23': 'not our claim, forwarded to another payer',
};

/** Processed and forwarded to a secondary payer by the primary itself (crossover). */
export function wasForwarded(status: ClaimPaymentStatus): boolean {
  return status === '19' || status === '20' || status === '21';
}

export function sumAdjustments(adjustments: readonly RemittanceAdjustment[], group?: AdjustmentGroup): Cents {
  return adjustments.filter((a) => group === undefined || a.group === group).reduce((sum, a) => sum + a.amountCents, 0);
}

/** What the payer left unpaid on a line for the patient: the sum of its PR adjustments. */
export function linePatientResponsibility(line: RemittanceServiceLine): Cents {
  return sumAdjustments(line.adjustments, 'PR');
}

/** Reasons that are the plan working as agreed, not a denial: deductible, coinsurance, copay, the contracted discount. */
const NOT_A_DENIAL = new Set(['PR-1', 'PR-2', 'PR-3', 'CO-45']);

/**
 * A line is denied when the payer paid nothing and adjusted the charge away for a reason other
 * than the patient's cost sharing (deductible 1, coinsurance 2, copay 3) or the contracted
 * discount (CO-45): a line that all went to the deductible is adjudicated, not denied.
 */
export function isDeniedLine(line: RemittanceServiceLine): boolean {
  if (line.paidCents !== 0 || line.chargeCents <= 0) return false;
  return line.adjustments.some((a) => a.amountCents > 0 && !NOT_A_DENIAL.has(`${a.group}-${a.reasonCode}`));
}

/** Balancing errors of one claim payment (charge = paid + adjustments, per claim and per line); empty when it balances. */
export function balanceProblems(claim: RemittanceClaimPayment): string[] {
  const problems: string[] = [];
  const lineAdjustments = claim.lines.reduce((sum, l) => sum + sumAdjustments(l.adjustments), 0);
  const total = claim.paidCents + sumAdjustments(claim.adjustments) + lineAdjustments;
  if (total !== claim.chargeCents) {
    problems.push(`claim charge ${claim.chargeCents} differs from paid plus adjustments ${total} by ${claim.chargeCents - total} cents`);
  }
  for (const line of claim.lines) {
    const lineTotal = line.paidCents + sumAdjustments(line.adjustments);
    if (lineTotal !== line.chargeCents) {
      problems.push(`line ${line.lineNumber}: charge ${line.chargeCents} differs from paid plus adjustments ${lineTotal}`);
    }
  }
  const linePaid = claim.lines.reduce((sum, l) => sum + l.paidCents, 0);
  if (claim.lines.length > 0 && linePaid !== claim.paidCents) {
    problems.push(`claim paid ${claim.paidCents} differs from the lines' paid total ${linePaid}`);
  }
  return problems;
}
