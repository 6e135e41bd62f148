/**
 * Activities of the statement cycle and of payment plans (workflows/statement-cycle.ts,
 * workflows/payment-plan.ts): the facts they decide on (balance, holds, a plan's progress) and
 * the records they leave (notices sent, the cycle's state for the worklists, missed installments).
 * Each write is keyed so a retried activity writes nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { ActivityDeps } from './deps.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { sqlOf } from '../platform/sql.ts';
import { insertRows, insertRowsStatement } from './raw-insert.ts';
import { writeOffBalance } from '../billing/statement-adjustments.ts';
import { statementBalance } from '../payments/balance.ts';
import { statementFacts } from '../payments/dunning-holds.ts';
import type { CycleDecision, CycleStatus } from '../workflows/statement-cycle-messages.ts';

export type NoticeKind = 'statement' | 'reminder' | 'final_notice' | 'installment_reminder';

type Facts = { balanceCents: number; holds: string[] };
type CycleState = {
  statementId: string;
  workflowId: string;
  status: CycleStatus;
  remindersSent: number;
  nextNoticeAt?: string;
  holds: string[];
};
type Notice = { statementId: string; kind: NoticeKind; seq: number; balanceCents: number };

export function createStatementCycleActivities({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  const readFacts = async (statementId: string): Promise<Facts> => {
    const facts = await statementFacts(prisma, statementId);
    // A statement that is gone (its encounter deleted) owes nothing any more.
    if (facts === undefined) return { balanceCents: 0, holds: [] };
    return { balanceCents: facts.balance.balanceCents, holds: facts.holds };
  };
  // A notice is written once per kind and number (unique key): INSERT ... ON CONFLICT DO NOTHING.
  const noticeRow = ({ statementId, kind, seq, balanceCents }: Notice) => ({ id: randomUUID(), statementId, kind, seq, balanceCents });
  const writeNotice = async (notice: Notice): Promise<void> => {
    await insertRows(prisma, 'StatementNotice', [noticeRow(notice)], { onConflictDoNothing: true });
  };
  /**
   * The cycle's state as the worklists read it, and with it (one statement, a CTE) the notice it
   * just sent, if any: raw, through node-postgres (platform/sql.ts), where Prisma's upsert read the
   * row back to answer it.
   */
  const writeState = async (input: CycleState, notice?: Notice): Promise<void> => {
    const noticeWritten = notice
      ? Prisma.sql`WITH notice AS (${insertRowsStatement('StatementNotice', [noticeRow(notice)], { onConflictDoNothing: true })})`
      : Prisma.empty;
    await sqlOf(prisma).execute(Prisma.sql`${noticeWritten}
      INSERT INTO "StatementCycle" ("statementId", "workflowId", "status", "remindersSent", "nextNoticeAt", "holds", "updatedAt")
      VALUES (${input.statementId}, ${input.workflowId}, ${input.status}, ${input.remindersSent},
              ${input.nextNoticeAt ? new Date(input.nextNoticeAt) : null}, ${input.holds}::text[], now())
      ON CONFLICT ("statementId") DO UPDATE SET "status" = EXCLUDED."status", "remindersSent" = EXCLUDED."remindersSent",
        "nextNoticeAt" = EXCLUDED."nextNoticeAt", "holds" = EXCLUDED."holds", "updatedAt" = EXCLUDED."updatedAt"`);
  };

  return {
    /** The balance left on the statement and why dunning is paused, if it is. */
    async statementCycleFacts({ statementId }: { statementId: string }): Promise<Facts> {
      return readFacts(statementId);
    },

    /**
     * The cycle's first step at once (STATEMENT_CYCLE_OPENED_AT_ONCE), instead of four activities:
     * the facts; unless the statement is paid, the statement itself as the first notice; and the
     * cycle's state (paid; paused on a hold; else active until the first reminder, `firstReminderAt`).
     */
    async openStatementCycle(input: {
      statementId: string;
      workflowId: string;
      firstReminderAt: string;
      /** The statement notice's number: 0, or after the earlier cycles' when the cycle was renewed. */
      statementSeq?: number;
    }): Promise<{ facts: Facts; status: CycleStatus }> {
      const { statementId, workflowId } = input;
      const facts = await readFacts(statementId);
      const state = { statementId, workflowId, remindersSent: 0, holds: facts.holds };
      if (facts.balanceCents <= 0) {
        await writeState({ ...state, status: 'paid' });
        return { facts, status: 'paid' };
      }
      const status = facts.holds.length > 0 ? 'paused' : 'active';
      // The statement as the first notice and the cycle's state, in one statement.
      await writeState(
        { ...state, status, ...(status === 'active' ? { nextNoticeAt: input.firstReminderAt } : {}) },
        { statementId, kind: 'statement', seq: input.statementSeq ?? 0, balanceCents: facts.balanceCents },
      );
      return { facts, status };
    },

    /** Records one notice to the patient (the statement, a reminder, the final notice, an installment reminder); once per kind and number. */
    async recordStatementNotice(notice: Notice): Promise<void> {
      await writeNotice(notice);
    },

    /** The cycle's state as the worklists read it (the workflow's query answers the same while it runs). */
    async recordCycleState(input: CycleState): Promise<void> {
      await writeState(input);
    },

    /**
     * The supervisor's decision after the final notice, as the cycle took it. A write-off posts the
     * balance left as an applied write-off adjustment in the same transaction, so the balance reads
     * 0; only the first attempt that closes the cycle writes anything (a retry finds it decided).
     */
    async recordCycleDecision(input: {
      statementId: string;
      decision: CycleDecision;
      decidedBy: string;
      note?: string;
      at: string;
    }): Promise<void> {
      const at = new Date(input.at);
      await prisma.$transaction(async (tx) => {
        const decided = await tx.statementCycle.updateMany({
          where: { statementId: input.statementId, decidedAt: null },
          data: {
            status: 'closed',
            decision: input.decision,
            decidedBy: input.decidedBy,
            decidedAt: at,
            decisionNote: input.note ?? null,
            nextNoticeAt: null,
          },
        });
        if (decided.count === 0 || input.decision !== 'write_off') return;
        const amountCents = await writeOffBalance(tx, {
          statementId: input.statementId,
          reason: `Written off after the final notice${input.note ? `: ${input.note}` : ''}`,
          decidedBy: input.decidedBy,
          at,
        });
        await tx.auditEvent.create({
          data: {
            actor: input.decidedBy,
            role: 'supervisor',
            action: 'statement_cycle.written_off',
            detail: { statementId: input.statementId, amountCents },
            idempotencyKey: `statement-cycle:${input.statementId}:write-off`,
          },
        });
      });
    },

    /**
     * How far a payment plan is: confirmed payments since the plan began against the installments
     * due through `throughNumber`, and the statement's balance.
     */
    async paymentPlanProgress({
      planId,
      throughNumber,
    }: {
      planId: string;
      throughNumber: number;
    }): Promise<{ paidCents: number; requiredCents: number; balanceCents: number }> {
      const plan = await prisma.paymentPlan.findUniqueOrThrow({ where: { id: planId }, include: { installments: true } });
      const paid = await prisma.payment.aggregate({
        where: { statementId: plan.statementId, status: 'confirmed', settledAt: { gte: plan.createdAt } },
        _sum: { amountCents: true },
      });
      const requiredCents = plan.installments.filter((i) => i.number <= throughNumber).reduce((sum, i) => sum + i.amountCents, 0);
      const balance = await statementBalance(prisma, plan.statementId);
      return { paidCents: paid._sum.amountCents ?? 0, requiredCents, balanceCents: balance?.balanceCents ?? 0 };
    },

    /** Marks an installment paid or missed (a missed one is a work item on the billers' worklist). */
    async markInstallment({ planId, number, status }: { planId: string; number: number; status: 'paid' | 'missed' }): Promise<void> {
      await prisma.paymentPlanInstallment.updateMany({ where: { planId, number, status: 'due' }, data: { status } });
    },

    /** The plan ended: completed (the balance is paid or every installment met), or defaulted. */
    async finishPaymentPlan({ planId, status }: { planId: string; status: 'completed' | 'defaulted' }): Promise<void> {
      await prisma.paymentPlan.updateMany({ where: { id: planId, status: 'active' }, data: { status } });
    },
  };
}
