/**
 * Each fault class through the real sandboxes over HTTP, via the clients: the error class and its
 * retry hint, and that retrying with the same idempotency key leaves exactly one record.
 */
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClaimValidationError } from '../../billing/claim.ts';
import { UnpricedProcedureError } from '../../billing/fee-schedule.ts';
import { toActivityFailure } from '../../integrations/activity-failures.ts';
import { ExternalPartyRejectedError, ExternalPartyUnavailableError } from '../../integrations/errors.ts';
import { InsurerClient } from '../../integrations/insurer-client.ts';
import { startInsurerSandbox } from '../../sandbox/insurer/server.ts';
import {
  GENEROUS_TIMEOUT_MS,
  SHORT_TIMEOUT_MS,
  authorizationRequest,
  captureError,
  resetSandbox,
  sandboxRecords,
  sleep,
} from './helpers.ts';
import type { InsurerRecords } from './helpers.ts';

// Nothing here depends on how fast the machine is. Every client waits generously, so on a loaded
// machine a 503 is still a 503 and never a timeout; only the 'slow' test uses a short client
// timeout, and there the sandbox holds its answer far longer than that timeout, so the timeout
// fires first however slow the machine (both timers run in this process, in due-time order).
const SLOW_DELAY_MS = 2_000;

let sandbox: Awaited<ReturnType<typeof startInsurerSandbox>>;
const client = (fault?: string, timeoutMs = GENEROUS_TIMEOUT_MS) =>
  new InsurerClient(sandbox.url, { timeoutMs, ...(fault ? { headers: { 'X-Sandbox-Fault': fault } } : {}) });

beforeAll(async () => {
  sandbox = await startInsurerSandbox({ faults: { retryAfterSeconds: 3, slowDelayMs: SLOW_DELAY_MS } });
});
afterAll(() => sandbox.stop());
beforeEach(() => resetSandbox(sandbox.url));

async function unavailable(promise: Promise<unknown>): Promise<ExternalPartyUnavailableError> {
  const error = await captureError(promise);
  expect(error).toBeInstanceOf(ExternalPartyUnavailableError);
  return error as ExternalPartyUnavailableError;
}

describe('fault classes through the insurer client', () => {
  it('5xx is unavailable, carries Retry-After, stores nothing; the retry stores one request', async () => {
    const error = await unavailable(client('503').submitPriorAuthorization(authorizationRequest(), 'key-503'));
    expect(error).toMatchObject({ kind: 'server-error', status: 503, retryAfterMs: 3000 });
    const decision = await client().submitPriorAuthorization(authorizationRequest(), 'key-503');
    expect(decision.outcome).toBe('certified');
    const records = await sandboxRecords<InsurerRecords>(sandbox.url);
    expect(records.counts.authorizationRequests).toBe(1);
    expect(records.counts.faults['server-error']).toBe(1);
  });

  it('500 is unavailable and carries the Retry-After the sandbox sends with it', async () => {
    const error = await unavailable(
      client('500').checkEligibility({ payerId: 'ACME-HEALTH', memberId: 'M-1', dateOfService: '2026-11-20' }),
    );
    expect(error.status).toBe(500);
    expect(error.retryAfterMs).toBe(3000);
  });

  it('429 is unavailable (rate-limited) with retryAfterMs from Retry-After', async () => {
    const error = await unavailable(client('429').submitPriorAuthorization(authorizationRequest(), 'key-429'));
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 3000 });
  });

  it('a response slower than the client timeout is a timeout; the late-processed request and the retry make one record', async () => {
    const error = await unavailable(client('slow', SHORT_TIMEOUT_MS).submitPriorAuthorization(authorizationRequest(), 'key-slow'));
    expect(error.kind).toBe('timeout');
    const decision = await client().submitPriorAuthorization(authorizationRequest(), 'key-slow');
    // Wait until the sandbox has handled the abandoned request too (whichever of the two came
    // first created the record, the other replayed it): one record, one replay.
    let records = await sandboxRecords<InsurerRecords>(sandbox.url);
    while ((records.authorizations[0]?.replays ?? 0) < 1) {
      await sleep(50);
      records = await sandboxRecords<InsurerRecords>(sandbox.url);
    }
    expect(records.counts.authorizationRequests).toBe(1);
    expect(records.authorizations[0]).toMatchObject({ payerReference: decision.payerReference, idempotencyKey: 'key-slow', replays: 1 });
  });

  it('a connection reset is unavailable (connection); the retry with the same key makes one record', async () => {
    const error = await unavailable(client('reset').submitPriorAuthorization(authorizationRequest(), 'key-reset'));
    expect(error.kind).toBe('connection');
    expect(error.status).toBeUndefined();
    await client().submitPriorAuthorization(authorizationRequest(), 'key-reset');
    expect((await sandboxRecords<InsurerRecords>(sandbox.url)).counts.authorizationRequests).toBe(1);
  });

  it('a reset after the insurer stored the request: the retry gets the original answer, still one record', async () => {
    await unavailable(client('reset-after').submitPriorAuthorization(authorizationRequest({ code: '95810' }), 'key-lost-answer'));
    let records = await sandboxRecords<InsurerRecords>(sandbox.url);
    expect(records.counts.authorizationRequests).toBe(1);
    const retried = await client().submitPriorAuthorization(authorizationRequest({ code: '95810' }), 'key-lost-answer');
    expect(retried).toMatchObject({ outcome: 'pended', payerReference: records.authorizations[0]?.payerReference });
    records = await sandboxRecords<InsurerRecords>(sandbox.url);
    expect(records.counts.authorizationRequests).toBe(1);
    expect(records.counts.idempotentReplays).toBe(1);
  });

  it('an unreachable insurer is unavailable (connection)', async () => {
    const stopped = await startInsurerSandbox();
    const url = stopped.url;
    await stopped.stop();
    const error = await unavailable(
      new InsurerClient(url, { timeoutMs: GENEROUS_TIMEOUT_MS }).checkEligibility({
        payerId: 'ACME-HEALTH',
        memberId: 'M-1',
        dateOfService: '2026-11-20',
      }),
    );
    expect(error.kind).toBe('connection');
  });
});

describe('seeded fault injection', () => {
  async function failurePattern(seed: number): Promise<string> {
    const faulty = await startInsurerSandbox({ faults: { seed, serverErrorRate: 0.3, rateLimitRate: 0.2, retryAfterSeconds: 1 } });
    try {
      const insurer = new InsurerClient(faulty.url, { timeoutMs: GENEROUS_TIMEOUT_MS });
      let pattern = '';
      for (let i = 0; i < 30; i++) {
        const outcome = await insurer.checkEligibility({ payerId: 'ACME-HEALTH', memberId: 'M-1', dateOfService: '2026-11-20' }).then(
          () => '.',
          (err: unknown) => (err instanceof ExternalPartyUnavailableError ? String(err.status) : '?'),
        );
        pattern += outcome === '503' ? 'E' : outcome === '429' ? 'R' : outcome;
      }
      return pattern;
    } finally {
      await faulty.stop();
    }
  }

  it('is reproducible for a seed and injects roughly the configured shares', async () => {
    const first = await failurePattern(7);
    expect(await failurePattern(7)).toBe(first);
    expect(first).toMatch(/^[.ER]+$/);
    expect(first).toContain('E');
    expect(first).toContain('R');
    expect(first).toContain('.');
    expect(await failurePattern(8)).not.toBe(first);
  });
});

describe('toActivityFailure', () => {
  it('maps unavailable to a retryable ExternalPartyUnavailable failure honouring Retry-After', () => {
    const failure = toActivityFailure(new ExternalPartyUnavailableError('insurer', 'POST /eligibility', 'rate-limited', 429, 3000));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    const app = failure as ApplicationFailure;
    expect(app.type).toBe('ExternalPartyUnavailable');
    expect(app.nonRetryable).toBe(false);
    expect(app.nextRetryDelay).toBe(3000);
    expect(app.message).toMatch(/insurer unavailable during POST \/eligibility: HTTP 429/);
  });

  it('leaves nextRetryDelay unset when the party gave no hint', () => {
    const app = toActivityFailure(new ExternalPartyUnavailableError('clearinghouse', 'POST /claims', 'timeout')) as ApplicationFailure;
    expect(app.nonRetryable).toBe(false);
    expect(app.nextRetryDelay).toBeUndefined();
  });

  it('maps rejected to a non-retryable ExternalPartyRejected failure with the field names', () => {
    const app = toActivityFailure(
      new ExternalPartyRejectedError('insurer', 'POST /prior-authorizations', 422, 'Request validation failed', [
        { field: 'provider.npi', message: 'must be a 10-digit NPI' },
      ]),
    ) as ApplicationFailure;
    expect(app.type).toBe('ExternalPartyRejected');
    expect(app.nonRetryable).toBe(true);
    expect(app.details?.[0]).toMatchObject({ status: 422, fields: [{ field: 'provider.npi' }] });
  });

  it('maps billing-data errors to non-retryable failures', () => {
    const unpriced = toActivityFailure(new UnpricedProcedureError('ACME-HEALTH', '99999')) as ApplicationFailure;
    expect(unpriced).toMatchObject({ type: 'UnpricedProcedure', nonRetryable: true });
    const invalid = toActivityFailure(
      new ClaimValidationError('billingProvider.npi', 'must be a valid 10-digit NPI'),
    ) as ApplicationFailure;
    expect(invalid).toMatchObject({ type: 'ClaimInvalid', nonRetryable: true });
  });

  it('passes other errors through unchanged', () => {
    const error = new TypeError('bug');
    expect(toActivityFailure(error)).toBe(error);
    expect(toActivityFailure('text')).toBeInstanceOf(Error);
  });
});
