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
 *     [--reminder-interval 30s] [--answer-concurrency 20] [--workers 1] [--port-base 27000] [--compiled]
 *     [--post-seconds S] [--sample-seconds 60] [--remittance-poll 30s] [--cpu-prof DIR]
 *     [--cluster [--shards 4] [--database-prefix bench_parked]]
 *
 * --post-seconds stops posting after S seconds (a long run on a small machine: the figures are
 * then for the encounters posted by then). Every --sample-seconds, from the first POST to the end
 * of the drain, a line gives the parked count, the workers' RSS and the server's latency, so the
 * growth is seen as the count rises; the end prints the intake, parking and drain rates.
 *
 * Same targets as npm run bench: TEMPORAL_ADDRESS / DATABASE_URL, else a dev server and a fresh
 * database on --database-server (or TEST_DATABASE_URL), else PGlite. --cluster brings up the
 * cluster profile itself (the real Temporal server, scripts/cluster/start.ts) on fresh databases
 * <prefix>_temporal, _visibility and _encounterflow (DROPPED and created again) on
 * CLUSTER_POSTGRES_URL (else TEST_DATABASE_URL), its ports from --port-base +0..9. From the first POST
 * until all are parked the run measures what limits the parking rate: CPU per parked encounter of
 * the workers, the API, the product's database backends, the Temporal server and its database
 * backends (when they run here), and the workers' waits from their SDK metrics. Worker options from WORKER_*.
 * --compiled runs the worker and API from the production build (npm run build first), as npm run bench does.
 *
 * Over 300 lines because it is one measured run told in order: post, park, sample, answer, drain, print.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
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
import {
  benchClusterPostgresUrl,
  clusterServerObserved,
  dropClusterDatabases,
  prefixedClusterDatabases,
  startCluster,
  type Cluster,
} from './cluster/start.ts';
import { observe, otherCpuLine, waitLines, type ObservedProcesses } from './bench/observed.ts';
import { latencyFigures, sampleLine, sampleParked, type ParkedSample } from './bench/parked-sampler.ts';
import { latencies, machineLoad, round } from './bench/stats.ts';
import { freePortBase } from './bench/ports.ts';

const { values: args } = parseArgs({
  options: {
    encounters: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '20' },
    'park-seconds': { type: 'string', default: '120' },
    'reminder-interval': { type: 'string', default: '30s' },
    'answer-concurrency': { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
    'database-server': { type: 'string' },
    'port-base': { type: 'string', default: '27000' },
    'settle-timeout': { type: 'string', default: '3600' },
    'post-seconds': { type: 'string', default: '0' },
    'sample-seconds': { type: 'string', default: '60' },
    'remittance-poll': { type: 'string', default: '30s' },
    compiled: { type: 'boolean', default: false },
    // CPU profiles of the worker and API processes (one .cpuprofile per thread; scripts/profile-summary.ts reads them).
    'cpu-prof': { type: 'string' },
    cluster: { type: 'boolean', default: false },
    shards: { type: 'string', default: '4' },
    'database-prefix': { type: 'string', default: 'bench_parked' },
  },
});
const n = Number(args.encounters);
const concurrency = Number(args.concurrency);
const parkSeconds = Number(args['park-seconds']);
const answerConcurrency = Number(args['answer-concurrency']);
const settleTimeoutMs = Number(args['settle-timeout']) * 1000;
const postSeconds = Number(args['post-seconds']);
const sampleSeconds = Number(args['sample-seconds']);
const progress = (line: string) => process.stderr.write(`[parked ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
// Below the ephemeral range, moved on while taken (scripts/bench/ports.ts); up to the worker metrics ports (+40..).
const portBase = await freePortBase(Number(args['port-base']), 40 + Number(args.workers), progress);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const runTag = `PARKED-${Date.now().toString(36)}`;
/** Stages an answered encounter passes through on its way to billed. */
const DRAINING_STAGES = ['received', 'eligibility', 'awaiting_clarification', 'coding', 'authorization', 'billing', 'awaiting_remittance'];
/** Attempts per encounter (intake) or answer when the API sheds load (503/429 with Retry-After). */
const MAX_INTAKE_ATTEMPTS = 30;
let shed = 0;
const logDir = resolve(PROJECT_ROOT, '.data', 'bench', runTag);
await mkdir(logDir, { recursive: true });

/** Documentation the engine cannot code without asking: the type of diabetes is not stated and the record points at type 1. */
const UNSURE_DOCUMENTATION = {
  notes: 'Here for diabetes check. Feet intact. GAD65 antibodies positive.',
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

const clusterPostgresUrl = benchClusterPostgresUrl();
const clusterDatabases = prefixedClusterDatabases(args['database-prefix']);

let cluster: Cluster | undefined;
let admin: pg.Client | undefined;
let env: BenchEnvironment | undefined;
let product: Product | undefined;
let connection: Connection | undefined;
let exitCode = 0;
try {
  progress(`load: ${machineLoad()}`);
  const serverObserved: ObservedProcesses[] = [];
  if (args.cluster) {
    admin = new pg.Client({ connectionString: clusterPostgresUrl });
    await admin.connect();
    await dropClusterDatabases(admin, clusterDatabases);
    cluster = await startCluster({
      postgresUrl: clusterPostgresUrl,
      databases: clusterDatabases,
      shards: Number(args.shards),
      portBase,
      namespace: 'default',
      dataDir: resolve(logDir, 'cluster'),
      workers: 0,
      apis: 0,
      log: progress,
    });
    serverObserved.push(...clusterServerObserved(cluster, admin, clusterPostgresUrl, clusterDatabases));
  }
  env = await startEnvironment({
    temporalAddress: cluster?.address ?? (process.env['TEMPORAL_ADDRESS'] || undefined),
    namespace: cluster?.namespace ?? (process.env['TEMPORAL_NAMESPACE'] || 'default'),
    databaseUrl: cluster?.databaseUrl ?? (process.env['DATABASE_URL'] || undefined),
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
    extraEnv: {
      CLARIFICATION_REMINDER_INTERVAL: args['reminder-interval']!,
      CLARIFICATION_DEADLINE: '72h',
      // Each encounter awaiting its remittance polls the mailbox on its own timer: every second
      // (npm run bench's setting) times thousands of drained encounters would be the benchmark's own load.
      REMITTANCE_POLL_INTERVAL: args['remittance-poll']!,
    },
    compiled: args.compiled,
    nodeArgs: args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args['cpu-prof'])}`] : [],
  });
  const workerPids = () => product!.processes.filter((p) => p.name.startsWith('worker')).map((p) => p.pid);
  const apiPids = product.processes.filter((p) => p.name.startsWith('api')).map((p) => p.pid);
  // What the parking costs each part of the work, and where the workers wait (from the first POST until all are parked).
  const endParkingObservation = await observe(
    [{ name: 'workers', pids: async () => workerPids() }, { name: 'API', pids: async () => apiPids }, ...env.observed, ...serverObserved],
    product.workerMetricsUrls,
  );
  const apiUrl = product.apiUrls[0]!;
  connection = await Connection.connect({ address: env.temporalAddress });
  const client = new Client({ connection, namespace: env.namespace });

  progress(`posting ${n} encounters that need the physician${postSeconds > 0 ? ` (for at most ${postSeconds}s)` : ''} ...`);
  const postStart = Date.now();
  const accepted: string[] = [];
  // In the background until the drain ends: parked count, worker RSS, server latency.
  const timeline: ParkedSample[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await sleep(sampleSeconds * 1000);
      if (!sampling) break;
      const parked = (await countStages(env!, accepted).catch(() => ({}) as Record<string, number>))['awaiting_clarification'] ?? 0;
      // Parked ones only: one still queued behind the backlog has no worker state to query yet.
      const { rows } = await env!.pool
        .query<{ id: string }>(
          `SELECT id FROM "Encounter" WHERE id = ANY($1) AND stage = 'awaiting_clarification' ORDER BY random() LIMIT 10`,
          [accepted],
        )
        .catch(() => ({ rows: [] as Array<{ id: string }> }));
      const workflowIds = rows.map((r) => `encounter-${r.id}`);
      const sample = await sampleParked({ connection: connection!, client, workflowIds, parked, workerPids: workerPids(), calls: 3 });
      timeline.push(sample);
      progress(`${accepted.length} accepted; ${sampleLine(sample)}`);
    }
  })();
  let notPosted = 0;
  // `kill -USR2 <pid>` stops posting (a long run that would not finish in time): the figures are then
  // for the encounters accepted so far, as with --post-seconds.
  let stopPosting = false;
  process.on('SIGUSR2', () => {
    stopPosting = true;
    progress(`SIGUSR2: no more posting (${accepted.length} accepted)`);
  });
  const posted = await pool(
    Array.from({ length: n }, (_, i) => i),
    concurrency,
    async (i) => {
      if (stopPosting || (postSeconds > 0 && Date.now() - postStart > postSeconds * 1000)) {
        notPosted++;
        return undefined;
      }
      const body = { ...validSubmission({ clinicEncounterId: `${runTag}-${i}` }), documentation: UNSURE_DOCUMENTATION };
      // As a clinic's system would: a shed request (503/429) is sent again after its Retry-After
      // (intake is idempotent on clinicEncounterId), so every encounter gets parked.
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(`${apiUrl}/encounters`, {
          method: 'POST',
          headers: { authorization: `Bearer ${BENCH_INTAKE_TOKENS[i % BENCH_INTAKE_TOKENS.length]}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).catch(() => undefined);
        if (response?.status === 201 || response?.status === 200) {
          const { id } = (await response.json()) as { id: string };
          accepted.push(id);
          return id;
        }
        if ((response?.status !== 503 && response?.status !== 429) || attempt >= MAX_INTAKE_ATTEMPTS) return undefined;
        shed += 1;
        await response.body?.cancel();
        await sleep(Math.max(1, Number(response.headers.get('retry-after')) || 1) * 1000);
      }
    },
  );
  const ids = posted.filter((id): id is string => id !== undefined);
  const postedSeconds = (Date.now() - postStart) / 1000;
  progress(
    `${ids.length} accepted in ${((Date.now() - postStart) / 1000).toFixed(0)}s (${shed} answers 503/429 sent again after Retry-After); waiting until all are parked ...`,
  );
  const parkedStages = await waitFor(env, ids, (s) => (s['awaiting_clarification'] ?? 0) >= ids.length, 'parking');
  const parkedAt = Date.now();
  const parking = await endParkingObservation();
  const parkingSeconds = (parkedAt - postStart) / 1000;

  progress(`parked; sampling for ${parkSeconds}s (reminders every ${args['reminder-interval']}) ...`);
  const parkedSamples: ParkedSample[] = [];
  const workflowIds = ids.map((id) => `encounter-${id}`);
  while (Date.now() - parkedAt < parkSeconds * 1000) {
    const parked = parkedStages['awaiting_clarification'] ?? 0;
    parkedSamples.push(await sampleParked({ connection, client, workflowIds, parked, workerPids: workerPids(), calls: 10 }));
    await sleep(5000);
  }
  const whileParked = latencyFigures(parkedSamples);
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
  let answerRetries = 0;
  const answerStatuses = await pool(queries, answerConcurrency, async (q) => {
    // As a physician's client would: a 503/429 (the workflow has not taken the answer yet, or the
    // API sheds load) is sent again after its Retry-After with the same Idempotency-Key, which
    // joins the earlier attempt instead of repeating it. 202: taken, still applying.
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${apiUrl}/queries/${q.id}/answer`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${BENCH_PHYSICIAN.token}`,
          'content-type': 'application/json',
          'idempotency-key': `bench-answer-${q.id}`,
        },
        body: JSON.stringify({ option: q.options.find((o) => /type 2/i.test(o)) ?? q.options[0] }),
        signal: AbortSignal.timeout(60_000),
      }).catch(() => undefined);
      const status = response?.status ?? 0;
      await response?.body?.cancel();
      if ((status !== 503 && status !== 429 && status !== 0) || attempt >= MAX_INTAKE_ATTEMPTS) return status;
      answerRetries += 1;
      await sleep(Math.max(1, Number(response?.headers.get('retry-after')) || 1) * 1000);
    }
  });
  const answeredSeconds = (Date.now() - answerStart) / 1000;
  progress(`answers sent in ${answeredSeconds.toFixed(0)}s; draining ...`);
  const finalStages = await waitFor(env, ids, (s) => DRAINING_STAGES.reduce((n, stage) => n + (s[stage] ?? 0), 0) === 0, 'draining');
  const drainSeconds = (Date.now() - answerStart) / 1000;
  sampling = false;
  await sampler;
  const { rows: stillOpen } = await env.pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM "ClarificationQuery" WHERE status = 'open' AND "encounterId" = ANY($1)`,
    [ids],
  );
  const throughout = latencyFigures(timeline);
  const statusCounts = answerStatuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  const row = (name: string, value: string) => process.stdout.write(`  ${name.padEnd(32)} ${value}\n`);
  process.stdout.write('\nencounterflow parked-work benchmark\n');
  row('load at end', machineLoad());
  row('Temporal / database', `${env.temporalLabel}; ${env.databaseLabel}`);
  row(
    'encounters',
    `${n - notPosted} posted${notPosted ? ` (${notPosted} not posted: --post-seconds ${postSeconds})` : ''}, ${ids.length} accepted (${shed} shed answers retried), parked: ${JSON.stringify(parkedStages)}`,
  );
  row(
    'rates',
    `intake ${round(ids.length / postedSeconds, 2)}/s (${postedSeconds.toFixed(0)}s); all parked ${parkingSeconds.toFixed(0)}s after the first POST = ${round(ids.length / parkingSeconds, 2)}/s; drain ${round((finalStages['billed'] ?? 0) / drainSeconds, 2)} billed/s`,
  );
  row('CPU while parking', otherCpuLine(parking, parkedStages['awaiting_clarification'] ?? 0, 'parked encounter'));
  for (const [name, value] of waitLines(parking.waits, parkedStages['awaiting_clarification'] ?? 0, 'parked encounter')) row(name, value);
  row('parked for', `${parkSeconds}s, reminders every ${args['reminder-interval']}: ${reminders.rows[0]?.sent ?? 0} reminders sent`);
  row(
    'worker RSS while parked',
    `max ${whileParked.maxRssMiB ?? '-'} MiB (largest process ${whileParked.maxWorkerRssMiB ?? '-'} MiB), last ${round(parkedSamples.at(-1)?.rssMiB, 0) ?? '-'} MiB (${args.workers} worker process(es)); max over the whole run ${throughout.maxRssMiB ?? '-'} MiB (largest process ${throughout.maxWorkerRssMiB ?? '-'} MiB)`,
  );
  row('server: DescribeWorkflow', `${latencies(whileParked.describe)}, ${whileParked.describeFailures} failed`);
  row(
    'status query (server+worker)',
    `${latencies(whileParked.query)}, ${whileParked.queryTimeouts} timed out (${whileParked.timeoutsBehindTask} behind a workflow task; ${whileParked.queriesBehindTask} queries were)`,
  );
  row('history length (sampled)', `p50 ${whileParked.historyLength.p50 ?? '-'}, max ${whileParked.historyLength.max ?? '-'} events`);
  row(
    'latency during intake and drain',
    `DescribeWorkflow ${latencies(throughout.describe)}; status query ${latencies(throughout.query)}, ${throughout.queryTimeouts} timed out (${throughout.timeoutsBehindTask} behind a workflow task; ${throughout.queriesBehindTask} queries were)`,
  );
  row(
    'answers',
    `${queries.length} sent in ${answeredSeconds.toFixed(1)}s; HTTP ${JSON.stringify(statusCounts)} (${answerRetries} answers 503/429 sent again); ${stillOpen[0]?.n ?? '?'} queries still open after the drain`,
  );
  row('drain to billed', `${drainSeconds.toFixed(1)}s after the first answer; final stages ${JSON.stringify(finalStages)}`);
  if ((finalStages['billed'] ?? 0) < ids.length) exitCode = 1;
} catch (error) {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  exitCode = 1;
} finally {
  await product?.stop().catch(() => undefined);
  await connection?.close().catch(() => undefined);
  await env?.stop().catch(() => undefined);
  await cluster?.stop().catch(() => undefined);
  await admin?.end().catch(() => undefined);
}
process.exit(exitCode);
