/**
 * One JSON call to an external party with Node's global fetch, a hard timeout, and the mapping
 * of every failure onto the typed errors of errors.ts.
 */
import type { z } from 'zod';
import { ExternalPartyProtocolError, ExternalPartyRejectedError, ExternalPartyUnavailableError } from './errors.ts';
import type { ProblemField } from './errors.ts';

export interface JsonCall<T> {
  party: string;
  /** e.g. "POST /prior-authorizations" (no identifiers of patients). */
  operation: string;
  url: string;
  method: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  schema: z.ZodType<T>;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function readProblem(response: Response): Promise<{ title: string; fields: ProblemField[]; type?: string }> {
  try {
    const body = (await response.json()) as { title?: unknown; detail?: unknown; type?: unknown; errors?: unknown };
    const fields = Array.isArray(body.errors)
      ? body.errors
          .filter((e): e is { field: string; message: string } => typeof e?.field === 'string' && typeof e?.message === 'string')
          .map((e) => ({ field: e.field, message: e.message }))
      : [];
    const title = typeof body.title === 'string' ? body.title : response.statusText;
    const result: { title: string; fields: ProblemField[]; type?: string } = { title, fields };
    if (typeof body.type === 'string') result.type = body.type;
    return result;
  } catch {
    return { title: response.statusText, fields: [] };
  }
}

export async function callJson<T>(call: JsonCall<T>): Promise<T> {
  const { party, operation } = call;
  let response: Response;
  try {
    const init: RequestInit = {
      method: call.method,
      headers: { accept: 'application/json', ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}), ...call.headers },
      signal: AbortSignal.timeout(call.timeoutMs),
    };
    if (call.body !== undefined) init.body = JSON.stringify(call.body);
    response = await fetch(call.url, init);
  } catch (err) {
    const timedOut = err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new ExternalPartyUnavailableError(party, operation, timedOut ? 'timeout' : 'connection', undefined, undefined, { cause: err });
  }

  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    await response.body?.cancel();
    throw new ExternalPartyUnavailableError(
      party,
      operation,
      response.status === 429 ? 'rate-limited' : response.status === 408 ? 'timeout' : 'server-error',
      response.status,
      retryAfterMs,
    );
  }
  if (response.status >= 400) {
    const problem = await readProblem(response);
    throw new ExternalPartyRejectedError(party, operation, response.status, problem.title, problem.fields, problem.type);
  }

  let json: unknown;
  try {
    json = await response.json();
  } catch (err) {
    // The body was cut off (e.g. the connection was reset mid-answer): the outcome is unknown.
    throw new ExternalPartyUnavailableError(party, operation, 'connection', response.status, undefined, { cause: err });
  }
  const parsed = call.schema.safeParse(json);
  if (!parsed.success) {
    throw new ExternalPartyProtocolError(party, operation, parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  }
  return parsed.data;
}
