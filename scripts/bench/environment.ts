/**
 * What the lifecycle benchmark runs against: Temporal, PostgreSQL and the two sandboxes, each
 * either an existing one (TEMPORAL_ADDRESS, DATABASE_URL) or one started here, and the product
 * itself as separate processes (N workers, M APIs: app/worker.ts, app/api.ts, as `npm run
 * worker`/`npm run api` run them), so the product's CPU is measured apart from everything else.
 */
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDeploy } from '../../platform/db.ts';
import { startEmbeddedPostgres } from '../../platform/embedded-postgres.ts';
import { generatePayloadKeySpec } from '../../platform/payload-codec.ts';
import { startTemporalDevServer } from '../../platform/temporal-server.ts';
import { startClearinghouseSandbox } from '../../sandbox/clearinghouse/server.ts';
import { startInsurerSandbox } from '../../sandbox/insurer/server.ts';
import { createEmptyServerDatabase } from '../../testkit/database.ts';
import type { ObservedProcesses } from './observed.ts';
import { startNodeProcess, whenLogged, type NodeProcess } from './processes.ts';

export interface EnvironmentOptions {
  /** An existing Temporal frontend; otherwise a dev server is started on portBase+10. */
  temporalAddress?: string;
  namespace: string;
  /** An existing database (migrated here); otherwise a fresh one on databaseServer, or PGlite. */
  databaseUrl?: string;
  /** A PostgreSQL server whose user may create databases: a fresh database is made and dropped. */
  databaseServer?: string;
  portBase: number;
  logDir: string;
}

export interface BenchEnvironment {
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  databaseLabel: string;
  temporalLabel: string;
  insurerUrl: string;
  clearinghouseUrl: string;
  /** The benchmark's own connection for watching stages (not the product's). */
  pool: pg.Pool;
  /** Processes of the work outside the product whose CPU is measured too (scripts/bench/observed.ts). */
  observed: ObservedProcesses[];
  stop(): Promise<void>;
}

const BENCH_APPLICATION_NAME = 'encounterflow-bench';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The server processes serving this database's connections (not the benchmark's own), when the server runs on this machine. */
function databaseBackends(pool: pg.Pool): ObservedProcesses {
  return {
    name: 'PostgreSQL backends',
    pids: async () =>
      (
        await pool.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name <> $1',
          [BENCH_APPLICATION_NAME],
        )
      ).rows.map((r) => r.pid),
  };
}

export async function startEnvironment(opts: EnvironmentOptions): Promise<BenchEnvironment> {
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    let databaseUrl: string;
    let databaseLabel: string;
    if (opts.databaseUrl) {
      databaseUrl = opts.databaseUrl;
      databaseLabel = `existing PostgreSQL database ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`;
    } else if (opts.databaseServer) {
      const created = await createEmptyServerDatabase(opts.databaseServer);
      stops.push(created.drop);
      databaseUrl = created.url;
      databaseLabel = `PostgreSQL server ${new URL(databaseUrl).host} (fresh database, dropped afterwards)`;
    } else {
      const embedded = await startEmbeddedPostgres({ port: opts.portBase + 5 });
      stops.push(embedded.stop);
      databaseUrl = embedded.url;
      databaseLabel = 'PGlite (embedded, in the benchmark process)';
    }
    await migrateDeploy(databaseUrl);
    // Named, so that its own backends are told apart from the product's (observed below).
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: BENCH_APPLICATION_NAME });
    stops.push(() => pool.end());

    const observed: ObservedProcesses[] = [];
    if (databaseLabel.startsWith('PGlite') === false && LOCAL_HOSTS.has(new URL(databaseUrl).hostname))
      observed.push(databaseBackends(pool));

    let temporalAddress = opts.temporalAddress;
    let temporalLabel = `existing Temporal server ${temporalAddress} (namespace ${opts.namespace})`;
    if (!temporalAddress) {
      const dataDir = await mkdtemp(join(tmpdir(), 'encounterflow-bench-temporal-'));
      stops.push(() => rm(dataDir, { recursive: true, force: true }));
      const server = await startTemporalDevServer({ dataDir, port: opts.portBase + 10, namespace: opts.namespace });
      stops.push(server.stop);
      temporalAddress = server.address;
      temporalLabel = `Temporal dev server (temporal CLI, SQLite) on ${temporalAddress}`;
      observed.push({ name: 'Temporal server', pids: async () => [server.pid] });
    }

    const insurer = await startInsurerSandbox({ port: opts.portBase + 20 });
    stops.push(insurer.stop);
    // Accepted claims go on to the insurer sandbox, which adjudicates them: the 835 comes back to the mailbox.
    const clearinghouse = await startClearinghouseSandbox({ port: opts.portBase + 21, payerUrl: insurer.url });
    stops.push(clearinghouse.stop);

    return {
      temporalAddress,
      namespace: opts.namespace,
      databaseUrl,
      databaseLabel,
      temporalLabel,
      insurerUrl: insurer.url,
      clearinghouseUrl: clearinghouse.url,
      pool,
      observed,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Intake tokens, one per simulated clinic: requests rotate over them, so 100 POST/s stays under
 * the API's per-token rate limit (API_RATE_LIMIT_PER_MINUTE) as ten clinics' traffic would.
 */
export const BENCH_INTAKE_TOKENS = Array.from({ length: 10 }, (_, i) => `bench-clinic-${i + 1}-token`);
/** The physician the benchmark's encounters name (testkit's submissions), who answers their queries. */
export const BENCH_PHYSICIAN = { npi: '1234567893', token: 'bench-physician-token' };
export const BENCH_API_TOKENS = [
  ...BENCH_INTAKE_TOKENS.map((token, i) => `${token}=intake:bench-clinic-${i + 1}`),
  `${BENCH_PHYSICIAN.token}=physician:${BENCH_PHYSICIAN.npi}`,
].join(',');

export interface Product {
  apiUrls: string[];
  /** Each worker's SDK metrics (WORKER_METRICS_ADDRESS on --port-base + 40, 41, ...). */
  workerMetricsUrls: string[];
  processes: NodeProcess[];
  pids(): number[];
  stop(): Promise<void>;
}

/** Starts the product as `workers` worker processes and `apis` API processes on one task queue. */
export async function startProduct(
  env: BenchEnvironment,
  opts: {
    workers: number;
    apis: number;
    taskQueue: string;
    portBase: number;
    logDir: string;
    nodeArgs?: string[];
    extraEnv?: Record<string, string>;
    /** Run the production build (`npm run build`: dist/app/*.js, prebuilt workflow bundle) instead of the sources through tsx. */
    compiled?: boolean;
  },
): Promise<Product> {
  const entry = (name: 'worker' | 'api') =>
    opts.compiled
      ? { command: process.execPath, args: [...(opts.nodeArgs ?? []), `dist/app/${name}.js`] }
      : { script: `app/${name}.ts`, nodeArgs: opts.nodeArgs };
  const shared: Record<string, string> = {
    DATABASE_URL: env.databaseUrl,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_NAMESPACE: env.namespace,
    TASK_QUEUE: opts.taskQueue,
    PAYLOAD_ENCRYPTION_KEYS: process.env['PAYLOAD_ENCRYPTION_KEYS'] ?? generatePayloadKeySpec(),
    // Not about coding: confident encounters bill straight through (test calibration), as in the test stacks.
    CODING_STRAIGHT_THROUGH_CALIBRATION: fileURLToPath(new URL('../../testkit/straight-through-test-calibration.json', import.meta.url)),
    API_TOKENS: BENCH_API_TOKENS,
    INSURER_URL: env.insurerUrl,
    CLEARINGHOUSE_URL: env.clearinghouseUrl,
    // An insured encounter is billed once its remittance is posted: the mailbox is read every second, not every 6 h.
    REMITTANCE_POLL_INTERVAL: process.env['REMITTANCE_POLL_INTERVAL'] ?? '1s',
    ...opts.extraEnv,
  };
  const processes: NodeProcess[] = [];
  const stop = async () => {
    // APIs first, then the workers (they drain), as npm start does.
    await Promise.all(processes.filter((p) => p.name.startsWith('api')).map((p) => p.stop()));
    await Promise.all(processes.filter((p) => !p.name.startsWith('api')).map((p) => p.stop()));
  };
  try {
    const workers = await Promise.all(
      Array.from({ length: opts.workers }, (_, i) =>
        startNodeProcess({
          name: `worker-${i + 1}`,
          ...entry('worker'),
          env: { ...shared, WORKER_METRICS_ADDRESS: `127.0.0.1:${workerMetricsPort(opts.portBase, i)}` },
          logDir: opts.logDir,
          ready: whenLogged('worker ready'),
        }),
      ),
    );
    processes.push(...workers);
    const apis = await Promise.all(
      Array.from({ length: opts.apis }, (_, i) =>
        startNodeProcess({
          name: `api-${i + 1}`,
          ...entry('api'),
          env: { ...shared, API_PORT: String(opts.portBase + 30 + i), API_HOST: '127.0.0.1' },
          logDir: opts.logDir,
          ready: whenLogged('api ready'),
        }),
      ),
    );
    processes.push(...apis);
    return {
      apiUrls: apis.map((_, i) => `http://127.0.0.1:${opts.portBase + 30 + i}`),
      workerMetricsUrls: workers.map((_, i) => `http://127.0.0.1:${workerMetricsPort(opts.portBase, i)}/metrics`),
      processes,
      pids: () => processes.map((p) => p.pid),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Worker i's SDK metrics port; the no-op worker's is the one before the first. */
export const workerMetricsPort = (portBase: number, i: number) => portBase + 40 + i;

/** The no-op baseline's worker process (scripts/bench/noop-worker.ts) on its own task queue. */
export async function startNoopWorker(
  env: BenchEnvironment,
  opts: { taskQueue: string; logDir: string; metricsPort: number; extraEnv?: Record<string, string> },
): Promise<NodeProcess> {
  return startNodeProcess({
    name: 'noop-worker',
    script: 'scripts/bench/noop-worker.ts',
    env: {
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_NAMESPACE: env.namespace,
      TASK_QUEUE: opts.taskQueue,
      WORKER_METRICS_ADDRESS: `127.0.0.1:${opts.metricsPort}`,
      ...opts.extraEnv,
    },
    logDir: opts.logDir,
    ready: whenLogged('noop worker ready'),
  });
}
