// Database access for the service: the generated Prisma client over adapter-pg, and the
// migration step run at start-up. The client is generated into ./generated/prisma by
// `tsx scripts/prisma.ts generate`.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { runPrisma } from './prisma-cli.ts';
import { registerPool } from './sql.ts';

export { PrismaClient };
export type { Prisma } from '../generated/prisma/client.ts';

export interface DatabaseSettings {
  /** Connections per process (node-postgres pool `max`). */
  poolSize: number;
  /** How long a query may wait for a pooled connection (or a new one) before failing: a quick 503, not a hang. */
  connectTimeoutMs: number;
  /** Client-side limit of one query, waiting for the server included. */
  queryTimeoutMs: number;
  /** How long a transaction may wait to start, and how long it may run (Prisma `transactionOptions`). */
  transactionMaxWaitMs: number;
  transactionTimeoutMs: number;
}

export const DEFAULT_DATABASE_SETTINGS: DatabaseSettings = {
  poolSize: 10,
  connectTimeoutMs: 5_000,
  queryTimeoutMs: 30_000,
  transactionMaxWaitMs: 2_000,
  transactionTimeoutMs: 10_000,
};

/**
 * A Prisma client for the PostgreSQL database at databaseUrl (server or embedded PGlite). Every
 * wait is bounded: node-postgres waits for a pooled connection forever by default, which turns
 * an exhausted pool or a restarting server into requests and activities that hang.
 *
 * The pool is ours, handed to the adapter: the hot statements of platform/sql.ts (`sqlOf(prisma)`)
 * share it, so one process holds at most `poolSize` connections. `$disconnect()` ends it.
 */
export function createPrismaClient(databaseUrl: string, settings: DatabaseSettings = DEFAULT_DATABASE_SETTINGS): PrismaClient {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    query_timeout: settings.queryTimeoutMs,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server dropped (a restart) is removed from the pool, and the next query
  // opens another; without a listener its 'error' event would end the process.
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({
    adapter,
    // Any other format makes the client capture a stack trace (new Error) at every query, to point
    // an error message at the calling line: 1.8 % of the worker's main thread in the benchmark's
    // profile. Errors keep their class, code and message, without the calling line's code frame
    // (an activity's failure names only the class and code: worker/interceptors.ts).
    errorFormat: 'minimal',
    transactionOptions: { maxWait: settings.transactionMaxWaitMs, timeout: settings.transactionTimeoutMs },
  });
  registerPool(client, pool);
  return client;
}

/** Removes the password from a connection string so it can appear in messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparseable database url>';
  }
}

/**
 * Applies every pending migration in prisma/migrations (`prisma migrate deploy`).
 * Throws with the CLI's output when the CLI fails.
 */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  const result = await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl, SHADOW_DATABASE_URL: '' });
  if (result.code !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.replaceAll(databaseUrl, redactDatabaseUrl(databaseUrl)).trim();
    throw new Error(`prisma migrate deploy failed (exit code ${result.code}):\n${output}`);
  }
}
