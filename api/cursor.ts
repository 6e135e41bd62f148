/**
 * Opaque page cursors: the (time, id) of the last row of a page, as base64url JSON. Lists ordered
 * by a time and then the id (encounters by creation, audit events by time) continue after it.
 */
import { badRequest } from '../platform/problem.ts';
import { uuid } from './schemas.ts';

export interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

/** Cursors only ever hold row times: 1970 to the end of year 9999 (what PostgreSQL and ISO strings share). */
const CURSOR_EARLIEST = Date.UTC(1970, 0, 1);
const CURSOR_LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The cursor's (time, id); a 400 naming `cursor` for anything this API did not issue. */
export function decodeCursor(text: string): Cursor {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 2) throw new Error('bad cursor');
    const [at, id] = decoded as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || !uuid.safeParse(id).success) throw new Error('bad cursor');
    const date = new Date(at);
    const time = date.getTime();
    if (Number.isNaN(time) || time < CURSOR_EARLIEST || time > CURSOR_LATEST) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw badRequest('The cursor is not one this API issued', [{ field: 'cursor', message: 'Unknown cursor' }]);
  }
}

/** The rows after a cursor in (createdAt, id) order (400 naming `cursor` for one this API did not issue). */
export function afterCursor(text: string): { OR: Array<Record<string, unknown>> } {
  const after = decodeCursor(text);
  return { OR: [{ createdAt: { gt: after.at } }, { createdAt: after.at, id: { gt: after.id } }] };
}
