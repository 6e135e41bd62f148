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
 *   npm run cluster -- [--workers 2] [--apis 1] [--shards 4] [--port-base 36060] [--server-only]
 *
 * State (server config, logs, payload key) lives in DATA_DIR/cluster (default .data/cluster).
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { migrateDeploy } from '../platform/db.ts';
import { loadOrCreatePayloadKeyFile } from '../platform/payload-codec.ts';
import { encounterSearchAttributes } from '../platform/search-attributes.ts';
import { ensureTemporalCli } from '../platform/temporal-cli.ts';
import { startClearinghouseSandbox } from '../sandbox/clearinghouse/server.ts';
import { startInsurerSandbox } from '../sandbox/insurer/server.ts';
import { startNodeProcess, whenLogged, type NodeProcess } from './bench/processes.ts';
import { ensureServerTools } from './cluster/server-build.ts';
import { frontendPort, metricsPort, writeServerConfig } from './cluster/server-config.ts';
import { BENCH_API_TOKENS } from './bench/environment.ts';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    apis: { type: 'string', default: '1' },
    shards: { type: 'string', default: '4' },
    'port-base': { type: 'string', default: '36060' },
    'server-only': { type: 'boolean', default: false },
  },
});
const workers = Number(args.workers);
const apis = Number(args.apis);
const portBase = Number(args['port-base']);
const shards = Number(args.shards);
const log = (line: string) => process.stderr.write(`[cluster ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const run = promisify(execFile);

const postgresUrl = new URL(process.env['CLUSTER_POSTGRES_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres');
const postgres = {
  host: postgresUrl.hostname,
  port: Number(postgresUrl.port || 5432),
  user: decodeURIComponent(postgresUrl.username),
  password: decodeURIComponent(postgresUrl.password),
};
const databaseUrlFor = (name: string) => Object.assign(new URL(postgresUrl.toString()), { pathname: `/${name}` }).toString();
const dataDir = resolve(process.env['DATA_DIR'] ?? '.data', 'cluster');
const namespace = process.env['TEMPORAL_NAMESPACE'] ?? 'default';
const address = `127.0.0.1:${frontendPort(portBase)}`;

const stops: Array<{ name: string; stop: () => Promise<unknown> }> = [];
let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const { name, stop } of stops.reverse()) {
      await stop().catch((err: unknown) => log(`stopping ${name} failed: ${(err as Error).message}`));
      log(`${name} stopped`);
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  await mkdir(dataDir, { recursive: true });
  const tools = await ensureServerTools(log);

  // Persistence and visibility schemas, created or brought up to date (both steps are idempotent).
  const schema = join(tools.moduleDir, 'schema', 'postgresql', 'v12');
  for (const [database, dir] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ] as const) {
    const sql = (...more: string[]) =>
      run(tools.sql, [
        '--plugin',
        'postgres12',
        '--ep',
        postgres.host,
        '-p',
        String(postgres.port),
        '-u',
        postgres.user,
        '--pw',
        postgres.password,
        '--db',
        database,
        ...more,
      ]);
    await sql('create-database').catch(() => undefined); // exists already
    await sql('setup-schema', '-v', '0.0').catch(() => undefined); // set up already
    await sql('update-schema', '-d', join(schema, dir, 'versioned'));
    log(`schema ${database} up to date`);
  }
  const productDatabase = process.env['CLUSTER_DATABASE_NAME'] ?? 'encounterflow';
  const admin = new pg.Client({ connectionString: postgresUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${productDatabase}"`).catch(() => undefined); // exists already
  await admin.end();
  const databaseUrl = databaseUrlFor(productDatabase);
  await migrateDeploy(databaseUrl);
  log(`product database ${productDatabase} migrated`);

  const configDir = await writeServerConfig({
    dir: dataDir,
    postgres,
    databases: { persistence: 'temporal', visibility: 'temporal_visibility' },
    historyShards: shards,
    portBase,
  });
  const server = await startNodeProcess({
    name: 'temporal-server',
    command: tools.server,
    // --config is taken relative to --root.
    args: ['--root', dataDir, '--config', relative(dataDir, configDir), '--env', 'development', 'start'],
    env: {},
    logDir: dataDir,
    ready: async () => {
      try {
        await run(await ensureTemporalCli(), ['operator', 'cluster', 'health', '--address', address]);
        return true;
      } catch {
        return false;
      }
    },
  });
  stops.push({ name: 'Temporal server', stop: () => server.stop() });
  const cli = await ensureTemporalCli();
  await run(cli, ['operator', 'namespace', 'create', '--address', address, '-n', namespace, '--retention', '72h']).catch(() => undefined);
  for (const key of encounterSearchAttributes) {
    const type = key.type === 'DATETIME' ? 'Datetime' : 'Keyword';
    await run(cli, [
      'operator',
      'search-attribute',
      'create',
      '--address',
      address,
      '-n',
      namespace,
      '--name',
      key.name,
      '--type',
      type,
    ]).catch(() => undefined);
  }
  log(
    `Temporal server ${address} ready (${shards} history shards, PostgreSQL persistence and visibility; metrics http://127.0.0.1:${metricsPort(portBase)}/metrics; log ${server.logFile})`,
  );

  const { spec: payloadKeys } = await loadOrCreatePayloadKeyFile(join(dataDir, 'payload-keys'));
  const insurer = await startInsurerSandbox({ port: portBase + 20 });
  stops.push({ name: 'insurer sandbox', stop: insurer.stop });
  const clearinghouse = await startClearinghouseSandbox({ port: portBase + 21 });
  stops.push({ name: 'clearinghouse sandbox', stop: clearinghouse.stop });
  const productEnv: Record<string, string> = {
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: namespace,
    DATABASE_URL: databaseUrl,
    PAYLOAD_ENCRYPTION_KEYS: payloadKeys,
    API_TOKENS: process.env['API_TOKENS'] ?? BENCH_API_TOKENS,
    INSURER_URL: insurer.url,
    CLEARINGHOUSE_URL: clearinghouse.url,
  };
  if (!args['server-only']) {
    const started: NodeProcess[] = [];
    for (let i = 0; i < workers; i++) {
      started.push(
        await startNodeProcess({
          name: `worker-${i + 1}`,
          script: 'app/worker.ts',
          env: productEnv,
          logDir: dataDir,
          ready: whenLogged('worker ready'),
        }),
      );
    }
    for (let i = 0; i < apis; i++) {
      started.push(
        await startNodeProcess({
          name: `api-${i + 1}`,
          script: 'app/api.ts',
          env: { ...productEnv, API_PORT: String(portBase + 30 + i) },
          logDir: dataDir,
          ready: whenLogged('api ready'),
        }),
      );
    }
    const ordered = [...started.filter((p) => p.name.startsWith('worker')), ...started.filter((p) => p.name.startsWith('api'))];
    for (const p of ordered) stops.push({ name: p.name, stop: () => p.stop() });
    log(
      `${workers} worker(s), ${apis} API(s) on ${Array.from({ length: apis }, (_, i) => `http://127.0.0.1:${portBase + 30 + i}`).join(', ')}; logs in ${dataDir}`,
    );
  }
  log('more workers or a benchmark against this cluster:');
  // The key itself is never printed: it is read from its file (mode 0600).
  process.stdout.write(
    Object.entries(productEnv)
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
