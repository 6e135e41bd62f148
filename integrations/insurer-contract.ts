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
        modifiers: z
          .array(z.string().regex(/^[0-9A-Z]{2}$/, 'must be a 2-character modifier'))
          .max(4)
          .default([]),
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

/**
 * An eligibility and benefits inquiry, shaped after the X12 270: the payer, the member, the date
 * of service, and optionally the subscriber's name and date of birth (2100C NM1/DMG), which the
 * insurer checks against its enrolment (a mismatch is an AAA rejection in the 271).
 */
export const eligibilityRequestSchema = z.object({
  payerId: z.string().min(1),
  memberId: z.string().min(1).max(40),
  dateOfService: isoDate,
  subscriber: z
    .object({
      firstName: z.string().min(1).max(100).optional(),
      lastName: z.string().min(1).max(100),
      dateOfBirth: isoDate,
    })
    .optional(),
  /** X12 EQ01 service type code; "30" (health benefit plan coverage) by default. */
  serviceTypeCode: z
    .string()
    .regex(/^[0-9A-Z]{1,2}$/)
    .default('30'),
});
export type EligibilityQuery = z.input<typeof eligibilityRequestSchema>;

/** X12 271 AAA03 reject reasons the sandbox uses: 71 birth date mismatch, 73 invalid/missing name, 75 subscriber not found. */
export const ELIGIBILITY_REJECTIONS = {
  birthDateMismatch: { code: '71', text: 'Patient birth date does not match that for the patient on the database' },
  nameMismatch: { code: '73', text: 'Invalid or missing subscriber/insured name' },
  notFound: { code: '75', text: 'Subscriber/insured not found' },
} as const;

/** The insurer's answer, shaped after the X12 271 (EB segments for coverage and benefits, DTP for plan dates, AAA for a rejection). */
export const eligibilityResponseSchema = z.object({
  payerId: z.string(),
  dateOfService: isoDate,
  /** EB01 1 (active coverage) on the date of service; false: 6 (inactive), or rejected (see `rejection`). */
  active: z.boolean(),
  /** The plan and its coverage dates (DTP 346 plan begin / 347 plan end). */
  plan: z.object({ name: z.string(), begin: isoDate, end: isoDate }).optional(),
  benefits: z.object({
    copayCents: z.number().int().min(0),
    coinsuranceBps: z.number().int().min(0).max(10_000),
    deductibleCents: z.number().int().min(0),
    deductibleMetCents: z.number().int().min(0),
    deductibleRemainingCents: z.number().int().min(0),
    outOfPocketMaxCents: z.number().int().min(0).optional(),
    outOfPocketMetCents: z.number().int().min(0).optional(),
    outOfPocketRemainingCents: z.number().int().min(0).optional(),
  }),
  /** AAA: the inquiry was understood but the member could not be confirmed (e.g. wrong name or date of birth). */
  rejection: z.object({ code: z.string(), text: z.string() }).optional(),
});
export type EligibilityResponse = z.infer<typeof eligibilityResponseSchema>;
