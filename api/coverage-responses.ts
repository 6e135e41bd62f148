/**
 * Response schemas of the biller's coverage and demographics corrections and of the clinic's
 * documentation of a scheduled visit (api/routes/corrections.ts).
 */
import { z } from 'zod';
import { cents, day, isoTime, links } from './responses.ts';

const financialClass = z
  .enum(['insurance', 'self_pay'])
  .meta({ description: 'Billed to insurance, or the patient pays (self-pay price list, no claim)' });

export const coverageCorrectionResultSchema = z
  .object({
    version: z.number().int().meta({ description: 'The new coverage version' }),
    kind: financialClass,
    payerId: z.string().optional(),
    links,
  })
  .meta({ id: 'CoverageCorrectionResult' });

export const demographicsCorrectionResultSchema = z
  .object({
    version: z.number().int().meta({ description: 'The new demographics version' }),
    fields: z.array(z.string()).meta({ description: 'The fields the correction changed (names, never values)' }),
    eligibilityCheckedAgain: z.boolean().meta({ description: 'The encounter was waiting on its coverage and checks eligibility again' }),
    links,
  })
  .meta({ id: 'DemographicsCorrectionResult' });

const nullableCents = cents.nullable();

export const eligibilityCheckSchema = z
  .object({
    status: z.string().meta({ description: 'active | inactive | not_found | member_mismatch' }),
    reason: z.string().nullable().meta({ description: 'The insurer’s reason in words when not active' }),
    payerId: z.string(),
    dateOfService: day,
    planBegin: day.nullable(),
    planEnd: day.nullable(),
    copayCents: nullableCents,
    coinsuranceBps: z.number().int().nullable().meta({ description: 'Coinsurance in basis points (2000 = 20 %)' }),
    deductibleCents: nullableCents,
    deductibleMetCents: nullableCents,
    deductibleRemainingCents: nullableCents,
    outOfPocketMaxCents: nullableCents,
    outOfPocketMetCents: nullableCents,
    checkedAt: isoTime,
  })
  .meta({ id: 'EligibilityCheck', description: 'One 270 inquiry and the insurer’s 271 answer' });

const address = z.object({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
});

export const coverageViewSchema = z
  .object({
    financialClass,
    coverage: z.object({
      version: z.number().int(),
      payerId: z.string(),
      memberId: z.string().nullable(),
      secondaryPayerId: z.string().nullable(),
    }),
    coverageVersions: z.array(
      z.object({
        version: z.number().int(),
        kind: financialClass,
        payerId: z.string().nullable(),
        memberId: z.string().nullable(),
        changedBy: z.string(),
        reason: z.string().nullable(),
        at: isoTime,
      }),
    ),
    eligibilityChecks: z.array(eligibilityCheckSchema),
    demographics: z.object({ version: z.number().int() }),
    demographicsVersions: z.array(
      z.object({
        version: z.number().int(),
        firstName: z.string(),
        lastName: z.string(),
        dateOfBirth: day,
        sex: z.string(),
        address: address.nullable(),
        phone: z.string().nullable(),
        changedBy: z.string(),
        reason: z.string().nullable(),
        at: isoTime,
      }),
    ),
  })
  .meta({ id: 'CoverageView' });

export const visitDocumentedSchema = z.object({ id: z.uuid(), documented: z.literal(true) }).meta({ id: 'VisitDocumented' });

/** A patient-responsibility estimate before the visit (api/routes/estimates.ts): never the bill. */
export const patientEstimateSchema = z
  .object({
    id: z.uuid(),
    encounterId: z.uuid(),
    kind: z.enum(['estimate', 'good_faith_estimate']).meta({
      description: 'estimate: insured, from the 271 benefits and the payer’s allowed amounts; good_faith_estimate: self-pay price list',
    }),
    label: z.string().meta({ description: 'Shown with every amount: an estimate, not a bill', example: 'ESTIMATE — not a bill' }),
    servicesSource: z
      .enum(['planned', 'coded'])
      .meta({ description: 'The scheduled visit’s planned services, or the latest coding revision' }),
    payerId: z.string().nullable(),
    benefitsAsOf: isoTime
      .nullable()
      .meta({ description: 'When the insurer answered the eligibility inquiry the estimate uses (insured only)' }),
    lines: z.array(
      z.object({
        code: z.string(),
        units: z.number().int(),
        modifiers: z.array(z.string()),
        chargeCents: cents,
        expectedPriceCents: cents.meta({ description: 'The payer’s allowed amount, or the self-pay price' }),
      }),
    ),
    unpricedCodes: z.array(z.string()).meta({ description: 'Services with no price in the list, left out of the totals' }),
    chargeCents: cents,
    expectedPriceCents: cents,
    copayCents: cents,
    deductibleCents: cents,
    coinsuranceCents: cents,
    outOfPocketCapCents: cents.meta({ description: 'Taken off by the out-of-pocket maximum' }),
    patientEstimateCents: cents,
    insuranceEstimateCents: cents,
    notes: z.array(z.string()),
    createdBy: z.string(),
    createdAt: isoTime,
    links,
  })
  .meta({ id: 'PatientEstimate' });

export const patientEstimateListSchema = z.object({ items: z.array(patientEstimateSchema).meta({ description: 'Newest first' }) });
