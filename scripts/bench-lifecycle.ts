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
 * 3. the product at fixed open-loop request rates: first rates it sustains (--sustained-rates,
 *    default 3 and 5 POST/s, below its closed-loop throughput here; the line "INTAKE p99 at
 *    sustained rates" is the target's), then higher ones (--rates, default 50 and 100 POST/s):
 *    intake latency counted from when each request was due, refusals (503 = shed load), and how
 *    long the backlog takes to drain.
 *
 *   npm run bench -- [--encounters 200] [--concurrency 10] [--sustained-rates 3,5] [--rates 50,100] [--rate-seconds 10]
 *     [--workers 1] [--apis 1] [--baseline-activities 8] [--mri-share 0.3] [--json]
 *     [--database-server postgres://...] [--cpu-prof DIR] [--port-base 27000] [--compiled]
 *
 * Targets: TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE) use an existing Temporal server, with the
 * encounter search attributes registered; otherwise a dev server is started. DATABASE_URL uses
 * an existing database (migrations applied; rows are added, never removed); otherwise a fresh
 * database on --database-server (or TEST_DATABASE_URL), else embedded PGlite. Ports: the dev
 * server, sandboxes, APIs and worker metrics take --port-base + 10, 20/21, 30.. and 39 (no-op worker), 40.. ; the
default base is below Linux's ephemeral range and moves on by 100 while a port is taken (scripts/bench/ports.ts). Worker options come from
 * WORKER_* (worker/tuning.ts) and apply to the product's and the baseline's workers alike.
 *
 * The machine's load (`uptime`) is printed with the figures: on a shared machine they move with
 * it, so compare ratios taken in the same run. Exit code 1 when an encounter was not billed.
 * The phases and the report are in scripts/bench/lifecycle.ts (npm run bench:cluster runs them too).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { notAllBilled, printLifecycle, runLifecycle } from './bench/lifecycle.ts';
import { freePortBase } from './bench/ports.ts';

const { values: args } = parseArgs({
  options: {
    encounters: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '10' },
    rates: { type: 'string', default: '50,100' },
    'sustained-rates': { type: 'string', default: '3,5' },
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
    'port-base': { type: 'string', default: '27000' },
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
    'usage: npm run bench -- [--encounters N] [--concurrency C] [--sustained-rates R1,R2] [--rates R1,R2] [--rate-seconds S] [--workers N] [--apis M]\n' +
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
function rateList(name: 'rates' | 'sustained-rates'): number[] {
  return (args[name] ?? '')
    .split(',')
    .filter((r) => r.trim() !== '')
    .map((r) => {
      const rate = Number(r);
      if (!(rate > 0)) throw new Error(`--${name} takes positive numbers, got ${r}`);
      return rate;
    });
}
const options = {
  encounters: int('encounters', 1),
  concurrency: int('concurrency', 1),
  rates: rateList('rates'),
  sustainedRates: rateList('sustained-rates'),
  rateSeconds: int('rate-seconds', 1),
  workers: int('workers', 1),
  apis: int('apis', 1),
  baselineActivities: int('baseline-activities', 1),
  mriShare: Number(args['mri-share']),
  warmup: int('warmup', 0),
  pollMs: int('poll-ms', 20),
  settleTimeoutMs: int('settle-timeout', 1) * 1000,
};
if (!(options.mriShare >= 0 && options.mriShare <= 1)) throw new Error('--mri-share must be between 0 and 1');

const out = (line = '') => (args.json ? process.stderr : process.stdout).write(line + '\n');
const progress = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
// Up to the worker metrics ports (+40..) and the APIs (+30..).
const portBase = await freePortBase(int('port-base', 1024), Math.max(40 + options.workers, 30 + options.apis), progress);

let exitCode = 0;
try {
  const result = await runLifecycle({
    ...options,
    portBase,
    skipBaseline: args['skip-baseline'],
    compiled: args.compiled,
    nodeArgs: args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args['cpu-prof'])}`] : [],
    temporalAddress: process.env['TEMPORAL_ADDRESS'] || undefined,
    namespace: process.env['TEMPORAL_NAMESPACE'] || 'default',
    databaseUrl: process.env['DATABASE_URL'] || undefined,
    databaseServer: args['database-server'] ?? (process.env['TEST_DATABASE_URL'] || undefined),
    progress,
  });
  printLifecycle(result, out);
  if (args.json) process.stdout.write(JSON.stringify(result) + '\n');
  if (notAllBilled(result)) exitCode = 1;
} catch (error) {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  exitCode = 1;
}
process.exit(exitCode);
