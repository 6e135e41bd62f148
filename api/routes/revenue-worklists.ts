/**
 * The biller's worklists after the claim (GET, biller and supervisor), across encounters:
 *
 * - /worklists/denials: denied claim lines still waiting for someone (open: a biller resubmits,
 *   appeals or writes off; escalated: the appeal deadline passed, a supervisor decides), soonest
 *   appeal deadline first, with the payer's reasons in words and overdue ones flagged.
 * - /worklists/balances: patient statements that need a biller for money: a balance still owed,
 *   an overpayment to refund, or a missed installment of a payment plan; earliest due date first.
 *
 * Like the other worklists: ids and billing facts only (no names, no clinical text), cursor
 * pages, an unknown query parameter is a 400 naming it. The actions themselves are elsewhere
 * (POST /encounters/{id}/denials/actions, /statements/{id}/payments, /refunds/{id}/complete).
 */
import { Prisma } from '../../generated/prisma/client.ts';
import { dateToDay } from '../../domain/days.ts';
import type { ApiDeps } from '../deps.ts';
import { decodeCursor } from '../cursor.ts';
import { route } from '../route.ts';
import { balanceWorklistQuerySchema, denialWorklistQuerySchema } from '../schemas.ts';
import { balanceWorklistSchema, denialWorklistSchema, type BalanceNeed } from '../worklist-responses.ts';
import { page, WORK_ITEM_COLUMNS, WORKLIST_ROLES, workItem } from './worklists.ts';

/** What openDenials stored as the denial's reasons (activities/remittances.ts). */
interface StoredReasons {
  adjustments?: Array<{ group: string; reasonCode: string; amountCents: number; words: string }>;
  remarks?: Array<{ code: string; words: string }>;
  words?: string[];
}

/** The encounters of these ids, by id, with the columns every worklist item shows. */
async function encountersById(deps: ApiDeps, ids: readonly string[]) {
  const rows = await deps.prisma.encounter.findMany({ where: { id: { in: [...new Set(ids)] } }, select: WORK_ITEM_COLUMNS });
  return new Map(rows.map((row) => [row.id, row]));
}

/** A statement row of the balance query: its money and why it is listed. */
interface BalanceRow {
  id: string;
  dueDate: Date;
  owed: number;
  paid: number;
  refunded: number;
  needsBalance: boolean;
  needsRefund: boolean;
  needsInstallment: boolean;
}

/**
 * One page of statements needing a biller, earliest due date first. The balance is what
 * payments/balance.ts computes (owed - confirmed payments + refunded overpayments); a balance
 * whose cycle a supervisor closed (collections referral or write-off) is nobody's work here.
 */
function balancePage(query: { payer?: string | undefined; needs?: BalanceNeed | undefined; cursor?: string | undefined; limit: number }) {
  const after = query.cursor !== undefined ? decodeCursor(query.cursor) : undefined;
  const needsColumn = { balance: 'needsBalance', refund: 'needsRefund', missed_installment: 'needsInstallment' } as const;
  const conditions = [
    query.needs === undefined
      ? Prisma.sql`("needsBalance" OR "needsRefund" OR "needsInstallment")`
      : Prisma.sql`${Prisma.raw(`"${needsColumn[query.needs]}"`)}`,
    query.payer !== undefined ? Prisma.sql`"payerId" = ${query.payer}` : Prisma.sql`TRUE`,
    after !== undefined
      ? Prisma.sql`("dueDate" > ${dateToDay(after.at)}::date OR ("dueDate" = ${dateToDay(after.at)}::date AND "id" > ${after.id}))`
      : Prisma.sql`TRUE`,
  ];
  return Prisma.sql`
    WITH money AS (
      SELECT s."id", s."dueDate", e."payerId", s."patientOwesCents"::int AS "owed",
        COALESCE((SELECT SUM(p."amountCents") FROM "Payment" p WHERE p."statementId" = s."id" AND p."status" = 'confirmed'), 0)::int AS "paid",
        COALESCE((SELECT SUM(r."amountCents") FROM "RefundItem" r WHERE r."statementId" = s."id" AND r."status" = 'refunded'), 0)::int AS "refunded",
        EXISTS (SELECT 1 FROM "RefundItem" r WHERE r."statementId" = s."id" AND r."status" = 'open') AS "needsRefund",
        EXISTS (
          SELECT 1 FROM "PaymentPlanInstallment" i JOIN "PaymentPlan" pl ON pl."id" = i."planId"
          WHERE pl."statementId" = s."id" AND i."status" = 'missed' AND i."resolvedAt" IS NULL
        ) AS "needsInstallment",
        NOT EXISTS (
          SELECT 1 FROM "StatementCycle" c
          WHERE c."statementId" = s."id" AND c."status" = 'closed' AND c."decision" IN ('collections', 'write_off')
        ) AS "balanceWorked"
      FROM "PatientStatement" s JOIN "Encounter" e ON e."id" = s."encounterId"
    ), listed AS (
      SELECT *, ("balanceWorked" AND "owed" - "paid" + "refunded" > 0) AS "needsBalance" FROM money
    )
    SELECT "id", "dueDate", "owed", "paid", "refunded", "needsBalance", "needsRefund", "needsInstallment"
    FROM listed
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY "dueDate" ASC, "id" ASC
    LIMIT ${query.limit + 1}`;
}

export const revenueWorklistRoutes = [
  route(
    {
      method: 'get',
      path: '/worklists/denials',
      summary: 'Denied claim lines waiting for a biller (or, past the appeal deadline, a supervisor), soonest appeal deadline first',
      description:
        'Act with POST /encounters/{id}/denials/actions: resubmit a corrected replacement claim, appeal with documents (POST /encounters/{id}/attachments first), or write off with a reason.',
      roles: WORKLIST_ROLES,
      query: denialWorklistQuerySchema,
      responses: { 200: { description: 'One page, soonest appeal deadline first', body: denialWorklistSchema } },
    },
    async ({ deps, query, res }) => {
      const now = new Date();
      const after = query.cursor !== undefined ? decodeCursor(query.cursor) : undefined;
      const rows = await deps.prisma.denial.findMany({
        where: {
          status: query.status !== undefined ? query.status : { in: ['open', 'escalated'] },
          AND: [
            { appealDueAt: { not: null } },
            query.overdue === true ? { appealDueAt: { lte: now } } : query.overdue === false ? { appealDueAt: { gt: now } } : {},
            query.payer !== undefined ? { claimPayment: { remittance: { payerId: query.payer } } } : {},
            after !== undefined ? { OR: [{ appealDueAt: { gt: after.at } }, { appealDueAt: after.at, id: { gt: after.id } }] } : {},
          ],
        },
        orderBy: [{ appealDueAt: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
      });
      const { rows: kept, nextCursor } = page(rows, query.limit, (row) => row.appealDueAt!);
      const encounters = await encountersById(
        deps,
        kept.map((d) => d.encounterId),
      );
      const claims = new Map(
        (
          await deps.prisma.claim.findMany({ where: { id: { in: kept.map((d) => d.claimId) } }, select: { id: true, claimNumber: true } })
        ).map((c) => [c.id, c.claimNumber]),
      );
      res.json({
        items: kept.flatMap((denial) => {
          const encounter = encounters.get(denial.encounterId);
          if (encounter === undefined) return [];
          const reasons = (denial.reasons ?? {}) as StoredReasons;
          const appealDueAt = denial.appealDueAt!;
          return [
            {
              ...workItem(encounter),
              denialId: denial.id,
              claimId: denial.claimId,
              claimNumber: claims.get(denial.claimId) ?? '',
              lineNumber: denial.lineNumber,
              code: denial.code,
              chargeCents: denial.chargeCents,
              status: denial.status as 'open' | 'escalated',
              reasons: reasons.words ?? [],
              adjustments: (reasons.adjustments ?? []).map((a) => ({
                group: a.group,
                reasonCode: a.reasonCode,
                amountCents: a.amountCents,
                words: a.words,
              })),
              remarks: (reasons.remarks ?? []).map((r) => ({ code: r.code, words: r.words })),
              deniedAt: denial.createdAt.toISOString(),
              appealDueAt: appealDueAt.toISOString(),
              overdue: appealDueAt.getTime() <= now.getTime(),
              links: {
                encounter: `/encounters/${denial.encounterId}`,
                claims: `/encounters/${denial.encounterId}/claims`,
                actions: `/encounters/${denial.encounterId}/denials/actions`,
                attachments: `/encounters/${denial.encounterId}/attachments`,
                x12: `/claims/${denial.claimId}/837p`,
              },
            },
          ];
        }),
        nextCursor,
      });
    },
  ),

  route(
    {
      method: 'get',
      path: '/worklists/balances',
      summary:
        'Patient statements that need a biller for money: a balance still owed, an overpayment to refund, a missed installment; earliest due date first',
      description:
        'Take a payment with POST /statements/{id}/payments, refund with POST /refunds/{id}/complete, set up a plan with POST /statements/{id}/payment-plan.',
      roles: WORKLIST_ROLES,
      query: balanceWorklistQuerySchema,
      responses: { 200: { description: 'One page, earliest due date first', body: balanceWorklistSchema } },
    },
    async ({ deps, query, res }) => {
      const rows = await deps.prisma.$queryRaw<BalanceRow[]>(balancePage(query));
      const { rows: kept, nextCursor } = page(rows, query.limit, (row) => row.dueDate);
      const ids = kept.map((row) => row.id);
      const [statements, refunds, missed] = await Promise.all([
        deps.prisma.patientStatement.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            encounterId: true,
            issuedAt: true,
            breakdown: true,
            cycle: { select: { status: true, remindersSent: true, holds: true } },
          },
        }),
        deps.prisma.refundItem.findMany({
          where: { statementId: { in: ids }, status: 'open' },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
        deps.prisma.paymentPlanInstallment.findMany({
          where: { status: 'missed', resolvedAt: null, plan: { statementId: { in: ids } } },
          orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
          include: { plan: { select: { statementId: true } } },
        }),
      ]);
      const byId = new Map(statements.map((s) => [s.id, s]));
      const encounters = await encountersById(
        deps,
        statements.map((s) => s.encounterId),
      );
      const today = dateToDay(new Date());
      res.json({
        items: kept.flatMap((row) => {
          const statement = byId.get(row.id);
          const encounter = statement && encounters.get(statement.encounterId);
          if (statement === undefined || encounter === undefined) return [];
          const balanceCents = row.owed - row.paid + row.refunded;
          const dueDate = dateToDay(row.dueDate);
          const statementNumber = (statement.breakdown as { statementNumber?: unknown } | null)?.statementNumber;
          const needs: BalanceNeed[] = [];
          if (row.needsBalance) needs.push('balance');
          if (row.needsRefund) needs.push('refund');
          if (row.needsInstallment) needs.push('missed_installment');
          return [
            {
              ...workItem(encounter),
              statementId: statement.id,
              statementNumber: typeof statementNumber === 'string' ? statementNumber : null,
              issuedAt: statement.issuedAt.toISOString(),
              dueDate,
              needs,
              owedCents: row.owed,
              paidCents: row.paid,
              refundedCents: row.refunded,
              balanceCents,
              overdue: row.needsBalance && dueDate < today,
              cycle: statement.cycle,
              refunds: refunds
                .filter((r) => r.statementId === statement.id)
                .map((r) => ({ id: r.id, amountCents: r.amountCents, createdAt: r.createdAt.toISOString() })),
              missedInstallments: missed
                .filter((i) => i.plan.statementId === statement.id)
                .map((i) => ({ planId: i.planId, number: i.number, dueDate: dateToDay(i.dueDate), amountCents: i.amountCents })),
              links: {
                encounter: `/encounters/${statement.encounterId}`,
                statement: `/statements/${statement.id}`,
                balance: `/statements/${statement.id}/balance`,
                payments: `/statements/${statement.id}/payments`,
                cycle: `/statements/${statement.id}/cycle`,
              },
            },
          ];
        }),
        nextCursor,
      });
    },
  ),
];
