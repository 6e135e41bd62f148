/**
 * INSERT statements the activities send as raw SQL instead of Prisma's `createMany` /
 * `createManyAndReturn`, through node-postgres on the client's pool (platform/sql.ts), or through
 * an interactive transaction's client when given one.
 *
 * Prisma 7 keeps a query plan per query shape, but not for createMany: it compiles a new plan in its
 * WebAssembly query compiler at every call. A routine visit made nine such calls, and compiling
 * them was 6–7 % of the worker's main-thread CPU in the benchmark's profiles. Raw SQL has no plan
 * to compile.
 *
 * Values are bound parameters; PostgreSQL gives each the type of its target column. Table and
 * column names come from our own code, never from input.
 *
 * Prisma's client-side defaults are not applied here: give `id` (randomUUID) and any `@updatedAt`
 * column yourself. Defaults the database holds (`now()`, `"[]"`) still apply.
 * Json columns take `JSON.stringify(value)`; a Date is written as its UTC time (see parameter()).
 */
import { Prisma } from '../generated/prisma/client.ts';
import { sqlOf, sqlParameter, type Db } from '../platform/sql.ts';

export type Row = Record<string, unknown>;

function insertStatement(table: Prisma.ModelName, rows: readonly Row[], onConflictDoNothing: boolean, returning: boolean): Prisma.Sql {
  const columns = Object.keys(rows[0] ?? {});
  const values = rows.map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => sqlParameter(row[column])))})`);
  return Prisma.sql`INSERT INTO "public".${Prisma.raw(`"${table}"`)} (${Prisma.raw(columns.map((c) => `"${c}"`).join(', '))}) VALUES ${Prisma.join(values)}${Prisma.raw(onConflictDoNothing ? ' ON CONFLICT DO NOTHING' : '')}${Prisma.raw(returning ? ' RETURNING *' : '')}`;
}

type InsertOptions = { onConflictDoNothing?: boolean };

/** The INSERT statement of insertRows, to send as part of a larger one (a CTE); `rows` must not be empty. */
export function insertRowsStatement(table: Prisma.ModelName, rows: readonly Row[], opts: InsertOptions = {}): Prisma.Sql {
  return insertStatement(table, rows, opts.onConflictDoNothing ?? false, false);
}

/** Inserts the rows (all with the same columns) in one statement; with onConflictDoNothing, rows whose unique key is taken are skipped. Answers how many were inserted. */
export async function insertRows(db: Db, table: Prisma.ModelName, rows: readonly Row[], opts: InsertOptions = {}): Promise<number> {
  if (rows.length === 0) return 0;
  return sqlOf(db).execute(insertStatement(table, rows, opts.onConflictDoNothing ?? false, false));
}

/** As insertRows, answering the rows inserted as stored (RETURNING *). */
export async function insertRowsReturning<T>(
  db: Db,
  table: Prisma.ModelName,
  rows: readonly Row[],
  opts: InsertOptions = {},
): Promise<T[]> {
  if (rows.length === 0) return [];
  return sqlOf(db).query<T>(insertStatement(table, rows, opts.onConflictDoNothing ?? false, true));
}

/**
 * An INSERT of the rows (all with the same columns) from ONE bound parameter: the rows as JSON,
 * read with the table's own row type (jsonb_populate_recordset), so any number of rows is one
 * statement (a statement takes at most 65,535 parameters), to be composed into a data-modifying
 * CTE. Json columns take the value itself (not its text), array columns a JSON array, a Date its
 * ISO text (a timestamp column reads it as the UTC time, a date column as the day). Undefined
 * when there are no rows.
 */
export function insertFromJson(table: Prisma.ModelName, rows: readonly Row[], opts: InsertOptions = {}): Prisma.Sql | undefined {
  if (rows.length === 0) return undefined;
  const columns = Prisma.raw(
    Object.keys(rows[0]!)
      .map((c) => `"${c}"`)
      .join(', '),
  );
  const target = Prisma.raw(`"public"."${table}"`);
  return Prisma.sql`INSERT INTO ${target} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${target}, ${JSON.stringify(rows)}::jsonb)${Prisma.raw(opts.onConflictDoNothing ? ' ON CONFLICT DO NOTHING' : '')}`;
}
