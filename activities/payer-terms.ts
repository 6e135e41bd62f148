/** The payer directory's limits the workflow follows a claim by (timely filing, appeal, follow-up), in payer days. */
import type { ActivityDeps } from './deps.ts';

export interface PayerTerms {
  timelyFilingDays: number;
  appealLimitDays: number;
  followUpDays: number;
}

export const DEFAULT_PAYER_TERMS: PayerTerms = { timelyFilingDays: 365, appealLimitDays: 180, followUpDays: 30 };

/** The payer's terms from the directory; the defaults for a payer it does not list. */
export function payerTermsOf(payers: ActivityDeps['payers'], payerId: string): PayerTerms {
  const payer = payers.get(payerId);
  return payer
    ? { timelyFilingDays: payer.timelyFilingDays, appealLimitDays: payer.appealLimitDays, followUpDays: payer.followUpDays }
    : DEFAULT_PAYER_TERMS;
}
