/**
 * The insurer's JSON API as both sides see it (the sandbox validates with these schemas, the
 * client builds and reads with them). Shaped after the Da Vinci PAS / X12 278 concepts; the
 * full description is in sandbox/insurer/README.md.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const priorAuthorizationRequestSchema = z.object({
  member: z.object({
    payerId: z.string().min(1),
    memberId: z.string().min(1).max(40),
  }),
  provider: z.object({
    npi: z.string().regex(/^\d{10}$/, 'must be a 10-digit NPI'),
  }),
  services: z
    .array(
      z.object({
        code: z.string().regex(/^([0-9]{4}[0-9A-Z]|[A-V][0-9]{4})$/, 'must be a CPT or HCPCS code'),
        units: z.number().int().min(1).max(999),
        modifiers: z.array(z.string().regex(/^[0-9A-Z]{2}$/, 'must be a 2-character modifier')).max(4).default([]),
      }),
    )
    .min(1, 'at least one service is required'),
  diagnoses: z
    .array(z.string().regex(/^[A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/, 'must be an ICD-10-CM code'))
    .min(1, 'at least one diagnosis is required')
    .max(12),
  dateOfService: isoDate,
  urgency: z.enum(['standard', 'expedited']),
});

/** What the clinic sends (input form: modifiers may be omitted). */
export type PriorAuthorizationRequest = z.input<typeof priorAuthorizationRequestSchema>;
export type ParsedPriorAuthorizationRequest = z.output<typeof priorAuthorizationRequestSchema>;

export const X12_ACTION_CODES = { certified: 'A1', partial: 'A2', denied: 'A3', pended: 'A4', modified: 'A6' } as const;

export const authorizationResponseSchema = z.object({
  payerReference: z.string(),
  status: z.enum(['certified', 'partial', 'denied', 'pended', 'modified']),
  /** X12 278 HCR01 action code. */
  actionCode: z.enum(['A1', 'A2', 'A3', 'A4', 'A6']),
  authNumber: z.string().optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  services: z.array(
    z.object({
      code: z.string(),
      requestedUnits: z.number().int(),
      authorizedUnits: z.number().int(),
    }),
  ),
  reason: z.object({ code: z.string(), text: z.string() }).optional(),
  receivedAt: z.string(),
  decidedAt: z.string().optional(),
});
export type AuthorizationResponse = z.infer<typeof authorizationResponseSchema>;

export const eligibilityRequestSchema = z.object({
  payerId: z.string().min(1),
  memberId: z.string().min(1).max(40),
  dateOfService: isoDate,
});
export type EligibilityQuery = z.infer<typeof eligibilityRequestSchema>;

export const eligibilityResponseSchema = z.object({
  payerId: z.string(),
  dateOfService: isoDate,
  active: z.boolean(),
  benefits: z.object({
    copayCents: z.number().int().min(0),
    coinsuranceBps: z.number().int().min(0).max(10_000),
    deductibleCents: z.number().int().min(0),
    deductibleMetCents: z.number().int().min(0),
    deductibleRemainingCents: z.number().int().min(0),
  }),
});
export type EligibilityResponse = z.infer<typeof eligibilityResponseSchema>;
