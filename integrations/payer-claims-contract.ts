/**
 * The claim's life after the clearinghouse accepted it, as both sides see it (the sandboxes
 * validate with these schemas, the clients read with them): the payer's own acknowledgement
 * (277CA at payer level), remittances (835, as X12 text and JSON), the claim status inquiry
 * (276/277) and appeals. Field names are ours; codes are X12's (claim status categories, CARC,
 * RARC, adjustment groups).
 */
import { z } from 'zod';
import { ADJUSTMENT_GROUPS } from '../billing/remittance.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** The payer's 277CA: accepted into adjudication (A2) or returned (A3), with reasons. */
export const payerAcknowledgementSchema = z.object({
  claimNumber: z.string(),
  status: z.enum(['accepted', 'rejected']),
  claimStatusCategory: z.enum(['A2', 'A3']),
  /** The payer's claim control number (present when accepted). */
  payerClaimNumber: z.string().optional(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  receivedAt: z.string(),
});
export type PayerAcknowledgement = z.infer<typeof payerAcknowledgementSchema>;

const adjustmentSchema = z.object({
  group: z.enum(ADJUSTMENT_GROUPS),
  reasonCode: z.string().min(1),
  amountCents: z.number().int(),
  units: z.number().optional(),
});

export const remittanceSchema = z.object({
  traceNumber: z.string().min(1),
  payerId: z.string(),
  payerName: z.string(),
  payeeNpi: z.string(),
  paymentMethod: z.enum(['CHK', 'ACH', 'NON']),
  paymentCents: z.number().int(),
  paymentDate: isoDate,
  claims: z.array(
    z.object({
      claimNumber: z.string(),
      status: z.enum(['1', '2', '3', '4', '19', '20', '21', '22', '23']),
      chargeCents: z.number().int(),
      paidCents: z.number().int(),
      patientResponsibilityCents: z.number().int(),
      payerClaimNumber: z.string(),
      adjustments: z.array(adjustmentSchema),
      lines: z.array(
        z.object({
          lineNumber: z.number().int().min(1),
          code: z.string(),
          modifiers: z.array(z.string()),
          units: z.number(),
          chargeCents: z.number().int(),
          paidCents: z.number().int(),
          allowedCents: z.number().int().optional(),
          adjustments: z.array(adjustmentSchema),
          remarkCodes: z.array(z.string()),
        }),
      ),
    }),
  ),
});

/** One 835 as the payer produced it: the X12 text (what posting reads) and its JSON twin. */
export const deliveredRemittanceSchema = z.object({
  traceNumber: z.string(),
  claimNumbers: z.array(z.string()),
  x12: z.string().min(1),
  remittance: remittanceSchema,
});
export type DeliveredRemittance = z.infer<typeof deliveredRemittanceSchema>;

/** The insurer's outbound feed, read by the clearinghouse: every remittance after a sequence number. */
export const payerRemittanceFeedSchema = z.object({
  /** `copies` > 1: the sandbox's scripted duplicate delivery of the same 835. */
  remittances: z.array(deliveredRemittanceSchema.extend({ sequence: z.number().int(), copies: z.number().int().min(1).default(1) })),
  last: z.number().int(),
});

/** The clearinghouse mailbox: remittances for one claim number, each delivery with its own id. */
export const remittanceMailboxSchema = z.object({
  remittances: z.array(deliveredRemittanceSchema.extend({ deliveryId: z.string(), deliveredAt: z.string() })),
});
export type MailboxRemittance = z.infer<typeof remittanceMailboxSchema>['remittances'][number];

/** What the clearinghouse knows about a claim after its own acknowledgement. */
export const claimTrackingSchema = z.object({
  claimNumber: z.string(),
  forwardedToPayer: z.boolean(),
  payerAcknowledgement: payerAcknowledgementSchema.optional(),
});
export type ClaimTracking = z.infer<typeof claimTrackingSchema>;

/** 276: where is this claim? */
export const claimStatusRequestSchema = z.object({
  claimNumber: z.string().min(1).max(38),
  payerId: z.string().min(1),
  memberId: z.string().min(1).max(40),
  dateOfService: isoDate,
  chargeCents: z.number().int().min(0),
});
export type ClaimStatusRequest = z.infer<typeof claimStatusRequestSchema>;

/**
 * 277: claim status category (A1 acknowledged, A2 accepted, A3 returned, A4 not found, P1
 * pending in process, P3 pending information requested, F1 finalized paid, F2 finalized denied,
 * F4 finalized no payment) with the status code and our words for it.
 */
export const claimStatusResponseSchema = z.object({
  claimNumber: z.string(),
  category: z.enum(['A1', 'A2', 'A3', 'A4', 'P1', 'P3', 'F1', 'F2', 'F4']),
  statusCode: z.string(),
  words: z.string(),
  payerClaimNumber: z.string().optional(),
  paidCents: z.number().int().optional(),
  /** The trace number of the remittance that finalized it. */
  traceNumber: z.string().optional(),
  asOf: z.string(),
});
export type ClaimStatusResponse = z.infer<typeof claimStatusResponseSchema>;

export const MAX_APPEAL_DOCUMENT_BYTES = 5 * 1024 * 1024;

export const appealRequestSchema = z.object({
  payerId: z.string().min(1),
  claimNumber: z.string().min(1).max(38),
  payerClaimNumber: z.string().min(1),
  lineNumbers: z.array(z.number().int().min(1)).min(1),
  reason: z.string().min(1).max(4000),
  documents: z
    .array(
      z.object({
        id: z.string().min(1),
        filename: z.string().min(1).max(200),
        contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff']),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        contentBase64: z
          .string()
          .min(1)
          .max(Math.ceil((MAX_APPEAL_DOCUMENT_BYTES * 4) / 3) + 4),
      }),
    )
    .max(10),
});
export type AppealRequest = z.infer<typeof appealRequestSchema>;

export const appealReceiptSchema = z.object({
  appealReference: z.string(),
  status: z.literal('received'),
  receivedAt: z.string(),
});
export type AppealReceipt = z.infer<typeof appealReceiptSchema>;
