// Database access for the service: the generated Prisma client over adapter-pg, and the
// migration step run at start-up. The client is generated into ./generated/prisma by
// `tsx scripts/prisma.ts generate`.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { runPrisma } from './prisma-cli.ts';

export { PrismaClient };
export type { Prisma } from '../generated/prisma/client.ts';

/** A Prisma client for the PostgreSQL database at databaseUrl (server or embedded PGlite). */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
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
