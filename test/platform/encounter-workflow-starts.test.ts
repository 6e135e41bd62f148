// The hand-off of workflow starts, over a stand-in Temporal client (a unit test: what goes out,
// how many at once, the overload bound, the unreachable mark). The real client: e2e intake-before-start.
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { EncounterWorkflowStarts, type StartableEncounter } from '../../platform/encounter-workflow-starts.ts';
import { DEFAULT_TIMINGS } from '../../workflows/config.ts';

/** A client whose starts wait until the test answers them, one by one. */
function heldClient() {
  const calls: Array<{ workflowId: string; answer: (error?: Error) => void }> = [];
  const temporal = {
    withDeadline: <T>(_deadline: number, fn: () => Promise<T>) => fn(),
    workflow: {
      start: (_type: string, options: { workflowId: string }) =>
        new Promise<void>((resolve, reject) => {
          calls.push({ workflowId: options.workflowId, answer: (error) => (error ? reject(error) : resolve()) });
        }),
    },
  } as unknown as Client;
  return { temporal, calls };
}

const encounter = (n: number): StartableEncounter => ({
  id: `id-${n}`,
  workflowId: `encounter-id-${n}`,
  payerId: 'ACME-HEALTH',
  dateOfService: new Date('2026-11-20'),
  scheduled: false,
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('EncounterWorkflowStarts', () => {
  it('sends at most `concurrency` starts at once, in order, and one per workflow', async () => {
    const { temporal, calls } = heldClient();
    const starts = new EncounterWorkflowStarts({ temporal, taskQueue: 'q', timings: DEFAULT_TIMINGS, concurrency: 2, maxPending: 10 });
    for (const n of [1, 2, 3, 1]) starts.enqueue(encounter(n), '1234567893');
    await tick();
    expect(calls.map((c) => c.workflowId)).toEqual(['encounter-id-1', 'encounter-id-2']);
    expect(starts.pending).toBe(3);
    calls[0]!.answer();
    await tick();
    await tick();
    expect(calls.map((c) => c.workflowId)).toEqual(['encounter-id-1', 'encounter-id-2', 'encounter-id-3']);
    expect(await starts.settled('encounter-id-1', Date.now())).toBe(true);
    expect(await starts.settled('encounter-id-3', Date.now() + 20)).toBe(false);
    calls[1]!.answer();
    calls[2]!.answer();
    await starts.idle();
    expect(starts.pending).toBe(0);
  });

  it('is full at maxPending', async () => {
    const { temporal, calls } = heldClient();
    const starts = new EncounterWorkflowStarts({ temporal, taskQueue: 'q', timings: DEFAULT_TIMINGS, concurrency: 1, maxPending: 2 });
    starts.enqueue(encounter(1), '1234567893');
    expect(starts.full).toBe(false);
    starts.enqueue(encounter(2), '1234567893');
    expect(starts.full).toBe(true);
    await tick();
    calls[0]!.answer();
    await tick();
    await tick();
    expect(starts.full).toBe(false);
    calls[1]!.answer();
    await starts.idle();
  });

  it('a failed start marks Temporal unreachable until a start succeeds; startNow throws what the start threw', async () => {
    const { temporal, calls } = heldClient();
    const starts = new EncounterWorkflowStarts({ temporal, taskQueue: 'q', timings: DEFAULT_TIMINGS });
    starts.enqueue(encounter(1), '1234567893');
    await tick();
    calls[0]!.answer(Object.assign(new Error('unavailable'), { code: 14 }));
    await starts.idle();
    expect(starts.temporalUnreachable).toBe(true);
    const failing = starts.startNow(encounter(2), '1234567893');
    await tick();
    calls[1]!.answer(new Error('still down'));
    await expect(failing).rejects.toThrow('still down');
    expect(starts.temporalUnreachable).toBe(true);
    const working = starts.startNow(encounter(3), '1234567893');
    await tick();
    calls[2]!.answer();
    await working;
    expect(starts.temporalUnreachable).toBe(false);
  });
});
