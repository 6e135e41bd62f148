/**
 * The API's side of payments, shared by the biller's desk route and the patient page's route:
 * the request's idempotency reference, the answer for each outcome, the JSON shapes.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Payment } from '../generated/prisma/client.ts';
import type { StatementBalance } from '../payments/balance.ts';
import { PAYMENT_METHODS, recordPayment, type PaymentRequest } from '../payments/record-payment.ts';
import { badRequest, conflict, HttpProblem, notFound, unavailable } from '../platform/problem.ts';
import type { ApiDeps } from './deps.ts';
import { notifyStatementCycle } from './statement-cycle-notify.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/** The Idempotency-Key header; required for a payment (a payment delivered twice must post once). */
export function paymentReference(req: Request, fromBody?: string): string {
  const raw = fromBody ?? req.get('idempotency-key');
  const field = fromBody !== undefined ? 'reference' : 'Idempotency-Key';
  if (raw === undefined)
    throw badRequest('A payment needs an Idempotency-Key header (or a receipt reference)', [{ field, message: 'required' }]);
  if (!IDEMPOTENCY_KEY.test(raw))
    throw badRequest(`The ${field} is malformed`, [{ field, message: '8 to 200 letters, digits and . _ : -' }]);
  return raw;
}

export const balanceSchema = z
  .object({
    statementId: z.string(),
    owedCents: z.number().int(),
    paidCents: z.number().int(),
    refundedCents: z.number().int(),
    balanceCents: z.number().int().meta({ description: 'Negative: the patient paid too much (a refund work item exists)' }),
  })
  .meta({ id: 'StatementBalance' });

export const paymentSchema = z
  .object({
    id: z.string(),
    statementId: z.string(),
    amountCents: z.number().int(),
    method: z.enum(PAYMENT_METHODS),
    source: z.enum(['patient_page', 'desk']),
    status: z.enum(['pending', 'confirmed', 'failed']),
    failureReason: z.string().optional(),
    createdAt: z.string(),
    settledAt: z.string().optional(),
  })
  .meta({ id: 'Payment' });

export const paymentReceiptSchema = z.object({ payment: paymentSchema, balance: balanceSchema }).meta({ id: 'PaymentReceipt' });

export function paymentJson(p: Payment): z.infer<typeof paymentSchema> {
  return {
    id: p.id,
    statementId: p.statementId,
    amountCents: p.amountCents,
    method: p.method as z.infer<typeof paymentSchema>['method'],
    source: p.source as z.infer<typeof paymentSchema>['source'],
    status: p.status as z.infer<typeof paymentSchema>['status'],
    ...(p.failureReason !== null ? { failureReason: p.failureReason } : {}),
    createdAt: p.createdAt.toISOString(),
    ...(p.settledAt !== null ? { settledAt: p.settledAt.toISOString() } : {}),
  };
}

export const PAYMENT_RESPONSES = {
  201: { description: 'Recorded and confirmed (the balance is the new one)', body: paymentReceiptSchema },
  200: {
    description: 'The same payment delivered again: the first delivery’s payment, not posted twice',
    body: paymentReceiptSchema,
    headers: { 'Idempotent-Replay': 'true' },
  },
  202: {
    description:
      'The payment provider did not answer in time: pending until reconciled (nothing was posted); ask again with the same Idempotency-Key',
    body: paymentReceiptSchema,
  },
} as const;

export const PAYMENT_PROBLEMS = {
  402: 'The card was declined (the payment is recorded as failed; a new attempt needs a new Idempotency-Key)',
  404: 'No such statement',
  409: 'The Idempotency-Key (reference) was used for a different payment',
} as const;

/** Records the payment and answers: 201 confirmed, 200 replay, 202 pending, 402 declined. */
export async function answerPayment(deps: ApiDeps, res: Response, request: PaymentRequest): Promise<void> {
  if (deps.payments === undefined) throw unavailable('Payments are not configured on this API');
  const outcome = await recordPayment(
    {
      prisma: deps.prisma,
      provider: deps.payments.provider,
      pendingGraceMs: deps.payments.pendingGraceMs,
      onConfirmed: (statementId) => notifyStatementCycle(deps, statementId, 'payment'),
    },
    request,
  );
  if (outcome.kind === 'no_statement') throw notFound('No statement has this id');
  if (outcome.kind === 'conflict') throw conflict('This Idempotency-Key (reference) was used for a different payment');
  const body = { payment: paymentJson(outcome.payment), balance: balanceJson(outcome.balance) };
  if (outcome.payment.status === 'failed') {
    throw new HttpProblem(402, `The payment failed: ${outcome.payment.failureReason ?? 'declined'}`);
  }
  if (outcome.replay) res.set('Idempotent-Replay', 'true');
  res.status(outcome.payment.status === 'pending' ? 202 : outcome.replay ? 200 : 201).json(body);
}

export function balanceJson(b: StatementBalance): z.infer<typeof balanceSchema> {
  return {
    statementId: b.statementId,
    owedCents: b.owedCents,
    paidCents: b.paidCents,
    refundedCents: b.refundedCents,
    balanceCents: b.balanceCents,
  };
}
