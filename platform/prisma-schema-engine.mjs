#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary.
// Over 300 lines because Prisma runs this file by path as one self-contained executable.
//
// The Prisma CLI normally downloads a native schema engine and talks to it over stdio.
// This machine cannot download it, so the CLI is pointed here through
// PRISMA_SCHEMA_ENGINE_BINARY. We speak the same protocol and forward every call to
// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), which
// reaches PostgreSQL through @prisma/adapter-pg.
//
// Invocations the CLI makes:
//   --version                                   -> prints "schema-engine-cli <engines hash>"
//   --datasource JSON cli can-connect-to-database|create-database|drop-database
//                                               -> {"result":"ok"} on stdout, exit 0; or a JSON
//                                                  log line with fields.error_code on stderr, exit 1
//   [--datamodels FILE]... [--datasource JSON]  -> JSON-RPC 2.0, one message per line
//
// Never log connection strings: they carry passwords.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);
const ENGINE_ERROR_CODE = 4466;
const PG_CHAR_OID = 18;
const PG_BPCHAR_OID = 1042;

// ---------------------------------------------------------------------------
// Command line

function parseArguments(argv) {
  const options = { datamodelPaths: [], datasource: {}, version: false, cliCommand: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--version':
      case '-V':
        options.version = true;
        break;
      case '--datamodels':
        options.datamodelPaths.push(argv[++i]);
        break;
      case '--datasource':
        options.datasource = JSON.parse(argv[++i] ?? '{}');
        break;
      case '--enabled-preview-features':
      case '--extension-types':
        i++; // accepted for compatibility; the wasm engine reads features from the schema itself
        break;
      case 'cli':
        options.cliCommand = argv[++i] ?? null;
        break;
      default:
        break;
    }
  }
  return options;
}

function enginesHash() {
  const { enginesVersion } = require('@prisma/engines-version');
  return enginesVersion;
}

// ---------------------------------------------------------------------------
// PostgreSQL connections

/**
 * PostgreSQL's internal `"char"` type (OID 18; pg_constraint.contype and friends) has no
 * mapping in adapter-pg 7.10, which then fails with "Column type 'char' could not be
 * deserialized" whenever the engine describes a database. Our pg client reports such
 * columns as bpchar (so adapter-pg accepts them) and remembers where they were; the adapter
 * wrapper below then types them as the adapter's Character column, which the engine reads.
 */
const charColumnsByRows = new WeakMap();

function markCharColumns(result) {
  const charColumns = [];
  (result?.fields ?? []).forEach((field, index) => {
    if (field.dataTypeID !== PG_CHAR_OID) return;
    field.dataTypeID = PG_BPCHAR_OID;
    charColumns.push(index);
  });
  if (charColumns.length > 0 && Array.isArray(result.rows)) charColumnsByRows.set(result.rows, charColumns);
  return result;
}

class CharTolerantClient extends pg.Client {
  query(config, values, callback) {
    // pg-pool calls query(config, values, callback); direct callers use the promise form.
    if (typeof values === 'function') [values, callback] = [undefined, values];
    if (typeof callback === 'function') {
      return super.query(config, values, (error, result) => callback(error, error ? result : markCharColumns(result)));
    }
    const pending = super.query(config, values);
    return pending && typeof pending.then === 'function' ? pending.then(markCharColumns) : pending;
  }
}

function retypeCharColumns(resultSet) {
  for (const index of charColumnsByRows.get(resultSet.rows) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
  return resultSet;
}

function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => retypeCharColumns(await queryRaw(query));
  if (typeof queryable.startTransaction === 'function') {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  }
  return queryable;
}

async function connectAdapter(url) {
  return withCharColumns(await new PrismaPg(poolConfig(url)).connect());
}

function poolConfig(url) {
  return { connectionString: url, Client: CharTolerantClient, max: 4 };
}

function databaseNameOf(url) {
  const name = new URL(url).pathname.replace(/^\//, '');
  return decodeURIComponent(name) || 'postgres';
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = '/' + encodeURIComponent(database);
  return parsed.toString();
}

function quoteIdentifier(name) {
  return '"' + name.replaceAll('"', '""') + '"';
}

/** Empties a database so the engine can replay migrations into it. */
async function resetShadowDatabase(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT nspname FROM pg_namespace
        WHERE nspname NOT IN ('information_schema', 'pg_catalog', 'pg_toast')
          AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'`,
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA ${quoteIdentifier(nspname)} CASCADE`);
    await client.query('CREATE SCHEMA IF NOT EXISTS public');
  } finally {
    await client.end();
  }
}

/**
 * The adapter factory handed to the wasm engine. Main database: adapter-pg as is.
 * Shadow database: the configured shadowDatabaseUrl (emptied first), or a temporary
 * database on the main server whose pool is closed *before* it is dropped (adapter-pg's
 * own connectToShadowDb drops it while still connected, which PostgreSQL refuses).
 */
class MigrationAdapterFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';

  constructor(datasource) {
    this.url = datasource.url;
    this.shadowUrl = datasource.shadowDatabaseUrl;
  }

  requireUrl() {
    if (!this.url) throw new Error(MISSING_URL_MESSAGE);
    return this.url;
  }

  async connect() {
    // The wasm engine connects as soon as it starts, even for commands that never touch a
    // database (`migrate diff --from-empty --to-schema`). Without a url, hand it an adapter
    // that only fails when it is actually used.
    if (!this.url) return unconfiguredAdapter();
    return connectAdapter(this.url);
  }

  async connectToShadowDb() {
    if (this.shadowUrl) {
      await resetShadowDatabase(this.shadowUrl);
      return connectAdapter(this.shadowUrl);
    }
    const mainUrl = this.requireUrl();
    const shadowName = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await runOnServer(mainUrl, `CREATE DATABASE ${quoteIdentifier(shadowName)}`);
    const shadow = await connectAdapter(withDatabase(mainUrl, shadowName));
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await runOnServer(mainUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(shadowName)}`);
    };
    return shadow;
  }
}

const MISSING_URL_MESSAGE = 'No datasource url configured: set DATABASE_URL (read by prisma.config.ts).';

/**
 * Stands in for a database when no url is configured. The wasm engine probes the server
 * version as it starts; we answer that probe as a PostgreSQL 15 server would, so that
 * purely offline commands (`migrate diff --from-empty --to-schema ... --script`) work.
 * Anything else fails with a clear message.
 */
function unconfiguredAdapter() {
  const fail = async () => {
    throw new Error(MISSING_URL_MESSAGE);
  };
  const answerVersionProbe = async (query) => {
    if (!/server_version_num/.test(query.sql)) return fail();
    return {
      columnNames: ['exists', 'version', 'numeric_version'],
      columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
      rows: [[true, 'PostgreSQL 15.0 (no database configured)', 150000]],
    };
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    queryRaw: answerVersionProbe,
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

async function runOnServer(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------
// One-shot `cli` commands

/** Maps a pg/network error to Prisma's user-facing error codes. */
function classifyConnectionError(error, url) {
  const host = safeHost(url);
  const database = safeDatabase(url);
  switch (error?.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return { code: 'P1001', message: `Can't reach database server at \`${host}\`` };
    case '3D000':
      return { code: 'P1003', message: `Database \`${database}\` does not exist on the database server at \`${host}\`.` };
    case '28P01':
    case '28000':
      return { code: 'P1000', message: `Authentication failed against database server at \`${host}\`.` };
    case '42P04':
      return { code: 'P1009', message: `Database \`${database}\` already exists on the database server at \`${host}\`` };
    default:
      return { code: 'P1001', message: `Can't connect to the database server at \`${host}\`: ${error?.code ?? 'unknown error'}` };
  }
}

function safeHost(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return 'unknown host';
  }
}

function safeDatabase(url) {
  try {
    return databaseNameOf(url);
  } catch {
    return 'unknown';
  }
}

async function runCliCommand(command, datasource) {
  const url = datasource.url;
  if (!url) throw Object.assign(new Error('no url'), { code: 'EINVAL' });
  switch (command) {
    case 'can-connect-to-database': {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => {});
      }
      return;
    }
    case 'create-database':
      await runOnServer(withDatabase(url, 'postgres'), `CREATE DATABASE ${quoteIdentifier(databaseNameOf(url))}`);
      return;
    case 'drop-database':
      await runOnServer(withDatabase(url, 'postgres'), `DROP DATABASE IF EXISTS ${quoteIdentifier(databaseNameOf(url))}`);
      return;
    default:
      throw Object.assign(new Error(`Unknown cli command ${command}`), { code: 'EUNKNOWNCMD' });
  }
}

function logLine(level, message, extraFields = {}) {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extraFields },
    target: 'schema_engine::logger',
  });
}

async function mainCli(command, datasource) {
  try {
    await runCliCommand(command, datasource);
    process.stdout.write(JSON.stringify({ result: 'ok' }) + '\n');
    return 0;
  } catch (error) {
    const { code, message } =
      error?.code === 'EUNKNOWNCMD'
        ? { code: 'P1012', message: String(error.message) }
        : classifyConnectionError(error, datasource.url ?? '');
    // The CLI skips the first stderr line and parses every following line as JSON.
    process.stderr.write(logLine('INFO', `Running cli ${command}`) + '\n');
    process.stderr.write(logLine('ERROR', message, { error_code: code }) + '\n');
    return 1;
  }
}

// ---------------------------------------------------------------------------
// The wasm engine

async function loadWasmEngine() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: '',
    set_message(text) {
      this.message = `RuntimeError: ${text}`;
    },
  };
  const packageDir = dirname(require.resolve('@prisma/schema-engine-wasm'));
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(join(packageDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

function engineLog(line) {
  // The wasm engine logs JSON strings in the same shape as the native binary.
  const text = typeof line === 'string' ? line : JSON.stringify(line);
  process.stderr.write(text.endsWith('\n') ? text : text + '\n');
}

/**
 * Errors thrown by JavaScript adapter code reach the wasm engine only as
 * "External error id#N"; the original is kept in the bound factory's registry.
 */
let adapterErrorRegistry = null;
function explain(error) {
  const text = error?.message ?? String(error);
  return text.replace(/External error id#(\d+)/g, (whole, id) => {
    const original = adapterErrorRegistry?.consumeError(Number(id))?.error;
    return original ? `${original.message ?? original}` : whole;
  });
}

/** Turns whatever the wasm engine rejected with into the binary's JSON-RPC error object. */
function toRpcError(error) {
  const panicMessage = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
  const isPanic = Boolean(panicMessage) || error?.panic === true || error instanceof WebAssembly.RuntimeError;
  const message = panicMessage || explain(error);
  return {
    code: ENGINE_ERROR_CODE,
    message: 'An error happened. Check the data field for details.',
    data: {
      is_panic: isPanic,
      message,
      error_code: error?.code ?? error?.error_code ?? null,
      meta: error?.meta ?? null,
      ...(isPanic ? { error: { message } } : {}),
    },
  };
}

/** JSON-RPC server on stdin/stdout. */
async function mainRpc(options) {
  const glue = await loadWasmEngine();
  const datamodels = [];
  for (const path of options.datamodelPaths) datamodels.push([path, await readFile(path, 'utf8')]);
  const factory = bindMigrationAwareSqlAdapterFactory(new MigrationAdapterFactory(options.datasource));
  adapterErrorRegistry = factory.errorRegistry;
  const engine = await glue.SchemaEngine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, engineLog, factory);

  let nextOutgoingId = 1_000_000;
  const awaitingCli = new Map();
  const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');

  /** Asks the CLI to print text (what the native engine does for `migrate diff`). */
  const printThroughCli = (content) =>
    new Promise((resolve) => {
      const id = nextOutgoingId++;
      awaitingCli.set(id, resolve);
      send({ id, method: 'print', params: { content } });
    });

  const methods = {
    getDatabaseVersion: (params) => engine.version(params?.datasource ? params : undefined),
    debugPanic: () => engine.debugPanic(),
    diff: async (params) => {
      const result = await engine.diff(params);
      if (result.stdout !== null && result.stdout !== undefined) await printThroughCli(result.stdout);
      return { exitCode: result.exitCode, stdout: null };
    },
  };

  // Some engine failures (e.g. params that do not deserialize) are thrown from a wasm
  // callback outside any promise chain. Treat them like the native engine's panic: answer the
  // request in flight, then exit with the panic status 101.
  let requestInFlight = null;
  process.on('uncaughtException', (error) => {
    if (requestInFlight !== null) send({ id: requestInFlight, error: toRpcError(Object.assign(error, { panic: true })) });
    process.stderr.write(logLine('ERROR', `schema engine panicked: ${explain(error)}`) + '\n');
    process.exit(101);
  });

  const handle = async (request) => {
    const { id, method, params } = request;
    requestInFlight = id;
    try {
      const call = methods[method] ?? (typeof engine[method] === 'function' ? (p) => engine[method](p) : null);
      if (!call) {
        send({ id, error: { code: -32601, message: `Method not found: ${method}` } });
        return;
      }
      const result = await call(params);
      send({ id, result: result ?? {} });
    } catch (error) {
      send({ id, error: toRpcError(error) });
    } finally {
      requestInFlight = null;
    }
  };

  // Requests run one at a time, in arrival order, like the native engine.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (message.method === undefined) {
      // A reply from the CLI to one of our own requests (the `print` acknowledgement).
      awaitingCli.get(message.id)?.();
      awaitingCli.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  await new Promise((resolve) => lines.once('close', resolve));
  await queue;
  engine.free?.();
  return 0;
}

// ---------------------------------------------------------------------------

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.version) {
    process.stdout.write(`schema-engine-cli ${enginesHash()}\n`);
    return 0;
  }
  if (options.cliCommand) return mainCli(options.cliCommand, options.datasource);
  return mainRpc(options);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(logLine('ERROR', `schema engine shim failed: ${explain(error)}`) + '\n');
    process.exit(1);
  },
);
