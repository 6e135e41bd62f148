/**
 * The API asks a workflow for its status within STATUS_QUERY_TIMEOUT_MS (unit test: a stand-in
 * Temporal client records the deadline it is given; the clock is fixed, so nothing depends on speed).
 * That the API then answers the stored status, marked `statusSource: 'database'`, is checked over
 * HTTP in intake.test.ts (no worker there, so the query never answers).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryLiveStatus } from '../../api/encounter-access.ts';
import type { ApiDeps } from '../../api/deps.ts';
import { loadConfig } from '../../platform/config.ts';
import type { EncounterStatus } from '../../workflows/messages.ts';

const NOW = Date.parse('2026-11-29T03:00:00Z');

/** API dependencies whose Temporal client records each deadline and answers with `query`. */
function depsRecordingDeadlines(limits: ApiDeps['limits'], query: () => Promise<EncounterStatus>) {
  const deadlinesMs: number[] = [];
  const temporal = {
    workflow: { getHandle: () => ({ query }) },
    withDeadline: async <T>(deadline: number, fn: () => Promise<T>) => {
      deadlinesMs.push(deadline - NOW);
      return fn();
    },
  };
  return { deps: { temporal, limits } as unknown as ApiDeps, deadlinesMs };
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the status query time limit', () => {
  it('is STATUS_QUERY_TIMEOUT_MS; a query that does not answer in it gives no live status (the stored one is shown)', async () => {
    const { apiLimits } = loadConfig({ STATUS_QUERY_TIMEOUT_MS: '750' });
    const { deps, deadlinesMs } = depsRecordingDeadlines(apiLimits, () => Promise.reject(new Error('deadline exceeded')));
    expect(await queryLiveStatus(deps, 'encounter-1')).toBeUndefined();
    expect(deadlinesMs).toEqual([750]);
  });

  it('is 3 s unless configured, and the live status is returned when the workflow answers', async () => {
    const live = { stage: 'coding' } as EncounterStatus;
    const { deps, deadlinesMs } = depsRecordingDeadlines(undefined, () => Promise.resolve(live));
    expect(await queryLiveStatus(deps, 'encounter-1')).toBe(live);
    expect(deadlinesMs).toEqual([3_000]);
  });
});
