/** What an activity failure may carry into the workflow history and the worker's log. */
import { describe, expect, it, vi } from 'vitest';
import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityExecuteInput } from '@temporalio/worker';
import { ExternalPartyUnavailableError } from '../../integrations/errors.ts';
import { HEARTBEAT_INTERVAL_MS, HeartbeatWhileRunning, sanitizeActivityError } from '../../worker/interceptors.ts';

class FakeDatabaseError extends Error {
  readonly code = 'P2002';
  constructor() {
    super('Invalid `prisma.patient.create()` invocation: { firstName: "Ada", memberId: "M-SECRET-1" }');
    this.name = 'PrismaClientKnownRequestError';
  }
}

describe('sanitizeActivityError', () => {
  it('replaces an unexpected error by one naming only its class, code and activity', () => {
    const failure = sanitizeActivityError(new FakeDatabaseError(), 'codeEncounter') as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure.message).toBe('codeEncounter failed: PrismaClientKnownRequestError P2002');
    expect(failure.message).not.toContain('Ada');
    expect(failure.nonRetryable).toBe(false);
    expect(failure.type).toBe('PrismaClientKnownRequestError');
  });

  it("turns an insurer outage into a retryable failure that waits for the insurer's Retry-After", () => {
    const failure = sanitizeActivityError(
      new ExternalPartyUnavailableError('insurer', 'submit prior authorization', 'rate-limited', 429, 3_000),
      'requestPriorAuthorization',
    ) as ApplicationFailure;
    expect(failure.type).toBe('ExternalPartyUnavailable');
    expect(failure.nonRetryable).toBe(false);
    expect(failure.nextRetryDelay).toBe(3_000);
  });

  it('keeps failures raised on purpose as they are', () => {
    const own = ApplicationFailure.nonRetryable('encounter not found', 'InvalidEncounter');
    expect(sanitizeActivityError(own, 'codeEncounter')).toBe(own);
  });

  it('covers values thrown that are not errors', () => {
    const failure = sanitizeActivityError('boom with data', 'submitClaim') as ApplicationFailure;
    expect(failure.message).toBe('submitClaim failed');
  });
});

describe('HeartbeatWhileRunning', () => {
  it('heartbeats every interval while the activity runs (none for one that ends within the first), and stops when it ends', async () => {
    vi.useFakeTimers();
    try {
      const heartbeat = vi.fn();
      const interceptor = new HeartbeatWhileRunning({ heartbeat, info: { isLocal: false } } as unknown as Context);
      let finish: (value: string) => void = () => undefined;
      const running = interceptor.execute({} as ActivityExecuteInput, () => new Promise((resolve) => (finish = resolve)));
      expect(heartbeat).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS * 3);
      expect(heartbeat).toHaveBeenCalledTimes(3);
      finish('done');
      await expect(running).resolves.toBe('done');
      await vi.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS * 3);
      expect(heartbeat).toHaveBeenCalledTimes(3);

      const quick = interceptor.execute({} as ActivityExecuteInput, async () => 'quick');
      await expect(quick).resolves.toBe('quick');
      await vi.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS * 3);
      expect(heartbeat).toHaveBeenCalledTimes(3);

      // A local activity (it runs inside its workflow task) never heartbeats.
      const localHeartbeat = vi.fn();
      const local = new HeartbeatWhileRunning({ heartbeat: localHeartbeat, info: { isLocal: true } } as unknown as Context);
      let finishLocal: (value: string) => void = () => undefined;
      const runningLocal = local.execute({} as ActivityExecuteInput, () => new Promise((resolve) => (finishLocal = resolve)));
      await vi.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS * 3);
      finishLocal('local done');
      await expect(runningLocal).resolves.toBe('local done');
      expect(localHeartbeat).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
