/**
 * `npm run cluster`: the product on a real Temporal cluster instead of the dev server — the
 * scale-out profile, scripted (not part of npm start). It
 *
 * 1. builds the Temporal server and its SQL tool from the Go module proxy into .tools/ (once);
 * 2. creates and migrates the persistence and visibility databases on a PostgreSQL server
 *    (CLUSTER_POSTGRES_URL, default postgres://postgres:postgres@127.0.0.1:5432/postgres, whose
 *    user may create databases) and the product's own database (`encounterflow`);
 * 3. runs the server (all services in one process, --shards history shards, PostgreSQL
 *    persistence and visibility) with the namespace and the encounter search attributes;
 * 4. runs the insurer and clearinghouse sandboxes, --workers worker processes and --apis API
 *    processes (app/worker.ts, app/api.ts: what `npm run worker`/`npm run api` run), and prints
 *    the environment to point more of them, or `npm run bench`, at it;
 * 5. stops everything in order on Ctrl-C (APIs, workers after draining, sandboxes, server).
 *
 *   npm run cluster -- [--workers 2] [--apis 1] [--shards 4] [--port-base 27060] [--server-only]
 *
 * Database names: CLUSTER_PERSISTENCE_DATABASE (temporal), CLUSTER_VISIBILITY_DATABASE
 * (temporal_visibility), CLUSTER_DATABASE_NAME (encounterflow). The server binaries are looked
 * for in ENCOUNTERFLOW_TOOLS_DIR/temporal-server (default .tools/temporal-server).
 * State (server config, logs, payload key) lives in DATA_DIR/cluster (default .data/cluster).
 * The same profile as a function: scripts/cluster/start.ts (npm run bench:cluster uses it).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clusterDatabasesFromEnv, startCluster, type Cluster } from './cluster/start.ts';
import { freePortBase } from './bench/ports.ts';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    apis: { type: 'string', default: '1' },
    shards: { type: 'string', default: '4' },
    'port-base': { type: 'string', default: '27060' },
    'server-only': { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`[cluster ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const dataDir = resolve(process.env['DATA_DIR'] ?? '.data', 'cluster');
const workers = args['server-only'] ? 0 : Number(args.workers);
const apis = args['server-only'] ? 0 : Number(args.apis);

let cluster: Cluster | undefined;
let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await cluster?.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  // The server's ports (+0..9), the sandboxes (+20/21) and the APIs (+30..), below the ephemeral range.
  const portBase = await freePortBase(Number(args['port-base']), 30 + Math.max(apis, 1), log);
  cluster = await startCluster({
    postgresUrl: process.env['CLUSTER_POSTGRES_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
    databases: clusterDatabasesFromEnv(),
    shards: Number(args.shards),
    portBase,
    namespace: process.env['TEMPORAL_NAMESPACE'] ?? 'default',
    dataDir,
    workers,
    apis,
    log,
  });
  if (workers + apis > 0) log(`${workers} worker(s), ${apis} API(s) on ${cluster.apiUrls.join(', ')}; logs in ${dataDir}`);
  log('more workers or a benchmark against this cluster:');
  // The key itself is never printed: it is read from its file (mode 0600).
  process.stdout.write(
    Object.entries(cluster.productEnv)
      .filter(([k]) => k !== 'API_TOKENS' && k !== 'PAYLOAD_ENCRYPTION_KEYS')
      .map(([k, v]) => `export ${k}='${v}'`)
      .join('\n') +
      `\nexport PAYLOAD_ENCRYPTION_KEYS="$(cat '${join(dataDir, 'payload-keys')}')"` +
      `\n# npm run worker    # one more worker (API_TOKENS needed for npm run api)\n# npm run bench -- --workers 2   # the benchmark starts its own workers and APIs on this cluster\n`,
  );
  log('running; Ctrl-C stops everything');
} catch (error) {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  await stopAll(1);
}
