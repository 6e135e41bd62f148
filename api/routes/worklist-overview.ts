/**
 * GET /worklists/overview (supervisors): overdue and aging work across every queue, by queue,
 * age bucket, payer and physician, escalations first (counted in the database, see
 * api/worklist-overview.ts), with links to each item listed.
 */
import { authorizationDeadlineMs, expeditedPendingAuthorizations } from '../authorization-deadlines.ts';
import { worklistOverviewSchema } from '../overview-responses.ts';
import { route } from '../route.ts';
import { worklistOverviewQuerySchema } from '../schemas.ts';
import { AGE_BUCKETS, loadOverview, OVERVIEW_QUEUES, type OverviewItem, type OverviewQueue } from '../worklist-overview.ts';

const DAY_MS = 86_400_000;

/** Where a supervisor (or the one who works the queue) acts on the item, besides its encounter. */
const ITEM_LINKS: Record<OverviewQueue, (item: OverviewItem) => Record<string, string>> = {
  escalated: (i) => ({ decision: `/encounters/${i.encounterId}/decision` }),
  needs_review: (i) => ({ decision: `/encounters/${i.encounterId}/decision` }),
  authorizations_denied: (i) => ({
    decision: `/encounters/${i.encounterId}/decision`,
    worklist: '/worklists/authorizations?state=needs_biller',
  }),
  statement_decisions: (i) => ({ cycle: `/statements/${i.itemId}/cycle`, decision: `/statements/${i.itemId}/cycle/decision` }),
  clarifications: (i) => ({ worklist: `/clarifications?physician=${i.physicianNpi}` }),
  coder_review: (i) => ({ review: `/encounters/${i.encounterId}/coder-review`, worklist: '/coder-review/worklist' }),
  coverage: () => ({ worklist: '/worklists/eligibility' }),
  authorizations_pending: () => ({ worklist: '/worklists/authorizations?state=pending' }),
  denial_review: (i) => ({ claims: `/encounters/${i.encounterId}/claims`, worklist: '/worklists/denials' }),
  denials: (i) => ({
    claims: `/encounters/${i.encounterId}/claims`,
    actions: `/encounters/${i.encounterId}/denials/actions`,
    worklist: '/worklists/denials',
  }),
  patient_questions: (i) => ({ question: `/patient-questions/${i.itemId}` }),
  refunds: () => ({ worklist: '/refunds' }),
  missed_installments: () => ({ worklist: '/payment-plans/missed-installments' }),
};

function itemView(item: OverviewItem, now: number) {
  return {
    queue: item.queue,
    itemId: item.itemId,
    encounterId: item.encounterId,
    clinicEncounterId: item.clinicEncounterId,
    payerId: item.payerId,
    physicianNpi: item.physicianNpi,
    since: item.since.toISOString(),
    ageDays: Math.max(0, Math.round(((now - item.since.getTime()) / DAY_MS) * 10) / 10),
    ageBucket: item.ageBucket,
    dueAt: item.dueAt?.toISOString() ?? null,
    overdue: item.overdue,
    escalated: item.escalated,
    links: { encounter: `/encounters/${item.encounterId}`, ...ITEM_LINKS[item.queue](item) },
  };
}

export const worklistOverviewRoutes = [
  route(
    {
      method: 'get',
      path: '/worklists/overview',
      summary: 'Overdue and aging work across every queue, escalations first (supervisors)',
      description:
        'Counts per queue (encounters waiting in each human stage, open physician clarifications, coder review, coverage problems, pended prior authorizations, denials, patient questions, statement-cycle decisions, refunds, missed installments), per age bucket (< 1 day, 1–3, 3–7, > 7 days), per payer and per physician; the most urgent items of each queue and the escalated and overdue items across queues. Overdue: past its due time (a clarification’s deadline, a denial’s appeal deadline, a patient question’s service level, a pended authorization’s decision deadline: expedited or standard as the payer’s rules say).',
      roles: ['supervisor'],
      query: worklistOverviewQuerySchema,
      responses: { 200: { description: 'The overview', body: worklistOverviewSchema } },
    },
    async ({ deps, query, res }) => {
      const now = new Date();
      const overview = await loadOverview(deps.prisma, {
        payer: query.payer,
        physician: query.physician,
        perQueue: query.perQueue,
        attention: query.attention,
        authorizationDeadlines: {
          standardMs: authorizationDeadlineMs(deps.timings, false),
          expeditedMs: authorizationDeadlineMs(deps.timings, true),
          expeditedIds: await expeditedPendingAuthorizations(deps),
        },
        now,
      });
      const at = now.getTime();
      res.json({
        asOf: now.toISOString(),
        filters: { payer: query.payer ?? null, physician: query.physician ?? null },
        ageBuckets: AGE_BUCKETS.map((b) => ({ ...b })),
        totals: overview.totals,
        queues: OVERVIEW_QUEUES.map(({ queue, label, role }) => {
          const counted = overview.queues.get(queue)!;
          return {
            queue,
            label,
            role,
            count: counted.count,
            overdue: counted.overdue,
            escalated: counted.escalated,
            byAge: counted.byAge,
            oldestSince: counted.oldestSince?.toISOString() ?? null,
            items: counted.items.map((item) => itemView(item, at)),
          };
        }),
        byPayer: overview.byPayer,
        byPhysician: overview.byPhysician,
        attention: overview.attention.map((item) => itemView(item, at)),
      });
    },
  ),
];
