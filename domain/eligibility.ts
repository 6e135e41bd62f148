/**
 * Eligibility and benefits as the workflow and the API see them: the outcome of one inquiry to
 * the insurer (X12 270/271 shaped). Plain data; no member id or name (status queries show it).
 */
import type { Cents } from './billing.ts';

/** active: covered on the date of service; inactive: enrolled but not covered then; not_found: no such member; member_mismatch: the insurer's record names another person (AAA 71/73). */
export type EligibilityStatus = 'active' | 'inactive' | 'not_found' | 'member_mismatch';

export interface EligibilitySummary {
  status: EligibilityStatus;
  /** Which inquiry of the encounter this is (1, 2, ...). */
  check: number;
  payerId: string;
  /** ISO timestamp of the answer. */
  checkedAt: string;
  planName?: string;
  planBegin?: string;
  planEnd?: string;
  copayCents?: Cents;
  coinsuranceBps?: number;
  deductibleCents?: Cents;
  deductibleMetCents?: Cents;
  deductibleRemainingCents?: Cents;
  outOfPocketMaxCents?: Cents;
  outOfPocketMetCents?: Cents;
  outOfPocketRemainingCents?: Cents;
  /** Why the member is not covered, in words (with the X12 AAA code when the insurer gave one). */
  reason?: string;
}
