/**
 * What a patient still owes on a statement: what the statement asked for, less the confirmed
 * payments, plus the overpayments already refunded. A pending or failed payment counts for
 * nothing. Negative means the patient paid too much (a refund work item exists for it).
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface StatementBalance {
  statementId: string;
  owedCents: number;
  paidCents: number;
  refundedCents: number;
  balanceCents: number;
}

type Reader = PrismaClient | Prisma.TransactionClient;

export async function statementBalance(prisma: Reader, statementId: string): Promise<StatementBalance | undefined> {
  const statement = await prisma.patientStatement.findUnique({ where: { id: statementId }, select: { patientOwesCents: true } });
  if (statement === null) return undefined;
  const [paid, refunded] = await Promise.all([
    prisma.payment.aggregate({ where: { statementId, status: 'confirmed' }, _sum: { amountCents: true } }),
    prisma.refundItem.aggregate({ where: { statementId, status: 'refunded' }, _sum: { amountCents: true } }),
  ]);
  const paidCents = paid._sum.amountCents ?? 0;
  const refundedCents = refunded._sum.amountCents ?? 0;
  return {
    statementId,
    owedCents: statement.patientOwesCents,
    paidCents,
    refundedCents,
    balanceCents: statement.patientOwesCents - paidCents + refundedCents,
  };
}
