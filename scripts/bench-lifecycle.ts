/**
 * `npm run bench`: the lifecycle benchmark. In one run, on one Temporal server and one database:
 *
 * 1. the no-op baseline: a workflow of the same shape (N sequential no-op activities, its own
 *    task queue and worker process, the same worker options) started by C clients in a closed
 *    loop: what Temporal and one TypeScript worker allow here;
 * 2. the product in a closed loop: C clients post encounters over HTTP (routine visits and prior-
 *    authorization MRIs, nothing waits for a person) to the API processes; the worker processes
 *    run them to billed. Throughput, intake latency, POST → billed, the product's CPU per
 *    encounter (its worker and API processes only, from /proc) and the ratio product/baseline;
 * 3. the product at fixed open-loop request rates (default 50 and 100 POST/s): intake latency
 *    counted from when each request was due, refusals (503 = shed load), and how long the backlog
 *    takes to drain.
 *
 *   npm run bench -- [--encounters 200] [--concurrency 10] [--rates 50,100] [--rate-seconds 10]
 *     [--workers 1] [--apis 1] [--baseline-activities 8] [--mri-share 0.3] [--json]
 *     [--database-server postgres://...] [--cpu-prof DIR] [--port-base 36000] [--compiled]
 *
 * Targets: TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE) use an existing Temporal server, with the
 * encounter search attributes registered; otherwise a dev server is started. DATABASE_URL uses
 * an existing database (migrations applied; rows are added, never removed); otherwise a fresh
 * database on --database-server (or TEST_DATABASE_URL), else embedded PGlite. Ports: the dev
 * server, sandboxes, APIs and worker metrics take --port-base + 10, 20/21, 30.. and 39 (no-op worker), 40.. . Worker options come from
 * WORKER_* (worker/tuning.ts) and apply to the product's and the baseline's workers alike.
 *
 * The machine's load (`uptime`) is printed with the figures: on a shared machine they move with
 * it, so compare ratios taken in the same run. Exit code 1 when an encounter was not billed.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { PROJECT_ROOT } from '../platform/project-root.ts';
import {
  startEnvironment,
  startNoopWorker,
  startProduct,
  workerMetricsPort,
  type BenchEnvironment,
  type Product,
} from './bench/environment.ts';
import { otherCpuLine, waitLines } from './bench/observed.ts';
import { baseline, closedLoop, openLoop, type BaselineFigures, type ProductFigures } from './bench/phases.ts';
import type { NodeProcess } from './bench/processes.ts';
import { latencies, machineLoad, round } from './bench/stats.ts';

const { values: args } = parseArgs({
  options: {
    encounters: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '10' },
    rates: { type: 'string', default: '50,100' },
    'rate-seconds': { type: 'string', default: '10' },
    workers: { type: 'string', default: '1' },
    apis: { type: 'string', default: '1' },
    'baseline-activities': { type: 'string', default: '8' },
    'mri-share': { type: 'string', default: '0.3' },
    warmup: { type: 'string', default: '4' },
    'poll-ms': { type: 'string', default: '250' },
    'settle-timeout': { type: 'string', default: '600' },
    'database-server': { type: 'string' },
    'cpu-prof': { type: 'string' },
    'port-base': { type: 'string', default: '36000' },
    'skip-baseline': { type: 'boolean', default: false },
    compiled: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(readUsage());
  process.exit(0);
}

function readUsage(): string {
  return (
    'usage: npm run bench -- [--encounters N] [--concurrency C] [--rates R1,R2] [--rate-seconds S] [--workers N] [--apis M]\n' +
    '  [--baseline-activities A] [--mri-share 0..1] [--warmup K] [--database-server URL] [--cpu-prof DIR] [--port-base P] [--skip-baseline] [--compiled] [--json]\n' +
    '  --compiled: run the production build (npm run build first: dist/app/worker.js, dist/app/api.js)\n' +
    '  TEMPORAL_ADDRESS / DATABASE_URL: use an existing Temporal server / database\n'
  );
}

function int(name: keyof typeof args, min: number): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer >= ${min}\n${readUsage()}`);
  return value;
}
const options = {
  encounters: int('encounters', 1),
  concurrency: int('concurrency', 1),
  rates: (args.rates ?? '')
    .split(',')
    .filter((r) => r.trim() !== '')
    .map((r) => {
      const rate = Number(r);
      if (!(rate > 0)) throw new Error(`--rates takes positive numbers, got ${r}`);
      return rate;
    }),
  rateSeconds: int('rate-seconds', 1),
  workers: int('workers', 1),
  apis: int('apis', 1),
  baselineActivities: int('baseline-activities', 1),
  mriShare: Number(args['mri-share']),
  warmup: int('warmup', 0),
  pollMs: int('poll-ms', 20),
  settleTimeoutMs: int('settle-timeout', 1) * 1000,
  portBase: int('port-base', 1024),
};
if (!(options.mriShare >= 0 && options.mriShare <= 1)) throw new Error('--mri-share must be between 0 and 1');

const out = (line = '') => (args.json ? process.stderr : process.stdout).write(line + '\n');
const progress = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const runTag = `BENCH-${Date.now().toString(36)}`;
const logDir = resolve(PROJECT_ROOT, '.data', 'bench', runTag);
await mkdir(logDir, { recursive: true });
const nodeArgs = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args['cpu-prof'])}`] : [];

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
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping`);
    void stopAll().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  const loadAtStart = machineLoad();
  progress(`load: ${loadAtStart}`);
  env = await startEnvironment({
    temporalAddress: process.env['TEMPORAL_ADDRESS'] || undefined,
    namespace: process.env['TEMPORAL_NAMESPACE'] || 'default',
    databaseUrl: process.env['DATABASE_URL'] || undefined,
    databaseServer: args['database-server'] ?? (process.env['TEST_DATABASE_URL'] || undefined),
    portBase: options.portBase,
    logDir,
  });
  progress(`${env.temporalLabel}; ${env.databaseLabel}; process logs in ${logDir}`);
  const taskQueue = `bench-${runTag}`;
  product = await startProduct(env, {
    workers: options.workers,
    apis: options.apis,
    taskQueue,
    portBase: options.portBase,
    logDir,
    nodeArgs,
    compiled: args.compiled,
  });
  progress(`product up: ${options.workers} worker process(es), ${options.apis} API process(es) on ${product.apiUrls.join(', ')}`);
  const run = {
    pool: env.pool,
    observed: env.observed,
    workerMetricsUrls: product.workerMetricsUrls,
    apiUrls: product.apiUrls,
    productPids: () => product!.pids(),
    apiPids: () => product!.processes.filter((p) => p.name.startsWith('api')).map((p) => p.pid),
    runTag,
    mriShare: options.mriShare,
    pollMs: options.pollMs,
    settleTimeoutMs: options.settleTimeoutMs,
    progress,
  };

  let base: BaselineFigures | undefined;
  if (!args['skip-baseline']) {
    connection = await Connection.connect({ address: env.temporalAddress });
    const client = new Client({ connection, namespace: env.namespace });
    const noopQueue = `bench-noop-${runTag}`;
    const metricsPort = workerMetricsPort(options.portBase, -1);
    noopWorker = await startNoopWorker(env, { taskQueue: noopQueue, logDir, metricsPort });
    const shape = {
      observed: env.observed,
      workerMetricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
      taskQueue: noopQueue,
      concurrency: options.concurrency,
      activities: options.baselineActivities,
      workerPid: noopWorker.pid,
    };
    await baseline(client, { ...shape, workflows: Math.max(options.warmup, 1) });
    progress(`baseline: ${options.encounters} no-op workflows of ${options.baselineActivities} activities ...`);
    base = await baseline(client, { ...shape, workflows: options.encounters });
    progress(`baseline: ${base.completed} completed, ${base.completedPerMinute}/min`);
    await noopWorker.stop();
    noopWorker = undefined;
  }

  if (options.warmup > 0) await closedLoop(run, 'warm', options.warmup, Math.min(options.concurrency, options.warmup));
  const closedLoad = machineLoad();
  progress(`closed loop: ${options.encounters} encounters, concurrency ${options.concurrency} ...`);
  const closed = await closedLoop(run, 'closed', options.encounters, options.concurrency);
  const open: Array<{ rate: number; load: string; figures: ProductFigures }> = [];
  for (const rate of options.rates) {
    const load = machineLoad();
    progress(`open loop: ${rate} POST/s for ${options.rateSeconds}s ...`);
    open.push({ rate, load, figures: await openLoop(run, `open${rate}`, rate, options.rateSeconds) });
  }
  const loadAtEnd = machineLoad();

  const ratio = base?.completedPerMinute && closed.billedPerMinute ? round(closed.billedPerMinute / base.completedPerMinute, 2) : null;
  const result = {
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
      workers: options.workers,
      apis: options.apis,
      tuning: tuningFromEnv(),
    },
    options,
    baseline: base ?? null,
    closedLoop: closed,
    ratioProductToBaseline: ratio,
    cpuRatioProductToBaseline:
      base?.cpuMsPerWorkflow && closed.cpuMsPerBilled ? round(closed.cpuMsPerBilled / base.cpuMsPerWorkflow, 2) : null,
    openLoop: open,
  };

  const row = (name: string, value: string) => out(`  ${name.padEnd(30)} ${value}`);
  out();
  out('encounterflow lifecycle benchmark');
  row('machine', `${result.machine.cores} cores (${result.machine.cpu}), Node ${result.machine.node}`);
  row('load at start', loadAtStart);
  row('load at closed loop / end', `${closedLoad.replace(/.*load average: /, '')} / ${loadAtEnd.replace(/.*load average: /, '')}`);
  row('Temporal', env.temporalLabel);
  row('database', env.databaseLabel);
  row(
    'product processes',
    `${options.workers} worker(s), ${options.apis} API(s) ${args.compiled ? 'from dist/ (npm run build)' : 'from the sources (tsx)'}; worker options ${JSON.stringify(result.setup.tuning)}`,
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
    `${ratio ?? '-'} (throughput); CPU per encounter / per no-op workflow: ${result.cpuRatioProductToBaseline ?? '-'}`,
  );
  for (const o of open) {
    out();
    out(`product, open loop: ${o.rate} POST/s for ${options.rateSeconds}s (${o.load.replace(/.*load average: /, 'load ')})`);
    printProduct(o.figures, row);
  }
  out();
  if (args.json) process.stdout.write(JSON.stringify(result) + '\n');
  const notBilled = [closed, ...open.map((o) => o.figures)].some((f) => f.billed < f.accepted || !f.settled);
  if (notBilled) exitCode = 1;
} catch (error) {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  exitCode = 1;
} finally {
  progress('stopping ...');
  await stopAll();
}
process.exit(exitCode);

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
