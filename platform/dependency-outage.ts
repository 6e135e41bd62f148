/**
 * Which errors mean "a dependency is down or saturated, try again shortly" rather than "this
 * request is wrong" or "our code is wrong". The problem handler answers them with 503 and
 * Retry-After, fast, instead of a 500.
 *
 * - Prisma: the pool could not give a connection or a transaction could not start in time
 *   (P2024, P2028), the server is unreachable, closed the connection or timed out (P1001, P1002,
 *   P1008, P1017), too many connections (P2037), the adapter's "server has closed the connection"
 *   family (P2039 and driver-adapter kinds);
 * - node-postgres and PostgreSQL: socket errors (ECONNREFUSED, ECONNRESET, ...), the pool's
 *   connection timeout, "Connection terminated", and the SQLSTATE classes 08 (connection
 *   exception), 53 (insufficient resources) and 57P0x (server shutting down or starting);
 * - Temporal: gRPC UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, CANCELLED (a deadline the
 *   API set with `withDeadline`).
 */

const PRISMA_OUTAGE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034', 'P2037', 'P2039']);
const ADAPTER_OUTAGE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionWriteConflict',
]);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/** gRPC status codes: CANCELLED 1, DEADLINE_EXCEEDED 4, RESOURCE_EXHAUSTED 8, UNAVAILABLE 14. */
const GRPC_OUTAGE_CODES = new Set([1, 4, 8, 14]);
const OUTAGE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Connection ended unexpectedly/i,
  /Client has encountered a connection error/i,
  /server closed the connection/i,
];

function isPostgresOutageState(code: string): boolean {
  return code.startsWith('08') || code.startsWith('53') || /^57P0[1-4]$/.test(code);
}

function ownOutage(error: object): boolean {
  const { code, errorCode, kind, name } = error as { code?: unknown; errorCode?: unknown; kind?: unknown; name?: unknown };
  if (
    typeof code === 'string' &&
    (PRISMA_OUTAGE_CODES.has(code) || SOCKET_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isPostgresOutageState(code)))
  )
    return true;
  if (typeof errorCode === 'string' && PRISMA_OUTAGE_CODES.has(errorCode)) return true;
  if (typeof kind === 'string' && ADAPTER_OUTAGE_KINDS.has(kind)) return true;
  if (typeof code === 'number' && GRPC_OUTAGE_CODES.has(code) && (name === 'ServiceError' || name === 'Error' || name === 'ConnectError'))
    return true;
  if (name === 'PrismaClientInitializationError') return true;
  if (name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && OUTAGE_MESSAGES.some((pattern) => pattern.test(message));
}

/** True when the error, or one it wraps (cause, meta.driverAdapterError), is a dependency outage. */
export function isDependencyOutage(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 5) return false;
  if (ownOutage(error)) return true;
  const { cause, meta } = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
  return isDependencyOutage(cause, depth + 1) || isDependencyOutage(meta?.driverAdapterError, depth + 1);
}

/** Runs `work`, trying again (up to `attempts` times, `delayMs` apart, doubling) while it fails with a dependency outage. */
export async function retryThroughOutage<T>(work: () => Promise<T>, attempts = 6, delayMs = 500): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isDependencyOutage(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
}
