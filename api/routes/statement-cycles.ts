/**
 * The statement cycle and payment plans as people see them: a statement's cycle and notices,
 * the supervisors' worklist of cycles awaiting a decision after the final notice (and the
 * decision itself, signed to the workflow), payment plans set up by billers, and the billers'
 * worklist of missed installments.
 */
import { z } from 'zod';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { dateToDay } from '../../domain/days.ts';
import type { PaymentPlanInput } from '../../workflows/statement-cycle-config.ts';
import { paymentPlanWorkflowId, statementCycleWorkflowId } from '../../workflows/statement-cycle-config.ts';
import { CYCLE_DECISIONS, cycleDecisionSignal } from '../../workflows/statement-cycle-messages.ts';
import type { paymentPlanWorkflow } from '../../workflows/payment-plan.ts';
import { statementBalance } from '../../payments/balance.ts';
import { conflict, notFound, unavailable } from '../../platform/problem.ts';
import { principalOf } from '../auth.ts';
import { acceptedSchema } from '../responses.ts';
import { route } from '../route.ts';
import { isoDate, safeString, statementIdParams, uuid } from '../schemas.ts';
import { notifyStatementCycle } from '../statement-cycle-notify.ts';

const cycleSchema = z
  .object({
    statementId: z.string(),
    status: z.enum(['active', 'paused', 'paid', 'awaiting_decision', 'closed']),
    remindersSent: z.number().int(),
    nextNoticeAt: z.string().optional(),
    holds: z.array(z.string()),
    decision: z.string().optional(),
    decidedBy: z.string().optional(),
    notices: z.array(z.object({ kind: z.string(), seq: z.number().int(), balanceCents: z.number().int(), sentAt: z.string() })),
  })
  .meta({ id: 'StatementCycle' });

type CycleRow = {
  statementId: string;
  status: string;
  remindersSent: number;
  nextNoticeAt: Date | null;
  holds: string[];
  decision: string | null;
  decidedBy: string | null;
};
type NoticeRow = { kind: string; seq: number; balanceCents: number; sentAt: Date };

function cycleJson(c: CycleRow, notices: NoticeRow[]): z.infer<typeof cycleSchema> {
  return {
    statementId: c.statementId,
    status: c.status as z.infer<typeof cycleSchema>['status'],
    remindersSent: c.remindersSent,
    ...(c.nextNoticeAt !== null ? { nextNoticeAt: c.nextNoticeAt.toISOString() } : {}),
    holds: c.holds,
    ...(c.decision !== null ? { decision: c.decision } : {}),
    ...(c.decidedBy !== null ? { decidedBy: c.decidedBy } : {}),
    notices: notices.map((n) => ({ kind: n.kind, seq: n.seq, balanceCents: n.balanceCents, sentAt: n.sentAt.toISOString() })),
  };
}

const planSchema = z
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

const planRequestSchema = z.object({
  installments: z.number().int().min(2).max(24).meta({ description: 'How many installments the balance is split into' }),
  firstDueDate: isoDate.meta({ description: 'Due date of the first installment (YYYY-MM-DD)' }),
  intervalDays: z.number().int().min(7).max(62).default(30).meta({ description: 'Days between installments' }),
});

const missedSchema = z.object({
  items: z.array(
    z.object({ planId: z.string(), statementId: z.string(), number: z.number().int(), dueDate: z.string(), amountCents: z.number().int() }),
  ),
});

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

export const statementCycleRoutes = [
  route(
    {
      method: 'get',
      path: '/statements/:id/cycle',
      summary: 'A statement’s dunning cycle: status, reminders sent, holds, notices',
      roles: ['biller', 'supervisor'],
      params: statementIdParams,
      responses: { 200: { description: 'The cycle', body: cycleSchema } },
      problems: { 404: 'No such statement, or its cycle has not started yet' },
    },
    async ({ deps, params, res }) => {
      const cycle = uuid.safeParse(params.id).success
        ? await deps.prisma.statementCycle.findUnique({ where: { statementId: params.id } })
        : null;
      if (cycle === null) throw notFound('No statement cycle for this id');
      const notices = await deps.prisma.statementNotice.findMany({
        where: { statementId: params.id },
        orderBy: [{ sentAt: 'asc' }, { seq: 'asc' }],
      });
      res.json(cycleJson(cycle, notices));
    },
  ),

  route(
    {
      method: 'get',
      path: '/statement-cycles',
      summary: 'Statement cycles by status, oldest first (supervisors: `awaiting_decision` after the final notice)',
      roles: ['biller', 'supervisor'],
      query: z.object({ status: z.enum(['active', 'paused', 'paid', 'awaiting_decision', 'closed']).default('awaiting_decision') }),
      responses: { 200: { description: 'Cycles', body: z.object({ items: z.array(cycleSchema) }) } },
    },
    async ({ deps, query, res }) => {
      const cycles = await deps.prisma.statementCycle.findMany({
        where: { status: query.status },
        orderBy: [{ updatedAt: 'asc' }],
        take: 500,
        include: { statement: { select: { notices: true } } },
      });
      res.json({ items: cycles.map((c) => cycleJson(c, c.statement.notices)) });
    },
  ),

  route(
    {
      method: 'post',
      path: '/statements/:id/cycle/decision',
      summary: 'A supervisor decides what happens to a balance left after the final notice (collections referral, write-off, keep open)',
      roles: ['supervisor'],
      params: statementIdParams,
      body: z.object({ decision: z.enum(CYCLE_DECISIONS), note: safeString().max(1_000).optional() }),
      responses: { 202: { description: 'Sent to the statement’s cycle', body: acceptedSchema } },
      problems: { 404: 'No statement cycle for this id', 409: 'The cycle is not awaiting a decision' },
    },
    async ({ deps, params, body, res }) => {
      const cycle = uuid.safeParse(params.id).success
        ? await deps.prisma.statementCycle.findUnique({ where: { statementId: params.id } })
        : null;
      if (cycle === null) throw notFound('No statement cycle for this id');
      if (cycle.status !== 'awaiting_decision') throw conflict(`The cycle is ${cycle.status}, not awaiting a decision`);
      const principal = principalOf(res);
      await deps.temporal.workflow.getHandle(statementCycleWorkflowId(params.id)).signal(cycleDecisionSignal, {
        decision: body.decision,
        decidedBy: principal.subject,
        ...(body.note !== undefined ? { note: body.note } : {}),
      });
      await deps.prisma.auditEvent.create({
        data: {
          actor: principal.subject,
          role: principal.role,
          action: 'statement_cycle.decided',
          detail: { statementId: params.id, decision: body.decision },
        },
      });
      res.status(202).json({ accepted: true });
    },
  ),

  route(
    {
      method: 'post',
      path: '/statements/:id/payment-plan',
      summary: 'A biller sets up a payment plan for the balance: installments with reminders; the statement’s dunning pauses while it runs',
      roles: ['biller', 'supervisor'],
      params: statementIdParams,
      body: planRequestSchema,
      responses: { 201: { description: 'The plan, its installments and their due dates', body: planSchema } },
      problems: { 404: 'No such statement', 409: 'Nothing is owed, or the statement has an active plan already' },
    },
    async ({ deps, params, body, res }) => {
      if (deps.payments === undefined) throw unavailable('Payments are not configured on this API');
      const balance = uuid.safeParse(params.id).success ? await statementBalance(deps.prisma, params.id) : undefined;
      if (balance === undefined) throw notFound('No statement has this id');
      if (balance.balanceCents <= 0) throw conflict('Nothing is owed on this statement');
      const installments = splitInstallments(balance.balanceCents, body.installments, body.firstDueDate, body.intervalDays);
      const principal = principalOf(res);
      const plan = await deps.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "PatientStatement" WHERE "id" = ${params.id} FOR UPDATE`;
        if ((await tx.paymentPlan.count({ where: { statementId: params.id, status: 'active' } })) > 0) return undefined;
        return tx.paymentPlan.create({
          data: {
            statementId: params.id,
            totalCents: balance.balanceCents,
            createdBy: principal.subject,
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
      });
      if (plan === undefined) throw conflict('This statement has an active payment plan already');
      const input: PaymentPlanInput = { planId: plan.id, statementId: params.id, installments, timings: deps.payments.planTimings };
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
          detail: { statementId: params.id, planId: plan.id, installments: body.installments },
        },
      });
      await notifyStatementCycle(deps, params.id, 'payment_plan');
      res.status(201).json({
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
      });
    },
  ),

  route(
    {
      method: 'get',
      path: '/payment-plans/missed-installments',
      summary: 'The billers’ worklist of missed installments not yet followed up, oldest first',
      roles: ['biller', 'supervisor'],
      responses: { 200: { description: 'Missed installments', body: missedSchema } },
    },
    async ({ deps, res }) => {
      const missed = await deps.prisma.paymentPlanInstallment.findMany({
        where: { status: 'missed', resolvedAt: null },
        orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
        take: 500,
        include: { plan: { select: { statementId: true } } },
      });
      res.json({
        items: missed.map((i) => ({
          planId: i.planId,
          statementId: i.plan.statementId,
          number: i.number,
          dueDate: dateToDay(i.dueDate),
          amountCents: i.amountCents,
        })),
      });
    },
  ),
];
