/**
 * Setting up a payment plan for what is left on a statement: equal installments (the odd cents in
 * the last), stored, then their durable schedule started (workflows/payment-plan.ts), audited,
 * and the statement's dunning told (it pauses while the plan runs). One function for both places a
 * biller sets one up: the statement (POST /statements/:id/payment-plan) and a patient's question
 * (POST /patient-questions/:id/payment-plan).
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { z } from 'zod';
import { dateToDay } from '../domain/days.ts';
import { statementBalance } from '../payments/balance.ts';
import { conflict, notFound, unavailable } from '../platform/problem.ts';
import type { paymentPlanWorkflow } from '../workflows/payment-plan.ts';
import { paymentPlanWorkflowId, type PaymentPlanInput } from '../workflows/statement-cycle-config.ts';
import type { Principal } from './auth.ts';
import type { ApiDeps } from './deps.ts';
import { isoDate, uuid } from './schemas.ts';
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

export const planRequestFields = {
  installments: z.number().int().min(2).max(24).meta({ description: 'How many installments the balance is split into' }),
  firstDueDate: isoDate.meta({ description: 'Due date of the first installment (YYYY-MM-DD)' }),
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

/** Stores the plan and starts its schedule; 409 when nothing is owed or a plan is active already. */
export async function createPaymentPlan(
  deps: ApiDeps,
  statementId: string,
  principal: Principal,
  body: PlanRequest,
  context: { questionId?: string } = {},
): Promise<z.infer<typeof planSchema>> {
  if (deps.payments === undefined) throw unavailable('Payments are not configured on this API');
  const balance = uuid.safeParse(statementId).success ? await statementBalance(deps.prisma, statementId) : undefined;
  if (balance === undefined) throw notFound('No statement has this id');
  if (balance.balanceCents <= 0) throw conflict('Nothing is owed on this statement');
  const installments = splitInstallments(balance.balanceCents, body.installments, body.firstDueDate, body.intervalDays);
  const plan = await deps.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "PatientStatement" WHERE "id" = ${statementId} FOR UPDATE`;
    if ((await tx.paymentPlan.count({ where: { statementId, status: 'active' } })) > 0) return undefined;
    return tx.paymentPlan.create({
      data: {
        statementId,
        totalCents: balance.balanceCents,
        createdBy: principal.subject,
        installments: {
          create: installments.map((i) => ({ number: i.number, dueDate: new Date(`${i.dueDate}T00:00:00Z`), amountCents: i.amountCents })),
        },
      },
      include: { installments: { orderBy: { number: 'asc' } } },
    });
  });
  if (plan === undefined) throw conflict('This statement has an active payment plan already');
  const input: PaymentPlanInput = { planId: plan.id, statementId, installments, timings: deps.payments.planTimings };
  try {
    await deps.temporal.workflow.start<typeof paymentPlanWorkflow>('paymentPlanWorkflow', {
      workflowId: paymentPlanWorkflowId(plan.id),
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      // No durable schedule, no plan: the biller may try again.
      await deps.prisma.paymentPlan.delete({ where: { id: plan.id } });
      throw error;
    }
  }
  await deps.prisma.auditEvent.create({
    data: {
      actor: principal.subject,
      role: principal.role,
      action: 'payment_plan.created',
      detail: {
        statementId,
        planId: plan.id,
        installments: body.installments,
        ...(context.questionId !== undefined ? { questionId: context.questionId } : {}),
      },
    },
  });
  await notifyStatementCycle(deps, statementId, 'payment_plan');
  return {
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
  };
}
