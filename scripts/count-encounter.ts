/**
 * `npx tsx scripts/count-encounter.ts [--encounters 3] [--statements-file F]`: counts what one routine visit costs the
 * Temporal server from intake to billed, independent of the machine's load: history events,
 * payload bytes, workflow tasks, activities, timers, search-attribute upserts (the product's and the SDK's
 * TemporalChangeVersion, one per `patched()` marker), markers, child workflows, and the Temporal
 * calls the activities make themselves (e.g. a workflow started from inside an activity), and
 * the SQL statements each activity sends (by activity type and kind; the rest, outside any
 * activity: intake, the script's own status polling, the worker's periodic passes). Counts, not
 * timings.
 *
 * It runs the whole product on real parts (testkit/stack.ts: a Temporal dev server, a fresh
 * database of TEST_DATABASE_URL's server, the sandboxes, the worker and the API), posts routine
 * visits one after another (the benchmark's documentation), waits for each to be billed and for
 * its statement cycle to wait for its first reminder, then reads both histories and prints the
 * average per encounter.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Context } from '@temporalio/activity';
import type { temporal } from '@temporalio/proto';
import pg from 'pg';
import { benchSubmission } from './bench/encounters.ts';
import { submitEncounter, waitForEncounterStage } from '../testkit/http.ts';
import { until } from '../testkit/poll.ts';
import { startTestStack } from '../testkit/stack.ts';
import { statementCycleWorkflowId } from '../workflows/statement-cycle-config.ts';

const { values: args } = parseArgs({
  options: { encounters: { type: 'string', default: '3' }, 'statements-file': { type: 'string' } },
});
const encounters = Number(args.encounters);

type Event = temporal.api.history.v1.IHistoryEvent;

/** The bytes of every payload's data (as stored: encrypted) anywhere inside an event. */
function payloadBytes(value: unknown): number {
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return 0;
  let bytes = 0;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'data' && inner instanceof Uint8Array && 'metadata' in value) bytes += inner.byteLength;
    else bytes += payloadBytes(inner);
  }
  return bytes;
}

/** What one workflow's history says, as counts by row of the printed table. */
function countHistory(events: Event[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (row: string, n = 1) => counts.set(row, (counts.get(row) ?? 0) + n);
  add('history events', events.length);
  add(
    'payload bytes (encrypted, in history)',
    events.reduce((sum, event) => sum + payloadBytes(event), 0),
  );
  for (const event of events) {
    if (event.workflowTaskCompletedEventAttributes) add('workflow tasks (completed)');
    if (event.activityTaskScheduledEventAttributes) add('activities');
    if (event.timerStartedEventAttributes) add('timers');
    if (event.markerRecordedEventAttributes) add('markers');
    if (event.startChildWorkflowExecutionInitiatedEventAttributes) add('child workflows started');
    const upsert = event.upsertWorkflowSearchAttributesEventAttributes;
    if (upsert) {
      const keys = Object.keys(upsert.searchAttributes?.indexedFields ?? {});
      add(
        keys.includes('TemporalChangeVersion') ? 'search-attribute upserts: SDK (TemporalChangeVersion)' : 'search-attribute upserts: ours',
      );
    }
  }
  return counts;
}

/** SQL statements by the activity type that sent them (the worker runs in this process), then by kind. */
const statements = new Map<string, Map<string, number>>();
const OUTSIDE_ACTIVITIES = '(outside activities: intake, status polling, periodic passes)';
function activityType(): string {
  try {
    return Context.current().info.activityType;
  } catch {
    return OUTSIDE_ACTIVITIES;
  }
}
/** With --statements-file: every statement's text, in order, after the activity that sent it. */
const statementTexts: string[] = [];
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...rest: unknown[]) {
  const config = rest[0] as string | { text?: string };
  const text = typeof config === 'string' ? config : (config.text ?? '');
  const kind = text.trim().split(/\s+/)[0]!.toUpperCase();
  const type = activityType();
  const kinds = statements.get(type) ?? new Map<string, number>();
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  statements.set(type, kinds);
  if (args['statements-file']) statementTexts.push(`${type}\t${text.replace(/\s+/g, ' ')}`);
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, rest);
} as typeof pg.Client.prototype.query;

const stack = await startTestStack({
  // The cycle's first reminder far away: its history is counted while it waits for it.
  statementCycle: { reminderOffsets: ['1h'], finalNoticeAfter: '2h', pausedRecheckInterval: '1h' },
});
const activityCalls = new Map<string, number>();
try {
  // The worker's own client (Context.current().client in an activity) sends through the worker's
  // connection; polling goes through the SDK's core and is not counted here.
  const connection = stack.env.nativeConnection as unknown as { workflowService: object };
  connection.workflowService = new Proxy(connection.workflowService, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return async (...rest: unknown[]) => {
        activityCalls.set(name, (activityCalls.get(name) ?? 0) + 1);
        const response = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, rest)) as { eagerWorkflowTask?: unknown };
        // An eager start hands the new workflow's first task back in its answer (no matching, no poll).
        if (response?.eagerWorkflowTask) activityCalls.set(`${name} (eager)`, (activityCalls.get(`${name} (eager)`) ?? 0) + 1);
        return response;
      };
    },
  });
  const encounter = new Map<string, number>();
  const cycle = new Map<string, number>();
  statements.clear(); // the stack's own start-up (migrations, payer directory)
  statementTexts.length = 0;
  const addAll = (into: Map<string, number>, from: Map<string, number>) => {
    for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
  };
  const historyOf = async (workflowId: string) => (await stack.env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  for (let i = 0; i < encounters; i++) {
    const id = await submitEncounter(stack.apiUrl, benchSubmission(`count-${Date.now()}`, 'routine', i, 'routine'));
    const billed = await waitForEncounterStage(stack.apiUrl, id, 'billed');
    // The encounter's last task completes the workflow; wait for it, then for the cycle's first timer.
    await stack.client.workflow.getHandle(`encounter-${id}`).result();
    const cycleId = statementCycleWorkflowId(billed.statementId!);
    const cycleEvents = await until(
      () => `statement cycle ${cycleId} to wait for its first reminder`,
      async () => {
        const events = await historyOf(cycleId).catch(() => []);
        return events.some((e) => e.timerStartedEventAttributes) && events;
      },
    );
    addAll(encounter, countHistory(await historyOf(`encounter-${id}`)));
    addAll(cycle, countHistory(cycleEvents));
  }
  const rows = [...new Set([...encounter.keys(), ...cycle.keys()])];
  const per = (map: Map<string, number>, row: string) => ((map.get(row) ?? 0) / encounters).toFixed(1).replace(/\.0$/, '');
  const width = Math.max(...rows.map((r) => r.length)) + 2;
  process.stdout.write(`per routine visit, intake to billed (${encounters} encounters, averaged)\n`);
  process.stdout.write(`${''.padEnd(width)}${'encounter'.padStart(10)}${'cycle'.padStart(8)}${'total'.padStart(8)}\n`);
  for (const row of rows) {
    const total = ((encounter.get(row) ?? 0) + (cycle.get(row) ?? 0)) / encounters;
    process.stdout.write(
      `${row.padEnd(width)}${per(encounter, row).padStart(10)}${per(cycle, row).padStart(8)}${total.toFixed(1).replace(/\.0$/, '').padStart(8)}\n`,
    );
  }
  const calls = [...activityCalls.entries()].map(([k, v]) => `${k} ${(v / encounters).toFixed(1).replace(/\.0$/, '')}`).join(', ');
  const callTotal = [...activityCalls].filter(([k]) => !k.endsWith('(eager)')).reduce((a, [, b]) => a + b, 0) / encounters;
  process.stdout.write(`Temporal calls made from activities: ${callTotal.toFixed(1).replace(/\.0$/, '')}${calls ? ` (${calls})` : ''}\n`);
  const perVisit = (n: number) => (n / encounters).toFixed(1).replace(/\.0$/, '');
  const sum = (kinds: Map<string, number>) => [...kinds.values()].reduce((a, b) => a + b, 0);
  const byActivity = [...statements.entries()].sort(([, a], [, b]) => sum(b) - sum(a));
  const inActivities = byActivity.filter(([type]) => type !== OUTSIDE_ACTIVITIES).reduce((a, [, kinds]) => a + sum(kinds), 0);
  process.stdout.write(`SQL statements per routine visit: ${perVisit(inActivities)} in activities\n`);
  for (const [type, kinds] of byActivity) {
    const detail = [...kinds.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, n]) => `${kind} ${perVisit(n)}`)
      .join(', ');
    process.stdout.write(`  ${type.padEnd(width)}${perVisit(sum(kinds)).padStart(6)}  ${detail}\n`);
  }
  if (args['statements-file']) await writeFile(args['statements-file'], `${statementTexts.join('\n')}\n`);
} finally {
  await stack.stop();
}
