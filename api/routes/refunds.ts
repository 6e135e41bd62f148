/**
 * The refund work items an overpayment opens (payments/record-payment.ts), for billers and
 * supervisors: the open ones (all, or one statement's), and completing one once the money went
 * back: how (card, check, cash, other) and its reference (check number, card refund receipt),
 * audited. A refund above the approval amount (WRITE_OFF_APPROVAL_ABOVE_CENTS, the same amount
 * above which an adjustment or write-off waits for a supervisor) is completed by a supervisor.
 *
 * Completing is idempotent: the work item moves from open to refunded once; completing it again
 * (the same person, or the same Idempotency-Key) answers with what was recorded.
 */
import { z } from 'zod';
import { formatDollars } from '../../billing/money.ts';
import type { RefundItem } from '../../generated/prisma/client.ts';
import { conflict, forbidden, notFound } from '../../platform/problem.ts';
import { idempotencyKeyOf } from '../audit.ts';
import { principalOf } from '../auth.ts';
import { patientPortalSettings, type ApiDeps } from '../deps.ts';
import { route } from '../route.ts';
import { safeString, uuid } from '../schemas.ts';
import { notifyStatementCycle } from '../statement-cycle-notify.ts';

export const REFUND_METHODS = ['card', 'check', 'cash', 'other'] as const;

const refundSchema = z
  .object({
    id: z.string(),
    statementId: z.string(),
    paymentId: z.string(),
    amountCents: z.number().int(),
    status: z.enum(['open', 'refunded']),
    needsSupervisor: z.boolean().meta({ description: 'Above the approval amount: only a supervisor completes it' }),
    createdAt: z.string(),
    resolvedBy: z.string().optional(),
    resolvedAt: z.string().optional(),
    method: z.enum(REFUND_METHODS).optional().meta({ description: 'How the money went back (refunded items)' }),
    reference: z.string().optional().meta({ description: 'The check number or the card refund’s receipt (refunded items)' }),
    note: z.string().optional(),
  })
  .meta({ id: 'RefundItem' });

const refundIdParams = z.object({ id: z.string().meta({ description: 'Refund work item id', format: 'uuid' }) });

const completeRefundSchema = z.object({
  method: z.enum(REFUND_METHODS).meta({ description: 'card (back to the card paid with), check (mailed), cash (at the desk), other' }),
  reference: safeString()
    .trim()
    .min(1, { message: 'Give the check number or the refund’s receipt' })
    .max(100)
    .meta({ description: 'The check number or the card refund’s receipt' }),
  note: safeString().max(500).optional(),
});

function approvalAboveCents(deps: ApiDeps): number {
  return patientPortalSettings(deps).writeOffApprovalAboveCents;
}

function refundJson(r: RefundItem, approvalAbove: number): z.infer<typeof refundSchema> {
  return {
    id: r.id,
    statementId: r.statementId,
    paymentId: r.paymentId,
    amountCents: r.amountCents,
    status: r.status as 'open' | 'refunded',
    needsSupervisor: r.amountCents > approvalAbove,
    createdAt: r.createdAt.toISOString(),
    ...(r.resolvedBy !== null ? { resolvedBy: r.resolvedBy } : {}),
    ...(r.resolvedAt !== null ? { resolvedAt: r.resolvedAt.toISOString() } : {}),
    ...(r.method !== null ? { method: r.method as (typeof REFUND_METHODS)[number] } : {}),
    ...(r.reference !== null ? { reference: r.reference } : {}),
    ...(r.note !== null ? { note: r.note } : {}),
  };
}

export const refundRoutes = [
  route(
    {
      method: 'get',
      path: '/refunds',
      summary: 'The billers’ refund work items (overpayments), oldest first',
      roles: ['biller', 'supervisor'],
      query: z.object({
        status: z.enum(['open', 'refunded']).default('open'),
        statement: uuid.optional().meta({ description: 'Only this statement’s refund work items' }),
      }),
      responses: {
        200: {
          description: 'Refund work items',
          body: z.object({
            items: z.array(refundSchema),
            approvalAboveCents: z.number().int().meta({ description: 'A refund above this is completed by a supervisor' }),
          }),
        },
      },
    },
    async ({ deps, query, res }) => {
      const items = await deps.prisma.refundItem.findMany({
        where: { status: query.status, ...(query.statement !== undefined ? { statementId: query.statement } : {}) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: 500,
      });
      const approvalAbove = approvalAboveCents(deps);
      res.json({ items: items.map((item) => refundJson(item, approvalAbove)), approvalAboveCents: approvalAbove });
    },
  ),

  route(
    {
      method: 'post',
      path: '/refunds/:id/complete',
      summary: 'A biller paid the overpayment back: how and its reference (idempotent: completing it again answers the same)',
      description:
        'Above the approval amount (WRITE_OFF_APPROVAL_ABOVE_CENTS) only a supervisor completes a refund; a biller gets 403. An Idempotency-Key makes a retry answer with what was recorded.',
      roles: ['biller', 'supervisor'],
      params: refundIdParams,
      body: completeRefundSchema,
      responses: {
        200: {
          description: 'The refund work item, now refunded (or as it was recorded, for a repeat)',
          body: refundSchema,
          headers: { 'Idempotent-Replay': 'true when this answers a repeat of the same Idempotency-Key' },
        },
      },
      problems: { 404: 'No such refund work item', 409: 'Completed by another person already' },
    },
    async ({ deps, params, body, req, res }) => {
      const principal = principalOf(res);
      const item = uuid.safeParse(params.id).success ? await deps.prisma.refundItem.findUnique({ where: { id: params.id } }) : null;
      if (item === null) throw notFound('No refund work item has this id');
      const approvalAbove = approvalAboveCents(deps);
      // A retry with the same Idempotency-Key (scoped to the refund) answers what was recorded.
      const auditKey = idempotencyKeyOf(req, `refund:${item.id}`);
      if (auditKey !== undefined && (await deps.prisma.auditEvent.count({ where: { idempotencyKey: auditKey } })) > 0) {
        res.set('Idempotent-Replay', 'true').json(refundJson(item, approvalAbove));
        return;
      }
      if (item.status === 'open' && principal.role !== 'supervisor' && item.amountCents > approvalAbove) {
        throw forbidden(`A refund above $${formatDollars(approvalAbove)} is completed by a supervisor`);
      }
      const moved = await deps.prisma.$transaction(async (tx) => {
        const { count } = await tx.refundItem.updateMany({
          where: { id: item.id, status: 'open' },
          data: {
            status: 'refunded',
            resolvedBy: principal.subject,
            resolvedAt: new Date(),
            method: body.method,
            reference: body.reference,
            note: body.note ?? null,
          },
        });
        if (count > 0) {
          await tx.auditEvent.create({
            data: {
              actor: principal.subject,
              role: principal.role,
              action: 'refund.completed',
              detail: {
                refundId: item.id,
                statementId: item.statementId,
                amountCents: item.amountCents,
                method: body.method,
                reference: body.reference,
              },
              idempotencyKey: auditKey ?? null,
            },
          });
        }
        return count > 0;
      });
      const now = await deps.prisma.refundItem.findUniqueOrThrow({ where: { id: item.id } });
      if (!moved && now.resolvedBy !== principal.subject) throw conflict('This refund was completed by someone else already');
      if (moved) await notifyStatementCycle(deps, item.statementId, 'refund');
      res.json(refundJson(now, approvalAbove));
    },
  ),
];
