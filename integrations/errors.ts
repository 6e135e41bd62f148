/**
 * Typed failures of calls to external parties (insurer, clearinghouse). Messages carry the party,
 * the operation and the HTTP status, never request bodies or patient data.
 */

export type UnavailableKind = 'server-error' | 'rate-limited' | 'timeout' | 'connection';

/** The party could not answer now (5xx, 429, timeout, reset): worth retrying later. */
export class ExternalPartyUnavailableError extends Error {
  constructor(
    readonly party: string,
    readonly operation: string,
    readonly kind: UnavailableKind,
    /** HTTP status, when there was an answer. */
    readonly status?: number,
    /** When the party said how long to wait (Retry-After on 429/503). */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(
      `${party} unavailable during ${operation}: ${status !== undefined ? `HTTP ${status}` : kind}` +
        (retryAfterMs !== undefined ? ` (retry after ${retryAfterMs} ms)` : ''),
      options,
    );
    this.name = 'ExternalPartyUnavailableError';
  }
}

export interface ProblemField {
  field: string;
  message: string;
}

/** The party refused the request as invalid (4xx): retrying the same request will not help. */
export class ExternalPartyRejectedError extends Error {
  constructor(
    readonly party: string,
    readonly operation: string,
    readonly status: number,
    /** Problem title/detail from the party's problem+json, when given. */
    readonly problem: string,
    /** The fields the party named. */
    readonly fields: ProblemField[] = [],
    /** The problem type URI, e.g. .../member-not-found. */
    readonly problemType?: string,
  ) {
    super(
      `${party} rejected ${operation}: HTTP ${status} ${problem}` +
        (fields.length > 0 ? ` (fields: ${fields.map((f) => f.field).join(', ')})` : ''),
    );
    this.name = 'ExternalPartyRejectedError';
  }
}

/** The party answered 2xx with a body that is not what its API promises. */
export class ExternalPartyProtocolError extends Error {
  constructor(
    readonly party: string,
    readonly operation: string,
    problem: string,
  ) {
    super(`${party} answered ${operation} with an unexpected body: ${problem}`);
    this.name = 'ExternalPartyProtocolError';
  }
}
