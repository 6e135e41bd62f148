/**
 * Response schemas of the claim after submission (GET /encounters/{id}/claims, and the
 * `adjudication` and `denials` parts of the live status): claim status history, posted
 * remittances with adjustments and remarks in words, denial work items with their deadlines.
 * Strict objects: an answer with a field the schema does not name fails the API tests' check.
 */
import { z } from 'zod';
import { CLAIM_STATUS_WORDS, type ClaimPaymentStatus } from '../billing/remittance.ts';
import { cents, isoTime } from './response-primitives.ts';

const CLAIM_PAYMENT_STATUSES = Object.keys(CLAIM_STATUS_WORDS) as [ClaimPaymentStatus, ...ClaimPaymentStatus[]];

export const claimStatusEntrySchema = z
  .strictObject({
    at: isoTime,
    source: z.string().meta({ description: 'clearinghouse | payer-acknowledgement | status-inquiry | remittance' }),
    category: z.string().meta({ description: "X12 claim status category (A2, A3, P1, F1, ...) or the 835's claim status code (CLP02)" }),
    words: z.string(),
  })
  .meta({ id: 'ClaimStatusEntry' });

const adjustmentSchema = z
  .strictObject({
    group: z.string().meta({ description: 'CAS group: CO contractual, PR patient responsibility, OA other, PI payer initiated' }),
    reasonCode: z.string().meta({ description: 'CARC (claim adjustment reason code)', example: '45' }),
    amountCents: cents,
    words: z.string().meta({ description: 'The group and reason in words' }),
  })
  .meta({ id: 'RemittanceAdjustment' });

const remarkSchema = z.strictObject({
  code: z.string().meta({ description: 'RARC (remittance advice remark code)', example: 'N115' }),
  words: z.string(),
});

const remittanceLineFields = {
  lineNumber: z.number().int(),
  code: z.string().meta({ description: 'The procedure code of the service line' }),
  chargeCents: cents,
  paidCents: cents,
  denied: z.boolean().meta({ description: 'The payer paid nothing for a reason the biller can work (a denial work item)' }),
  adjustments: z.array(adjustmentSchema),
  remarks: z.array(remarkSchema),
};

const remittanceFields = {
  traceNumber: z.string().meta({ description: 'TRN02: the check or EFT trace number of the 835' }),
  paymentDate: z.string().meta({ description: 'BPR16, YYYY-MM-DD (empty when the 835 has none)' }),
  claimNumber: z.string().meta({ description: 'Our claim number (CLP01)' }),
  statusWords: z.string(),
  chargeCents: cents,
  paidCents: cents,
  patientResponsibilityCents: cents,
  reconciled: z.boolean().meta({ description: 'charge = paid + adjustments, and the charge is our claim’s' }),
  reconciliationNote: z.string().optional(),
};

/** A remittance as the workflow's status shows it. */
export const remittanceViewSchema = z
  .strictObject({
    ...remittanceFields,
    status: z.string().meta({ description: 'CLP02: 1 processed as primary, 4 denied, 22 reversal, ...' }),
    lines: z.array(z.strictObject(remittanceLineFields)),
  })
  .meta({ id: 'RemittanceView' });

/** One claim's answer in a posted remittance (GET /encounters/{id}/claims). */
export const postedClaimPaymentSchema = z
  .strictObject({
    ...remittanceFields,
    claimPaymentId: z.uuid(),
    remittanceId: z.uuid(),
    status: z.enum(CLAIM_PAYMENT_STATUSES).meta({ description: 'CLP02: 1 processed as primary, 4 denied, 22 reversal, ...' }),
    payerClaimNumber: z.string().meta({ description: "The payer's claim control number (CLP07)" }),
    lines: z.array(z.strictObject({ ...remittanceLineFields, allowedCents: cents.optional() })),
  })
  .meta({ id: 'PostedClaimPayment' });

export const adjudicationStateSchema = z
  .strictObject({
    timelyFilingDays: z.number().int(),
    appealLimitDays: z.number().int(),
    followUpDays: z.number().int().meta({ description: 'A claim status inquiry (276) goes out after this many payer days of silence' }),
    followUpUntil: z.string().meta({ description: 'The timely-filing horizon: after it a person is asked' }),
    nextFollowUpAt: isoTime.optional(),
    statusInquiries: z.number().int().meta({ description: 'Claim status inquiries (276) sent so far' }),
    claimStatusHistory: z.array(claimStatusEntrySchema),
    remittances: z.array(remittanceViewSchema),
  })
  .meta({
    id: 'AdjudicationState',
    description: 'The claim after it reached the payer: status history, remittances (adjustments in words), follow-ups',
  });

/** The denied line itself, as both the workflow's status and the stored work item show it. */
const deniedLineFields = {
  lineNumber: z.number().int(),
  code: z.string(),
  chargeCents: cents,
  reasons: z.array(z.string()).meta({ description: "The payer's reasons (CARC and RARC) in words" }),
};

/** A denied line as the workflow's status shows it. */
export const denialWorkItemSchema = z
  .strictObject({
    denialId: z.uuid(),
    claimNumber: z.string(),
    ...deniedLineFields,
    status: z.string().meta({ description: 'open | appealed | resubmitted | written_off | escalated' }),
    appealDueAt: isoTime,
    remindersSent: z.number().int(),
    appealReference: z.string().optional(),
  })
  .meta({ id: 'DenialWorkItem' });

const claimSchema = z
  .strictObject({
    id: z.uuid(),
    claimNumber: z.string(),
    status: z.string().meta({ description: 'submitted | rejected | ... (our claim record)' }),
    frequencyCode: z.string().meta({ description: 'CLM05-3: 1 original, 7 replacement' }),
    replacesClaimId: z.uuid().nullable().meta({ description: 'The claim a replacement (frequency 7) replaces' }),
    payerClaimNumber: z.string().nullable(),
    totalChargeCents: cents,
    acknowledgement: z.strictObject({
      status: z.string().nullable().meta({ description: "The clearinghouse's 999/277CA: accepted | rejected | not_submitted" }),
      reasons: z.array(z.string()),
    }),
    statusHistory: z.array(claimStatusEntrySchema),
    remittances: z.array(postedClaimPaymentSchema),
    links: z.strictObject({ x12: z.string().meta({ description: 'The 837P download (billers and supervisors)' }) }),
  })
  .meta({ id: 'EncounterClaim' });

const denialSchema = z
  .strictObject({
    id: z.uuid(),
    claimId: z.uuid(),
    ...deniedLineFields,
    status: z.string().meta({ description: 'open | appealed | resubmitted | written_off | escalated | resolved' }),
    appealDueAt: isoTime.nullable(),
    appealReference: z.string().nullable(),
    resolvedBy: z.string().nullable(),
  })
  .meta({ id: 'Denial' });

export const encounterClaimsSchema = z
  .strictObject({
    encounterId: z.uuid(),
    claims: z.array(claimSchema).meta({ description: 'Oldest first: the original, then resubmissions and replacements' }),
    denials: z.array(denialSchema).meta({ description: 'Denial work items, oldest first' }),
  })
  .meta({ id: 'EncounterClaims' });
