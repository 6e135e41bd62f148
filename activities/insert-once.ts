/**
 * A row written once under a unique key, then read back on a retry. Prisma's `upsert` with an
 * empty update sends five statements for it (BEGIN, SELECT, INSERT, SELECT, COMMIT); one
 * INSERT ... ON CONFLICT DO NOTHING RETURNING (insertRowsReturning, activities/raw-insert.ts) does
 * it, and only a retry that finds the row stored reads it (a second statement).
 */
export async function insertOnce<T>(insert: () => Promise<T[]>, stored: () => Promise<T>): Promise<T> {
  const [inserted] = await insert();
  return inserted ?? stored();
}
