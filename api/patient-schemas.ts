/**
 * Request and response schemas of the patient page's API (/patient-api/*) and of the billers'
 * question worklist, statement links and statement actions (api/routes/patient-*.ts).
 */
import { z } from 'zod';
import { QUESTION_CATEGORIES } from '../domain/patient-questions.ts';
import { isoDate, pathId, safeString } from './schemas.ts';

const cents = z.number().int();

// ---- requests

export const openSessionBody = z
  .object({
    token: z
      .string()
      .min(20)
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, { message: 'Must be the link’s token' })
      .meta({ description: 'The token of the access link (the part after #)' }),
    dateOfBirth: isoDate.meta({ description: 'The patient’s date of birth, YYYY-MM-DD' }),
    statementNumber: safeString().min(1).max(64).meta({ description: 'The statement number printed on the statement' }),
  })
  .strict();

const questionText = safeString().trim().min(1).max(4_000);

export const askQuestionBody = z
  .object({
    category: z.enum(QUESTION_CATEGORIES),
    text: questionText.meta({ description: 'The question in the patient’s words' }),
    lineNumber: z
      .number()
      .int()
      .min(1)
      .max(999)
      .optional()
      .meta({ description: 'The statement line asked about (1-based); absent: the whole statement' }),
  })
  .strict();

export const answerQuestionBody = z
  .object({
    text: questionText.meta({ description: 'The answer the patient reads' }),
    attachItemizedBill: z.boolean().default(false).meta({ description: 'Attach the itemized bill (the patient sees a link to it)' }),
  })
  .strict();

export const adjustmentBody = z
  .object({
    kind: z.enum(['adjustment', 'write_off']),
    amountCents: z.number().int().min(1).max(100_000_000),
    reason: safeString().trim().min(3).max(1_000).meta({ description: 'Why (the patient reads it)' }),
    questionId: z.uuid().optional().meta({ description: 'The question this answers, if any' }),
  })
  .strict();

export const adjustmentDecisionBody = z.object({ approve: z.boolean(), note: safeString().max(1_000).optional() }).strict();

export const reissueBody = z.object({ reason: safeString().trim().min(3).max(1_000) }).strict();

export const questionListQuery = z.object({
  status: z.enum(['open', 'answered', 'all']).default('open').meta({ description: 'Which questions (default: open)' }),
});

export const questionIdParams = z.object({ id: pathId('Patient question id') });
export const adjustmentIdParams = z.object({ id: pathId('Statement adjustment id') });
export const accessLinkParams = z.object({ id: pathId('Statement id'), linkId: pathId('Access link id') });

// ---- responses

export const patientSessionSchema = z.object({ expiresAt: z.iso.datetime() }).meta({ id: 'PatientSession' });

export const questionViewSchema = z
  .object({
    id: z.uuid(),
    statementId: z.uuid(),
    lineNumber: z.number().int().nullable(),
    category: z.enum(QUESTION_CATEGORIES),
    categoryLabel: z.string(),
    status: z.enum(['open', 'answered']),
    channel: z.enum(['patient_page', 'phone']),
    askedAt: z.iso.datetime(),
    acknowledged: z.literal(true),
    dueAt: z.iso.datetime(),
    overdue: z.boolean(),
    escalatedAt: z.iso.datetime().nullable(),
    answeredAt: z.iso.datetime().nullable(),
    messages: z.array(
      z.object({
        from: z.enum(['patient', 'billing_office']),
        body: z.string(),
        attachment: z.enum(['itemized_bill']).nullable(),
        at: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'PatientQuestion' });

const adjustmentViewSchema = z.object({
  kind: z.enum(['contractual', 'deductible', 'coinsurance', 'copay', 'not_covered', 'other', 'clinic_adjustment', 'write_off']),
  label: z.string(),
  explanation: z.string(),
  reason: z.string().optional(),
  amountCents: cents,
  youPay: z.boolean(),
  lineNumber: z.number().int().optional(),
});

export const patientBillSchema = z
  .object({
    statementNumber: z.string(),
    issuedOn: z.string(),
    dueDate: z.string(),
    patientName: z.string(),
    practice: z.object({ name: z.string(), address: z.string().optional(), phone: z.string().optional() }),
    payerName: z.string(),
    physicianName: z.string(),
    dateOfService: z.string(),
    services: z.array(
      z.object({
        lineNumber: z.number().int(),
        date: z.string(),
        code: z.string(),
        words: z.string(),
        units: z.number().int(),
        chargeCents: cents,
      }),
    ),
    chargedCents: cents,
    insurerPaysCents: cents,
    adjustments: z.array(adjustmentViewSchema),
    amountDueCents: cents,
    notes: z.array(z.string()),
  })
  .meta({ id: 'PatientBill' });

export const patientStatementViewSchema = z
  .object({
    bill: patientBillSchema,
    questions: z.array(questionViewSchema),
    categories: z.array(z.object({ value: z.enum(QUESTION_CATEGORIES), label: z.string() })),
    sessionExpiresAt: z.iso.datetime(),
    links: z.object({ print: z.string(), pdf: z.string() }),
  })
  .meta({ id: 'PatientStatementView' });

export const accessLinkSchema = z
  .object({
    id: z.uuid(),
    statementId: z.uuid(),
    url: z.string().meta({ description: 'Give this to the patient; shown once' }),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'PatientAccessLink' });

export const revokedLinkSchema = z.object({ id: z.uuid(), revokedAt: z.iso.datetime() });

export const questionWorklistSchema = z.object({
  items: z.array(
    questionViewSchema.omit({ messages: true }).extend({
      encounterId: z.uuid(),
      statementNumber: z.string(),
      amountDueCents: cents,
      lastMessage: z.string(),
    }),
  ),
});

export const statementAdjustmentSchema = z
  .object({
    id: z.uuid(),
    statementId: z.uuid(),
    questionId: z.uuid().nullable(),
    kind: z.enum(['adjustment', 'write_off']),
    amountCents: cents,
    reason: z.string(),
    status: z.enum(['applied', 'pending_approval', 'rejected']),
    requestedBy: z.string(),
    decidedBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StatementAdjustment' });

export const questionDetailSchema = z
  .object({
    question: questionViewSchema,
    bill: patientBillSchema,
    statement: z.object({
      id: z.uuid(),
      patientOwesCents: cents,
      issuedAt: z.iso.datetime(),
      dueDate: z.string(),
      links: z.object({ html: z.string() }),
    }),
    encounter: z.object({
      id: z.uuid(),
      stage: z.string(),
      dateOfService: z.string(),
      payerId: z.string(),
      physicianName: z.string(),
      financialClass: z.string(),
    }),
    claim: z.object({
      id: z.uuid(),
      claimNumber: z.string(),
      status: z.string(),
      totalChargeCents: cents,
      ackStatus: z.string().nullable(),
      lines: z.array(
        z.object({
          lineNumber: z.number().int(),
          code: z.string(),
          modifiers: z.array(z.string()),
          units: z.number().int(),
          chargeCents: cents,
        }),
      ),
    }),
    remittance: z.null().meta({ description: 'The insurer’s remittance, once remittances are stored' }),
    codes: z.array(
      z.object({
        kind: z.string(),
        code: z.string(),
        system: z.string(),
        description: z.string(),
        rationale: z.string(),
        confidence: z.number(),
        source: z.string(),
      }),
    ),
    adjustments: z.array(statementAdjustmentSchema),
    denials: z
      .array(
        z.object({
          id: z.uuid(),
          lineNumber: z.number().int(),
          code: z.string(),
          status: z.string(),
          reasons: z.array(z.string()),
          appealDueAt: z.iso.datetime().nullable(),
        }),
      )
      .meta({ description: 'Denied lines of the encounter’s claims; open ones can be sent back to the insurer from the question' }),
    paymentPlan: z
      .object({ id: z.uuid(), status: z.string(), totalCents: cents, installments: z.number().int() })
      .nullable()
      .meta({ description: 'The statement’s active payment plan, if any' }),
  })
  .meta({ id: 'PatientQuestionDetail' });

export const answerReceiptSchema = z.object({ question: questionViewSchema });

/** The answer the patient reads with an action taken from their question. */
export const actionAnswer = questionText.meta({ description: 'The answer the patient reads on their page (they are notified)' });
