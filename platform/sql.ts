/**
 * The activities' hot statements, sent through node-postgres on the Prisma client's own pool
 * (createPrismaClient hands PrismaPg the pool it creates, so there is one pool and one
 * connection limit per process).
 *
 * Why: a statement sent through the Prisma client costs about 0.65 ms of CPU (the query
 * interpreter, argument and result mapping), the same statement through node-postgres about 0.25
 * ms (issue 12's profiles), and a routine visit sends about 30 of them. Prisma stays for the rest:
 * the schema, migrations, rare writes, interactive transactions.
 *
 * Statements are `Prisma.sql` templates: every value is a bound parameter ($1, $2, ...), never
 * text in the statement. Table and column names come from our own code.
 *
 * Values and rows as Prisma has them: a Date is sent as its UTC time (a `timestamp(3)` column
 * holds UTC, whatever the process's time zone), and `timestamp` and `date` columns are read back
 * as UTC Dates (node-postgres would read them in the process's local time). JSON columns are
 * parsed; int8 and numeric arrive as text (none of the statements here read them).
 *
 * `sqlOf(db)` answers the runner of a client made by createPrismaClient; for any other client
 * (an interactive transaction's), a runner that sends the same statement through it, so a
 * statement inside a transaction stays in that transaction.
 */
import pg from 'pg';
import type { Prisma } from '../generated/prisma/client.ts';

export interface SqlRunner {
  /**
   * The rows the statement answers. `prepared`: a name for a statement whose text never changes
   * (one per call site), sent as a prepared statement: each pooled connection parses it once, and
   * PostgreSQL may keep its plan instead of planning it at every call (the intake statement: the
   * database's CPU 4.3 → 1.2 ms a call). Through a transaction's client it is sent as it is.
   */
  query<T>(statement: Prisma.Sql, options?: { prepared?: string }): Promise<T[]>;
  /** The number of rows the statement wrote. */
  execute(statement: Prisma.Sql): Promise<number>;
}

/** A PrismaClient or an interactive transaction's client. */
export type Db = Pick<Prisma.TransactionClient, '$executeRaw' | '$queryRaw'>;

const TIMESTAMP = 1114;
const DATE = 1082;
/** A `timestamp` column's text (or its JSON text, to_jsonb) as the UTC time it holds. */
export const utcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
/** A `date` column's text (YYYY-MM-DD) as that day's UTC midnight, as Prisma reads it. */
export const utcDate = (text: string) => new Date(`${text}T00:00:00Z`);

/** Rows' types as Prisma reads them; everything else node-postgres' defaults. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP) return utcTimestamp;
    if (oid === DATE) return utcDate;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** A value as a bound parameter: a Date as its ISO text in UTC (as Prisma writes it), undefined as NULL. */
export function sqlParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** Each pooled connection's own number, part of the names of the statements prepared on it. */
const connectionSerials = new WeakMap<pg.PoolClient, number>();
let lastConnectionSerial = 0;

function poolRunner(pool: pg.Pool): SqlRunner {
  const config = (statement: Prisma.Sql) => ({ text: statement.text, values: statement.values.map(sqlParameter), types });
  const run = async (statement: Prisma.Sql, name?: string) => {
    if (name === undefined) return pool.query(config(statement));
    // A prepared statement's name is the connection's own (name_serial): two connections never
    // prepare the same name on one server session, which is what happens where several
    // connections share one backend (the embedded PGlite, platform/embedded-postgres.ts; a
    // pooler in transaction mode), where the second one's Parse failed with 42P05 (already exists).
    const client = await pool.connect();
    let serial = connectionSerials.get(client);
    if (serial === undefined) connectionSerials.set(client, (serial = ++lastConnectionSerial));
    try {
      const result = await client.query({ ...config(statement), name: `${name}_${serial}` });
      client.release();
      return result;
    } catch (error) {
      // As pool.query does: a connection whose query failed is not reused.
      client.release(error as Error);
      throw error;
    }
  };
  return {
    async query<T>(statement: Prisma.Sql, options?: { prepared?: string }) {
      return (await run(statement, options?.prepared)).rows as T[];
    },
    async execute(statement: Prisma.Sql) {
      return (await run(statement)).rowCount ?? 0;
    },
  };
}

function prismaRunner(db: Db): SqlRunner {
  return {
    query: <T>(statement: Prisma.Sql) => db.$queryRaw<T[]>(statement),
    execute: (statement: Prisma.Sql) => db.$executeRaw(statement),
  };
}

const runners = new WeakMap<object, SqlRunner>();

/** Called by createPrismaClient: statements for this client go through this pool. */
export function registerPool(client: object, pool: pg.Pool): void {
  runners.set(client, poolRunner(pool));
}

/** The runner for statements on this client (its pool), or through it (a transaction's client). */
export function sqlOf(db: Db): SqlRunner {
  return runners.get(db) ?? prismaRunner(db);
}

/**
 * A unique-constraint violation: another attempt stored the row first. Prisma's queries say P2002;
 * a raw statement through Prisma ($executeRaw, a transaction's) says P2010 with the driver
 * adapter's kind; one through node-postgres (platform/sql.ts) is PostgreSQL's SQLSTATE 23505.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const { code, meta } = err as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    code === 'P2002' || code === '23505' || (code === 'P2010' && meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation')
  );
}
