/**
 * Corrections of what a patient owes on a statement, by billers and supervisors: an adjustment or
 * write-off with the reason the patient reads (above WRITE_OFF_APPROVAL_ABOVE_CENTS it waits for a
 * supervisor, unless a supervisor asked), the supervisor's decision on one waiting, and the
 * corrected statement reissued with a new issue and due date. Each is audited.
 */
import { z } from 'zod';
import type { Prisma, StatementAdjustment } from '../../generated/prisma/client.ts';
import { applyToStatement } from '../../billing/statement-adjustments.ts';
import { dateToDay } from '../../domain/days.ts';
import { conflict, HttpProblem, notFound } from '../../platform/problem.ts';
import { recordAudit } from '../audit.ts';
import { principalOf } from '../auth.ts';
import { patientPortalSettings } from '../deps.ts';
import { adjustmentBody, adjustmentDecisionBody, adjustmentIdParams, reissueBody, statementAdjustmentSchema } from '../patient-schemas.ts';
import { statementOr404 } from '../patient-statement.ts';
import { route } from '../route.ts';
import { statementIdParams, uuid } from '../schemas.ts';

const STAFF = ['biller', 'supervisor'] as const;

/** An adjustment as the API shows it (also in a patient question's detail). */
export function adjustmentView(a: StatementAdjustment) {
  return {
    id: a.id,
    statementId: a.statementId,
    questionId: a.questionId,
    kind: a.kind as 'adjustment' | 'write_off',
    amountCents: a.amountCents,
    reason: a.reason,
    status: a.status as 'applied' | 'pending_approval' | 'rejected',
    requestedBy: a.requestedBy,
    decidedBy: a.decidedBy,
    createdAt: a.createdAt.toISOString(),
  };
}

export const statementAdjustmentRoutes = [
  route(
    {
      method: 'post',
      path: '/statements/:id/adjustments',
      summary: 'Adjust or write off part of what the patient owes, with a reason (above the configured amount a supervisor approves first)',
      roles: STAFF,
      params: statementIdParams,
      body: adjustmentBody,
      responses: { 201: { description: 'Applied, or waiting for a supervisor', body: statementAdjustmentSchema } },
      problems: { 404: 'No such statement (or question on it)', 422: 'More than the patient owes' },
    },
    async ({ deps, params, body, res }) => {
      const { statement } = await statementOr404(deps.prisma, params.id);
      if (body.questionId !== undefined) {
        const q = await deps.prisma.patientQuestion.findUnique({ where: { id: body.questionId }, select: { statementId: true } });
        if (q === null || q.statementId !== statement.id) throw notFound('No such question on this statement');
      }
      if (body.amountCents > statement.patientOwesCents) {
        throw new HttpProblem(422, 'The adjustment is more than the patient owes', [
          { field: 'amountCents', message: `At most ${statement.patientOwesCents}` },
        ]);
      }
      const principal = principalOf(res);
      const needsApproval = principal.role !== 'supervisor' && body.amountCents > patientPortalSettings(deps).writeOffApprovalAboveCents;
      const adjustment = await deps.prisma.$transaction(async (tx) => {
        const created = await tx.statementAdjustment.create({
          data: {
            statementId: statement.id,
            questionId: body.questionId ?? null,
            kind: body.kind,
            amountCents: body.amountCents,
            reason: body.reason,
            status: needsApproval ? 'pending_approval' : 'applied',
            requestedBy: principal.subject,
            ...(needsApproval ? {} : { decidedBy: principal.subject, decidedAt: new Date() }),
          },
        });
        if (!needsApproval) await applyToStatement(tx, statement.id, body.amountCents);
        return created;
      });
      await recordAudit(deps.prisma, {
        encounterId: statement.encounterId,
        principal,
        action: 'statement.adjustment_requested',
        detail: {
          statementId: statement.id,
          adjustmentId: adjustment.id,
          kind: body.kind,
          amountCents: body.amountCents,
          status: adjustment.status,
        },
      });
      res.status(201).json(adjustmentView(adjustment));
    },
  ),

  route(
    {
      method: 'post',
      path: '/statement-adjustments/:id/decision',
      summary: 'Supervisor: approve or reject an adjustment waiting for approval',
      roles: ['supervisor'],
      params: adjustmentIdParams,
      body: adjustmentDecisionBody,
      responses: { 200: { description: 'Decided', body: statementAdjustmentSchema } },
      problems: { 404: 'No such adjustment', 409: 'Already decided' },
    },
    async ({ deps, params, body, res }) => {
      const principal = principalOf(res);
      const decided = await deps.prisma.$transaction(async (tx) => {
        const pending = uuid.safeParse(params.id).success ? await tx.statementAdjustment.findUnique({ where: { id: params.id } }) : null;
        if (pending === null) throw notFound('No adjustment has this id');
        const moved = await tx.statementAdjustment.updateMany({
          where: { id: pending.id, status: 'pending_approval' },
          data: { status: body.approve ? 'applied' : 'rejected', decidedBy: principal.subject, decidedAt: new Date() },
        });
        if (moved.count === 0) throw conflict('This adjustment was already decided');
        if (body.approve) await applyToStatement(tx, pending.statementId, pending.amountCents);
        return tx.statementAdjustment.findUniqueOrThrow({
          where: { id: pending.id },
          include: { statement: { select: { encounterId: true } } },
        });
      });
      await recordAudit(deps.prisma, {
        encounterId: decided.statement.encounterId,
        principal,
        action: 'statement.adjustment_decided',
        detail: { adjustmentId: decided.id, statementId: decided.statementId, approved: body.approve },
      });
      res.json(adjustmentView(decided));
    },
  ),

  route(
    {
      method: 'post',
      path: '/statements/:id/reissue',
      summary: 'Reissue the corrected statement: a new issue date and due date, the reason noted on it',
      roles: STAFF,
      params: statementIdParams,
      body: reissueBody,
      responses: {
        200: {
          description: 'Reissued',
          body: z.object({ id: z.uuid(), issuedAt: z.iso.datetime(), dueDate: z.string(), patientOwesCents: z.number().int() }),
        },
      },
      problems: { 404: 'No such statement' },
    },
    async ({ deps, params, body, res }) => {
      const { statement, document } = await statementOr404(deps.prisma, params.id);
      const principal = principalOf(res);
      const issuedAt = new Date();
      const dueDays = Math.max(0, Math.round((Date.parse(document.dueDate) - Date.parse(document.issuedOn)) / 86_400_000));
      const dueDate = new Date(Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth(), issuedAt.getUTCDate() + dueDays));
      const reissued = {
        ...document,
        issuedOn: dateToDay(issuedAt),
        dueDate: dateToDay(dueDate),
        notes: [...document.notes, `Corrected statement issued ${dateToDay(issuedAt)}: ${body.reason}`],
      };
      const updated = await deps.prisma.patientStatement.update({
        where: { id: statement.id },
        data: { issuedAt, dueDate, breakdown: reissued as unknown as Prisma.InputJsonValue },
      });
      await recordAudit(deps.prisma, {
        encounterId: statement.encounterId,
        principal,
        action: 'statement.reissued',
        detail: { statementId: statement.id, dueDate: dateToDay(dueDate) },
      });
      res.json({
        id: updated.id,
        issuedAt: updated.issuedAt.toISOString(),
        dueDate: dateToDay(updated.dueDate),
        patientOwesCents: updated.patientOwesCents,
      });
    },
  ),
];
