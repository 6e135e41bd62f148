/**
 * Payments recorded by billers (at the desk, or a card read out on the phone and tokenized at
 * the provider's virtual terminal), a statement's balance, and the refund work items that
 * overpayments open. The patient page's own payment route is in api/routes/patient-payments.ts.
 */
import { z } from 'zod';
import { principalOf } from '../auth.ts';
import {
  answerPayment,
  balanceJson,
  balanceSchema,
  PAYMENT_PROBLEMS,
  PAYMENT_RESPONSES,
  paymentJson,
  paymentReference,
  paymentSchema,
} from '../payments.ts';
import { statementBalance } from '../../payments/balance.ts';
import { PAYMENT_METHODS } from '../../payments/record-payment.ts';
import { conflict, notFound } from '../../platform/problem.ts';
import { route } from '../route.ts';
import { safeString, statementIdParams, uuid } from '../schemas.ts';
import { notifyStatementCycle } from '../statement-cycle-notify.ts';

const MAX_PAYMENT_CENTS = 10_000_000;

const deskPaymentSchema = z
  .object({
    amountCents: z.number().int().positive().max(MAX_PAYMENT_CENTS).meta({ description: 'Amount paid, in cents' }),
    method: z
      .enum(PAYMENT_METHODS)
      .meta({ description: 'card (with cardToken: charged through the provider), cash, check, other (e.g. the desk’s card terminal)' }),
    reference: safeString()
      .optional()
      .meta({ description: 'The desk’s receipt or check number; the idempotency key when there is no Idempotency-Key header' }),
    cardToken: z
      .string()
      .regex(/^tok_[A-Za-z0-9_-]{8,100}$/, { message: 'A one-time token from the payment provider (tok_...)' })
      .optional()
      .meta({ description: 'One-time token from the payment provider; never a card number' }),
  })
  .refine((body) => (body.method === 'card') === (body.cardToken !== undefined), {
    message: 'A card payment carries the provider’s cardToken, and only a card payment does',
    path: ['cardToken'],
  });

const refundSchema = z
  .object({
    id: z.string(),
    statementId: z.string(),
    paymentId: z.string(),
    amountCents: z.number().int(),
    status: z.enum(['open', 'refunded']),
    createdAt: z.string(),
    resolvedBy: z.string().optional(),
    resolvedAt: z.string().optional(),
  })
  .meta({ id: 'RefundItem' });

const refundIdParams = z.object({ id: z.string().meta({ description: 'Refund work item id', format: 'uuid' }) });

function refundJson(r: {
  id: string;
  statementId: string;
  paymentId: string;
  amountCents: number;
  status: string;
  createdAt: Date;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}) {
  return {
    id: r.id,
    statementId: r.statementId,
    paymentId: r.paymentId,
    amountCents: r.amountCents,
    status: r.status as 'open' | 'refunded',
    createdAt: r.createdAt.toISOString(),
    ...(r.resolvedBy !== null ? { resolvedBy: r.resolvedBy } : {}),
    ...(r.resolvedAt !== null ? { resolvedAt: r.resolvedAt.toISOString() } : {}),
  };
}

export const paymentRoutes = [
  route(
    {
      method: 'post',
      path: '/statements/:id/payments',
      summary:
        'Record a patient payment taken by a biller (desk or phone); idempotent on the Idempotency-Key header or the receipt reference',
      roles: ['biller', 'supervisor'],
      params: statementIdParams,
      body: deskPaymentSchema,
      responses: PAYMENT_RESPONSES,
      problems: PAYMENT_PROBLEMS,
    },
    async ({ deps, params, body, req, res }) => {
      if (!uuid.safeParse(params.id).success) throw notFound('No statement has this id');
      const reference = body.reference !== undefined ? `desk:${paymentReference(req, body.reference)}` : paymentReference(req);
      await answerPayment(deps, res, {
        statementId: params.id,
        amountCents: body.amountCents,
        method: body.method,
        reference,
        source: 'desk',
        recordedBy: principalOf(res).subject,
        ...(body.cardToken !== undefined ? { cardToken: body.cardToken } : {}),
      });
    },
  ),

  route(
    {
      method: 'get',
      path: '/statements/:id/balance',
      summary: 'What the patient still owes on a statement, with its payments',
      roles: ['biller', 'supervisor'],
      params: statementIdParams,
      responses: {
        200: {
          description: 'The balance and every payment, newest first',
          body: balanceSchema.extend({ payments: z.array(paymentSchema) }),
        },
      },
      problems: { 404: 'No such statement' },
    },
    async ({ deps, params, res }) => {
      const balance = uuid.safeParse(params.id).success ? await statementBalance(deps.prisma, params.id) : undefined;
      if (balance === undefined) throw notFound('No statement has this id');
      const payments = await deps.prisma.payment.findMany({
        where: { statementId: params.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
      res.json({ ...balanceJson(balance), payments: payments.map(paymentJson) });
    },
  ),

  route(
    {
      method: 'get',
      path: '/refunds',
      summary: 'The billers’ refund work items (overpayments), oldest first',
      roles: ['biller', 'supervisor'],
      query: z.object({ status: z.enum(['open', 'refunded']).default('open') }),
      responses: { 200: { description: 'Refund work items', body: z.object({ items: z.array(refundSchema) }) } },
    },
    async ({ deps, query, res }) => {
      const items = await deps.prisma.refundItem.findMany({
        where: { status: query.status },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: 500,
      });
      res.json({ items: items.map(refundJson) });
    },
  ),

  route(
    {
      method: 'post',
      path: '/refunds/:id/complete',
      summary: 'A biller refunded the overpayment (idempotent: completing it again answers the same)',
      roles: ['biller', 'supervisor'],
      params: refundIdParams,
      body: z.object({ note: safeString().max(500).optional() }),
      responses: { 200: { description: 'The refund work item, now refunded', body: refundSchema } },
      problems: { 404: 'No such refund work item', 409: 'Completed by another person already' },
    },
    async ({ deps, params, body, res }) => {
      const principal = principalOf(res);
      const item = uuid.safeParse(params.id).success ? await deps.prisma.refundItem.findUnique({ where: { id: params.id } }) : null;
      if (item === null) throw notFound('No refund work item has this id');
      const moved = await deps.prisma.refundItem.updateMany({
        where: { id: item.id, status: 'open' },
        data: { status: 'refunded', resolvedBy: principal.subject, resolvedAt: new Date(), note: body.note ?? null },
      });
      const now = await deps.prisma.refundItem.findUniqueOrThrow({ where: { id: item.id } });
      if (moved.count === 0 && now.resolvedBy !== principal.subject) throw conflict('This refund was completed by someone else already');
      if (moved.count > 0) {
        await deps.prisma.auditEvent.create({
          data: {
            actor: principal.subject,
            role: principal.role,
            action: 'refund.completed',
            detail: { refundId: item.id, statementId: item.statementId, amountCents: item.amountCents },
          },
        });
        await notifyStatementCycle(deps, item.statementId, 'refund');
      }
      res.json(refundJson(now));
    },
  ),
];
