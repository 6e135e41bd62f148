/**
 * Response schemas (zod 4): what each route answers, as the OpenAPI document describes it. The
 * API tests check every JSON answer against its route's schema (ApiDeps.onUndeclaredResponse),
 * and the type assertions at the end fail the type check when a workflow or billing type drifts
 * away from the schema that documents it.
 *
 * Over 300 lines because it is the one catalogue of response shapes the OpenAPI document and the
 * answer checks read; one place to look for any route's answer.
 */
import { z } from 'zod';
import type { PatientStatementDocument } from '../billing/statement.ts';
import type { PostedClaimPayment } from '../activities/posting.ts';
import type { EncounterStatus } from '../workflows/messages.ts';
import { STAGES } from '../workflows/stages.ts';
import { cents, day, isoTime, links } from './response-primitives.ts';
import { adjudicationStateSchema, denialWorkItemSchema, type postedClaimPaymentSchema } from './revenue-cycle-responses.ts';
import { encounterSubmissionSchema } from './schemas.ts';

export { cents, day, isoTime, links };
const stage = z.enum(STAGES).meta({ id: 'Stage' });

export const acceptedSchema = z.object({ accepted: z.literal(true) }).meta({ id: 'Accepted' });

/** The workflow accepted the update (its checks passed) but had not finished it when the request ended. */
export const updateInProgressSchema = z
  .object({
    accepted: z.literal(true),
    completed: z.literal(false),
    statusUrl: z.string().meta({ description: 'GET it for the outcome (api/routes/updates.ts)' }),
  })
  .meta({ id: 'UpdateInProgress' });

/** The 202 of an answer route: accepted by the workflow, still being worked on; follow statusUrl. */
export const UPDATE_IN_PROGRESS = {
  description: 'Accepted by the workflow (its checks passed) but not finished in time: GET statusUrl for the outcome',
  body: updateInProgressSchema,
};

export const healthSchema = z.object({ status: z.literal('ok') });

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), z.boolean()),
  failing: z.array(z.string()),
});

export const stageListSchema = z
  .object({
    items: z.array(
      z.object({
        name: stage,
        final: z.boolean().meta({ description: 'Nothing more happens to an encounter in this stage' }),
        takesCodeOverride: z.boolean().meta({ description: 'A coder may replace the codes (PUT /encounters/{id}/codes)' }),
      }),
    ),
  })
  .meta({ description: 'The stages an encounter moves through, in workflow order' });

/** What intake gets back: ids, the stage and links, nothing clinical. */
export const encounterReceiptSchema = z
  .object({ id: z.uuid(), clinicEncounterId: z.string(), workflowId: z.string(), stage, links })
  .meta({ id: 'EncounterReceipt' });

export const encounterListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      clinicEncounterId: z.string(),
      stage,
      payerId: z.string(),
      dateOfService: day,
      updatedAt: isoTime,
    }),
  ),
  nextCursor: z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null on the last page' }),
});

const transitionSchema = z.object({
  from: stage,
  to: stage,
  at: isoTime,
  reason: z.string().optional(),
  actor: z.string().optional(),
});

const decisionKind = z.enum(['extend', 'accept_codes', 'resubmit', 'bill_patient', 'write_off', 'cancel']);

/** The workflow's live status (its `status` query); the open query's wording only for those who see the notes. */
export const liveStatusSchema = z
  .object({
    encounterId: z.string(),
    stage,
    startedAt: isoTime,
    updatedAt: isoTime,
    codingRevision: z.number().int(),
    codes: z.object({
      diagnoses: z.array(z.string()),
      procedures: z.array(z.object({ code: z.string(), units: z.number().int(), modifiers: z.array(z.string()) })),
    }),
    openQuery: z
      .object({
        queryId: z.string(),
        physicianNpi: z.string(),
        question: z.string().optional(),
        clinicalIndicators: z.array(z.string()).optional(),
        options: z.array(z.string()).optional(),
        askedAt: isoTime,
        dueAt: isoTime,
        remindersSent: z.number().int(),
      })
      .optional(),
    pendingDecision: z
      .object({
        id: z.string().optional(),
        kind: z.enum([
          'clarification_overdue',
          'authorization_denied',
          'authorization_expired',
          'authorization_modified',
          'authorization_mismatch',
          'coverage_problem',
          'edit_failed',
          'claim_rejected',
          'statement_failed',
          'remittance_overdue',
          'remittance_unbalanced',
          'appeal_deadline_missed',
        ]),
        reason: z.string(),
        allowed: z.array(decisionKind),
        since: isoTime,
      })
      .optional(),
    coderReview: z
      .object({
        id: z.string(),
        reasons: z.array(
          z.object({
            kind: z.enum(['low_confidence', 'edit_failed', 'documented_code_changed', 'payer_rule', 'coding_failed', 'coder_confirms']),
            detail: z.string(),
            codes: z.array(z.string()).optional(),
          }),
        ),
        revision: z.number().int(),
        since: isoTime,
      })
      .optional()
      .meta({ description: 'Set while the encounter waits in coder_review: why, and the review id an accept or query names' }),
    authorization: z
      .object({
        outcome: z.enum(['certified', 'partial', 'denied', 'pended', 'modified', 'not_required', 'requested', 'expired']),
        attempt: z.number().int(),
        payerReference: z.string().optional(),
        authNumber: z.string().optional(),
        validFrom: z.string().optional(),
        validTo: z.string().optional(),
        authorizedUnits: z.record(z.string(), z.number()).optional(),
        reason: z.string().optional(),
        timing: z
          .enum(['pre_service', 'retro'])
          .optional()
          .meta({ description: 'pre_service: obtained before the date of service; retro: asked after the service' }),
        performedCheck: z.object({ matches: z.boolean(), differences: z.array(z.string()) }).optional(),
      })
      .optional(),
    eligibility: z
      .object({
        status: z.enum(['active', 'inactive', 'not_found', 'member_mismatch']),
        purpose: z.enum(['start', 'before_claim']),
        check: z.number().int(),
        payerId: z.string(),
        checkedAt: isoTime,
        planName: z.string().optional(),
        planBegin: z.string().optional(),
        planEnd: z.string().optional(),
        copayCents: z.number().int().optional(),
        coinsuranceBps: z.number().int().optional(),
        deductibleCents: z.number().int().optional(),
        deductibleMetCents: z.number().int().optional(),
        deductibleRemainingCents: z.number().int().optional(),
        outOfPocketMaxCents: z.number().int().optional(),
        outOfPocketMetCents: z.number().int().optional(),
        outOfPocketRemainingCents: z.number().int().optional(),
        reason: z.string().optional(),
      })
      .optional()
      .meta({ description: 'The latest eligibility and benefits answer (X12 271 shaped)' }),
    financialClass: z.enum(['insurance', 'self_pay']).optional(),
    scheduled: z.object({ dateOfService: z.string(), documentedAt: isoTime.optional() }).optional(),
    claimId: z.string().optional(),
    claimNumber: z.string().optional(),
    statementId: z.string().optional(),
    adjudication: adjudicationStateSchema.optional(),
    denials: z
      .array(denialWorkItemSchema)
      .optional()
      .meta({ description: "Denied lines as work items, with the payer's reasons in words and the appeal deadline" }),
    coordinationOfBenefits: z.string().optional(),
    patientResponsibilityCents: z.number().int().optional(),
    flags: z.array(z.string()),
    history: z.array(transitionSchema),
  })
  .meta({ id: 'LiveStatus' });

/** When the workflow does not answer in time: the stored stage and transitions. */
export const storedStatusSchema = z
  .object({ encounterId: z.string(), stage: z.string(), updatedAt: isoTime, history: z.array(transitionSchema) })
  .meta({ id: 'StoredStatus' });

const codeLineSchema = z.object({
  code: z.string(),
  system: z.string(),
  description: z.string(),
  confidence: z.number(),
  source: z.string().meta({ description: '"engine" or "coder"' }),
  rationale: z.string().optional().meta({ description: 'Why this code (coders, supervisors and the encounter’s own physician only)' }),
  evidence: z
    .array(
      z.object({
        section: z.enum(['diagnoses', 'notes', 'procedures', 'testResults']),
        text: z.string(),
        entry: z
          .number()
          .int()
          .optional()
          .meta({ description: 'Which documented diagnosis / procedure / test result (0-based); absent for notes' }),
        start: z
          .number()
          .int()
          .optional()
          .meta({ description: 'Offset of the quote in that text (UTF-16 units); absent when not a verbatim quote' }),
        end: z.number().int().optional(),
      }),
    )
    .optional()
    .meta({ description: 'The quoted record the code rests on, with offsets for highlighting (same readers as rationale)' }),
  units: z.number().int().optional(),
  modifiers: z.array(z.string()).optional(),
  diagnosisPointers: z.array(z.number().int()).optional(),
});

/** GET /encounters/{id} for everyone but intake; optional fields depend on the caller's role. */
export const encounterViewSchema = z
  .object({
    id: z.uuid(),
    clinicEncounterId: z.string(),
    workflowId: z.string(),
    stage,
    payerId: z.string(),
    dateOfService: day,
    placeOfService: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
    patient: z.object({
      id: z.uuid(),
      externalId: z.string(),
      firstName: z.string().optional().meta({ description: 'Coders, billers and supervisors only' }),
      lastName: z.string().optional(),
    }),
    provider: z.object({ npi: z.string(), name: z.string() }),
    documentation: encounterSubmissionSchema.shape.documentation
      .optional()
      .meta({ description: 'Coders, supervisors and the encounter’s own physician only' }),
    codes: z.object({ revision: z.number().int(), diagnoses: z.array(codeLineSchema), procedures: z.array(codeLineSchema) }).nullable(),
    claims: z
      .array(
        z.object({
          id: z.string(),
          claimNumber: z.string(),
          status: z.string(),
          totalChargeCents: cents,
          ackStatus: z.string().nullable(),
          submittedAt: isoTime.nullable(),
        }),
      )
      .optional()
      .meta({ description: 'Coders, billers and supervisors only' }),
    statementId: z.string().optional(),
    statusSource: z.enum(['workflow', 'database']).meta({
      description:
        "Where `status` comes from: `workflow`, the running workflow's live answer; `database`, the stored status (thinner: stage and transitions only, no claim number, adjudication or pending question), shown when the workflow did not answer within STATUS_QUERY_TIMEOUT_MS",
    }),
    status: z.union([liveStatusSchema, storedStatusSchema]),
    links,
  })
  .meta({ id: 'EncounterView' });

export const physicianClarificationsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['open', 'escalated']),
      encounterId: z.uuid(),
      question: z.string(),
      clinicalIndicators: z.array(z.string()),
      options: z.array(z.string()),
      reason: z.string(),
      askedAt: isoTime,
      dueAt: isoTime,
      remindersSent: z.number().int(),
      links,
    }),
  ),
});

export const clarificationListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['open', 'escalated', 'answered', 'withdrawn']),
      physicianNpi: z.string(),
      encounterId: z.uuid(),
      clinicEncounterId: z.string(),
      question: z.string(),
      clinicalIndicators: z.array(z.string()).meta({ description: 'Quoted from the record' }),
      options: z.array(z.string()),
      reason: z.string(),
      askedAt: isoTime,
      dueAt: isoTime,
      remindersSent: z.number().int(),
      /** Closed ones: what was answered (the option; free text is the physician's own words). */
      answer: z
        .object({ option: z.string().nullable(), freeText: z.string().nullable(), by: z.string().nullable(), at: isoTime.nullable() })
        .nullable(),
      links,
    }),
  ),
});

export const statementSummarySchema = z
  .object({
    id: z.uuid(),
    encounterId: z.uuid(),
    patientId: z.uuid(),
    claim: z.object({ id: z.string(), claimNumber: z.string(), status: z.string() }),
    issuedAt: isoTime,
    dueDate: day,
    billedCents: cents,
    insuranceExpectedCents: cents,
    patientOwesCents: cents,
    links,
  })
  .meta({ id: 'StatementSummary' });

export const patientStatementsSchema = z.object({ patientId: z.uuid(), items: z.array(statementSummarySchema) });

const statementDocumentSchema = z.object({
  statementNumber: z.string(),
  issuedOn: day,
  dueDate: day,
  patient: z.object({ fullName: z.string(), accountNumber: z.string() }),
  practice: z.object({ name: z.string(), address: z.string().optional(), phone: z.string().optional() }),
  payerName: z.string(),
  claimNumber: z.string().optional(),
  dateOfService: day,
  lines: z.array(
    z.object({
      dateOfService: day,
      code: z.string(),
      modifiers: z.array(z.string()),
      description: z.string(),
      units: z.number().int(),
      chargeCents: cents,
    }),
  ),
  totals: z.object({
    chargeCents: cents,
    adjustmentCents: cents.meta({ description: 'Charges above the allowed amount, written off by the practice' }),
    allowedCents: cents,
    insuranceExpectedCents: cents,
    copayCents: cents,
    deductibleCents: cents,
    coinsuranceCents: cents,
    amountDueCents: cents,
  }),
  notes: z.array(z.string()),
});

export const statementSchema = statementSummarySchema
  .extend({
    patient: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
    document: statementDocumentSchema,
  })
  .meta({ id: 'Statement' });

export const auditListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      encounterId: z.uuid().nullable(),
      actor: z.string(),
      role: z.string().meta({ description: 'The actor’s role when acting' }),
      action: z.string().meta({ example: 'supervisor.decided' }),
      detail: z.unknown().meta({ description: 'What was done (ids, stages, decisions; never patient data)' }),
      at: isoTime,
    }),
  ),
  nextCursor: z.string().nullable().meta({ description: 'The next (older) page; null on the last' }),
});

export const codecPayloadsResponseSchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()), data: z.string() })),
});

export const openApiDocumentSchema = z.record(z.string(), z.unknown()).meta({ description: 'An OpenAPI 3.1 document' });

// The types the schemas document must fit them (a drift fails `tsc`), the revenue-cycle parts included.
type Fits<Value, Schema extends z.ZodType> = Value extends z.input<Schema> ? true : never;
export const TYPES_FIT_SCHEMAS: [
  Fits<EncounterStatus, typeof liveStatusSchema>,
  Fits<PatientStatementDocument, typeof statementDocumentSchema>,
  Fits<PostedClaimPayment, typeof postedClaimPaymentSchema>,
] = [true, true, true];

/** GET /coder-review/worklist: encounters waiting for a coder, oldest first. */
export const coderWorklistSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      clinicEncounterId: z.string(),
      payerId: z.string(),
      dateOfService: day,
      waitingSince: isoTime,
      reason: z.string().nullable().meta({ description: 'Why it waits (codes and rules, no clinical text)' }),
      links,
    }),
  ),
});
