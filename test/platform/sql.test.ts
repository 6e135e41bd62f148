/**
 * The hot statements' runner (platform/sql.ts) shares the Prisma client's pool: with a pool of one
 * connection, Prisma's queries and the runner's are served by the same server process. Outside
 * UTC, it reads timestamp and date columns as Prisma does; a named statement is prepared once per connection, also where
 * connections share one backend (PGlite); inside an interactive transaction it
 * sends through the transaction; a taken unique key is a unique violation.
 */
process.env.TZ = 'Asia/Tokyo';

import { describe, expect, it } from 'vitest';
import { Prisma } from '../../generated/prisma/client.ts';
import { DEFAULT_DATABASE_SETTINGS, createPrismaClient } from '../../platform/db.ts';
import { startEmbeddedPostgres } from '../../platform/embedded-postgres.ts';
import { isUniqueViolation, sqlOf } from '../../platform/sql.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';

const db = useTestDatabase();

describe('the raw statement runner', () => {
  it("uses the Prisma client's own pool (one connection limit for both)", async () => {
    const prisma = createPrismaClient(db.url, { ...DEFAULT_DATABASE_SETTINGS, poolSize: 1 });
    try {
      const pid = Prisma.sql`SELECT pg_backend_pid() AS pid`;
      const [viaPrisma] = await prisma.$queryRaw<Array<{ pid: number }>>(pid);
      const [viaRunner] = await sqlOf(prisma).query<{ pid: number }>(pid);
      expect(viaRunner?.pid).toBe(viaPrisma?.pid);
      // Both at once on one connection: the second waits for the first, and both are answered.
      const both = await Promise.all([prisma.$queryRaw<Array<{ pid: number }>>(pid), sqlOf(prisma).query<{ pid: number }>(pid)]);
      expect(both.map(([row]) => row?.pid)).toEqual([viaPrisma?.pid, viaPrisma?.pid]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('sends a named statement as a prepared statement of the connection, parsed once', async () => {
    const prisma = createPrismaClient(db.url, { ...DEFAULT_DATABASE_SETTINGS, poolSize: 1 });
    try {
      const twice = (n: number) => Prisma.sql`SELECT ${n}::int * 2 AS doubled`;
      const answers = [];
      for (const n of [1, 2, 3]) answers.push(...(await sqlOf(prisma).query<{ doubled: number }>(twice(n), { prepared: 'test_twice' })));
      expect(answers.map((row) => row.doubled)).toEqual([2, 4, 6]);
      // The pool's one connection holds it, prepared over the protocol (not a PREPARE statement).
      const prepared = await sqlOf(prisma).query<{ name: string; from_sql: boolean }>(
        Prisma.sql`SELECT name, from_sql FROM pg_prepared_statements WHERE name LIKE ${'test_twice%'}::text`,
      );
      expect(prepared).toEqual([{ name: expect.stringMatching(/^test_twice_\d+$/), from_sql: false }]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('prepares a named statement on several connections that share one backend (the embedded PGlite)', async () => {
    const embedded = await startEmbeddedPostgres();
    const prisma = createPrismaClient(embedded.url, { ...DEFAULT_DATABASE_SETTINGS, poolSize: 3 });
    try {
      const triple = (n: number) => Prisma.sql`SELECT ${n}::int * 3 AS tripled`;
      // Three at once: three connections, each preparing the statement on the one PGlite session
      // (the second one's Parse was refused with 42P05 while the name was the same on all).
      const answers = await Promise.all(
        [1, 2, 3].map((n) => sqlOf(prisma).query<{ tripled: number }>(triple(n), { prepared: 'test_triple' })),
      );
      expect(answers.map(([row]) => row?.tripled)).toEqual([3, 6, 9]);
      const again = await Promise.all(
        [4, 5, 6].map((n) => sqlOf(prisma).query<{ tripled: number }>(triple(n), { prepared: 'test_triple' })),
      );
      expect(again.map(([row]) => row?.tripled)).toEqual([12, 15, 18]);
    } finally {
      await prisma.$disconnect();
      await embedded.stop();
    }
  });

  it('reads timestamps and dates as UTC outside UTC, as Prisma does', async () => {
    const [row] = await sqlOf(db.prisma).query<{ at: Date; day: Date; doc: unknown }>(
      Prisma.sql`SELECT ${new Date('2026-03-01T23:30:00.000Z')}::timestamp(3) AS at, ${'2026-03-01'}::date AS day, ${JSON.stringify({ a: [1] })}::jsonb AS doc`,
    );
    expect(row?.at.toISOString()).toBe('2026-03-01T23:30:00.000Z');
    expect(row?.day.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(row?.doc).toEqual({ a: [1] });
  });

  it('sends through an interactive transaction when given its client', async () => {
    const name = `TX-PAYER-${Date.now()}`;
    await expect(
      db.prisma.$transaction(async (tx) => {
        await sqlOf(tx).execute(Prisma.sql`INSERT INTO "Payer" ("id", "name") VALUES (${name}, ${name})`);
        const seen = await tx.payer.count({ where: { id: name } });
        throw new Error(`seen ${seen}, rolled back`);
      }),
    ).rejects.toThrow('seen 1, rolled back');
    expect(await db.prisma.payer.count({ where: { id: name } })).toBe(0);
  });

  it('says a taken unique key is a unique violation', async () => {
    const name = `DUP-PAYER-${Date.now()}`;
    const insert = Prisma.sql`INSERT INTO "Payer" ("id", "name") VALUES (${name}, ${name})`;
    expect(await sqlOf(db.prisma).execute(insert)).toBe(1);
    const error = await sqlOf(db.prisma)
      .execute(insert)
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('connection refused'))).toBe(false);
  });
});
