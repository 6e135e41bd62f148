/**
 * The workflow starts intake hands off once an encounter is durably stored, so that POST
 * /encounters answers after its database writes instead of after the Temporal server's answer
 * (hundreds of ms on a busy server; the encounter is safe either way).
 *
 * - At most `concurrency` starts are in flight; the others wait in memory, in order.
 * - A start handed off goes out on the event loop's next turn (setImmediate), after the answer
 *   to the POST was written: encrypting its payloads and building its gRPC request no longer
 *   sit between the stored encounter and the answer.
 * - `full`: `maxPending` stored encounters are waiting for (or in) their start; intake then sheds
 *   new submissions with 503 + Retry-After before writing anything (api/intake-admission.ts),
 *   Retry-After from `secondsToSend`, the pace of the recent starts.
 * - A start that fails marks Temporal unreachable (`temporalUnreachable`): intake then starts the
 *   workflow itself and waits for it, as before this hand-off (a quick 503 while Temporal is down;
 *   the encounter stays stored). The first start that succeeds clears the mark.
 * - Nothing is lost when the process dies with starts still waiting: the worker's reconciler
 *   (worker/workflow-reconciler.ts) starts every stored encounter in stage `received` that has no
 *   workflow, with the same id and policies (a start by both is a no-op).
 * - `settled(workflowId)`: a request about an encounter whose start is still waiting here waits
 *   for it first (an answer posted right after intake reaches the workflow instead of a 503).
 */
import type { Client } from '@temporalio/client';
import type { Encounter } from '../generated/prisma/client.ts';
import type { EncounterTimings } from '../workflows/config.ts';
import { startEncounterWorkflow } from './encounter-workflow-start.ts';
import { createLogger } from './logger.ts';

const log = createLogger('workflow-starts');

export type StartableEncounter = Pick<Encounter, 'id' | 'payerId' | 'dateOfService' | 'workflowId' | 'scheduled'>;

export interface WorkflowStartsOptions {
  temporal: Client;
  taskQueue: string;
  timings: EncounterTimings;
  /** Bound of each start (TEMPORAL_START_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Starts sent to Temporal at once (default 8). */
  concurrency?: number;
  /** Stored encounters waiting for their start past which intake sheds (default 200). */
  maxPending?: number;
}

export const DEFAULT_WORKFLOW_START_CONCURRENCY = 8;
export const DEFAULT_MAX_PENDING_WORKFLOW_STARTS = 200;

/** What a start is assumed to take before one has been timed (ms). */
const ASSUMED_START_MS = 100;

export class EncounterWorkflowStarts {
  readonly #options: WorkflowStartsOptions;
  readonly #concurrency: number;
  readonly #maxPending: number;
  /** workflowId -> its start, settled (never rejects) once it succeeded or failed. */
  readonly #pending = new Map<string, Promise<void>>();
  readonly #waiting: Array<() => void> = [];
  #running = 0;
  #unreachable = false;
  /** How long a start has taken lately (ms, moving average); until one finished, a guess. */
  #startMs = ASSUMED_START_MS;

  constructor(options: WorkflowStartsOptions) {
    this.#options = options;
    this.#concurrency = Math.max(1, options.concurrency ?? DEFAULT_WORKFLOW_START_CONCURRENCY);
    this.#maxPending = Math.max(1, options.maxPending ?? DEFAULT_MAX_PENDING_WORKFLOW_STARTS);
  }

  /** Starts waiting or in flight. */
  get pending(): number {
    return this.#pending.size;
  }

  /** True when no more starts may be handed off (intake answers 503 + Retry-After). */
  get full(): boolean {
    return this.#pending.size >= this.#maxPending;
  }

  /** Seconds until `count` more starts have gone out at the pace of the recent ones, `concurrency` at a time. */
  secondsToSend(count: number): number {
    return (Math.max(0, count) * this.#startMs) / this.#concurrency / 1000;
  }

  /** True after a start failed, until one succeeds. */
  get temporalUnreachable(): boolean {
    return this.#unreachable;
  }

  /** Starts the workflow now and waits for Temporal's answer; throws what the start threw. */
  async startNow(encounter: StartableEncounter, physicianNpi: string): Promise<void> {
    try {
      await this.#start(encounter, physicianNpi);
    } catch (error) {
      this.#unreachable = true;
      throw error;
    }
  }

  /** Hands the start off and returns at once (a start already waiting for this workflow is kept). */
  enqueue(encounter: StartableEncounter, physicianNpi: string): void {
    if (this.#pending.has(encounter.workflowId)) return;
    const settled = this.#whenSlotFree()
      .then(() => this.#start(encounter, physicianNpi))
      .catch((error: unknown) => {
        this.#unreachable = true;
        // The encounter stays stored in `received`: the reconciler starts it.
        log.warn('workflow start failed; the reconciler will start it', {
          workflowId: encounter.workflowId,
          error: error instanceof Error ? error.name : typeof error,
        });
      })
      .finally(() => {
        this.#pending.delete(encounter.workflowId);
        const next = this.#waiting.shift();
        if (next !== undefined) next();
        else this.#running -= 1;
      });
    this.#pending.set(encounter.workflowId, settled);
  }

  /**
   * Waits (until `deadline`, epoch ms) for the start of this workflow when it is waiting here;
   * false when it is still waiting at the deadline.
   */
  async settled(workflowId: string, deadline: number): Promise<boolean> {
    const pending = this.#pending.get(workflowId);
    if (pending === undefined) return true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([pending, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))))]);
    clearTimeout(timer);
    return !this.#pending.has(workflowId);
  }

  /** Waits until every start handed off so far has settled, or `timeoutMs` passed (shutdown, scripts). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#pending.size > 0 && Date.now() < deadline) {
      await this.settled([...this.#pending.keys()][0]!, deadline);
    }
  }

  #whenSlotFree(): Promise<void> {
    if (this.#running < this.#concurrency) {
      this.#running += 1;
      // After the request that handed it off has written its answer (see the top of this file).
      return new Promise((resolve) => setImmediate(resolve));
    }
    // The slot is handed over by the start that frees it (#running stays as it was).
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async #start(encounter: StartableEncounter, physicianNpi: string): Promise<void> {
    const { temporal, taskQueue, timings, timeoutMs } = this.#options;
    const began = performance.now();
    await startEncounterWorkflow(
      temporal,
      { taskQueue, timings, ...(timeoutMs !== undefined ? { timeoutMs } : {}) },
      encounter,
      physicianNpi,
    );
    this.#startMs += (performance.now() - began - this.#startMs) / 8;
    this.#unreachable = false;
  }
}
