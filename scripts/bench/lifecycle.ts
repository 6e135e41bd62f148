/**
 * The lifecycle benchmark as functions (`npm run bench` is its command line, scripts/bench-lifecycle.ts;
 * `npm run bench:cluster` runs it once per worker count on the cluster profile): the no-op
 * baseline, the product in a closed loop and at fixed open-loop rates, on one Temporal server and
 * one database, and the report printed from the result.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
import { startEnvironment, startNoopWorker, startProduct, workerMetricsPort, type BenchEnvironment, type Product } from './environment.ts';
import { otherCpuLine, waitLines, type ObservedProcesses } from './observed.ts';
import { baseline, closedLoop, openLoop, openLoopPhases, type BaselineFigures, type ProductFigures } from './phases.ts';
import type { NodeProcess } from './processes.ts';
import { latencies, machineLoad, round } from './stats.ts';
import { summaryLines } from './summary.ts';

export interface LifecycleOptions {
  encounters: number;
  concurrency: number;
  rates: number[];
  /**
   * Open-loop rates the product sustains (below its closed-loop throughput), run before `rates`:
   * the intake latency the "< 50 ms at a rate the product sustains" target is read from.
   */
  sustainedRates?: number[];
  rateSeconds: number;
  workers: number;
  apis: number;
  baselineActivities: number;
  mriShare: number;
  warmup: number;
  pollMs: number;
  settleTimeoutMs: number;
  portBase: number;
  skipBaseline: boolean;
  compiled: boolean;
  /** Node flags of the product's processes (e.g. --cpu-prof). */
  nodeArgs: string[];
  temporalAddress?: string;
  namespace: string;
  databaseUrl?: string;
  databaseServer?: string;
  /** Processes outside the product whose CPU is measured too (e.g. a cluster's Temporal server). */
  observed?: ObservedProcesses[];
  progress: (line: string) => void;
}

export interface LifecycleResult {
  machine: { cores: number; cpu: string | undefined; node: string; loadAtStart: string; loadAtClosedLoop: string; loadAtEnd: string };
  setup: { temporal: string; database: string; workers: number; apis: number; tuning: Record<string, string>; compiled: boolean };
  options: Omit<LifecycleOptions, 'observed' | 'progress' | 'nodeArgs'>;
  baseline: BaselineFigures | null;
  closedLoop: ProductFigures;
  ratioProductToBaseline: number | null;
  cpuRatioProductToBaseline: number | null;
  openLoop: Array<{ rate: number; load: string; figures: ProductFigures; sustained?: boolean }>;
}

/** Runs the benchmark's phases and stops everything it started (also when it fails or is interrupted). */
export async function runLifecycle(opts: LifecycleOptions): Promise<LifecycleResult> {
  const { progress } = opts;
  const runTag = `BENCH-${Date.now().toString(36)}`;
  const logDir = resolve(PROJECT_ROOT, '.data', 'bench', runTag);
  await mkdir(logDir, { recursive: true });
  let env: BenchEnvironment | undefined;
  let product: Product | undefined;
  let noopWorker: NodeProcess | undefined;
  let connection: Connection | undefined;
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      await product?.stop().catch(() => undefined);
      await noopWorker?.stop().catch(() => undefined);
      await connection?.close().catch(() => undefined);
      await env?.stop().catch(() => undefined);
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const loadAtStart = machineLoad();
    progress(`load: ${loadAtStart}`);
    env = await startEnvironment({
      temporalAddress: opts.temporalAddress,
      namespace: opts.namespace,
      databaseUrl: opts.databaseUrl,
      databaseServer: opts.databaseServer,
      portBase: opts.portBase,
      logDir,
    });
    env.observed.push(...(opts.observed ?? []));
    progress(`${env.temporalLabel}; ${env.databaseLabel}; process logs in ${logDir}`);
    product = await startProduct(env, {
      workers: opts.workers,
      apis: opts.apis,
      taskQueue: `bench-${runTag}`,
      portBase: opts.portBase,
      logDir,
      nodeArgs: opts.nodeArgs,
      compiled: opts.compiled,
    });
    progress(`product up: ${opts.workers} worker process(es), ${opts.apis} API process(es) on ${product.apiUrls.join(', ')}`);
    const started = product;
    const run = {
      pool: env.pool,
      observed: env.observed,
      workerMetricsUrls: product.workerMetricsUrls,
      apiUrls: product.apiUrls,
      productPids: () => started.pids(),
      apiPids: () => started.processes.filter((p) => p.name.startsWith('api')).map((p) => p.pid),
      runTag,
      mriShare: opts.mriShare,
      pollMs: opts.pollMs,
      settleTimeoutMs: opts.settleTimeoutMs,
      progress,
    };

    let base: BaselineFigures | undefined;
    if (!opts.skipBaseline) {
      connection = await Connection.connect({ address: env.temporalAddress });
      const client = new Client({ connection, namespace: env.namespace });
      const noopQueue = `bench-noop-${runTag}`;
      const metricsPort = workerMetricsPort(opts.portBase, -1);
      noopWorker = await startNoopWorker(env, { taskQueue: noopQueue, logDir, metricsPort });
      const shape = {
        observed: env.observed,
        workerMetricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
        taskQueue: noopQueue,
        concurrency: opts.concurrency,
        activities: opts.baselineActivities,
        workerPid: noopWorker.pid,
      };
      await baseline(client, { ...shape, workflows: Math.max(opts.warmup, 1) });
      progress(`baseline: ${opts.encounters} no-op workflows of ${opts.baselineActivities} activities ...`);
      base = await baseline(client, { ...shape, workflows: opts.encounters });
      progress(`baseline: ${base.completed} completed, ${base.completedPerMinute}/min`);
      await noopWorker.stop();
      noopWorker = undefined;
    }

    if (opts.warmup > 0) await closedLoop(run, 'warm', opts.warmup, Math.min(opts.concurrency, opts.warmup));
    const closedLoad = machineLoad();
    progress(`closed loop: ${opts.encounters} encounters, concurrency ${opts.concurrency} ...`);
    const closed = await closedLoop(run, 'closed', opts.encounters, opts.concurrency);
    const open: LifecycleResult['openLoop'] = [];
    for (const { rate, phase, sustained } of openLoopPhases(opts.sustainedRates ?? [], opts.rates)) {
      const load = machineLoad();
      progress(`open loop: ${rate} POST/s for ${opts.rateSeconds}s ...`);
      open.push({ rate, load, figures: await openLoop(run, phase, rate, opts.rateSeconds), ...(sustained ? { sustained } : {}) });
    }
    const loadAtEnd = machineLoad();

    const { observed: _observed, progress: _progress, nodeArgs: _nodeArgs, ...options } = opts;
    return {
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model.trim(),
        node: process.version,
        loadAtStart,
        loadAtClosedLoop: closedLoad,
        loadAtEnd,
      },
      setup: {
        temporal: env.temporalLabel,
        database: env.databaseLabel,
        workers: opts.workers,
        apis: opts.apis,
        tuning: tuningFromEnv(),
        compiled: opts.compiled,
      },
      options,
      baseline: base ?? null,
      closedLoop: closed,
      ratioProductToBaseline:
        base?.completedPerMinute && closed.billedPerMinute ? round(closed.billedPerMinute / base.completedPerMinute, 2) : null,
      cpuRatioProductToBaseline:
        base?.cpuMsPerWorkflow && closed.cpuMsPerBilled ? round(closed.cpuMsPerBilled / base.cpuMsPerWorkflow, 2) : null,
      openLoop: open,
    };
  } finally {
    progress('stopping ...');
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * True when an accepted encounter was not billed, a phase did not settle before its timeout, or a
 * POST answered 409 (a clinic encounter id sent again with another body: the benchmark reused an
 * id, and that phase measured refusals instead of intakes).
 */
export function notAllBilled(result: LifecycleResult): boolean {
  return [result.closedLoop, ...result.openLoop.map((o) => o.figures)].some(
    (f) => f.billed < f.accepted || !f.settled || (f.statuses['409'] ?? 0) > 0,
  );
}

/** The benchmark's report, line by line. */
export function printLifecycle(result: LifecycleResult, out: (line?: string) => void): void {
  const { machine, setup, options, closedLoop: closed } = result;
  const base = result.baseline;
  const row = (name: string, value: string) => out(`  ${name.padEnd(30)} ${value}`);
  out();
  out('encounterflow lifecycle benchmark');
  row('machine', `${machine.cores} cores (${machine.cpu}), Node ${machine.node}`);
  row('load at start', machine.loadAtStart);
  row(
    'load at closed loop / end',
    `${machine.loadAtClosedLoop.replace(/.*load average: /, '')} / ${machine.loadAtEnd.replace(/.*load average: /, '')}`,
  );
  row('Temporal', setup.temporal);
  row('database', setup.database);
  row(
    'product processes',
    `${setup.workers} worker(s), ${setup.apis} API(s) ${setup.compiled ? 'from dist/ (npm run build)' : 'from the sources (tsx)'}; worker options ${JSON.stringify(setup.tuning)}`,
  );
  if (base) {
    out();
    out(
      `no-op baseline: ${base.workflows} workflows x ${base.activitiesPerWorkflow} sequential no-op activities, concurrency ${options.concurrency}, one worker process`,
    );
    row('completed', `${base.completed} in ${base.windowSeconds}s = ${base.completedPerMinute ?? '-'}/min`);
    row('worker CPU', `${base.cpuSeconds}s = ${base.cpuMsPerWorkflow ?? '-'} ms/workflow, RSS ${base.rssMiB} MiB`);
    row('other CPU', otherCpuLine(base.others, base.completed, 'workflow'));
    for (const [name, value] of waitLines(base.others.waits, base.completed, 'workflow')) row(name, value);
  }
  out();
  out(`product, closed loop: ${options.encounters} encounters (MRI share ${options.mriShare}), ${options.concurrency} clients`);
  printProduct(closed, row);
  row(
    'RATIO product / baseline',
    `${result.ratioProductToBaseline ?? '-'} (throughput); CPU per encounter / per no-op workflow: ${result.cpuRatioProductToBaseline ?? '-'}`,
  );
  for (const o of result.openLoop) {
    out();
    out(
      `product, open loop${o.sustained ? ' at a rate it sustains' : ''}: ${o.rate} POST/s for ${options.rateSeconds}s (${o.load.replace(/.*load average: /, 'load ')})`,
    );
    printProduct(o.figures, row);
  }
  out();
  out('SUMMARY (every phase of this run; CPU per billed encounter, or per workflow for the baseline)');
  for (const line of summaryLines(result)) out(line);
  out();
}

function printProduct(f: ProductFigures, row: (name: string, value: string) => void): void {
  row(
    'encounters',
    `${f.posted} posted, ${f.accepted} accepted, ${f.billed} billed; HTTP ${Object.entries(f.statuses)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}; stages ${Object.entries(f.stages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}${f.settled ? '' : ' (NOT SETTLED before the timeout)'}`,
  );
  row('intake POST /encounters', latencies(f.intakeMs));
  row('POST → billed', latencies(f.toBilledMs));
  row(
    'throughput',
    `${f.billedPerMinute ?? '-'} billed/min (${f.billed} in ${f.windowSeconds ?? '-'}s); backlog drained ${f.drainSeconds ?? '-'}s after the last POST`,
  );
  row(
    'product CPU (workers + APIs)',
    `${f.cpuSeconds}s = ${f.cpuMsPerBilled ?? '-'} ms per billed encounter (API ${f.apiCpuMsPerBilled ?? '-'} ms); ${f.productCoresBusy ?? '-'} cores busy; RSS ${f.productRssMiB} MiB`,
  );
  row('other CPU', otherCpuLine(f.others, f.billed, 'billed encounter'));
  for (const [name, value] of waitLines(f.others.waits, f.billed, 'billed encounter')) row(name, value);
}

function tuningFromEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => k.startsWith('WORKER_') && v !== undefined) as Array<[string, string]>,
  );
}
