/**
 * Why a statement's dunning is paused right now. Each source is a kind of row about the
 * statement that holds it while any exists; the statement cycle (workflows/statement-cycle.ts)
 * sends no notice while any holds. A new reason to pause (e.g. an open question or dispute about
 * the statement) is one more entry. All sources are counted in the one query that reads the
 * statement's balance (`statementFacts`), instead of one query each.
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { OPEN_QUESTION_STATUSES } from '../domain/patient-questions.ts';
import { CLAIM_CORRECTION_IN_FLIGHT } from '../workflows/claim-correction-config.ts';
import { BALANCE_SELECT, balanceOf, type StatementBalance } from './balance.ts';

type StatementCounts = Prisma.PatientStatementCountOutputTypeSelect;

export interface DunningHoldSource<R extends keyof StatementCounts = keyof StatementCounts> {
  reason: string;
  /** The statement's relation whose rows (matching `where`) hold dunning. */
  relation: R;
  where: Exclude<StatementCounts[R], boolean | undefined>['where'];
}

const source = <R extends keyof StatementCounts>(hold: DunningHoldSource<R>): DunningHoldSource => hold as unknown as DunningHoldSource;

export const DUNNING_HOLD_SOURCES: readonly DunningHoldSource[] = [
  // A question or dispute about the statement that no biller has answered yet.
  source({ reason: 'question', relation: 'questions', where: { status: { in: [...OPEN_QUESTION_STATUSES] } } }),
  // An active payment plan: its own installment reminders replace the statement's.
  source({ reason: 'payment_plan', relation: 'paymentPlans', where: { status: 'active' } }),
  // The claim is back with the payer (workflows/claim-correction.ts): the balance may change.
  source({ reason: 'claim_correction', relation: 'claimCorrections', where: { status: { in: [...CLAIM_CORRECTION_IN_FLIGHT] } } }),
];

export interface StatementFacts {
  balance: StatementBalance;
  holds: string[];
}

/** The statement's balance and its dunning holds in one query; undefined when the statement is gone. */
export async function statementFacts(prisma: PrismaClient, statementId: string): Promise<StatementFacts | undefined> {
  const counts = Object.fromEntries(DUNNING_HOLD_SOURCES.map((hold) => [hold.relation, { where: hold.where }])) as StatementCounts;
  const statement = await prisma.patientStatement.findUnique({
    where: { id: statementId },
    select: { ...BALANCE_SELECT, _count: { select: counts } },
  });
  if (statement === null) return undefined;
  const counted = statement._count as Record<string, number>;
  return {
    balance: balanceOf(statementId, statement),
    holds: DUNNING_HOLD_SOURCES.filter((hold) => (counted[hold.relation] ?? 0) > 0).map((hold) => hold.reason),
  };
}
