/**
 * Billing words a patient understands: what a service was (from its code and the catalog's
 * description, without jargon), and what each adjustment on a bill means (contractual write-off,
 * deductible, coinsurance, copay, not covered with the payer's reason in plain words).
 *
 * The service wording is ours: a few families of codes get a sentence a patient recognises, and
 * every other code falls back to its catalog description with abbreviations spelled out.
 */

interface ServiceFamily {
  from: string;
  to: string;
  words: string;
}

/** Code ranges (inclusive, compared as text of the same length) and what they are in everyday words. */
const SERVICE_FAMILIES: readonly ServiceFamily[] = [
  { from: '99202', to: '99205', words: 'Visit with your doctor as a new patient' },
  { from: '99211', to: '99215', words: 'Visit with your doctor' },
  { from: '99381', to: '99397', words: 'Yearly check-up (preventive visit)' },
  { from: '36415', to: '36416', words: 'Taking a blood sample' },
  { from: '93000', to: '93010', words: 'Heart rhythm test (ECG)' },
  { from: '70010', to: '76499', words: 'Imaging: pictures of the inside of your body (x-ray, CT or MRI)' },
  { from: '80047', to: '89398', words: 'Laboratory test of a sample (blood, urine or a swab)' },
  { from: '90460', to: '90474', words: 'Giving a vaccine' },
  { from: '20600', to: '20611', words: 'Joint injection or drawing fluid from a joint' },
];

/** Abbreviations in catalog descriptions, spelled out for the patient. */
const SPELLED_OUT: ReadonlyArray<[RegExp, string]> = [
  [/\bECG\b|\bEKG\b/g, 'heart rhythm test'],
  [/\s*\bCBC\b/g, ''],
  [/\bMRI\b/g, 'MRI scan'],
  [/\bCT\b/g, 'CT scan'],
  [/\bA1c\b/g, 'average blood sugar'],
  [/\bw\/o\b/gi, 'without'],
  [/\bw\//gi, 'with '],
];

/** The service in plain words, with the catalog's description when it says more (e.g. "Chest x-ray two views"). */
export function plainServiceName(code: string, description: string): string {
  const family = SERVICE_FAMILIES.find((f) => code.length === f.from.length && code >= f.from && code <= f.to);
  let detail = description.trim();
  for (const [pattern, words] of SPELLED_OUT) detail = detail.replace(pattern, words);
  detail = detail.replace(/\s{2,}/g, ' ');
  if (family === undefined) return detail === '' ? 'A medical service' : detail;
  return detail === '' ? family.words : `${family.words} — ${detail}`;
}

export type AdjustmentKind = 'contractual' | 'deductible' | 'coinsurance' | 'copay' | 'not_covered' | 'other';

export const ADJUSTMENT_WORDS: Readonly<Record<AdjustmentKind, { label: string; explanation: string }>> = {
  contractual: {
    label: 'Discount from your insurer’s contract',
    explanation:
      'Your insurer and the clinic agreed on a lower price for these services. The clinic takes off the difference: you do not owe it.',
  },
  deductible: {
    label: 'Your deductible',
    explanation: 'The amount you pay yourself each plan year before your insurance starts paying. This visit counted towards it.',
  },
  coinsurance: {
    label: 'Your coinsurance',
    explanation: 'After the deductible, your plan pays most of the price and you pay a set percentage of it. This is that percentage.',
  },
  copay: {
    label: 'Your copay',
    explanation: 'A fixed amount your plan asks you to pay for this kind of visit.',
  },
  not_covered: {
    label: 'Not covered by your insurance',
    explanation: 'Your insurer did not pay for this service. The reason they gave is below.',
  },
  other: {
    label: 'Other adjustment',
    explanation: 'A change to the amount by the clinic or your insurer. The reason is below.',
  },
};

/**
 * The insurer's claim adjustment reason codes (X12 CARC) a patient most often meets, in plain
 * words. Unknown codes get a generic sentence naming the code, so the biller can look it up.
 */
const CARC_WORDS: Readonly<Record<string, string>> = {
  '1': 'This amount went to your deductible.',
  '2': 'This is your coinsurance share.',
  '3': 'This is your copay.',
  '4': 'The service was billed with a detail your plan does not accept for it.',
  '16': 'The insurer needs more information from the clinic before it can pay.',
  '18': 'The insurer already received this same claim.',
  '22': 'Another insurance plan should pay first.',
  '26': 'The service happened before your coverage started.',
  '27': 'The service happened after your coverage ended.',
  '29': 'The claim reached the insurer after its filing deadline; the clinic takes this off, you do not owe it.',
  '45': 'The price is above what your insurer’s contract with the clinic allows; the clinic takes off the difference.',
  '50': 'Your insurer decided the service was not medically necessary.',
  '96': 'Your plan does not cover this service.',
  '97': 'This service is included in the payment for another service on the same day.',
  '119': 'You reached your plan’s limit for this benefit.',
  '197': 'The service needed your insurer’s approval in advance, and there was none.',
  '204': 'Your plan does not cover this service.',
  '242': 'The clinic is not in your plan’s network.',
};

export function plainReason(carc: string | undefined): string | undefined {
  if (carc === undefined || carc === '') return undefined;
  return CARC_WORDS[carc] ?? `Your insurer gave reason code ${carc}; call the billing office and we will explain it.`;
}

/** X12 adjustment group + CARC → the kind a patient reads (PR-1 deductible, PR-2 coinsurance, PR-3 copay, CO-45 contractual). */
export function adjustmentKindOf(group: string, carc: string): AdjustmentKind {
  if (group === 'PR' && carc === '1') return 'deductible';
  if (group === 'PR' && carc === '2') return 'coinsurance';
  if (group === 'PR' && carc === '3') return 'copay';
  if (group === 'CO' && carc === '45') return 'contractual';
  if (['50', '96', '204', '197', '26', '27', '119'].includes(carc)) return 'not_covered';
  return 'other';
}
