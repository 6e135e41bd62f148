/**
 * The clearinghouse's JSON API as both sides see it: POST /claims takes `{ claim, x12 }` and
 * answers a ClaimAcknowledgement (billing/types.ts). The schema is deliberately loose about the
 * claim's content: a claim with a missing NPI or a bad pointer is *received* and then rejected
 * with reasons (a 277CA rejection), not refused as a malformed request.
 */
import { z } from 'zod';

const provider = z.object({ npi: z.string().optional(), taxonomy: z.string().optional(), name: z.string().optional() }).passthrough();

export const claimSubmissionSchema = z.object({
  claim: z
    .object({
      claimNumber: z.string().min(1).max(38),
      payerId: z.string().min(1),
      billingProvider: provider.optional(),
      renderingProvider: provider.optional(),
      diagnosisCodes: z.array(z.string()),
      lines: z
        .array(
          z
            .object({
              code: z.string(),
              units: z.number().int(),
              chargeCents: z.number().int().min(0),
              diagnosisPointers: z.array(z.number().int()),
            })
            .passthrough(),
        )
        .min(1),
      priorAuthorizationRequired: z.boolean().default(false),
      priorAuthorizationNumber: z.string().optional(),
      totalChargeCents: z.number().int().min(0),
    })
    .passthrough(),
  x12: z.string().min(1),
});
export type ClaimSubmission = z.output<typeof claimSubmissionSchema>;

export const claimAcknowledgementSchema = z.object({
  claimNumber: z.string(),
  status: z.enum(['accepted', 'rejected']),
  functionalAck: z.enum(['A', 'R']),
  claimStatusCategory: z.enum(['A2', 'A3']),
  clearinghouseClaimId: z.string().optional(),
  rejections: z.array(z.object({ code: z.string(), field: z.string(), message: z.string() })),
  receivedAt: z.string(),
  duplicate: z.boolean(),
});
