/**
 * The statement cycle and payment plans as people see them: a statement's cycle and notices,
 * the supervisors' worklist of cycles awaiting a decision after the final notice (and the
 * decision itself, signed to the workflow), payment plans set up by billers, and the billers'
 * worklist of missed installments.
 */
import { z } from 'zod';
import { dateToDay } from '../../domain/days.ts';
import { statementCycleWorkflowId } from '../../workflows/statement-cycle-config.ts';
import { CYCLE_DECISIONS, cycleDecisionSignal } from '../../workflows/statement-cycle-messages.ts';
import { conflict, notFound } from '../../platform/problem.ts';
import { principalOf } from '../auth.ts';
import { createPaymentPlan, planRequestSchema, planSchema } from '../payment-plans.ts';
import { acceptedSchema } from '../responses.ts';
import { route } from '../route.ts';
import { safeString, statementIdParams, uuid } from '../schemas.ts';

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

const missedSchema = z.object({
  items: z.array(
    z.object({ planId: z.string(), statementId: z.string(), number: z.number().int(), dueDate: z.string(), amountCents: z.number().int() }),
  ),
});

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
      res.status(201).json((await createPaymentPlan(deps, params.id, principalOf(res), body)).plan);
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
