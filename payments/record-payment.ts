/**
 * Recording a patient's payment, idempotent on its reference: the same payment delivered twice
 * posts once (a unique reference; the second delivery gets the first one's payment back, a
 * different request under the same reference is refused).
 *
 * Money taken at the desk (cash, check, the desk's card terminal) is confirmed at once. A card
 * paid on the patient page (or read out on the phone) arrives as the payment provider's one-time
 * token: the payment is stored `pending` first, then the token is charged under the payment's
 * id as the provider's Idempotency-Key, and the payment becomes `confirmed` or `failed`. When the
 * provider's answer does not come (timeout, reset, 5xx) the payment stays pending — nothing is
 * half-written, the balance does not move — until a retry of the same request or the worker's
 * reconciler (reconcile.ts) asks the provider what became of that key.
 *
 * Confirming locks the statement row, so two confirmations never both miss an overpayment: a
 * payment that takes the balance below zero opens a refund work item for the excess.
 */
import { createHash } from 'node:crypto';
import type { Payment, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Charge } from '../integrations/payment-provider-contract.ts';
import type { PaymentProviderClient } from '../integrations/payment-provider-client.ts';
import { ExternalPartyRejectedError, ExternalPartyUnavailableError } from '../integrations/errors.ts';
import { statementBalance, type StatementBalance } from './balance.ts';
import { isUniqueViolation } from '../platform/sql.ts';

/** card: a provider token (phone or patient page); card_present: read by the desk's own terminal. */
export const PAYMENT_METHODS = ['card', 'card_present', 'cash', 'check', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentSource = 'patient_page' | 'desk';

export interface PaymentRequest {
  statementId: string;
  amountCents: number;
  method: PaymentMethod;
  /** The idempotency key: the Idempotency-Key header, or the desk's receipt number. */
  reference: string;
  source: PaymentSource;
  /** Who recorded it: the biller's subject, or `patient` for the patient page. */
  recordedBy: string;
  /** The provider's one-time token, for a card charged through the provider. */
  cardToken?: string;
}

export type PaymentOutcome =
  { kind: 'recorded'; payment: Payment; balance: StatementBalance; replay: boolean } | { kind: 'conflict' } | { kind: 'no_statement' };

export interface PaymentContext {
  prisma: PrismaClient;
  provider: PaymentProviderClient;
  /** Told after a payment was confirmed (the statement cycle re-checks the balance). Errors are ignored. */
  onConfirmed?: (statementId: string) => Promise<void>;
  /**
   * A pending payment younger than this may still have its charge in flight: finding no charge
   * under its key then proves nothing, so it stays pending (default 60 s; longer than the
   * provider's timeout).
   */
  pendingGraceMs?: number;
}

export const DEFAULT_PENDING_GRACE_MS = 60_000;

function requestHash(request: PaymentRequest): string {
  const { statementId, amountCents, method, source } = request;
  return createHash('sha256').update(JSON.stringify({ statementId, amountCents, method, source })).digest('hex');
}

export async function recordPayment(ctx: PaymentContext, request: PaymentRequest): Promise<PaymentOutcome> {
  const { prisma } = ctx;
  const statement = await prisma.patientStatement.findUnique({ where: { id: request.statementId }, select: { id: true } });
  if (statement === null) return { kind: 'no_statement' };
  const hash = requestHash(request);
  const charged = request.cardToken !== undefined;
  let payment: Payment;
  let replay = false;
  try {
    payment = await prisma.payment.create({
      data: {
        statementId: request.statementId,
        reference: request.reference,
        requestHash: hash,
        amountCents: request.amountCents,
        method: request.method,
        source: request.source,
        status: 'pending',
        recordedBy: request.recordedBy,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const earlier = await prisma.payment.findUnique({ where: { reference: request.reference } });
    if (earlier === null) throw error;
    if (earlier.requestHash !== hash) return { kind: 'conflict' };
    payment = earlier;
    replay = true;
  }
  if (payment.status === 'pending') {
    if (!charged) payment = await confirmPayment(ctx, payment.id, undefined);
    else payment = replay ? await settleFromProvider(ctx, payment) : await chargeToken(ctx, payment, request.cardToken!);
  }
  const balance = (await statementBalance(prisma, payment.statementId))!;
  return { kind: 'recorded', payment, balance, replay };
}

/** Charges the token under the payment's id; leaves the payment pending when no answer came. */
async function chargeToken(ctx: PaymentContext, payment: Payment, token: string): Promise<Payment> {
  let charge: Charge;
  try {
    charge = await ctx.provider.charge({
      token,
      amountCents: payment.amountCents,
      idempotencyKey: payment.id,
      description: `statement ${payment.statementId}`,
    });
  } catch (error) {
    if (error instanceof ExternalPartyUnavailableError) return payment;
    if (error instanceof ExternalPartyRejectedError)
      return failPayment(ctx.prisma, payment.id, error.status === 409 ? 'provider_conflict' : 'token_rejected');
    throw error;
  }
  return applyCharge(ctx, payment, charge);
}

/**
 * Asks the provider what became of a pending payment's charge. No charge under its key means the
 * provider never took the money: the payment fails (the patient may pay again). Unreachable
 * provider: still pending.
 */
export async function settleFromProvider(ctx: PaymentContext, payment: Payment): Promise<Payment> {
  let charge: Charge | undefined;
  try {
    charge = await ctx.provider.findCharge(payment.id);
  } catch (error) {
    if (error instanceof ExternalPartyUnavailableError || error instanceof ExternalPartyRejectedError) return payment;
    throw error;
  }
  if (charge === undefined) {
    const age = Date.now() - payment.createdAt.getTime();
    return age < (ctx.pendingGraceMs ?? DEFAULT_PENDING_GRACE_MS) ? payment : failPayment(ctx.prisma, payment.id, 'not_charged');
  }
  return applyCharge(ctx, payment, charge);
}

async function applyCharge(ctx: PaymentContext, payment: Payment, charge: Charge): Promise<Payment> {
  if (charge.status === 'declined') return failPayment(ctx.prisma, payment.id, charge.declineCode ?? 'declined');
  return confirmPayment(ctx, payment.id, charge.id);
}

async function failPayment(prisma: PrismaClient, paymentId: string, reason: string): Promise<Payment> {
  await prisma.payment.updateMany({
    where: { id: paymentId, status: 'pending' },
    data: { status: 'failed', failureReason: reason, settledAt: new Date() },
  });
  return prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

/** Pending → confirmed, and a refund work item for what it paid beyond the balance; once only. */
async function confirmPayment(ctx: PaymentContext, paymentId: string, providerChargeId: string | undefined): Promise<Payment> {
  const confirmed = await ctx.prisma.$transaction(async (tx) => {
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
    await lockStatement(tx, payment.statementId);
    const moved = await tx.payment.updateMany({
      where: { id: paymentId, status: 'pending' },
      data: { status: 'confirmed', settledAt: new Date(), ...(providerChargeId !== undefined ? { providerChargeId } : {}) },
    });
    if (moved.count === 0) return false;
    const balance = (await statementBalance(tx, payment.statementId))!;
    // Credit already waiting for a refund is not refunded twice.
    const openRefunds = await tx.refundItem.aggregate({
      where: { statementId: payment.statementId, status: 'open' },
      _sum: { amountCents: true },
    });
    const excess = Math.min(payment.amountCents, -balance.balanceCents - (openRefunds._sum.amountCents ?? 0));
    if (excess > 0) {
      await tx.refundItem.create({ data: { statementId: payment.statementId, paymentId, amountCents: excess } });
    }
    await tx.auditEvent.create({
      data: {
        actor: payment.recordedBy,
        role: payment.source === 'desk' ? 'biller' : 'patient',
        action: 'payment.confirmed',
        detail: {
          statementId: payment.statementId,
          paymentId,
          amountCents: payment.amountCents,
          method: payment.method,
          refundCents: Math.max(0, excess),
        },
        idempotencyKey: `payment-confirmed:${paymentId}`,
      },
    });
    return true;
  });
  const payment = await ctx.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
  if (confirmed && ctx.onConfirmed) await ctx.onConfirmed(payment.statementId).catch(() => undefined);
  return payment;
}

async function lockStatement(tx: Prisma.TransactionClient, statementId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "PatientStatement" WHERE "id" = ${statementId} FOR UPDATE`;
}
