/**
 * One JSON call to an external party over node:http(s) (the default agents keep connections
 * alive), a hard timeout, and the mapping of every failure onto the typed errors of errors.ts.
 *
 * Not Node's global fetch: its WHATWG layer (streams, Headers, Response, AbortSignal) cost about
 * 1.1 ms more CPU per call than node:http on this machine (a loopback JSON POST measured both
 * ways), and a routine visit makes about eight calls from the worker (issue 12's profiles: the
 * calls were 5 % of the worker's main thread).
 */
import http from 'node:http';
import https from 'node:https';
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

/** An answer: its status line and headers at once, its body when read (rejects when the body is cut off or the deadline passes meanwhile). */
interface Answer {
  status: number;
  statusText: string;
  header(name: string): string | null;
  /** The body (read as it arrives, whether or not the caller wants it: the connection then serves the next call). */
  text(): Promise<string>;
}

class DeadlinePassed extends Error {}

/** Sends the request; the deadline covers the whole exchange, the body included. */
function exchange(call: JsonCall<unknown>): Promise<Answer> {
  const url = new URL(call.url);
  const body = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body), 'utf8');
  const headers: Record<string, string | number> = {
    accept: 'application/json',
    ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': body.byteLength } : {}),
    ...call.headers,
  };
  return new Promise<Answer>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: call.method, headers }, (response) => {
      const chunks: Buffer[] = [];
      const finished = new Promise<string>((resolveBody, rejectBody) => {
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          resolveBody(Buffer.concat(chunks).toString('utf8'));
        });
        const fail = (err: Error) => {
          clearTimeout(timer);
          rejectBody(err);
        };
        response.on('error', fail);
        response.on('close', () => {
          if (!response.complete) fail(new Error('the answer was cut off'));
        });
      });
      finished.catch(() => undefined); // read (or dropped) by the caller
      resolve({
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        header: (name) => {
          const value = response.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
        text: () => finished,
      });
    });
    const timer = setTimeout(() => request.destroy(new DeadlinePassed(`no complete answer within ${call.timeoutMs} ms`)), call.timeoutMs);
    request.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    request.end(body);
  });
}

async function readProblem(answer: Answer): Promise<{ title: string; fields: ProblemField[]; type?: string }> {
  try {
    const body = JSON.parse(await answer.text()) as { title?: unknown; detail?: unknown; type?: unknown; errors?: unknown };
    const fields = Array.isArray(body.errors)
      ? body.errors
          .filter((e): e is { field: string; message: string } => typeof e?.field === 'string' && typeof e?.message === 'string')
          .map((e) => ({ field: e.field, message: e.message }))
      : [];
    const title = typeof body.title === 'string' ? body.title : answer.statusText;
    const result: { title: string; fields: ProblemField[]; type?: string } = { title, fields };
    if (typeof body.type === 'string') result.type = body.type;
    return result;
  } catch {
    return { title: answer.statusText, fields: [] };
  }
}

export async function callJson<T>(call: JsonCall<T>): Promise<T> {
  const { party, operation } = call;
  let answer: Answer;
  try {
    answer = await exchange(call);
  } catch (err) {
    throw new ExternalPartyUnavailableError(
      party,
      operation,
      err instanceof DeadlinePassed ? 'timeout' : 'connection',
      undefined,
      undefined,
      {
        cause: err,
      },
    );
  }

  if (answer.status >= 500 || answer.status === 429 || answer.status === 408) {
    const retryAfterMs = parseRetryAfter(answer.header('retry-after'));
    throw new ExternalPartyUnavailableError(
      party,
      operation,
      answer.status === 429 ? 'rate-limited' : answer.status === 408 ? 'timeout' : 'server-error',
      answer.status,
      retryAfterMs,
    );
  }
  if (answer.status >= 400) {
    const problem = await readProblem(answer);
    throw new ExternalPartyRejectedError(party, operation, answer.status, problem.title, problem.fields, problem.type);
  }

  let json: unknown;
  try {
    json = JSON.parse(await answer.text());
  } catch (err) {
    // The body was cut off (e.g. the connection was reset mid-answer): the outcome is unknown.
    throw new ExternalPartyUnavailableError(party, operation, 'connection', answer.status, undefined, { cause: err });
  }
  const parsed = call.schema.safeParse(json);
  if (!parsed.success) {
    throw new ExternalPartyProtocolError(party, operation, parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  }
  return parsed.data;
}
