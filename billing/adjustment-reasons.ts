/**
 * What the payer's codes mean, in our own plain words for billers and patients: adjustment
 * groups, the claim adjustment reason codes (CARC) and remittance advice remark codes (RARC)
 * this clinic meets most. An unknown code is shown as such, never guessed.
 */
import type { AdjustmentGroup, RemittanceAdjustment } from './remittance.ts';

export const GROUP_WORDS: Record<AdjustmentGroup, string> = {
  CO: 'contractual: the practice writes it off, the patient is not billed',
  PR: 'patient responsibility: billed to the patient (or a secondary payer)',
  OA: 'other adjustment',
  PI: 'payer-initiated reduction',
  CR: 'correction or reversal of an earlier claim',
};

const CARC_WORDS: Record<string, string> = {
  '1': 'applied to the deductible',
  '2': 'coinsurance',
  '3': 'copay',
  '4': 'the procedure code does not fit the modifier used, or a needed modifier is missing',
  '16': 'the claim lacks information or has billing errors',
  '18': 'exact duplicate of a claim or line already processed',
  '22': 'another payer may be responsible first (coordination of benefits)',
  '23': 'the payment reflects what a prior payer paid or allowed',
  '27': 'incurred after the coverage ended',
  '29': 'the time limit for filing has expired',
  '45': 'the charge exceeds the fee schedule or contracted amount',
  '50': 'the payer does not consider the service medically necessary',
  '96': 'non-covered charge',
  '97': 'included in the payment for another service (bundled)',
  '109': 'not covered by this payer; send it to the correct payer',
  '119': 'the benefit maximum for this period has been reached',
  '151': 'the information given does not support this many services',
  '197': 'precertification or authorization was absent',
  '204': "this service is not covered under the patient's current benefit plan",
  '242': 'services not provided by network or primary care providers',
};

const RARC_WORDS: Record<string, string> = {
  N115: "decision based on a local coverage determination; the payer's policy explains what documentation supports necessity",
  N519: 'invalid combination of procedure code and modifier',
  N130: "consult the plan's benefit documents for what is covered",
  MA91: 'this decision is the result of the appeal you filed',
  M86: 'denied because the service was already paid on another claim line',
  N20: 'not paid separately',
  MA130: 'the claim is incomplete or invalid; correct it and submit a new claim (no appeal rights)',
};

export function reasonWords(reasonCode: string): string {
  return CARC_WORDS[reasonCode] ?? `reason code ${reasonCode} (not in our table; see the payer's remittance)`;
}

export function remarkWords(remarkCode: string): string {
  return RARC_WORDS[remarkCode] ?? `remark ${remarkCode} (not in our table; see the payer's remittance)`;
}

/** "PR-2 coinsurance (patient responsibility: ...)" */
export function adjustmentWords(adjustment: Pick<RemittanceAdjustment, 'group' | 'reasonCode'>): string {
  return `${adjustment.group}-${adjustment.reasonCode}: ${reasonWords(adjustment.reasonCode)} (${GROUP_WORDS[adjustment.group]})`;
}
