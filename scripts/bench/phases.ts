/**
 * The lifecycle benchmark's phases, each measured on its own: the no-op baseline (closed loop),
 * the product in a closed loop (C clients, each posting its next encounter when the last POST
 * answered) and the product at a fixed open-loop request rate (a POST every 1/rate seconds
 * whatever the answers; latency counted from the moment the request was due, so a slow server is
 * not hidden by the client waiting for it).
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type pg from 'pg';
import { benchSubmission, kindOf, type Kind } from './encounters.ts';
import { BENCH_INTAKE_TOKENS } from './environment.ts';
import { observe, type Observed, type ObservedProcesses } from './observed.ts';
import { round, summary, treeUsage, type Summary } from './stats.ts';

/** Stages where an encounter waits for a person: the benchmark stops waiting for it. */
const SETTLED = new Set(['billed', 'awaiting_clarification', 'escalated', 'denied', 'needs_review', 'cancelled']);

export interface Tracked {
  index: number;
  kind: Kind;
  /** Wall-clock ms at which the POST was due (open loop) or sent (closed loop). */
  dueAt: number;
  latencyMs: number;
  status: number;
  id?: string;
  stage?: string;
  billedAt?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(apiUrl: string, runTag: string, phase: string, index: number, mriShare: number, dueAt: number): Promise<Tracked> {
  const kind = kindOf(index, mriShare);
  const body = JSON.stringify(benchSubmission(runTag, phase, index, kind));
  try {
    const response = await fetch(`${apiUrl}/encounters`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_INTAKE_TOKENS[index % BENCH_INTAKE_TOKENS.length]}`, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    const id = response.status === 201 ? (JSON.parse(text) as { id?: string }).id : undefined;
    return { index, kind, dueAt, latencyMs: Date.now() - dueAt, status: response.status, id };
  } catch {
    return { index, kind, dueAt, latencyMs: Date.now() - dueAt, status: 0 };
  }
}

/** Polls the stages until every accepted encounter has settled, or the deadline passes. */
async function waitSettled(pool: pg.Pool, tracked: Tracked[], deadline: number, pollMs: number, onPoll?: () => void): Promise<boolean> {
  for (;;) {
    const open = tracked.filter((t) => t.id && !SETTLED.has(t.stage ?? ''));
    if (open.length === 0) return true;
    if (Date.now() > deadline) return false;
    for (let i = 0; i < open.length; i += 1000) {
      const slice = open.slice(i, i + 1000);
      const { rows } = await pool.query<{ id: string; stage: string }>('SELECT id, stage FROM "Encounter" WHERE id = ANY($1)', [
        slice.map((t) => t.id),
      ]);
      const stages = new Map(rows.map((r) => [r.id, r.stage]));
      for (const t of slice) t.stage = stages.get(t.id!) ?? t.stage;
    }
    onPoll?.();
    await sleep(pollMs);
  }
}

/** The time each encounter reached billed, from its stored transition (the worker's clock). */
async function loadBilledTimes(pool: pg.Pool, tracked: Tracked[]): Promise<void> {
  const byId = new Map(tracked.filter((t) => t.id).map((t) => [t.id!, t]));
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 1000) {
    const { rows } = await pool.query<{ encounterId: string; ms: string }>(
      `SELECT "encounterId", (extract(epoch from "at") * 1000)::text AS ms FROM "EncounterTransition" WHERE "toStage" = 'billed' AND "encounterId" = ANY($1)`,
      [ids.slice(i, i + 1000)],
    );
    for (const r of rows) {
      const t = byId.get(r.encounterId);
      if (t) t.billedAt = Number(r.ms);
    }
  }
}

export interface ProductFigures {
  posted: number;
  accepted: number;
  billed: number;
  statuses: Record<string, number>;
  stages: Record<string, number>;
  intakeMs: Summary;
  toBilledMs: Summary;
  /** Billed per minute from the first POST to the last billed. */
  billedPerMinute: number | null;
  windowSeconds: number | null;
  /** Seconds from the last POST answered until the last encounter was billed. */
  drainSeconds: number | null;
  cpuSeconds: number;
  cpuMsPerBilled: number | null;
  /** The API processes' share of cpuMsPerBilled (the rest is the workers'). */
  apiCpuMsPerBilled: number | null;
  productCoresBusy: number | null;
  productRssMiB: number;
  settled: boolean;
  /** The Temporal server, the database and the benchmark process meanwhile, and the workers' waits. */
  others: Observed;
}

interface ProductRun {
  pool: pg.Pool;
  apiUrls: string[];
  productPids: () => number[];
  /** The API processes among productPids. */
  apiPids: () => number[];
  /** Processes outside the product whose CPU is measured too, and the workers' SDK metrics. */
  observed: ObservedProcesses[];
  workerMetricsUrls: string[];
  runTag: string;
  mriShare: number;
  pollMs: number;
  settleTimeoutMs: number;
  progress: (line: string) => void;
}

async function measureProduct(run: ProductRun, phase: string, submit: () => Promise<Tracked[]>): Promise<ProductFigures> {
  const cpuBefore = treeUsage(run.productPids()).cpuSeconds;
  const apiCpuBefore = treeUsage(run.apiPids()).cpuSeconds;
  const endObservation = await observe(run.observed, run.workerMetricsUrls);
  const start = Date.now();
  const tracked = await submit();
  const submittedAt = Date.now();
  const settled = await waitSettled(run.pool, tracked, submittedAt + run.settleTimeoutMs, run.pollMs);
  const others = await endObservation();
  const usage = treeUsage(run.productPids());
  const cpuSeconds = usage.cpuSeconds - cpuBefore;
  const apiCpuSeconds = treeUsage(run.apiPids()).cpuSeconds - apiCpuBefore;
  await loadBilledTimes(run.pool, tracked);
  const accepted = tracked.filter((t) => t.status === 201);
  const billed = accepted.filter((t) => t.billedAt !== undefined);
  const lastBilled = billed.length ? Math.max(...billed.map((t) => t.billedAt!)) : undefined;
  const windowSeconds = lastBilled === undefined ? undefined : (lastBilled - start) / 1000;
  const count = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
  run.progress(`${phase}: ${tracked.length} posted, ${accepted.length} accepted, ${billed.length} billed`);
  return {
    posted: tracked.length,
    accepted: accepted.length,
    billed: billed.length,
    statuses: count(tracked.map((t) => String(t.status))),
    stages: count(accepted.map((t) => t.stage ?? 'unseen')),
    intakeMs: summary(tracked.filter((t) => t.status !== 0).map((t) => t.latencyMs)),
    toBilledMs: summary(billed.map((t) => t.billedAt! - t.dueAt)),
    billedPerMinute: round(windowSeconds ? (billed.length / windowSeconds) * 60 : undefined, 1),
    windowSeconds: round(windowSeconds, 1),
    drainSeconds: round(lastBilled === undefined ? undefined : Math.max(0, lastBilled - submittedAt) / 1000, 1),
    cpuSeconds: round(cpuSeconds, 2)!,
    cpuMsPerBilled: round(billed.length ? (cpuSeconds * 1000) / billed.length : undefined, 1),
    apiCpuMsPerBilled: round(billed.length ? (apiCpuSeconds * 1000) / billed.length : undefined, 1),
    productCoresBusy: round(windowSeconds ? cpuSeconds / Math.max(windowSeconds, (Date.now() - start) / 1000) : undefined, 2),
    productRssMiB: round(usage.rssMiB, 0)!,
    settled,
    others,
  };
}

/** C clients, each posting its next encounter as soon as the last POST answered. */
export function closedLoop(run: ProductRun, phase: string, encounters: number, concurrency: number): Promise<ProductFigures> {
  return measureProduct(run, phase, async () => {
    const tracked: Tracked[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, encounters) }, async (_, client) => {
        while (next < encounters) {
          const index = next++;
          tracked.push(await post(run.apiUrls[client % run.apiUrls.length]!, run.runTag, phase, index, run.mriShare, Date.now()));
        }
      }),
    );
    return tracked;
  });
}

/**
 * The open-loop phases in the order they run: the sustained rates first (the higher ones leave a
 * backlog behind), then the others. Each phase's name is part of its encounters' clinic ids, so it
 * is unique in the run even when a rate comes twice (`--sustained-rates 3,5 --rates 3,5`): a phase
 * that reused another's ids would be answered 409 throughout.
 */
export function openLoopPhases(sustainedRates: readonly number[], rates: readonly number[]) {
  return [...sustainedRates.map((rate) => ({ rate, sustained: true })), ...rates.map((rate) => ({ rate, sustained: false }))].map(
    ({ rate, sustained }, position) => ({ rate, sustained, phase: `${sustained ? 'sustained' : 'open'}${position + 1}-${rate}` }),
  );
}

/** One POST every 1/rate seconds for `seconds`, whatever the answers. */
export function openLoop(run: ProductRun, phase: string, rate: number, seconds: number): Promise<ProductFigures> {
  return measureProduct(run, phase, async () => {
    const total = Math.round(rate * seconds);
    const start = Date.now() + 50;
    const pending: Array<Promise<Tracked>> = [];
    for (let i = 0; i < total; i++) {
      const dueAt = start + (i * 1000) / rate;
      const wait = dueAt - Date.now();
      if (wait > 1) await sleep(wait);
      pending.push(post(run.apiUrls[i % run.apiUrls.length]!, run.runTag, phase, i, run.mriShare, dueAt));
    }
    return Promise.all(pending);
  });
}

export interface BaselineFigures {
  workflows: number;
  completed: number;
  activitiesPerWorkflow: number;
  completedPerMinute: number | null;
  windowSeconds: number | null;
  cpuSeconds: number;
  cpuMsPerWorkflow: number | null;
  rssMiB: number;
  others: Observed;
}

/** The no-op workflow, started by C clients in a closed loop like the product's POSTs. */
export async function baseline(
  client: Client,
  opts: {
    taskQueue: string;
    workflows: number;
    concurrency: number;
    activities: number;
    workerPid: number;
    observed: ObservedProcesses[];
    workerMetricsUrl: string;
  },
): Promise<BaselineFigures> {
  const cpuBefore = treeUsage([opts.workerPid]).cpuSeconds;
  const endObservation = await observe(opts.observed, [opts.workerMetricsUrl]);
  const start = performance.now();
  const results: Array<Promise<number>> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(opts.concurrency, opts.workflows) }, async () => {
      while (next < opts.workflows) {
        next++;
        const handle = await client.workflow.start('noopWorkflow', {
          taskQueue: opts.taskQueue,
          workflowId: `bench-noop-${randomUUID()}`,
          args: [opts.activities],
        });
        results.push(handle.result().then(() => performance.now()));
      }
    }),
  );
  const ends = await Promise.all(results.map((r) => r.catch(() => undefined)));
  const done = ends.filter((e): e is number => e !== undefined);
  const others = await endObservation();
  const usage = treeUsage([opts.workerPid]);
  const cpuSeconds = usage.cpuSeconds - cpuBefore;
  const windowSeconds = done.length ? (Math.max(...done) - start) / 1000 : undefined;
  return {
    workflows: opts.workflows,
    completed: done.length,
    activitiesPerWorkflow: opts.activities,
    completedPerMinute: round(windowSeconds ? (done.length / windowSeconds) * 60 : undefined, 1),
    windowSeconds: round(windowSeconds, 1),
    cpuSeconds: round(cpuSeconds, 2)!,
    cpuMsPerWorkflow: round(done.length ? (cpuSeconds * 1000) / done.length : undefined, 1),
    rssMiB: round(usage.rssMiB, 0)!,
    others,
  };
}
