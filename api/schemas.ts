/**
 * Request schemas (zod 4). The same schemas validate requests and generate the OpenAPI
 * document's request bodies. Messages never echo the submitted value (it may be patient data).
 *
 * Over 300 lines because it holds the field primitives (safe text, codes, dates, ids) beside the
 * staff API's request schemas made of them, so each rule on a field is written once; the patient
 * page's and the question screens' schemas are in patient-schemas.ts.
 */
import { durationMs } from '../domain/durations.ts';
import { z } from 'zod';
import { dateToDay } from '../domain/days.ts';
import { STAGES } from '../workflows/stages.ts';
import { OTHER_OPTION } from '../coding/clarification.ts';
import { CODING_INPUT_LIMITS } from '../coding/limits.ts';

/**
 * C0 control characters other than TAB, LF and CR, and UTF-16 surrogates that are not part of a
 * pair. PostgreSQL refuses NUL in text (the write then fails, or keeps failing in a workflow's
 * activity), and a lone surrogate is silently stored as U+FFFD. With the `u` flag a well-formed
 * pair is one code point, so \p{Cs} only matches a lone surrogate.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\p{Cs}/u;

export function isSafeText(value: string): boolean {
  return !UNSAFE_CHARACTERS.test(value);
}

/** Every string the API accepts starts here: no control characters, no lone surrogates. */
export const safeString = () =>
  z.string().refine(isSafeText, { message: 'Must not contain control characters (other than tab and line breaks) or unpaired surrogates' });

/** Luhn check of an NPI with the card-issuer prefix 80840, as CMS specifies. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** True for a YYYY-MM-DD string naming a day that exists in the calendar. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && dateToDay(date) === value;
}

export const isoDate = safeString()
  .refine(isRealDate, { message: 'Must be a real date in the form YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-11-20' });

export const npi = safeString()
  .regex(/^\d{10}$/, { message: 'An NPI has exactly 10 digits' })
  .refine(isValidNpi, { message: 'The NPI check digit is wrong' })
  .meta({ example: '1234567893' });

const safeId = (max: number) =>
  safeString()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9._:-]+$/, { message: 'Only letters, digits and . _ : - are allowed' });

/** Ids that go into X12 segments (member id, patient control number): no ':' either (nor * ~ ^). */
const x12Id = (max: number) =>
  safeString()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9._-]+$/, { message: 'Only letters, digits and . _ - are allowed' });

const text = (max: number) => safeString().trim().min(1).max(max);

/** ICD-10-CM: a letter, two characters, optionally a dot and up to four more (E11.9, S72.001A). */
export const icd10cmCode = safeString().regex(/^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/, { message: 'Not an ICD-10-CM code (e.g. E11.9)' });

/** CPT (5 digits, or 4 digits + F/T) or HCPCS Level II (letter + 4 digits). */
export const procedureCode = safeString().regex(/^([0-9]{4}[0-9FT]|[A-Z][0-9]{4})$/, { message: 'Not a CPT or HCPCS code (e.g. 99213)' });

export const modifier = safeString().regex(/^[0-9A-Z]{2}$/, { message: 'A modifier has two letters or digits' });

const units = z.number().int().min(1).max(99);

/** A date of service may be up to one day ahead of our clock (time zones, clock skew)... */
export const MAX_CLOCK_SKEW_DAYS = 1;
/** ...and at most this many years old (past any payer's timely-filing limit). */
export const MAX_SERVICE_AGE_YEARS = 2;
/** A patient older than this on the date of service is a data-entry error. */
export const MAX_AGE_YEARS = 130;

/** YYYY-MM-DD moved by whole days or years (29 Feb shifted to a non-leap year becomes 1 Mar). */
export function shiftDay(day: string, by: { days?: number; years?: number }): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (by.years !== undefined) date.setUTCFullYear(date.getUTCFullYear() + by.years);
  if (by.days !== undefined) date.setUTCDate(date.getUTCDate() + by.days);
  return dateToDay(date);
}

/** Text that goes into X12 address segments: no X12 separators (* ~ : ^). */
const addressText = (max: number) => text(max).regex(/^[^*~:^]*$/, { message: 'Must not contain * ~ : or ^' });

/** A US postal address (X12 N3/N4): the patient's, for the claim's subscriber loop and the statement. */
export const postalAddress = z.object({
  line1: addressText(55),
  line2: addressText(55).optional(),
  city: addressText(30),
  state: safeString().regex(/^[A-Z]{2}$/, { message: 'A two-letter state code (e.g. IL)' }),
  postalCode: safeString().regex(/^\d{5}(\d{4})?$/, { message: 'A ZIP code of 5 or 9 digits' }),
});

/** Ten digits, no punctuation (X12 PER). */
export const phoneNumber = safeString().regex(/^\d{10}$/, { message: 'A phone number of 10 digits' });

/** A payer id as the payer directory lists it. */
export const payerId = safeId(64);

/** The physician's documentation of a visit: at intake, or later for a scheduled visit. */
export const documentationSchema = z.object({
  notes: text(CODING_INPUT_LIMITS.notesChars),
  diagnoses: z
    .array(z.object({ description: text(CODING_INPUT_LIMITS.lineChars), code: icd10cmCode.optional() }))
    .max(CODING_INPUT_LIMITS.diagnoses),
  procedures: z
    .array(
      z.object({
        description: text(CODING_INPUT_LIMITS.lineChars),
        code: procedureCode.optional(),
        units: units.optional(),
        modifiers: z.array(modifier).max(4).optional(),
      }),
    )
    .max(CODING_INPUT_LIMITS.procedures),
  testResults: z
    .array(
      z.object({
        name: text(CODING_INPUT_LIMITS.testResultChars),
        value: text(CODING_INPUT_LIMITS.testResultChars),
        unit: text(50).optional(),
        flag: text(5).optional(),
      }),
    )
    .max(CODING_INPUT_LIMITS.testResults),
});

/** What a scheduled visit plans: the services (codes, units) and the diagnoses that justify them. */
export const plannedServicesSchema = z.object({
  services: z
    .array(
      z.object({
        code: procedureCode,
        units: units.default(1),
        modifiers: z.array(modifier).max(4).default([]),
        description: text(500).optional(),
      }),
    )
    .min(1)
    .max(50),
  diagnoses: z.array(icd10cmCode).min(1).max(12),
});

/** How far ahead a visit may be scheduled. */
export const MAX_SCHEDULED_AHEAD_DAYS = 365;

export const encounterSubmissionSchema = z
  .object({
    clinicEncounterId: x12Id(64),
    patient: z.object({
      externalId: safeId(64),
      firstName: text(100),
      lastName: text(100),
      dateOfBirth: isoDate,
      sex: z.enum(['F', 'M', 'U']),
      memberId: x12Id(64),
      address: postalAddress.optional(),
      phone: phoneNumber.optional(),
    }),
    provider: z.object({
      npi,
      name: text(200),
      taxonomy: safeString().regex(/^[0-9]{3}[0-9A-Z]{6}X$/, { message: 'Not a NUCC taxonomy code (e.g. 207Q00000X)' }),
    }),
    payerId,
    /** A secondary payer on file (coordination of benefits): billed after the primary, before the patient. */
    secondaryCoverage: z.object({ payerId, memberId: x12Id(64) }).optional(),
    dateOfService: isoDate,
    placeOfService: safeString().regex(/^\d{2}$/, { message: 'A place-of-service code has two digits' }),
    /** The visit's documentation; absent for a scheduled visit (then plannedServices), sent later with PUT /encounters/{id}/documentation. */
    documentation: documentationSchema.optional(),
    /** A scheduled visit (posted before it happens): what is planned, for prior authorization before the date of service. */
    plannedServices: plannedServicesSchema.optional(),
  })
  .superRefine((submission, ctx) => {
    const { dateOfBirth } = submission.patient;
    const { dateOfService } = submission;
    if (!isRealDate(dateOfService)) return;
    const today = dateToDay(new Date());
    const scheduled = submission.plannedServices !== undefined;
    if (scheduled === (submission.documentation !== undefined)) {
      const path = scheduled ? ['plannedServices'] : ['documentation'];
      const message = scheduled
        ? 'A scheduled visit has planned services and no documentation yet (send it after the visit)'
        : 'Give the documentation of the visit, or plannedServices for a scheduled visit';
      ctx.addIssue({ code: 'custom', path, message });
    }
    if (scheduled) {
      if (dateOfService < shiftDay(today, { days: -MAX_CLOCK_SKEW_DAYS })) {
        ctx.addIssue({
          code: 'custom',
          path: ['dateOfService'],
          message: 'A scheduled visit is today or later (a past visit is posted with its documentation)',
        });
      } else if (dateOfService > shiftDay(today, { days: MAX_SCHEDULED_AHEAD_DAYS })) {
        ctx.addIssue({
          code: 'custom',
          path: ['dateOfService'],
          message: `A visit is scheduled at most ${MAX_SCHEDULED_AHEAD_DAYS} days ahead`,
        });
      }
    } else if (dateOfService > shiftDay(today, { days: MAX_CLOCK_SKEW_DAYS })) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfService'],
        message: 'The date of service is in the future (post a future visit with plannedServices)',
      });
    } else if (dateOfService < shiftDay(today, { years: -MAX_SERVICE_AGE_YEARS })) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfService'],
        message: `The date of service is more than ${MAX_SERVICE_AGE_YEARS} years ago`,
      });
    }
    if (!isRealDate(dateOfBirth)) return;
    if (dateOfBirth > dateOfService) {
      ctx.addIssue({ code: 'custom', path: ['patient', 'dateOfBirth'], message: 'The date of birth is after the date of service' });
    } else if (dateOfBirth < shiftDay(dateOfService, { years: -MAX_AGE_YEARS })) {
      ctx.addIssue({
        code: 'custom',
        path: ['patient', 'dateOfBirth'],
        message: `The date of birth is more than ${MAX_AGE_YEARS} years before the date of service`,
      });
    }
  });

export type EncounterSubmissionInput = z.infer<typeof encounterSubmissionSchema>;

export const uuid = z.uuid();

/** A query parameter that is `true` or `false` (anything else is a 400 naming it). */
const booleanText = z.enum(['true', 'false']).transform((text) => text === 'true');

export const listEncountersQuerySchema = z
  .object({
    stage: z.enum(STAGES).optional(),
    payer: safeId(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    overdue: booleanText
      .optional()
      .meta({ description: 'true: only encounters with a physician query past its due time, or escalated; false: the others' }),
    cursor: safeString().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['from'],
    message: '"from" is after "to"',
  });

/** GET /worklists/*: the biller's worklists, one payer or all, cursor pages; an unknown parameter is a 400 naming it. */
export const eligibilityWorklistQuerySchema = z
  .object({
    payer: safeId(64).optional(),
    cursor: safeString().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const authorizationWorklistQuerySchema = eligibilityWorklistQuerySchema.extend({
  state: z.enum(['pending', 'needs_biller']).optional().meta({ description: 'Only pending requests, or only those a biller must decide' }),
});

export const denialWorklistQuerySchema = eligibilityWorklistQuerySchema.extend({
  status: z
    .enum(['open', 'escalated'])
    .optional()
    .meta({ description: 'open: waiting for a biller; escalated: the appeal deadline passed, a supervisor decides. Both when left out' }),
  overdue: booleanText.optional().meta({ description: 'true: only those past their appeal deadline; false: the others' }),
});

export const balanceWorklistQuerySchema = eligibilityWorklistQuerySchema.extend({
  needs: z.enum(['balance', 'refund', 'missed_installment']).optional().meta({
    description: 'Only statements with an open balance, an overpayment to refund, or a missed installment. All three when left out',
  }),
});

/** GET /worklists/overview: every queue at once, for one payer and/or one physician or all. */
export const worklistOverviewQuerySchema = z
  .object({
    payer: safeId(64).optional().meta({ description: 'Only work on encounters of this payer' }),
    physician: npi.optional().meta({ description: 'Only work on encounters of this physician (NPI)' }),
    perQueue: z.coerce.number().int().min(0).max(50).default(5).meta({ description: 'Items listed per queue, most urgent first' }),
    attention: z.coerce
      .number()
      .int()
      .min(0)
      .max(200)
      .default(25)
      .meta({ description: 'Overdue and escalated items listed across queues' }),
  })
  .strict();

export const answerClarificationSchema = z
  .object({
    option: text(500).optional(),
    freeText: text(CODING_INPUT_LIMITS.answerChars).optional(),
  })
  .refine((a) => a.option !== undefined || a.freeText !== undefined, {
    path: ['option'],
    message: 'Give an option, free text, or both',
  })
  .refine((a) => a.option !== OTHER_OPTION || (a.freeText ?? '').trim() !== '', {
    path: ['freeText'],
    message: `"${OTHER_OPTION}" needs the answer in free text`,
  });

/** GET /clarifications: whose (a physician: themself), and which (open: to answer; closed: answered, escalated or withdrawn). */
export const clarificationListQuerySchema = z
  .object({
    physician: z
      .union([z.literal('me'), npi])
      .optional()
      .meta({ description: '"me" (a physician) or an NPI; a supervisor may leave it out for every physician' }),
    state: z.enum(['open', 'closed']).default('open').meta({
      description: 'open: waiting for an answer (escalated first, then by due time); closed: answered or withdrawn, newest first',
    }),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();

export const cancelSchema = z.object({ reason: text(1_000) });

export const MAX_EXTENSION_MS = 30 * 24 * 3_600_000;

/** A Temporal-style duration: 90m, 24h, 2d; at most 30 days. */
export const durationText = safeString()
  .regex(/^[1-9][0-9]{0,3}(ms|s|m|h|d)$/, { message: 'A duration such as 24h or 2d' })
  .refine((value) => !/^[1-9][0-9]{0,3}(ms|s|m|h|d)$/.test(value) || durationMs(value) <= MAX_EXTENSION_MS, {
    message: 'At most 30 days',
  });

/** The id of the pending decision a supervisor answers (PendingDecision.id, made by the workflow). */
export const decisionId = safeString()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, { message: 'Not a decision id' });

export const decisionSchema = z
  .object({
    decision: z.enum(['extend', 'accept_codes', 'resubmit', 'bill_patient', 'write_off', 'cancel']),
    note: text(2_000).optional(),
    extendBy: durationText.optional(),
    decisionId: decisionId.optional(),
  })
  .refine((d) => d.extendBy === undefined || d.decision === 'extend', {
    path: ['extendBy'],
    message: 'extendBy only goes with the decision "extend"',
  });

export const codeOverrideSchema = z
  .object({
    diagnoses: z
      .array(z.object({ code: icd10cmCode }))
      .min(1)
      .max(12),
    procedures: z
      .array(
        z.object({
          code: procedureCode,
          units: units.optional(),
          modifiers: z.array(modifier).max(4).optional(),
          diagnosisPointers: z.array(z.number().int().min(1).max(4)).min(1).max(4).optional(),
        }),
      )
      .max(50),
    note: text(2_000).optional(),
  })
  .superRefine((override, ctx) => {
    override.procedures.forEach((procedure, index) => {
      procedure.diagnosisPointers?.forEach((pointer, p) => {
        if (pointer > override.diagnoses.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['procedures', index, 'diagnosisPointers', p],
            message: `Points to diagnosis ${pointer}, but only ${override.diagnoses.length} are given`,
          });
        }
      });
    });
  });

export const auditQuerySchema = z
  .object({
    encounterId: uuid.optional(),
    action: safeString().max(100).optional().meta({
      description: 'Only this action, e.g. supervisor.decided; a prefix ending in * takes all that start so (decision:*)',
      example: 'encounter.viewed',
    }),
    actor: safeString()
      .max(200)
      .optional()
      .meta({ description: 'Only what this user (or physician NPI, or "encounterflow" for the workflow) did' }),
    cursor: safeString().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Must be base64');

/** POST /codec/decode and /codec/encode: Temporal payloads in protobuf JSON (the codec-server protocol). */
export const codecPayloadsSchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).nullish(), data: base64.nullish() })).max(1_000),
});

/**
 * Path parameters. Any string is taken: an id that is malformed or unknown is a 404 (the route
 * looks it up), never a 400, so a probe cannot tell the two apart.
 */
export const pathId = (description: string) => z.string().meta({ description, format: 'uuid' });
export const encounterIdParams = z.object({ id: pathId('Encounter id') });
export const clarificationIdParams = z.object({ id: pathId('Clarification (physician query) id') });
export const patientIdParams = z.object({ id: pathId('Patient id') });
export const statementIdParams = z.object({ id: pathId('Statement id') });
export const physicianParams = z.object({
  npi: z.string().meta({ description: 'The physician’s NPI (10 digits)', example: '1234567893' }),
});

/** Names the version being corrected: a correction of an older version is refused (409), never applied over a newer one. */
const expectedVersion = z
  .number()
  .int()
  .min(1)
  .meta({ description: 'The version the correction starts from (as read from GET /encounters/{id}/coverage)' });

export const coverageCorrectionSchema = z.object({ payerId, memberId: x12Id(64), reason: text(1_000), expectedVersion });

export const selfPaySchema = z.object({ reason: text(1_000), expectedVersion });

export const demographicsCorrectionSchema = z
  .object({
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    dateOfBirth: isoDate.optional(),
    sex: z.enum(['F', 'M', 'U']).optional(),
    address: postalAddress.optional(),
    phone: phoneNumber.optional(),
    reason: text(1_000),
    expectedVersion,
  })
  .refine((c) => [c.firstName, c.lastName, c.dateOfBirth, c.sex, c.address, c.phone].some((v) => v !== undefined), {
    path: ['firstName'],
    message: 'Give at least one field to correct',
  });

/** A coder's answer in coder_review: accept the codes under review, replace them, or query the physician. */
export const coderReviewSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), reviewId: uuid.optional(), note: text(2_000).optional() }),
  z.object({
    action: z.literal('edit'),
    reviewId: uuid.optional(),
    diagnoses: codeOverrideSchema.shape.diagnoses,
    procedures: codeOverrideSchema.shape.procedures,
    note: text(2_000).optional(),
  }),
  z.object({
    action: z.literal('query'),
    reviewId: uuid.optional(),
    question: text(1_000),
    options: z.array(text(200)).max(8).optional(),
    note: text(2_000).optional(),
  }),
]);
