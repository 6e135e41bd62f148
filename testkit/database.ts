// A fresh, migrated database for one test file.
//
// With TEST_DATABASE_URL (a PostgreSQL superuser URL, e.g. postgres://postgres@127.0.0.1:5432/postgres)
// a uniquely named database is created on that server and dropped afterwards. Without it, an
// in-memory embedded PGlite is started and stopped afterwards.
//
//   const db = await createTestDatabase();   // in beforeAll
//   await db.prisma.encounter.findMany();
//   await db.drop();                         // in afterAll
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient, migrateDeploy } from '../platform/db.ts';
import type { PrismaClient } from '../platform/db.ts';
import { startEmbeddedPostgres } from '../platform/embedded-postgres.ts';
import { loadPayerDirectory } from '../payers/directory.ts';
import { syncPayerDirectory } from '../payers/sync.ts';

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  /** Which kind of database this is, for test names. */
  kind: 'embedded' | 'server';
  drop(): Promise<void>;
}

/** How long a test waits for TEST_DATABASE_URL's server to accept a connection (a server that is up takes well under a second). */
const SERVER_CONNECT_TIMEOUT_MS = 15_000;
/** What to do about a TEST_DATABASE_URL that names no usable server. */
const SERVER_URL_HELP = 'set it to a PostgreSQL superuser URL (postgres://user@host:5432/postgres), or unset it to use embedded PGlite';

/**
 * The PostgreSQL server tests may use, if CI (or you) configured one. A value that is not a
 * postgres:// or postgresql:// URL throws at once, naming the variable (without its value, which
 * may hold a password), instead of failing later in a hook with a resolver's error.
 */
export function serverDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL || undefined;
  if (url !== undefined && !URL.canParse(url)) throw new Error(`TEST_DATABASE_URL is not a URL: ${SERVER_URL_HELP}`);
  if (url !== undefined && !/^postgres(?:ql)?:$/.test(new URL(url).protocol)) {
    throw new Error(`TEST_DATABASE_URL is not a postgres:// URL: ${SERVER_URL_HELP}`);
  }
  return url;
}

export function databaseUrlWithName(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = '/' + database;
  return url.toString();
}

async function runSql(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: SERVER_CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    const { hostname, port } = new URL(serverUrl);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`No PostgreSQL server of TEST_DATABASE_URL answered at ${hostname}:${port || 5432} (${reason}): ${SERVER_URL_HELP}`, {
      cause: error,
    });
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty, uniquely named database on the server; returns its URL and a dropper. */
export async function createEmptyServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `encounterflow_test_${randomBytes(6).toString('hex')}`;
  await runSql(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: databaseUrlWithName(serverUrl, name),
    drop: () => runSql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A migrated database on the PostgreSQL server at serverUrl. */
export async function createServerTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const empty = await createEmptyServerDatabase(serverUrl);
  try {
    await migrateDeploy(empty.url);
  } catch (error) {
    await empty.drop();
    throw error;
  }
  const prisma = createPrismaClient(empty.url);
  return {
    url: empty.url,
    prisma,
    kind: 'server',
    drop: async () => {
      await prisma.$disconnect();
      await empty.drop();
    },
  };
}

/** A migrated in-memory PGlite database. */
export async function createEmbeddedTestDatabase(): Promise<TestDatabase> {
  const server = await startEmbeddedPostgres({});
  try {
    await migrateDeploy(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const prisma = createPrismaClient(server.url);
  return {
    url: server.url,
    prisma,
    kind: 'embedded',
    drop: async () => {
      await prisma.$disconnect();
      await server.stop();
    },
  };
}

/** A migrated database (on TEST_DATABASE_URL's server when set, otherwise embedded PGlite) holding the shipped payer directory. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = serverDatabaseUrl();
  const db = await (serverUrl ? createServerTestDatabase(serverUrl) : createEmbeddedTestDatabase());
  await syncPayerDirectory(db.prisma, loadPayerDirectory());
  return db;
}
