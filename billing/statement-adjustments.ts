/**
 * Adjustments and write-offs of what a patient owes (StatementAdjustment): applying one lowers
 * `PatientStatement.patientOwesCents` at once, never below zero, so the balance
 * (payments/balance.ts) needs no term of its own. Used by the billers' actions on a question and
 * by the supervisor's write-off at the end of the statement cycle.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import { statementBalance } from '../payments/balance.ts';

/** Lowers what the patient owes by an approved adjustment (inside the caller's transaction). */
export function applyToStatement(tx: Prisma.TransactionClient, statementId: string, amountCents: number) {
  return tx.$executeRaw`UPDATE "PatientStatement" SET "patientOwesCents" = GREATEST(0, "patientOwesCents" - ${amountCents}) WHERE "id" = ${statementId}`;
}

/**
 * Writes off the whole balance left on a statement as one applied write-off, inside the caller's
 * transaction (the caller makes it happen once). Returns the amount, 0 when nothing was owed.
 */
export async function writeOffBalance(
  tx: Prisma.TransactionClient,
  input: { statementId: string; reason: string; decidedBy: string; at: Date },
): Promise<number> {
  await tx.$queryRaw`SELECT 1 FROM "PatientStatement" WHERE "id" = ${input.statementId} FOR UPDATE`;
  const balance = await statementBalance(tx, input.statementId);
  const amountCents = balance?.balanceCents ?? 0;
  if (amountCents <= 0) return 0;
  await tx.statementAdjustment.create({
    data: {
      statementId: input.statementId,
      kind: 'write_off',
      amountCents,
      reason: input.reason,
      status: 'applied',
      requestedBy: input.decidedBy,
      decidedBy: input.decidedBy,
      decidedAt: input.at,
    },
  });
  await applyToStatement(tx, input.statementId, amountCents);
  return amountCents;
}
