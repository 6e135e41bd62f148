/**
 * Lifecycle benchmark: starts the whole product on real parts (testkit/stack.ts: a fresh
 * database, the Temporal dev server, the worker, the sandboxes and the API, all in or under this
 * process), submits encounters over HTTP and prints speed and memory figures. It is a script, not
 * a test: nothing is asserted, figures are printed.
 *
 *   npx tsx scripts/bench-lifecycle.ts [--encounters 200] [--concurrency 10] [--mri-share 0.3]
 *       [--warmup 2] [--timeout 600] [--poll-ms 250] [--database-url postgres://...] [--json]
 *
 * The mix: routine office visits (coding → billing → billed) and brain MRIs (CPT 70551) for
 * ACME-HEALTH, which require prior authorization (coding → authorization → billing → billed;
 * the insurer sandbox certifies at once). All documentation is coded confidently by the engine,
 * so no clarification query is raised and nothing waits for a person.
 *
 * Concurrency is that of the clients posting encounters (C requests in flight); the workflows
 * then run as fast as the worker takes them. Time to billed is measured per encounter from the
 * start of its POST to the workflow's `billed` transition (its `at`, stored in
 * EncounterTransition), and also to the moment the benchmark saw Encounter.stage = 'billed' in
 * the database (polled every --poll-ms).
 *
 * Database: PostgreSQL when --database-url or TEST_DATABASE_URL names a server whose user may
 * create databases (a database is created and dropped); otherwise an in-memory PGlite served
 * from this process.
 *
 * Worker figures come from the Temporal SDK's own metrics (a Prometheus endpoint on a loopback
 * port opened by this script). CPU time is this process's (API, worker, sandboxes, and PGlite
 * when embedded) plus, separately, that of its child processes (the Temporal dev server).
 *
 * Bounded by --timeout seconds (default 600): on expiry it prints what finished, stops
 * everything and exits 1. It also exits 1 when an encounter was refused or did not reach billed.
 * --json prints the table on stderr and one JSON line as the last line of stdout (the Temporal dev
 * server, a child process, prints its banner on stdout too: `... --json | tail -1`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { EncounterSubmission } from '../domain/encounter.ts';
import { TOKENS, call, validSubmission } from '../testkit/http.ts';
import { startTestStack, type TestStack } from '../testkit/stack.ts';

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  encounters: number;
  concurrency: number;
  mriShare: number;
  warmup: number;
  timeoutSeconds: number;
  pollMs: number;
  databaseUrl?: string;
  json: boolean;
}

const USAGE = `usage: npx tsx scripts/bench-lifecycle.ts [--encounters N] [--concurrency C] [--mri-share 0..1]
       [--warmup K] [--timeout SECONDS] [--poll-ms MS] [--database-url URL] [--json]`;

function parseOptions(argv: string[]): Options {
  const options: Options = { encounters: 200, concurrency: 10, mriShare: 0.3, warmup: 2, timeoutSeconds: 600, pollMs: 250, json: false };
  const number = (name: string, raw: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const value = Number(raw);
    if (raw === undefined || raw === '' || !Number.isFinite(value) || value < min || value > max) {
      throw new Error(`${name} needs a number between ${min} and ${max}, got ${raw ?? 'nothing'}\n${USAGE}`);
    }
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--encounters': options.encounters = Math.floor(number(flag, value(), 1)); break;
      case '--concurrency': options.concurrency = Math.floor(number(flag, value(), 1, 1000)); break;
      case '--mri-share': options.mriShare = number(flag, value(), 0, 1); break;
      case '--warmup': options.warmup = Math.floor(number(flag, value(), 0, 100)); break;
      case '--timeout': options.timeoutSeconds = number(flag, value(), 1); break;
      case '--poll-ms': options.pollMs = Math.floor(number(flag, value(), 20, 60_000)); break;
      case '--database-url': options.databaseUrl = value(); break;
      case '--json': options.json = true; break;
      case '--help': case '-h': process.stdout.write(USAGE + '\n'); process.exit(0); break;
      default: throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// The encounters

type Kind = 'routine' | 'mri';

/** Routine visits the engine codes with confidence ≥ 0.95 and no query (checked on the engine). */
const ROUTINE_DOCUMENTATION: Array<EncounterSubmission['documentation']> = [
  {
    notes: 'Sore throat and nasal congestion for three days. Denies fever. Pharynx erythematous.',
    diagnoses: [{ description: 'Acute upper respiratory infection' }],
    procedures: [{ description: 'Office visit, established patient, low complexity', code: '99213', units: 1 }],
    testResults: [],
  },
  {
    notes: 'Follow-up for type 2 diabetes; A1c reviewed.',
    diagnoses: [{ description: 'Type 2 diabetes mellitus without complications', code: 'E11.9' }],
    procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
    testResults: [{ name: 'HbA1c', value: '7.2', unit: '%', flag: 'H' }],
  },
  {
    notes: 'Blood pressure follow-up. Taking lisinopril daily. No chest pain.',
    diagnoses: [{ description: 'Essential hypertension', code: 'I10' }],
    procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
    testResults: [],
  },
];

/** A brain MRI without contrast: ACME-HEALTH requires prior authorization; the sandbox certifies it. */
const MRI_DOCUMENTATION: EncounterSubmission['documentation'] = {
  notes: 'Chronic headaches, neurological exam normal.',
  diagnoses: [{ description: 'Headache', code: 'R51.9' }],
  procedures: [{ description: 'MRI brain without contrast', code: '70551', units: 1 }],
  testResults: [],
};

const RUN_TAG = `BENCH-${Date.now().toString(36)}`;

/** Spreads the MRIs evenly over the sequence (Bresenham-style), so the mix is the same at any prefix. */
function kindOf(index: number, mriShare: number): Kind {
  return Math.floor((index + 1) * mriShare) > Math.floor(index * mriShare) ? 'mri' : 'routine';
}

function submission(index: number, kind: Kind, label: string): EncounterSubmission {
  const base = validSubmission({ clinicEncounterId: `${RUN_TAG}-${label}-${index}` });
  return {
    ...base,
    payerId: 'ACME-HEALTH',
    documentation: kind === 'mri' ? MRI_DOCUMENTATION : ROUTINE_DOCUMENTATION[index % ROUTINE_DOCUMENTATION.length]!,
  };
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers

function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

function summary(values: readonly number[]) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : undefined,
  };
}

const MiB = 1024 * 1024;
const round = (value: number | undefined, digits = 0): number | null =>
  value === undefined || !Number.isFinite(value) ? null : Number(value.toFixed(digits));

// A full GC before each memory reading, so heap figures are what is retained, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;

function memory() {
  gc?.();
  const m = process.memoryUsage();
  return { rssMiB: round(m.rss / MiB, 1)!, heapUsedMiB: round(m.heapUsed / MiB, 1)!, heapTotalMiB: round(m.heapTotal / MiB, 1)!, externalMiB: round(m.external / MiB, 1)!, arrayBuffersMiB: round(m.arrayBuffers / MiB, 1)! };
}

/** CPU seconds of this process's descendants (the Temporal dev server, esbuild), from /proc. */
function descendantsCpu(): { seconds: number; processes: Array<{ pid: number; comm: string; cpuSeconds: number }> } {
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; comm: string; cpu: number }>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return { seconds: 0, processes: [] };
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // fields[0] is state (field 3); ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
      const ppid = Number(fields[1]);
      const cpu = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / ticks;
      stats.set(Number(entry), { ppid, comm, cpu });
    } catch {
      // the process ended meanwhile
    }
  }
  const processes: Array<{ pid: number; comm: string; cpuSeconds: number }> = [];
  const frontier = [process.pid];
  while (frontier.length > 0) {
    const parent = frontier.pop()!;
    for (const [pid, s] of stats) {
      if (s.ppid !== parent) continue;
      processes.push({ pid, comm: s.comm, cpuSeconds: s.cpu });
      frontier.push(pid);
    }
  }
  return { seconds: processes.reduce((sum, p) => sum + p.cpuSeconds, 0), processes };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Prometheus text → map of "name{labels}" → value (histogram buckets skipped). */
function parseMetrics(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || line.includes('_bucket{')) continue;
    const space = line.lastIndexOf(' ');
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) out.set(line.slice(0, space), value);
  }
  return out;
}

async function scrape(url: string): Promise<Map<string, number>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return parseMetrics(await response.text());
  } catch {
    return new Map();
  }
}

function label(series: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(series)?.[1];
}

/** Sum of a metric's series (optionally grouped by a label), as the difference between two scrapes. */
function delta(before: Map<string, number>, after: Map<string, number>, metric: string, by?: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [series, value] of after) {
    const name = series.includes('{') ? series.slice(0, series.indexOf('{')) : series;
    if (name !== metric) continue;
    const key = by ? label(series, by) ?? '' : '';
    out.set(key, (out.get(key) ?? 0) + value - (before.get(series) ?? 0));
  }
  return out;
}
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// The run

interface Tracked {
  index: number;
  kind: Kind;
  postStartWall: number;
  postLatencyMs: number;
  status: number;
  id?: string;
  /** Wall-clock ms when the poller saw the stage it settled in. */
  observedAtWall?: number;
  stage?: string;
  transitions?: Array<{ to: string; at: number }>;
}

/** Stages where the workflow waits for a person: the benchmark stops waiting for these. */
const SETTLED_NOT_BILLED = new Set(['awaiting_clarification', 'escalated', 'denied', 'needs_review', 'cancelled']);

const options = parseOptions(process.argv.slice(2));
const out = (line = '') => (options.json ? process.stderr : process.stdout).write(line + '\n');
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

if (options.databaseUrl) process.env.TEST_DATABASE_URL = options.databaseUrl;
const databaseKind = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
const databaseLabel = (() => {
  if (!process.env.TEST_DATABASE_URL) return 'PGlite (in-memory, in this process, one backend shared by all connections)';
  const url = new URL(process.env.TEST_DATABASE_URL);
  return `PostgreSQL server ${url.hostname}:${url.port || '5432'} (fresh database, dropped afterwards)`;
})();

// Our own SDK runtime before the stack's helper installs its quiet one (it keeps an existing one):
// WARN logs as in the tests, plus a Prometheus endpoint for the worker's metrics.
const metricsPort = await freePort();
const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
Runtime.install({
  logger: new DefaultLogger('WARN'),
  telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${metricsPort}` } } },
});

const deadline = Date.now() + options.timeoutSeconds * 1000;
let timedOut = false;
const timeoutTimer = setTimeout(() => {
  timedOut = true;
  progress(`total timeout of ${options.timeoutSeconds}s reached: reporting what finished`);
  // Whatever is still stuck (a stack that does not start, a request that does not answer) gets
  // 60 s more, then everything is stopped regardless.
  setTimeout(() => {
    progress('still not finished 60s after the timeout: stopping the stack and exiting');
    void stopStack().finally(() => process.exit(1));
  }, 60_000).unref();
}, options.timeoutSeconds * 1000);
timeoutTimer.unref();

let stack: TestStack | undefined;
let stopping: Promise<void> | undefined;
async function stopStack(): Promise<void> {
  stopping ??= (async () => {
    if (!stack) return;
    const s = stack;
    await Promise.race([
      s.stop(),
      new Promise<void>((resolve) => setTimeout(() => { progress('stack did not stop within 60s'); resolve(); }, 60_000).unref()),
    ]);
  })();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping the stack`);
    void stopStack().finally(() => process.exit(130));
  });
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Posts one encounter; never throws. */
async function post(apiUrl: string, index: number, kind: Kind, label: string): Promise<Tracked> {
  const body = submission(index, kind, label);
  const postStartWall = Date.now();
  const t0 = performance.now();
  try {
    const response = await call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
    return {
      index, kind, postStartWall, postLatencyMs: performance.now() - t0, status: response.status,
      id: response.status === 201 ? (response.body?.id as string | undefined) : undefined,
    };
  } catch (error) {
    progress(`POST #${index} failed: ${(error as Error).message}`);
    return { index, kind, postStartWall, postLatencyMs: performance.now() - t0, status: 0 };
  }
}

/** Polls Encounter.stage until every tracked encounter is billed or waits for a person. */
async function watch(s: TestStack, tracked: Tracked[], isSubmitting: () => boolean, onPoll?: () => void): Promise<void> {
  for (;;) {
    const open = tracked.filter((t) => t.id && t.observedAtWall === undefined);
    if (open.length > 0) {
      const rows = await s.db.prisma.encounter.findMany({ where: { id: { in: open.map((t) => t.id!) } }, select: { id: true, stage: true } });
      const now = Date.now();
      const stages = new Map(rows.map((r) => [r.id, r.stage]));
      for (const t of open) {
        const stage = stages.get(t.id!);
        if (stage === undefined) continue;
        t.stage = stage;
        if (stage === 'billed' || SETTLED_NOT_BILLED.has(stage)) t.observedAtWall = now;
      }
    }
    onPoll?.();
    const remaining = tracked.some((t) => t.id && t.observedAtWall === undefined);
    if (!remaining && !isSubmitting()) return;
    if (timedOut) return;
    await sleep(options.pollMs);
  }
}

async function loadTransitions(s: TestStack, tracked: Tracked[]): Promise<void> {
  const ids = tracked.flatMap((t) => (t.id ? [t.id] : []));
  const byId = new Map(tracked.filter((t) => t.id).map((t) => [t.id!, t]));
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await s.db.prisma.encounterTransition.findMany({
      where: { encounterId: { in: ids.slice(i, i + 500) } },
      orderBy: [{ encounterId: 'asc' }, { sequence: 'asc' }],
      select: { encounterId: true, toStage: true, at: true },
    });
    for (const r of rows) {
      const t = byId.get(r.encounterId);
      if (!t) continue;
      (t.transitions ??= []).push({ to: r.toStage, at: r.at.getTime() });
    }
  }
}

const machine = {
  cores: os.cpus().length,
  cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
  memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
};
const config = {
  encounters: options.encounters,
  concurrency: options.concurrency,
  mriShare: options.mriShare,
  warmup: options.warmup,
  timeoutSeconds: options.timeoutSeconds,
  pollMs: options.pollMs,
  database: databaseKind,
};

let exitCode = 0;
try {
  const tStart = performance.now();
  progress(`starting the stack (${databaseLabel}) ...`);
  stack = await startTestStack();
  const s = stack;
  const stackStartSeconds = (performance.now() - tStart) / 1000;
  progress(`stack up in ${stackStartSeconds.toFixed(1)}s (API ${s.apiUrl}); warm-up: ${options.warmup} encounter(s)`);

  // Warm-up: JIT, first workflow bundle load, first connections. Not counted.
  if (options.warmup > 0) {
    const warm: Tracked[] = [];
    for (let i = 0; i < options.warmup; i++) warm.push(await post(s.apiUrl, i, i % 2 === 0 ? 'routine' : 'mri', 'warm'));
    await watch(s, warm, () => false);
    const notBilled = warm.filter((t) => t.stage !== 'billed');
    if (notBilled.length > 0) progress(`warning: ${notBilled.length} warm-up encounter(s) did not reach billed (${notBilled.map((t) => t.stage ?? t.status).join(', ')})`);
  }

  // Baseline.
  const metricsBefore = await scrape(metricsUrl);
  const memBefore = memory();
  const childCpuBefore = descendantsCpu();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const eluBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const runStartWall = Date.now();
  const runStart = performance.now();
  let peakRssMiB = memBefore.rssMiB;

  progress(`submitting ${options.encounters} encounters at concurrency ${options.concurrency} ...`);
  const tracked: Tracked[] = [];
  let next = 0;
  let submitting = true;
  let submitEnd = runStart;
  const submitter = (async () => {
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, options.encounters) }, async () => {
        while (next < options.encounters && !timedOut) {
          const index = next++;
          tracked.push(await post(s.apiUrl, index, kindOf(index, options.mriShare), 'run'));
        }
      }),
    );
    submitEnd = performance.now();
    submitting = false;
  })();

  let lastReport = Date.now();
  await watch(s, tracked, () => submitting, () => {
    peakRssMiB = Math.max(peakRssMiB, process.memoryUsage().rss / MiB);
    if (Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      const billedSoFar = tracked.filter((t) => t.stage === 'billed').length;
      progress(`${Math.round((Date.now() - runStartWall) / 1000)}s: ${tracked.length} posted, ${billedSoFar} billed`);
    }
  });
  await submitter;
  const runEnd = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const elu = performance.eventLoopUtilization(eluBefore);
  loopDelay.disable();
  const childCpuAfter = descendantsCpu();
  const memAfter = memory();
  peakRssMiB = Math.max(peakRssMiB, memAfter.rssMiB);
  const metricsAfter = await scrape(metricsUrl);

  await loadTransitions(s, tracked);

  // Figures.
  const accepted = tracked.filter((t) => t.status === 201);
  const refused = tracked.filter((t) => t.status !== 201);
  const billed = accepted.filter((t) => t.stage === 'billed');
  const stageCounts: Record<string, number> = {};
  for (const t of accepted) stageCounts[t.stage ?? 'unseen'] = (stageCounts[t.stage ?? 'unseen'] ?? 0) + 1;

  const at = (t: Tracked, stage: string) => t.transitions?.find((x) => x.to === stage)?.at;
  const toBilled = (kind?: Kind) =>
    billed.filter((t) => !kind || t.kind === kind).flatMap((t) => {
      const b = at(t, 'billed');
      return b === undefined ? [] : [b - t.postStartWall];
    });
  const observed = billed.map((t) => t.observedAtWall! - t.postStartWall);
  const phase = (from: string, to: string, kind?: Kind) =>
    billed.filter((t) => !kind || t.kind === kind).flatMap((t) => {
      const a = from === 'post' ? t.postStartWall : at(t, from);
      const b = at(t, to);
      return a === undefined || b === undefined ? [] : [b - a];
    });
  const lastBilledWall = Math.max(runStartWall, ...billed.map((t) => at(t, 'billed') ?? t.observedAtWall ?? 0));
  const billedWindowSeconds = (lastBilledWall - runStartWall) / 1000;
  const wallSeconds = (runEnd - runStart) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const childCpuSeconds = childCpuAfter.seconds - childCpuBefore.seconds;

  const activities = delta(metricsBefore, metricsAfter, 'temporal_activity_execution_latency_count', 'activity_type');
  const activityFailures = total(delta(metricsBefore, metricsAfter, 'temporal_activity_execution_failed'));
  const activityExecSum = total(delta(metricsBefore, metricsAfter, 'temporal_activity_execution_latency_sum'));
  const activityS2S = {
    count: total(delta(metricsBefore, metricsAfter, 'temporal_activity_schedule_to_start_latency_count')),
    sum: total(delta(metricsBefore, metricsAfter, 'temporal_activity_schedule_to_start_latency_sum')),
  };
  const wft = {
    count: total(delta(metricsBefore, metricsAfter, 'temporal_workflow_task_execution_latency_count')),
    sum: total(delta(metricsBefore, metricsAfter, 'temporal_workflow_task_execution_latency_sum')),
    s2sCount: total(delta(metricsBefore, metricsAfter, 'temporal_workflow_task_schedule_to_start_latency_count')),
    s2sSum: total(delta(metricsBefore, metricsAfter, 'temporal_workflow_task_schedule_to_start_latency_sum')),
  };
  const workflowsCompleted = total(delta(metricsBefore, metricsAfter, 'temporal_workflow_completed'));
  const activityCount = total(activities);

  const intake = summary(accepted.map((t) => t.postLatencyMs));
  const e2e = summary(toBilled());
  const e2eRoutine = summary(toBilled('routine'));
  const e2eMri = summary(toBilled('mri'));
  const seen = summary(observed);
  const phases = {
    postToCoding: summary(phase('post', 'coding')),
    coding: summary([...phase('coding', 'billing', 'routine'), ...phase('coding', 'authorization', 'mri')]),
    authorization: summary(phase('authorization', 'billing', 'mri')),
    billing: summary(phase('billing', 'billed')),
  };
  const result = {
    machine,
    config,
    database: databaseLabel,
    timedOut,
    stackStartSeconds: round(stackStartSeconds, 1),
    encounters: {
      submitted: tracked.length,
      accepted: accepted.length,
      refused: refused.length,
      refusedStatuses: [...new Set(refused.map((t) => t.status))],
      billed: billed.length,
      billedRoutine: billed.filter((t) => t.kind === 'routine').length,
      billedMri: billed.filter((t) => t.kind === 'mri').length,
      mriThroughAuthorization: billed.filter((t) => t.kind === 'mri' && at(t, 'authorization') !== undefined).length,
      stages: stageCounts,
    },
    intakeMs: { p50: round(intake.p50), p95: round(intake.p95), p99: round(intake.p99), max: round(intake.max) },
    submitSeconds: round((submitEnd - runStart) / 1000, 1),
    toBilledMs: { p50: round(e2e.p50), p95: round(e2e.p95), max: round(e2e.max) },
    toBilledRoutineMs: { p50: round(e2eRoutine.p50), p95: round(e2eRoutine.p95), max: round(e2eRoutine.max) },
    toBilledMriMs: { p50: round(e2eMri.p50), p95: round(e2eMri.p95), max: round(e2eMri.max) },
    billedSeenInDbMs: { p50: round(seen.p50), p95: round(seen.p95), max: round(seen.max) },
    phasesMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, { p50: round(v.p50), p95: round(v.p95), max: round(v.max) }])),
    throughputPerMinute: round(billedWindowSeconds > 0 ? (billed.length / billedWindowSeconds) * 60 : undefined, 1),
    billedWindowSeconds: round(billedWindowSeconds, 1),
    wallSeconds: round(wallSeconds, 1),
    worker: {
      activities: activityCount,
      activitiesPerEncounter: round(billed.length ? activityCount / billed.length : undefined, 1),
      activityFailures,
      activityTypes: Object.fromEntries([...activities].sort((a, b) => b[1] - a[1])),
      activityExecMeanMs: round(activityCount ? activityExecSum / activityCount : undefined, 1),
      activityScheduleToStartMeanMs: round(activityS2S.count ? activityS2S.sum / activityS2S.count : undefined, 1),
      workflowTasks: wft.count,
      workflowTaskExecMeanMs: round(wft.count ? wft.sum / wft.count : undefined, 1),
      workflowTaskScheduleToStartMeanMs: round(wft.s2sCount ? wft.s2sSum / wft.s2sCount : undefined, 1),
      workflowsCompleted,
    },
    memory: { before: memBefore, after: memAfter, peakRssMiB: round(peakRssMiB, 1) },
    cpu: {
      processSeconds: round(cpuSeconds, 1),
      userSeconds: round(cpu.user / 1e6, 1),
      systemSeconds: round(cpu.system / 1e6, 1),
      processCoresBusy: round(cpuSeconds / wallSeconds, 2),
      childProcessesSeconds: round(childCpuSeconds, 1),
      childProcesses: childCpuAfter.processes.map((p) => `${p.comm}(${p.pid})`),
      cpuMsPerBilledEncounter: round(billed.length ? (cpuSeconds * 1000) / billed.length : undefined, 1),
      eventLoopUtilization: round(elu.utilization, 2),
      eventLoopDelayMs: { p50: round(loopDelay.percentile(50) / 1e6, 1), p99: round(loopDelay.percentile(99) / 1e6, 1), max: round(loopDelay.max / 1e6, 1) },
    },
  };

  // Table.
  const ms = (v: number | null) => (v === null ? '-' : `${v} ms`);
  const row = (name: string, value: string) => out(`  ${name.padEnd(34)} ${value}`);
  const pct = (v: { p50: number | null; p95: number | null; max: number | null; p99?: number | null }) =>
    `p50 ${ms(v.p50)}  p95 ${ms(v.p95)}${v.p99 !== undefined ? `  p99 ${ms(v.p99)}` : ''}  max ${ms(v.max)}`;
  out();
  out(`encounterflow lifecycle benchmark${timedOut ? '  (TIMED OUT: partial figures)' : ''}`);
  row('machine', `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}`);
  row('configuration', `${config.encounters} encounters, concurrency ${config.concurrency}, MRI share ${config.mriShare}, warm-up ${config.warmup}, poll ${config.pollMs} ms, timeout ${config.timeoutSeconds}s`);
  row('database', databaseLabel);
  row('stack start', `${result.stackStartSeconds}s`);
  row('encounters', `${result.encounters.submitted} posted, ${result.encounters.accepted} accepted, ${result.encounters.billed} billed (${result.encounters.billedRoutine} routine, ${result.encounters.billedMri} MRI, ${result.encounters.mriThroughAuthorization} via prior auth)`);
  row('final stages', Object.entries(stageCounts).map(([k, v]) => `${k} ${v}`).join(', ') + (refused.length ? `; refused ${refused.length} (${result.encounters.refusedStatuses.join(',')})` : ''));
  row('intake POST /encounters', pct(result.intakeMs));
  row('submitting all', `${result.submitSeconds}s`);
  row('POST → billed (all)', pct(result.toBilledMs));
  row('POST → billed (routine)', pct(result.toBilledRoutineMs));
  row('POST → billed (MRI, prior auth)', pct(result.toBilledMriMs));
  row('POST → billed seen in DB (polled)', pct(result.billedSeenInDbMs));
  row('  phase POST → coding', pct(result.phasesMs.postToCoding!));
  row('  phase coding', pct(result.phasesMs.coding!));
  row('  phase authorization (MRI)', pct(result.phasesMs.authorization!));
  row('  phase billing', pct(result.phasesMs.billing!));
  row('throughput', `${result.throughputPerMinute ?? '-'} billed/min (${billed.length} in ${result.billedWindowSeconds}s from first POST)`);
  row('worker activities', `${activityCount} (${result.worker.activitiesPerEncounter ?? '-'}/encounter), ${activityFailures} failed attempts, exec mean ${ms(result.worker.activityExecMeanMs)}, schedule→start mean ${ms(result.worker.activityScheduleToStartMeanMs)}`);
  row('activity types', Object.entries(result.worker.activityTypes).map(([k, v]) => `${k} ${v}`).join(', ') || '-');
  row('workflow tasks', `${wft.count}, exec mean ${ms(result.worker.workflowTaskExecMeanMs)}, schedule→start mean ${ms(result.worker.workflowTaskScheduleToStartMeanMs)}, ${workflowsCompleted} workflows completed`);
  row('memory readings', gc ? 'after a full GC' : 'without GC (gc not available)');
  row('RSS before → after (peak)', `${memBefore.rssMiB} → ${memAfter.rssMiB} MiB (peak ${result.memory.peakRssMiB} MiB)`);
  row('heap used before → after', `${memBefore.heapUsedMiB} → ${memAfter.heapUsedMiB} MiB (heap total ${memBefore.heapTotalMiB} → ${memAfter.heapTotalMiB}, external ${memBefore.externalMiB} → ${memAfter.externalMiB}, of which ArrayBuffers ${memBefore.arrayBuffersMiB} → ${memAfter.arrayBuffersMiB})`);
  row('CPU, this process', `${result.cpu.processSeconds}s (user ${result.cpu.userSeconds}s, sys ${result.cpu.systemSeconds}s) over ${result.wallSeconds}s wall = ${result.cpu.processCoresBusy} cores; ${result.cpu.cpuMsPerBilledEncounter ?? '-'} ms/encounter`);
  row('CPU, child processes', `${result.cpu.childProcessesSeconds}s (${result.cpu.childProcesses.join(', ') || 'none'})`);
  row('event loop', `utilization ${result.cpu.eventLoopUtilization}, delay p50 ${ms(result.cpu.eventLoopDelayMs.p50)} p99 ${ms(result.cpu.eventLoopDelayMs.p99)} max ${ms(result.cpu.eventLoopDelayMs.max)}`);
  out();
  if (options.json) process.stdout.write(JSON.stringify(result) + '\n');

  if (timedOut || refused.length > 0 || billed.length < options.encounters) exitCode = 1;
} catch (error) {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  exitCode = 1;
} finally {
  progress('stopping the stack ...');
  await stopStack();
  // tsx's esbuild service is a child of this process too; it ends when this process exits.
  const left = descendantsCpu().processes.filter((p) => p.comm !== 'esbuild');
  progress(left.length === 0 ? 'stopped: no child process left (besides tsx\'s esbuild service, which ends with this process)' : `child processes still running: ${left.map((p) => `${p.comm}(${p.pid})`).join(', ')}`);
  if (left.length > 0) exitCode = 1;
  if (Date.now() > deadline && !timedOut) exitCode = 1;
}
process.exit(exitCode);
