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

/**
 * A unique-constraint violation: another attempt stored the row first. Prisma's queries say P2002;
 * a raw statement ($executeRaw, raw-insert.ts) says P2010 with the driver adapter's kind.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const { code, meta } = err as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return code === 'P2002' || (code === 'P2010' && meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation');
}
