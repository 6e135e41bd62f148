/**
 * `npm run bench:parked`: many encounters parked on a physician's answer, reminders running.
 * Posts N encounters whose documentation the engine asks about (diabetes, type not stated), waits
 * until all wait in awaiting_clarification, keeps them parked for --park-seconds while reminders
 * fire every --reminder-interval, and samples the worker processes' RSS and the server's latency
 * (DescribeWorkflowExecution: the server alone; a status query: server and worker, which may have
 * to rebuild an evicted workflow). Then the physician answers every query over the API and the
 * script measures how long the backlog takes to drain to billed. Prints figures; asserts nothing.
 *
 *   npm run bench:parked -- [--encounters 10000] [--concurrency 20] [--park-seconds 120]
 *     [--reminder-interval 30s] [--answer-concurrency 20] [--workers 1] [--port-base 36000] [--compiled]
 *
 * Same targets as npm run bench: TEMPORAL_ADDRESS / DATABASE_URL, else a dev server and a fresh
 * database on --database-server (or TEST_DATABASE_URL), else PGlite. Worker options from WORKER_*.
 * --compiled runs the worker and API from the production build (npm run build first), as npm run bench does.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { PROJECT_ROOT } from '../platform/project-root.ts';
import { validSubmission } from '../testkit/http.ts';
import {
  BENCH_INTAKE_TOKENS,
  BENCH_PHYSICIAN,
  startEnvironment,
  startProduct,
  type BenchEnvironment,
  type Product,
} from './bench/environment.ts';
import { latencies, machineLoad, round, summary, treeUsage } from './bench/stats.ts';

const { values: args } = parseArgs({
  options: {
    encounters: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '20' },
    'park-seconds': { type: 'string', default: '120' },
    'reminder-interval': { type: 'string', default: '30s' },
    'answer-concurrency': { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
    'database-server': { type: 'string' },
    'port-base': { type: 'string', default: '36000' },
    'settle-timeout': { type: 'string', default: '3600' },
    compiled: { type: 'boolean', default: false },
  },
});
const n = Number(args.encounters);
const concurrency = Number(args.concurrency);
const parkSeconds = Number(args['park-seconds']);
const answerConcurrency = Number(args['answer-concurrency']);
const portBase = Number(args['port-base']);
const settleTimeoutMs = Number(args['settle-timeout']) * 1000;
const progress = (line: string) => process.stderr.write(`[parked ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const runTag = `PARKED-${Date.now().toString(36)}`;
/** Attempts per encounter when intake sheds load (503/429 with Retry-After). */
const MAX_INTAKE_ATTEMPTS = 30;
let shed = 0;
const logDir = resolve(PROJECT_ROOT, '.data', 'bench', runTag);
await mkdir(logDir, { recursive: true });

/** Documentation the engine cannot code without asking: the type of diabetes is not stated. */
const UNSURE_DOCUMENTATION = {
  notes: 'Here for diabetes check. Feet intact.',
  diagnoses: [{ description: 'Diabetes' }],
  procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
  testResults: [],
};

/** Runs `work` over the items with at most `limit` in flight. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!, i);
      }
    }),
  );
  return results;
}

async function countStages(env: BenchEnvironment, ids: string[]): Promise<Record<string, number>> {
  const { rows } = await env.pool.query<{ stage: string; n: string }>(
    'SELECT stage, count(*)::text AS n FROM "Encounter" WHERE id = ANY($1) GROUP BY stage',
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.stage, Number(r.n)]));
}

async function waitFor(
  env: BenchEnvironment,
  ids: string[],
  done: (stages: Record<string, number>) => boolean,
  label: string,
): Promise<Record<string, number>> {
  const deadline = Date.now() + settleTimeoutMs;
  let last = 0;
  for (;;) {
    const stages = await countStages(env, ids);
    if (done(stages) || Date.now() > deadline) return stages;
    if (Date.now() - last > 15_000) {
      last = Date.now();
      progress(`${label}: ${JSON.stringify(stages)}`);
    }
    await sleep(1000);
  }
}

let env: BenchEnvironment | undefined;
let product: Product | undefined;
let connection: Connection | undefined;
let exitCode = 0;
try {
  progress(`load: ${machineLoad()}`);
  env = await startEnvironment({
    temporalAddress: process.env['TEMPORAL_ADDRESS'] || undefined,
    namespace: process.env['TEMPORAL_NAMESPACE'] || 'default',
    databaseUrl: process.env['DATABASE_URL'] || undefined,
    databaseServer: args['database-server'] ?? (process.env['TEST_DATABASE_URL'] || undefined),
    portBase,
    logDir,
  });
  product = await startProduct(env, {
    workers: Number(args.workers),
    apis: 1,
    taskQueue: `parked-${runTag}`,
    portBase,
    logDir,
    extraEnv: { CLARIFICATION_REMINDER_INTERVAL: args['reminder-interval']!, CLARIFICATION_DEADLINE: '72h' },
    compiled: args.compiled,
  });
  const workerPids = () => product!.processes.filter((p) => p.name.startsWith('worker')).map((p) => p.pid);
  const apiUrl = product.apiUrls[0]!;
  connection = await Connection.connect({ address: env.temporalAddress });
  const client = new Client({ connection, namespace: env.namespace });

  progress(`posting ${n} encounters that need the physician ...`);
  const postStart = Date.now();
  const posted = await pool(
    Array.from({ length: n }, (_, i) => i),
    concurrency,
    async (i) => {
      const body = { ...validSubmission({ clinicEncounterId: `${runTag}-${i}` }), documentation: UNSURE_DOCUMENTATION };
      // As a clinic's system would: a shed request (503/429) is sent again after its Retry-After
      // (intake is idempotent on clinicEncounterId), so every encounter gets parked.
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(`${apiUrl}/encounters`, {
          method: 'POST',
          headers: { authorization: `Bearer ${BENCH_INTAKE_TOKENS[i % BENCH_INTAKE_TOKENS.length]}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).catch(() => undefined);
        if (response?.status === 201 || response?.status === 200) return ((await response.json()) as { id: string }).id;
        if ((response?.status !== 503 && response?.status !== 429) || attempt >= MAX_INTAKE_ATTEMPTS) return undefined;
        shed += 1;
        await response.body?.cancel();
        await sleep(Math.max(1, Number(response.headers.get('retry-after')) || 1) * 1000);
      }
    },
  );
  const ids = posted.filter((id): id is string => id !== undefined);
  progress(
    `${ids.length} accepted in ${((Date.now() - postStart) / 1000).toFixed(0)}s (${shed} answers 503/429 sent again after Retry-After); waiting until all are parked ...`,
  );
  const parkedStages = await waitFor(env, ids, (s) => (s['awaiting_clarification'] ?? 0) >= ids.length, 'parking');
  const parkedAt = Date.now();

  progress(`parked; sampling for ${parkSeconds}s (reminders every ${args['reminder-interval']}) ...`);
  const rss: number[] = [];
  const describeMs: number[] = [];
  const queryMs: number[] = [];
  let failures = 0;
  while (Date.now() - parkedAt < parkSeconds * 1000) {
    rss.push(treeUsage(workerPids()).rssMiB);
    for (let k = 0; k < 10; k++) {
      const handle = client.workflow.getHandle(`encounter-${ids[Math.floor(Math.random() * ids.length)]}`);
      let t = performance.now();
      await handle.describe().then(
        () => describeMs.push(performance.now() - t),
        () => failures++,
      );
      t = performance.now();
      // The status query's payload is encrypted: its latency is what counts here, not its answer.
      await handle.query('status').then(
        () => queryMs.push(performance.now() - t),
        () => queryMs.push(performance.now() - t),
      );
    }
    await sleep(5000);
  }
  const reminders = await env.pool.query<{ sent: string }>(
    'SELECT coalesce(sum("remindersSent"), 0)::text AS sent FROM "ClarificationQuery" WHERE "encounterId" = ANY($1)',
    [ids],
  );

  progress('answering every query ...');
  const { rows: queries } = await env.pool.query<{ id: string; options: string[] }>(
    `SELECT id, options FROM "ClarificationQuery" WHERE status = 'open' AND "encounterId" = ANY($1)`,
    [ids],
  );
  const answerStart = Date.now();
  const answerStatuses = await pool(queries, answerConcurrency, async (q) => {
    const response = await fetch(`${apiUrl}/queries/${q.id}/answer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_PHYSICIAN.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ option: q.options.find((o) => /type 2/i.test(o)) ?? q.options[0] }),
      signal: AbortSignal.timeout(60_000),
    }).catch(() => undefined);
    return response?.status ?? 0;
  });
  const answeredSeconds = (Date.now() - answerStart) / 1000;
  const finalStages = await waitFor(
    env,
    ids,
    (s) =>
      (s['awaiting_clarification'] ?? 0) + (s['coding'] ?? 0) + (s['authorization'] ?? 0) + (s['billing'] ?? 0) + (s['received'] ?? 0) ===
      0,
    'draining',
  );
  const drainSeconds = (Date.now() - answerStart) / 1000;
  const statusCounts = answerStatuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  const row = (name: string, value: string) => process.stdout.write(`  ${name.padEnd(32)} ${value}\n`);
  process.stdout.write('\nencounterflow parked-work benchmark\n');
  row('load at end', machineLoad());
  row('Temporal / database', `${env.temporalLabel}; ${env.databaseLabel}`);
  row('encounters', `${n} posted, ${ids.length} accepted (${shed} shed answers retried), parked: ${JSON.stringify(parkedStages)}`);
  row('parked for', `${parkSeconds}s, reminders every ${args['reminder-interval']}: ${reminders.rows[0]?.sent ?? 0} reminders sent`);
  row(
    'worker RSS while parked',
    `max ${round(Math.max(...rss), 0)} MiB, last ${round(rss.at(-1), 0)} MiB (${args.workers} worker process(es))`,
  );
  row('server: DescribeWorkflow', `${latencies(summary(describeMs))}, ${failures} failed`);
  row('status query (server+worker)', latencies(summary(queryMs)));
  row('answers', `${queries.length} sent in ${answeredSeconds.toFixed(1)}s; HTTP ${JSON.stringify(statusCounts)}`);
  row('drain to billed', `${drainSeconds.toFixed(1)}s after the first answer; final stages ${JSON.stringify(finalStages)}`);
  if ((finalStages['billed'] ?? 0) < ids.length) exitCode = 1;
} catch (error) {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  exitCode = 1;
} finally {
  await product?.stop().catch(() => undefined);
  await connection?.close().catch(() => undefined);
  await env?.stop().catch(() => undefined);
}
process.exit(exitCode);
