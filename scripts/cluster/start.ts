/**
 * The cluster profile as a function: the real Temporal server with PostgreSQL persistence and
 * visibility (databases created and migrated on a PostgreSQL server), the namespace and the
 * encounter search attributes, the product's own database migrated, and optionally the insurer
 * and clearinghouse sandboxes with N worker and M API processes. Used by `npm run cluster`
 * (scripts/cluster.ts) and `npm run bench:cluster` (scripts/bench-cluster.ts).
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { migrateDeploy } from '../../platform/db.ts';
import { loadOrCreatePayloadKeyFile } from '../../platform/payload-codec.ts';
import { encounterSearchAttributes } from '../../platform/search-attributes.ts';
import { ensureTemporalCli } from '../../platform/temporal-cli.ts';
import { startClearinghouseSandbox } from '../../sandbox/clearinghouse/server.ts';
import { startInsurerSandbox } from '../../sandbox/insurer/server.ts';
import { BENCH_API_TOKENS } from '../bench/environment.ts';
import type { ObservedProcesses } from '../bench/observed.ts';
import { startNodeProcess, whenLogged, type NodeProcess } from '../bench/processes.ts';
import { ensureServerTools } from './server-build.ts';
import { frontendPort, metricsPort, writeServerConfig } from './server-config.ts';

const run = promisify(execFile);

export interface ClusterDatabases {
  /** Temporal's persistence (histories, tasks, timers). */
  persistence: string;
  /** Temporal's visibility (list/search of workflows). */
  visibility: string;
  /** The product's own database. */
  product: string;
}

/** Database names from CLUSTER_PERSISTENCE_DATABASE, CLUSTER_VISIBILITY_DATABASE, CLUSTER_DATABASE_NAME. */
export function clusterDatabasesFromEnv(env: NodeJS.ProcessEnv = process.env): ClusterDatabases {
  return {
    persistence: env['CLUSTER_PERSISTENCE_DATABASE'] || 'temporal',
    visibility: env['CLUSTER_VISIBILITY_DATABASE'] || 'temporal_visibility',
    product: env['CLUSTER_DATABASE_NAME'] || 'encounterflow',
  };
}

/** A benchmark's own databases: <prefix>_temporal, <prefix>_visibility, <prefix>_encounterflow. */
export function prefixedClusterDatabases(prefix: string): ClusterDatabases {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error('--database-prefix: lower-case letters, digits and _');
  return { persistence: `${prefix}_temporal`, visibility: `${prefix}_visibility`, product: `${prefix}_encounterflow` };
}

/** PostgreSQL for a benchmark's cluster: CLUSTER_POSTGRES_URL, else TEST_DATABASE_URL, else the local default. */
export const benchClusterPostgresUrl = (env: NodeJS.ProcessEnv = process.env) =>
  env['CLUSTER_POSTGRES_URL'] || env['TEST_DATABASE_URL'] || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** Drops the three databases (a benchmark's fresh start; startCluster creates and migrates them again). */
export async function dropClusterDatabases(admin: pg.Client, databases: ClusterDatabases): Promise<void> {
  for (const name of Object.values(databases)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/**
 * The Temporal server's process and its own PostgreSQL backends (persistence and visibility), whose
 * CPU a benchmark measures beside the product's; the backends only when PostgreSQL runs on this machine.
 */
export function clusterServerObserved(
  cluster: Cluster,
  admin: pg.Client,
  postgresUrl: string,
  databases: ClusterDatabases,
): ObservedProcesses[] {
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(postgresUrl).hostname);
  const server: ObservedProcesses = { name: 'Temporal server', pids: async () => [cluster.serverPid] };
  if (!local) return [server];
  const backends: ObservedProcesses = {
    name: "Temporal server's PostgreSQL backends",
    pids: async () =>
      (
        await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)', [
          [databases.persistence, databases.visibility],
        ])
      ).rows.map((r) => r.pid),
  };
  return [server, backends];
}

export interface ClusterOptions {
  /** A PostgreSQL server whose user may create databases (CLUSTER_POSTGRES_URL). */
  postgresUrl: string;
  databases: ClusterDatabases;
  shards: number;
  portBase: number;
  namespace: string;
  /** Server config, logs and the payload key file. */
  dataDir: string;
  /** Worker and API processes; 0 and 0 = the server only (a benchmark brings its own). */
  workers: number;
  apis: number;
  log: (line: string) => void;
}

export interface Cluster {
  address: string;
  namespace: string;
  databaseUrl: string;
  serverPid: number;
  serverLogFile: string;
  /** The environment a worker or API process needs to join (PAYLOAD_ENCRYPTION_KEYS and API_TOKENS included). */
  productEnv: Record<string, string>;
  apiUrls: string[];
  /** Stops what was started, in reverse order: APIs, workers (draining), sandboxes, server. */
  stop(): Promise<void>;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const stops: Array<{ name: string; stop: () => Promise<unknown> }> = [];
  const stop = async () => {
    for (const { name, stop: s } of stops.splice(0).reverse()) {
      await s().catch((err: unknown) => opts.log(`stopping ${name} failed: ${(err as Error).message}`));
      opts.log(`${name} stopped`);
    }
  };
  try {
    const postgresUrl = new URL(opts.postgresUrl);
    const postgres = {
      host: postgresUrl.hostname,
      port: Number(postgresUrl.port || 5432),
      user: decodeURIComponent(postgresUrl.username),
      password: decodeURIComponent(postgresUrl.password),
    };
    const address = `127.0.0.1:${frontendPort(opts.portBase)}`;
    await mkdir(opts.dataDir, { recursive: true });
    const tools = await ensureServerTools(opts.log);

    // Persistence and visibility schemas, created or brought up to date (both steps are idempotent).
    const schema = join(tools.moduleDir, 'schema', 'postgresql', 'v12');
    for (const [database, dir] of [
      [opts.databases.persistence, 'temporal'],
      [opts.databases.visibility, 'visibility'],
    ] as const) {
      const sql = (...more: string[]) =>
        run(tools.sql, [
          ...['--plugin', 'postgres12', '--ep', postgres.host, '-p', String(postgres.port)],
          ...['-u', postgres.user, '--pw', postgres.password, '--db', database],
          ...more,
        ]);
      await sql('create-database').catch(() => undefined); // exists already
      await sql('setup-schema', '-v', '0.0').catch(() => undefined); // set up already
      await sql('update-schema', '-d', join(schema, dir, 'versioned'));
      opts.log(`schema ${database} up to date`);
    }
    const admin = new pg.Client({ connectionString: postgresUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${opts.databases.product}"`).catch(() => undefined); // exists already
    await admin.end();
    const databaseUrl = Object.assign(new URL(postgresUrl.toString()), { pathname: `/${opts.databases.product}` }).toString();
    await migrateDeploy(databaseUrl);
    opts.log(`product database ${opts.databases.product} migrated`);

    const configDir = await writeServerConfig({
      dir: opts.dataDir,
      postgres,
      databases: { persistence: opts.databases.persistence, visibility: opts.databases.visibility },
      historyShards: opts.shards,
      portBase: opts.portBase,
    });
    const cli = await ensureTemporalCli();
    const server = await startNodeProcess({
      name: 'temporal-server',
      command: tools.server,
      // --config is taken relative to --root.
      args: ['--root', opts.dataDir, '--config', relative(opts.dataDir, configDir), '--env', 'development', 'start'],
      env: {},
      logDir: opts.dataDir,
      ready: async () => {
        try {
          await run(cli, ['operator', 'cluster', 'health', '--address', address]);
          return true;
        } catch {
          return false;
        }
      },
    });
    stops.push({ name: 'Temporal server', stop: () => server.stop() });
    await run(cli, ['operator', 'namespace', 'create', '--address', address, '-n', opts.namespace, '--retention', '72h']).catch(
      () => undefined,
    );
    for (const key of encounterSearchAttributes) {
      const type = key.type === 'DATETIME' ? 'Datetime' : 'Keyword';
      await run(cli, [
        ...['operator', 'search-attribute', 'create', '--address', address, '-n', opts.namespace],
        ...['--name', key.name, '--type', type],
      ]).catch(() => undefined);
    }
    opts.log(
      `Temporal server ${address} ready (${opts.shards} history shards, PostgreSQL persistence ${opts.databases.persistence} and visibility ${opts.databases.visibility}; metrics http://127.0.0.1:${metricsPort(opts.portBase)}/metrics; log ${server.logFile})`,
    );

    const { spec: payloadKeys } = await loadOrCreatePayloadKeyFile(join(opts.dataDir, 'payload-keys'));
    const productEnv: Record<string, string> = {
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: opts.namespace,
      DATABASE_URL: databaseUrl,
      PAYLOAD_ENCRYPTION_KEYS: payloadKeys,
      API_TOKENS: process.env['API_TOKENS'] ?? BENCH_API_TOKENS,
    };
    const apiUrls: string[] = [];
    if (opts.workers + opts.apis > 0) {
      const insurer = await startInsurerSandbox({ port: opts.portBase + 20 });
      stops.push({ name: 'insurer sandbox', stop: insurer.stop });
      const clearinghouse = await startClearinghouseSandbox({ port: opts.portBase + 21, payerUrl: insurer.url });
      stops.push({ name: 'clearinghouse sandbox', stop: clearinghouse.stop });
      Object.assign(productEnv, { INSURER_URL: insurer.url, CLEARINGHOUSE_URL: clearinghouse.url });
      const started: NodeProcess[] = [];
      for (let i = 0; i < opts.workers; i++) {
        const worker = await startNodeProcess({
          name: `worker-${i + 1}`,
          script: 'app/worker.ts',
          env: productEnv,
          logDir: opts.dataDir,
          ready: whenLogged('worker ready'),
        });
        started.push(worker);
        stops.push({ name: worker.name, stop: () => worker.stop() });
      }
      for (let i = 0; i < opts.apis; i++) {
        const port = opts.portBase + 30 + i;
        const api = await startNodeProcess({
          name: `api-${i + 1}`,
          script: 'app/api.ts',
          env: { ...productEnv, API_PORT: String(port) },
          logDir: opts.dataDir,
          ready: whenLogged('api ready'),
        });
        stops.push({ name: api.name, stop: () => api.stop() });
        apiUrls.push(`http://127.0.0.1:${port}`);
      }
    }
    return {
      address,
      namespace: opts.namespace,
      databaseUrl,
      serverPid: server.pid,
      serverLogFile: server.logFile,
      productEnv,
      apiUrls,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
