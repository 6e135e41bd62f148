/** Small helpers for reading Express requests. */
import type { Request } from 'express';

/** A named path parameter as one string ('' when absent). */
export function pathParam(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether the request comes from this host (the codec endpoints and an unauthenticated /metrics). */
export function isLoopbackClient(req: Request): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}
