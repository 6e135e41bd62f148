/**
 * `npm run bench:cluster`: how throughput scales with worker processes on the cluster profile.
 * For each worker count it brings up the real Temporal server (PostgreSQL persistence and
 * visibility, --shards history shards; scripts/cluster/start.ts) on fresh databases, runs the
 * lifecycle benchmark against it (scripts/bench/lifecycle.ts: N worker and M API processes, C
 * clients in a closed loop), stops it all, and prints one table: billed/min, the product's CPU per
 * encounter, the Temporal server's CPU per encounter (its process and its PostgreSQL backends),
 * intake p50/p99 and the load average the row was taken under.
 *
 *   npm run build && npm run bench:cluster -- --workers 1,2,4 --encounters 200 --compiled
 *     [--apis 1] [--concurrency 10] [--shards 4] [--rates ""] [--baseline] [--port-base 27100]
 *     [--database-prefix bench_cluster] [--json]
 *
 * PostgreSQL: CLUSTER_POSTGRES_URL (default TEST_DATABASE_URL, else postgres://postgres:postgres@127.0.0.1:5432/postgres),
 * whose user may create databases. The databases <prefix>_temporal, <prefix>_visibility and
 * <prefix>_encounterflow are DROPPED and created again for every worker count. Ports: the server
 * takes --port-base .. +9 (membership ports below 32768, see scripts/cluster/server-config.ts),
 * the benchmark +10 .. +39. The server binaries: ENCOUNTERFLOW_TOOLS_DIR/temporal-server.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  benchClusterPostgresUrl,
  clusterServerObserved,
  dropClusterDatabases,
  prefixedClusterDatabases,
  startCluster,
  type Cluster,
} from './cluster/start.ts';
import { notAllBilled, printLifecycle, runLifecycle, type LifecycleResult } from './bench/lifecycle.ts';
import { round } from './bench/stats.ts';
import { freePortBase } from './bench/ports.ts';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '1,2,4' },
    encounters: { type: 'string', default: '200' },
    apis: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '10' },
    shards: { type: 'string', default: '4' },
    rates: { type: 'string', default: '' },
    'rate-seconds': { type: 'string', default: '10' },
    baseline: { type: 'boolean', default: false },
    'port-base': { type: 'string', default: '27100' },
    'database-prefix': { type: 'string', default: 'bench_cluster' },
    compiled: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const counts = args.workers.split(',').map(Number);
if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--workers takes worker counts, e.g. 1,2,4');
const postgresUrl = benchClusterPostgresUrl();
const databases = prefixedClusterDatabases(args['database-prefix']);
const progress = (line: string) => process.stderr.write(`[bench:cluster ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const out = (line = '') => (args.json ? process.stderr : process.stdout).write(line + '\n');
// The server +0..9, the benchmark's sandboxes, APIs and worker metrics +10..+30+workers; below the
// ephemeral range, moved on while taken (scripts/bench/ports.ts).
const portBase = await freePortBase(Number(args['port-base']), 31 + Math.max(...counts, Number(args.apis)), progress);

interface Row {
  workers: number;
  result: LifecycleResult;
}

const rows: Row[] = [];
const admin = new pg.Client({ connectionString: postgresUrl });
await admin.connect();
let cluster: Cluster | undefined;
let exitCode = 0;
try {
  for (const workers of counts) {
    progress(`${workers} worker process(es): fresh databases, cluster up ...`);
    await dropClusterDatabases(admin, databases);
    cluster = await startCluster({
      postgresUrl,
      databases,
      shards: Number(args.shards),
      portBase,
      namespace: 'default',
      dataDir: resolve('.data', 'bench-cluster', `workers-${workers}`),
      workers: 0,
      apis: 0,
      log: progress,
    });
    const serverObserved = clusterServerObserved(cluster, admin, postgresUrl, databases);
    const result = await runLifecycle({
      encounters: Number(args.encounters),
      concurrency: Number(args.concurrency),
      rates: args.rates
        .split(',')
        .filter((r) => r.trim() !== '')
        .map(Number),
      rateSeconds: Number(args['rate-seconds']),
      workers,
      apis: Number(args.apis),
      baselineActivities: 8,
      mriShare: 0.3,
      warmup: 4,
      pollMs: 250,
      settleTimeoutMs: 900_000,
      // The benchmark's own ports start 10 below the server's (its dev server and PGlite ports go unused):
      // sandboxes +10/+11, APIs +20.., no-op worker metrics +29, worker metrics +30.. of --port-base.
      portBase: portBase - 10,
      skipBaseline: !args.baseline,
      compiled: args.compiled,
      nodeArgs: [],
      temporalAddress: cluster.address,
      namespace: cluster.namespace,
      databaseUrl: cluster.databaseUrl,
      observed: serverObserved,
      progress,
    });
    await cluster.stop();
    cluster = undefined;
    printLifecycle(result, out);
    rows.push({ workers, result });
    if (notAllBilled(result)) exitCode = 1;
  }
  printTable(rows);
  if (args.json) process.stdout.write(JSON.stringify(rows.map((r) => ({ workers: r.workers, ...r.result }))) + '\n');
} catch (error) {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  exitCode = 1;
} finally {
  await cluster?.stop();
  await admin.end();
}
process.exit(exitCode);

function printTable(table: Row[]): void {
  const load1 = (uptime: string) =>
    uptime
      .replace(/.*load average: /, '')
      .split(',')[0]
      ?.trim() ?? '-';
  const perBilled = (r: LifecycleResult, group: string) => {
    const seconds = r.closedLoop.others.cpuSeconds[group];
    return seconds === undefined || r.closedLoop.billed === 0 ? null : round((seconds * 1000) / r.closedLoop.billed, 1);
  };
  const header = [
    'workers',
    'billed/min',
    'product CPU ms/enc',
    'server CPU ms/enc',
    "server's PG ms/enc",
    'intake p50/p99 ms',
    'cores busy',
    'load (1 min) start → end',
  ];
  const lines = table.map(({ workers, result: r }) => [
    String(workers),
    String(r.closedLoop.billedPerMinute ?? '-'),
    String(r.closedLoop.cpuMsPerBilled ?? '-'),
    String(perBilled(r, 'Temporal server') ?? '-'),
    String(perBilled(r, "Temporal server's PostgreSQL backends") ?? '-'),
    `${r.closedLoop.intakeMs.p50 ?? '-'} / ${r.closedLoop.intakeMs.p99 ?? '-'}`,
    String(r.closedLoop.others.machineCoresBusy ?? '-'),
    `${load1(r.machine.loadAtClosedLoop)} → ${load1(r.machine.loadAtEnd)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  out();
  out(
    `worker scaling on the cluster profile (Temporal server ${args.shards} shards, PostgreSQL ${new URL(postgresUrl).host}; ${args.encounters} encounters per row, ${args.concurrency} clients, ${args.apis} API process(es), ${args.compiled ? 'production build' : 'sources through tsx'})`,
  );
  out(format(header));
  out(format(widths.map((w) => '-'.repeat(w))));
  for (const l of lines) out(format(l));
  out();
}
