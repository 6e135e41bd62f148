/** Small helpers for reading Express requests. */
import type { Request } from 'express';

/** A named path parameter as one string ('' when absent). */
export function pathParam(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}
