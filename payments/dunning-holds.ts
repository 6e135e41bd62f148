/**
 * Why a statement's dunning is paused right now. Each source is a kind of row about the
 * statement that holds it while any exists; the statement cycle (workflows/statement-cycle.ts)
 * sends no notice while any holds. A new reason to pause (e.g. an open question or dispute about
 * the statement) is one more entry. All sources are counted in the one query that reads the
 * statement's balance (`statementFacts`), instead of one query each.
 */
import { Prisma } from '../generated/prisma/client.ts';
import { OPEN_QUESTION_STATUSES } from '../domain/patient-questions.ts';
import { sqlOf, type Db } from '../platform/sql.ts';
import { CLAIM_CORRECTION_IN_FLIGHT } from '../workflows/claim-correction-config.ts';
import { balanceOf, COUNTED_PAYMENT_STATUS, COUNTED_REFUND_STATUS, type StatementBalance } from './balance.ts';

export interface DunningHoldSource {
  reason: string;
  /** The table of the statement's rows (by their "statementId") that hold dunning while any is in one of `statuses`. */
  table: Prisma.ModelName;
  statuses: readonly string[];
}

export const DUNNING_HOLD_SOURCES: readonly DunningHoldSource[] = [
  // A question or dispute about the statement that no biller has answered yet.
  { reason: 'question', table: 'PatientQuestion', statuses: OPEN_QUESTION_STATUSES },
  // An active payment plan: its own installment reminders replace the statement's.
  { reason: 'payment_plan', table: 'PaymentPlan', statuses: ['active'] },
  // The claim is back with the payer (workflows/claim-correction.ts): the balance may change.
  { reason: 'claim_correction', table: 'ClaimCorrection', statuses: CLAIM_CORRECTION_IN_FLIGHT },
];

export interface StatementFacts {
  balance: StatementBalance;
  holds: string[];
}

type FactsRow = { owedCents: number; paidCents: number; refundedCents: number; held: boolean[] };

/**
 * The statement's balance (as payments/balance.ts counts it: confirmed payments, refunded
 * overpayments) and its dunning holds in one statement, through node-postgres (platform/sql.ts:
 * the statement cycle reads it at every step, and a read through the Prisma client costs more
 * than twice the CPU); undefined when the statement is gone.
 */
export async function statementFacts(db: Db, statementId: string): Promise<StatementFacts | undefined> {
  const held = DUNNING_HOLD_SOURCES.map(
    ({ table, statuses }) =>
      Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`"${table}"`)} h WHERE h."statementId" = s."id" AND h."status" = ANY(${[...statuses]}::text[]))`,
  );
  const [row] = await sqlOf(db).query<FactsRow>(Prisma.sql`
    SELECT s."patientOwesCents" AS "owedCents",
      (SELECT COALESCE(sum(p."amountCents"), 0)::int FROM "Payment" p WHERE p."statementId" = s."id" AND p."status" = ${COUNTED_PAYMENT_STATUS}) AS "paidCents",
      (SELECT COALESCE(sum(r."amountCents"), 0)::int FROM "RefundItem" r WHERE r."statementId" = s."id" AND r."status" = ${COUNTED_REFUND_STATUS}) AS "refundedCents",
      ARRAY[${Prisma.join(held)}] AS "held"
    FROM "PatientStatement" s WHERE s."id" = ${statementId}`);
  if (row === undefined) return undefined;
  const { owedCents, paidCents, refundedCents } = row;
  return {
    balance: balanceOf(statementId, { owedCents, paidCents, refundedCents }),
    holds: DUNNING_HOLD_SOURCES.filter((_, i) => row.held[i]).map((hold) => hold.reason),
  };
}
