/**
 * The supervisor's overview of every queue where work waits for a person: what waits, how long,
 * what is overdue or escalated, by queue, age bucket, payer and physician. Computed in the
 * database: one SQL set of "work items" (one row per waiting thing, from each queue's own table),
 * counted with GROUPING SETS and cut to the oldest few per queue with a window function, so
 * nothing loads every row.
 *
 * A work item is: a queue, the item's id, its encounter, when it started waiting (`since`), its
 * due time when the queue has one, and whether it was escalated. Overdue means past its due time.
 */
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

/** The queues, in the order the overview lists them, with who works them. */
export const OVERVIEW_QUEUES = [
  { queue: 'escalated', label: 'Escalated encounters (physician did not answer in time)', role: 'supervisor' },
  { queue: 'needs_review', label: 'Encounters waiting for a supervisor decision', role: 'supervisor' },
  { queue: 'statement_decisions', label: 'Statement cycles waiting for a decision after the final notice', role: 'supervisor' },
  { queue: 'clarifications', label: 'Open physician clarifications', role: 'physician' },
  { queue: 'coder_review', label: 'Encounters waiting for a coder', role: 'coder' },
  { queue: 'coverage', label: 'Eligibility and coverage problems', role: 'biller' },
  { queue: 'authorizations_pending', label: 'Prior authorizations pended at the insurer', role: 'biller' },
  { queue: 'authorizations_denied', label: 'Encounters stopped by a denied prior authorization', role: 'biller' },
  { queue: 'denial_review', label: 'Encounters with a denied claim (denial review)', role: 'biller' },
  { queue: 'denials', label: 'Denied claim lines to appeal, resubmit or write off', role: 'biller' },
  { queue: 'patient_questions', label: 'Patient questions', role: 'biller' },
  { queue: 'refunds', label: 'Refunds to make', role: 'biller' },
  { queue: 'missed_installments', label: 'Missed payment-plan installments', role: 'biller' },
] as const;

export type OverviewQueue = (typeof OVERVIEW_QUEUES)[number]['queue'];

/** Age buckets by how long an item has waited, in days: [from, to). */
export const AGE_BUCKETS = [
  { bucket: 'under_1_day', label: '< 1 day', fromDays: 0, toDays: 1 },
  { bucket: '1_to_3_days', label: '1–3 days', fromDays: 1, toDays: 3 },
  { bucket: '3_to_7_days', label: '3–7 days', fromDays: 3, toDays: 7 },
  { bucket: 'over_7_days', label: '> 7 days', fromDays: 7, toDays: null },
] as const;

export type AgeBucket = (typeof AGE_BUCKETS)[number]['bucket'];

export interface OverviewFilters {
  payer?: string | undefined;
  physician?: string | undefined;
}

export interface OverviewOptions extends OverviewFilters {
  /** Items listed per queue (oldest first after the overdue and escalated ones). */
  perQueue: number;
  /** Overdue and escalated items listed across all queues. */
  attention: number;
  /**
   * Prior-authorization decision deadlines: a pended request older than its deadline is overdue;
   * the expedited deadline for the authorizations listed in `expeditedIds`, the standard otherwise.
   */
  authorizationDeadlines: { standardMs: number; expeditedMs: number; expeditedIds: readonly string[] };
  now: Date;
}

export interface OverviewCounts {
  count: number;
  overdue: number;
  escalated: number;
}

export interface OverviewItem {
  queue: OverviewQueue;
  itemId: string;
  encounterId: string;
  clinicEncounterId: string;
  payerId: string;
  physicianNpi: string;
  since: Date;
  dueAt: Date | null;
  overdue: boolean;
  escalated: boolean;
  ageBucket: AgeBucket;
}

export interface Overview {
  totals: OverviewCounts;
  queues: Map<OverviewQueue, OverviewCounts & { byAge: Record<AgeBucket, number>; oldestSince: Date | null; items: OverviewItem[] }>;
  byPayer: Array<OverviewCounts & { payerId: string }>;
  byPhysician: Array<OverviewCounts & { npi: string; name: string }>;
  attention: OverviewItem[];
}

/**
 * Every waiting item of every queue, with its encounter's payer and physician, filtered. Columns:
 * queue, item_id, encounter_id, since, due_at, escalated, payer_id, npi, physician_name,
 * clinic_encounter_id, overdue, age_bucket.
 */
function workItems(options: OverviewOptions): Prisma.Sql {
  const { now } = options;
  const { standardMs, expeditedMs, expeditedIds } = options.authorizationDeadlines;
  const authorizationDeadline =
    expeditedIds.length === 0
      ? Prisma.sql`${standardMs}`
      : Prisma.sql`CASE WHEN pa."id" IN (${Prisma.join(expeditedIds)}) THEN ${expeditedMs}::double precision ELSE ${standardMs}::double precision END`;
  const stageSince = Prisma.sql`COALESCE((SELECT MAX(t."at") FROM "EncounterTransition" t WHERE t."encounterId" = e."id" AND t."toStage" = e."stage"), e."updatedAt")`;
  const stageQueue = (queue: string, stage: string, escalated: boolean) =>
    Prisma.sql`SELECT ${queue}::text AS queue, e."id" AS item_id, e."id" AS encounter_id, ${stageSince} AS since,
      NULL::timestamp AS due_at, ${escalated}::boolean AS escalated, NULL::text AS item_npi
      FROM "Encounter" e WHERE e."stage" = ${stage}`;
  const raw = Prisma.sql`
    ${stageQueue('escalated', 'escalated', true)}
    UNION ALL ${stageQueue('needs_review', 'needs_review', false)}
    UNION ALL ${stageQueue('coder_review', 'coder_review', false)}
    UNION ALL ${stageQueue('coverage', 'awaiting_coverage', false)}
    UNION ALL ${stageQueue('authorizations_denied', 'denied', false)}
    UNION ALL ${stageQueue('denial_review', 'denial_review', false)}
    UNION ALL SELECT 'clarifications', c."id", c."encounterId", c."createdAt", c."dueAt", c."status" = 'escalated', c."physicianNpi"
      FROM "ClarificationQuery" c WHERE c."status" IN ('open', 'escalated')
    UNION ALL SELECT 'authorizations_pending', pa."id", pa."encounterId", pa."createdAt",
      pa."createdAt" + ${authorizationDeadline}::double precision * INTERVAL '1 millisecond', false, NULL
      FROM "PriorAuthorization" pa JOIN "Encounter" pe ON pe."id" = pa."encounterId"
      WHERE pa."status" IN ('requested', 'pended') AND pe."stage" = 'authorization'
    UNION ALL SELECT 'denials', d."id", d."encounterId", d."createdAt", d."appealDueAt", d."status" = 'escalated', NULL
      FROM "Denial" d WHERE d."status" IN ('open', 'escalated')
    UNION ALL SELECT 'patient_questions', q."id", q."encounterId", q."createdAt", q."dueAt", q."escalatedAt" IS NOT NULL, NULL
      FROM "PatientQuestion" q WHERE q."status" = 'open'
    UNION ALL SELECT 'statement_decisions', sc."statementId", s."encounterId", sc."updatedAt", NULL, false, NULL
      FROM "StatementCycle" sc JOIN "PatientStatement" s ON s."id" = sc."statementId" WHERE sc."status" = 'awaiting_decision'
    UNION ALL SELECT 'refunds', r."id", s."encounterId", r."createdAt", NULL, false, NULL
      FROM "RefundItem" r JOIN "PatientStatement" s ON s."id" = r."statementId" WHERE r."status" = 'open'
    UNION ALL SELECT 'missed_installments', i."id", s."encounterId", i."dueDate"::timestamp, NULL, false, NULL
      FROM "PaymentPlanInstallment" i JOIN "PaymentPlan" pp ON pp."id" = i."planId" JOIN "PatientStatement" s ON s."id" = pp."statementId"
      WHERE i."status" = 'missed' AND i."resolvedAt" IS NULL`;
  const filters: Prisma.Sql[] = [];
  if (options.payer !== undefined) filters.push(Prisma.sql`e."payerId" = ${options.payer}`);
  if (options.physician !== undefined) filters.push(Prisma.sql`COALESCE(w.item_npi, p."npi") = ${options.physician}`);
  const where = filters.length > 0 ? Prisma.sql`WHERE ${Prisma.join(filters, ' AND ')}` : Prisma.empty;
  const ageDays = Prisma.sql`EXTRACT(EPOCH FROM (${now}::timestamp - w.since)) / 86400`;
  const bucket = Prisma.sql`CASE ${Prisma.join(
    AGE_BUCKETS.map((b) =>
      b.toDays === null ? Prisma.sql`ELSE ${b.bucket}::text` : Prisma.sql`WHEN ${ageDays} < ${b.toDays}::int THEN ${b.bucket}::text`,
    ),
    ' ',
  )} END`;
  return Prisma.sql`
    SELECT w.queue, w.item_id, w.encounter_id, w.since, w.due_at, w.escalated,
      e."payerId" AS payer_id, COALESCE(w.item_npi, p."npi") AS npi, p."name" AS physician_name,
      e."clinicEncounterId" AS clinic_encounter_id,
      (w.due_at IS NOT NULL AND w.due_at < ${now}::timestamp) AS overdue,
      ${bucket} AS age_bucket
    FROM (${raw}) w
    JOIN "Encounter" e ON e."id" = w.encounter_id
    JOIN "Provider" p ON p."id" = e."providerId"
    ${where}`;
}

interface CountRow {
  queue: string | null;
  payer_id: string | null;
  npi: string | null;
  physician_name: string | null;
  age_bucket: string | null;
  by_queue: number;
  by_payer: number;
  by_physician: number;
  by_queue_age: number;
  count: bigint;
  overdue: bigint;
  escalated: bigint;
  oldest: Date | null;
}

interface ItemRow {
  queue: string;
  item_id: string;
  encounter_id: string;
  clinic_encounter_id: string;
  payer_id: string;
  npi: string;
  since: Date;
  due_at: Date | null;
  overdue: boolean;
  escalated: boolean;
  age_bucket: string;
  in_attention: boolean;
  queue_rank: bigint;
}

const counts = (row: { count: bigint; overdue: bigint; escalated: bigint }): OverviewCounts => ({
  count: Number(row.count),
  overdue: Number(row.overdue),
  escalated: Number(row.escalated),
});

/** Escalated first, then overdue, then the longest waiting. */
const URGENCY_ORDER = Prisma.sql`escalated DESC, overdue DESC, since ASC, item_id ASC`;

function toItem(row: ItemRow): OverviewItem {
  return {
    queue: row.queue as OverviewQueue,
    itemId: row.item_id,
    encounterId: row.encounter_id,
    clinicEncounterId: row.clinic_encounter_id,
    payerId: row.payer_id,
    physicianNpi: row.npi,
    since: row.since,
    dueAt: row.due_at,
    overdue: row.overdue,
    escalated: row.escalated,
    ageBucket: row.age_bucket as AgeBucket,
  };
}

/** The overview: two queries, one counting (grouping sets), one listing the few items shown. */
export async function loadOverview(prisma: PrismaClient, options: OverviewOptions): Promise<Overview> {
  const items = workItems(options);
  const [countRows, itemRows] = await Promise.all([
    prisma.$queryRaw<CountRow[]>`
      WITH items AS (${items})
      SELECT queue, payer_id, npi, MIN(physician_name) AS physician_name, age_bucket,
        GROUPING(queue) AS by_queue, GROUPING(payer_id) AS by_payer, GROUPING(npi) AS by_physician, GROUPING(age_bucket) AS by_queue_age,
        COUNT(*) AS count, COUNT(*) FILTER (WHERE overdue) AS overdue, COUNT(*) FILTER (WHERE escalated) AS escalated,
        MIN(since) AS oldest
      FROM items
      GROUP BY GROUPING SETS ((), (queue), (queue, age_bucket), (payer_id), (npi))`,
    prisma.$queryRaw<ItemRow[]>`
      WITH items AS (${items}),
      ranked AS (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY queue ORDER BY ${URGENCY_ORDER}) AS queue_rank,
          ROW_NUMBER() OVER (PARTITION BY (overdue OR escalated) ORDER BY ${URGENCY_ORDER}) AS attention_rank
        FROM items
      )
      SELECT *, ((overdue OR escalated) AND attention_rank <= ${options.attention}::int) AS in_attention
      FROM ranked
      WHERE queue_rank <= ${options.perQueue}::int OR ((overdue OR escalated) AND attention_rank <= ${options.attention}::int)
      ORDER BY ${URGENCY_ORDER}`,
  ]);

  const overview: Overview = {
    totals: { count: 0, overdue: 0, escalated: 0 },
    queues: new Map(),
    byPayer: [],
    byPhysician: [],
    attention: [],
  };
  for (const { queue } of OVERVIEW_QUEUES) {
    overview.queues.set(queue, {
      count: 0,
      overdue: 0,
      escalated: 0,
      byAge: Object.fromEntries(AGE_BUCKETS.map((b) => [b.bucket, 0])) as Record<AgeBucket, number>,
      oldestSince: null,
      items: [],
    });
  }
  for (const row of countRows) {
    const grouped = { queue: !row.by_queue, payer: !row.by_payer, npi: !row.by_physician, age: !row.by_queue_age };
    if (!grouped.queue && !grouped.payer && !grouped.npi) overview.totals = counts(row);
    else if (grouped.queue && grouped.age) {
      const queue = overview.queues.get(row.queue as OverviewQueue);
      if (queue !== undefined) queue.byAge[row.age_bucket as AgeBucket] = Number(row.count);
    } else if (grouped.queue) {
      const queue = overview.queues.get(row.queue as OverviewQueue);
      if (queue !== undefined) Object.assign(queue, counts(row), { oldestSince: row.oldest });
    } else if (grouped.payer) overview.byPayer.push({ payerId: row.payer_id ?? '', ...counts(row) });
    else if (grouped.npi) overview.byPhysician.push({ npi: row.npi ?? '', name: row.physician_name ?? '', ...counts(row) });
  }
  const mostUrgent = <T extends OverviewCounts>(a: T, b: T) => b.escalated - a.escalated || b.overdue - a.overdue || b.count - a.count;
  overview.byPayer.sort((a, b) => mostUrgent(a, b) || a.payerId.localeCompare(b.payerId));
  overview.byPhysician.sort((a, b) => mostUrgent(a, b) || a.npi.localeCompare(b.npi));
  for (const row of itemRows) {
    const item = toItem(row);
    if (row.in_attention) overview.attention.push(item);
    if (Number(row.queue_rank) <= options.perQueue) overview.queues.get(item.queue)?.items.push(item);
  }
  return overview;
}
