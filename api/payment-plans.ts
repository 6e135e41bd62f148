/**
 * Setting up a payment plan for what is left on a statement: equal installments (the odd cents in
 * the last), stored, then their durable schedule started (workflows/payment-plan.ts), audited,
 * and the statement's dunning told (it pauses while the plan runs). One function for both places a
 * biller sets one up: the statement (POST /statements/:id/payment-plan) and a patient's question
 * (POST /patient-questions/:id/payment-plan).
 *
 * A plan set up from a question carries the question in its key (`patient-question:<id>:plan:...`),
 * so a retry from the same question that finds the plan active takes it up where it stopped (its
 * schedule started, audited, the dunning told) instead of refusing it as a second plan.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { dateToDay } from '../domain/days.ts';
import { statementBalance } from '../payments/balance.ts';
import { conflict, notFound, unavailable } from '../platform/problem.ts';
import { startWorkflowOnce } from '../platform/start-workflow-once.ts';
import type { paymentPlanWorkflow } from '../workflows/payment-plan.ts';
import { paymentPlanWorkflowId, type PaymentPlanInput } from '../workflows/statement-cycle-config.ts';
import type { Principal } from './auth.ts';
import type { ApiDeps } from './deps.ts';
import { isoDate, MAX_CLOCK_SKEW_DAYS, shiftDay, uuid } from './schemas.ts';
import { notifyStatementCycle } from './statement-cycle-notify.ts';

export const planSchema = z
  .object({
    id: z.string(),
    statementId: z.string(),
    status: z.enum(['active', 'completed', 'defaulted', 'cancelled']),
    totalCents: z.number().int(),
    installments: z.array(
      z.object({ number: z.number().int(), dueDate: z.string(), amountCents: z.number().int(), status: z.enum(['due', 'paid', 'missed']) }),
    ),
  })
  .meta({ id: 'PaymentPlan' });

/** How far ahead a plan's first installment may fall. */
export const MAX_FIRST_DUE_AHEAD_DAYS = 90;

export const planRequestFields = {
  installments: z.number().int().min(2).max(24).meta({ description: 'How many installments the balance is split into' }),
  firstDueDate: isoDate
    .refine((day) => day >= shiftDay(dateToDay(new Date()), { days: -MAX_CLOCK_SKEW_DAYS }), {
      message: 'The first installment is due today or later (a plan starting in the past would miss it at once)',
    })
    .refine((day) => day <= shiftDay(dateToDay(new Date()), { days: MAX_FIRST_DUE_AHEAD_DAYS }), {
      message: `The first installment is due at most ${MAX_FIRST_DUE_AHEAD_DAYS} days ahead`,
    })
    .meta({ description: 'Due date of the first installment (YYYY-MM-DD), today or later' }),
  intervalDays: z.number().int().min(7).max(62).default(30).meta({ description: 'Days between installments' }),
};
export const planRequestSchema = z.object(planRequestFields);
export type PlanRequest = z.infer<typeof planRequestSchema>;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dateToDay(date);
}

/** Installments of equal amounts, the cents that do not divide evenly in the last. */
export function splitInstallments(
  totalCents: number,
  count: number,
  firstDueDate: string,
  intervalDays: number,
): PaymentPlanInput['installments'] {
  const base = Math.floor(totalCents / count);
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    dueDate: addDays(firstDueDate, i * intervalDays),
    amountCents: i === count - 1 ? totalCents - base * (count - 1) : base,
  }));
}

const questionKeyPrefix = (questionId: string) => `patient-question:${questionId}:plan:`;

/** The plan set up from this question that is still active, if any (a retry finds it). */
export function activePlanOfQuestion(deps: Pick<ApiDeps, 'prisma'>, statementId: string, questionId: string) {
  return deps.prisma.paymentPlan.findFirst({
    where: { statementId, status: 'active', idempotencyKey: { startsWith: questionKeyPrefix(questionId) } },
    include: { installments: { orderBy: { number: 'asc' } } },
  });
}

/**
 * Stores the plan and starts its schedule; 409 when nothing is owed or a plan is active already —
 * unless that plan was set up from the same question (`context.questionId`): then it is finished
 * (schedule, audit, dunning) and returned with `created: false`.
 */
export async function createPaymentPlan(
  deps: ApiDeps,
  statementId: string,
  principal: Principal,
  body: PlanRequest,
  context: { questionId?: string } = {},
): Promise<{ plan: z.infer<typeof planSchema>; created: boolean }> {
  if (deps.payments === undefined) throw unavailable('Payments are not configured on this API');
  const balance = uuid.safeParse(statementId).success ? await statementBalance(deps.prisma, statementId) : undefined;
  if (balance === undefined) throw notFound('No statement has this id');
  const earlier = context.questionId !== undefined ? await activePlanOfQuestion(deps, statementId, context.questionId) : null;
  // A different plan asked for again is not a retry.
  if (earlier !== null && earlier.installments.length !== body.installments)
    throw conflict(`A payment plan from this question is active already (${earlier.installments.length} installments)`);
  if (earlier === null && balance.balanceCents <= 0) throw conflict('Nothing is owed on this statement');
  const installments = splitInstallments(balance.balanceCents, body.installments, body.firstDueDate, body.intervalDays);
  const plan =
    earlier ??
    (await deps.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "PatientStatement" WHERE "id" = ${statementId} FOR UPDATE`;
      if ((await tx.paymentPlan.count({ where: { statementId, status: 'active' } })) > 0) return undefined;
      return tx.paymentPlan.create({
        data: {
          statementId,
          totalCents: balance.balanceCents,
          createdBy: principal.subject,
          idempotencyKey: context.questionId !== undefined ? `${questionKeyPrefix(context.questionId)}${randomUUID()}` : null,
          installments: {
            create: installments.map((i) => ({
              number: i.number,
              dueDate: new Date(`${i.dueDate}T00:00:00Z`),
              amountCents: i.amountCents,
            })),
          },
        },
        include: { installments: { orderBy: { number: 'asc' } } },
      });
    }));
  if (plan === undefined) throw conflict('This statement has an active payment plan already');
  const input: PaymentPlanInput = {
    planId: plan.id,
    statementId,
    installments: plan.installments.map((i) => ({ number: i.number, dueDate: dateToDay(i.dueDate), amountCents: i.amountCents })),
    timings: deps.payments.planTimings,
  };
  try {
    // Once per plan: a retry joins the running schedule and leaves a finished one alone.
    await startWorkflowOnce<typeof paymentPlanWorkflow>(deps.temporal.workflow, 'paymentPlanWorkflow', {
      workflowId: paymentPlanWorkflowId(plan.id),
      taskQueue: deps.taskQueue,
      args: [input],
    });
  } catch (error) {
    // No durable schedule, no plan: the biller may try again.
    if (earlier === null) await deps.prisma.paymentPlan.delete({ where: { id: plan.id } });
    throw error;
  }
  const auditKey = `payment-plan:${plan.id}:created`;
  await deps.prisma.auditEvent.upsert({
    where: { idempotencyKey: auditKey },
    create: {
      actor: principal.subject,
      role: principal.role,
      action: 'payment_plan.created',
      idempotencyKey: auditKey,
      detail: {
        statementId,
        planId: plan.id,
        installments: plan.installments.length,
        ...(context.questionId !== undefined ? { questionId: context.questionId } : {}),
      },
    },
    update: {},
  });
  await notifyStatementCycle(deps, statementId, 'payment_plan');
  return {
    created: earlier === null,
    plan: {
      id: plan.id,
      statementId: plan.statementId,
      status: 'active',
      totalCents: plan.totalCents,
      installments: plan.installments.map((i) => ({
        number: i.number,
        dueDate: dateToDay(i.dueDate),
        amountCents: i.amountCents,
        status: i.status as 'due',
      })),
    },
  };
}
