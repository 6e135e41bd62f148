/** Response schemas of the biller's worklists (api/routes/worklists.ts): ids and billing facts, no patient data. */
import { z } from 'zod';
import { cents, day, isoTime, links } from './responses.ts';
import { STAGES } from '../workflows/stages.ts';

const nextCursor = z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null on the last page' });

/** What every worklist item says about its encounter. */
const workItem = {
  encounterId: z.uuid(),
  clinicEncounterId: z.string(),
  payerId: z.string(),
  dateOfService: day,
  scheduled: z.boolean().meta({ description: 'Posted before the visit' }),
};

export const eligibilityWorklistSchema = z
  .object({
    items: z.array(
      z.object({
        ...workItem,
        coverageVersion: z
          .number()
          .int()
          .meta({ description: 'Name it as expectedVersion when correcting the coverage or switching to self-pay' }),
        waitingSince: isoTime.nullable().meta({ description: 'When the encounter stopped for the biller' }),
        eligibility: z
          .object({
            status: z.string().meta({ description: 'inactive | not_found | member_mismatch' }),
            reason: z.string().nullable().meta({ description: 'The insurer’s reason in words' }),
            checkedAt: isoTime,
            planBegin: day.nullable(),
            planEnd: day.nullable(),
          })
          .nullable(),
        links,
      }),
    ),
    nextCursor,
  })
  .meta({ id: 'EligibilityWorklist', description: 'Encounters waiting for a biller because of their coverage, oldest first' });

export const authorizationWorklistSchema = z
  .object({
    items: z.array(
      z.object({
        ...workItem,
        stage: z.enum(STAGES),
        state: z.enum(['pending', 'needs_biller']).meta({
          description:
            'pending: the insurer has not decided yet (followed by the workflow); needs_biller: denied or not decided in time, a biller decides',
        }),
        daysUntilService: z.number().int().meta({ description: 'Negative once the date of service has passed' }),
        authorization: z.object({
          status: z.string().meta({ description: 'requested | pended | denied | certified | partial | modified' }),
          timing: z.enum(['pre_service', 'retro']),
          requestedAt: isoTime,
          expedited: z.boolean(),
          decisionDueAt: isoTime.meta({
            description: 'The regulatory decision deadline (CMS-0057-F: 72 h expedited, 7 days standard, as configured)',
          }),
          overdue: z.boolean().meta({ description: 'The decision deadline has passed' }),
          payerReference: z.string().nullable(),
          reason: z.string().nullable(),
          requestedUnits: z.record(z.string(), z.number().int()).meta({ description: 'Units per procedure code' }),
        }),
        links,
      }),
    ),
    nextCursor,
  })
  .meta({ id: 'AuthorizationWorklist', description: 'Encounters whose prior authorization is pending or needs a biller, oldest first' });

const adjustmentInWords = z.object({
  group: z.string().meta({ description: 'CO contractual | PR patient responsibility | OA other | PI payer-initiated | CR correction' }),
  reasonCode: z.string().meta({ description: 'Claim adjustment reason code (CARC)' }),
  amountCents: cents,
  words: z.string().meta({ description: 'The group and the reason code explained' }),
});

export const denialWorklistSchema = z
  .object({
    items: z.array(
      z.object({
        ...workItem,
        denialId: z.uuid(),
        claimId: z.uuid(),
        claimNumber: z.string(),
        lineNumber: z.number().int(),
        code: z.string().meta({ description: 'The denied procedure code' }),
        chargeCents: cents,
        status: z.enum(['open', 'escalated']).meta({
          description: 'open: a biller resubmits, appeals or writes off; escalated: the appeal deadline passed, a supervisor decides',
        }),
        reasons: z.array(z.string()).meta({ description: 'The payer’s reasons in words (adjustments, then remarks)' }),
        adjustments: z.array(adjustmentInWords),
        remarks: z.array(z.object({ code: z.string().meta({ description: 'Remittance advice remark code (RARC)' }), words: z.string() })),
        deniedAt: isoTime.meta({ description: 'When the denial work item was opened (the remittance was posted)' }),
        appealDueAt: isoTime.meta({ description: 'The appeal deadline (the payer directory’s appeal limit from the remittance)' }),
        overdue: z.boolean().meta({ description: 'The appeal deadline has passed' }),
        links,
      }),
    ),
    nextCursor,
  })
  .meta({ id: 'DenialWorklist', description: 'Open denial work items across encounters, soonest appeal deadline first' });

export const BALANCE_NEEDS = ['balance', 'refund', 'missed_installment'] as const;
export type BalanceNeed = (typeof BALANCE_NEEDS)[number];

export const balanceWorklistSchema = z
  .object({
    items: z.array(
      z.object({
        ...workItem,
        statementId: z.uuid(),
        statementNumber: z.string().nullable(),
        issuedAt: isoTime,
        dueDate: day,
        needs: z.array(z.enum(BALANCE_NEEDS)).meta({
          description: 'Why a biller looks at it: an open balance, an overpayment to refund, a missed installment of a payment plan',
        }),
        owedCents: cents.meta({ description: 'What the statement asks of the patient (after adjustments)' }),
        paidCents: cents.meta({ description: 'Confirmed payments' }),
        refundedCents: cents,
        balanceCents: cents.meta({ description: 'Still owed; negative when the patient paid too much' }),
        overdue: z.boolean().meta({ description: 'A balance is left after the due date' }),
        cycle: z
          .object({
            status: z.string().meta({ description: 'active | paused | paid | awaiting_decision | closed' }),
            remindersSent: z.number().int(),
            holds: z.array(z.string()),
          })
          .nullable()
          .meta({ description: 'The statement’s dunning cycle; null before it started' }),
        refunds: z
          .array(z.object({ id: z.uuid(), amountCents: cents, createdAt: isoTime }))
          .meta({ description: 'Open refund work items' }),
        missedInstallments: z.array(z.object({ planId: z.uuid(), number: z.number().int(), dueDate: day, amountCents: cents })),
        links,
      }),
    ),
    nextCursor,
  })
  .meta({
    id: 'BalanceWorklist',
    description: 'Statements that need a biller for money (open balance, refund to make, missed installment), earliest due date first',
  });
