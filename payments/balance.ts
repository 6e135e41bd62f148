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

/** The payments and the refund items a balance counts (payments/dunning-holds.ts reads them in SQL). */
export const COUNTED_PAYMENT_STATUS = 'confirmed';
export const COUNTED_REFUND_STATUS = 'refunded';

/** What a statement's balance is computed from: its amount, confirmed payments, refunded overpayments. */
const BALANCE_SELECT = {
  patientOwesCents: true,
  payments: { where: { status: COUNTED_PAYMENT_STATUS }, select: { amountCents: true } },
  refundItems: { where: { status: COUNTED_REFUND_STATUS }, select: { amountCents: true } },
} as const satisfies Prisma.PatientStatementSelect;

/**
 * One statement (with relationJoins, one SQL query): the statement's amount with its confirmed
 * payments and refunded overpayments, summed here (a statement has a handful of each).
 */
export async function statementBalance(prisma: Reader, statementId: string): Promise<StatementBalance | undefined> {
  const statement = await prisma.patientStatement.findUnique({
    where: { id: statementId },
    select: BALANCE_SELECT,
  });
  if (statement === null) return undefined;
  const sum = (rows: Array<{ amountCents: number }>) => rows.reduce((total, row) => total + row.amountCents, 0);
  return balanceOf(statementId, {
    owedCents: statement.patientOwesCents,
    paidCents: sum(statement.payments),
    refundedCents: sum(statement.refundItems),
  });
}

/** The balance from its sums: what the statement asked for, less the confirmed payments, plus the refunded overpayments. */
export function balanceOf(statementId: string, sums: { owedCents: number; paidCents: number; refundedCents: number }): StatementBalance {
  return { statementId, ...sums, balanceCents: sums.owedCents - sums.paidCents + sums.refundedCents };
}
