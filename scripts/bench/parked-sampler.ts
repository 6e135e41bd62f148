/**
 * What `npm run bench:parked` samples while encounters are posted, parked and drained: how many
 * are parked, the worker processes' RSS, and the server's latency for a few random parked
 * workflows (DescribeWorkflowExecution: the server alone; the status query: server and worker,
 * which may have to replay an evicted workflow first). Each call has its own deadline, so a call
 * that does not answer counts as a timeout instead of stalling the sampler.
 */
import type { Client, Connection } from '@temporalio/client';
import { round, summary, treeUsage, type Summary } from './stats.ts';

export interface ParkedSample {
  at: number;
  parked: number;
  /** All worker processes together, and each one (the target is per process). */
  rssMiB: number;
  rssPerWorkerMiB: number[];
  describeMs: number[];
  queryMs: number[];
  describeFailures: number;
  queryTimeouts: number;
  /**
   * Of the status queries, those sent while the workflow had a workflow task scheduled or running
   * (from the DescribeWorkflow just before): the server holds such a query until that task
   * completes, so it waits behind the task queue's backlog.
   */
  queriesBehindTask: number;
  timeoutsBehindTask: number;
  /** History length of each sampled workflow (events). */
  historyLengths: number[];
}

export interface LatencyFigures {
  describe: Summary;
  query: Summary;
  describeFailures: number;
  queryTimeouts: number;
  queriesBehindTask: number;
  timeoutsBehindTask: number;
  historyLength: Summary;
  maxRssMiB: number | null;
  /** The largest single worker process seen. */
  maxWorkerRssMiB: number | null;
}

/** Deadline of each sampled call: longer than any answer a healthy server gives, short enough to be counted. */
export const SAMPLE_CALL_TIMEOUT_MS = 30_000;

export async function sampleParked(opts: {
  connection: Connection;
  client: Client;
  workflowIds: readonly string[];
  parked: number;
  workerPids: readonly number[];
  calls: number;
}): Promise<ParkedSample> {
  const s: ParkedSample = {
    at: Date.now(),
    parked: opts.parked,
    rssMiB: treeUsage(opts.workerPids).rssMiB,
    rssPerWorkerMiB: opts.workerPids.map((pid) => treeUsage([pid]).rssMiB),
    describeMs: [],
    queryMs: [],
    describeFailures: 0,
    queryTimeouts: 0,
    queriesBehindTask: 0,
    timeoutsBehindTask: 0,
    historyLengths: [],
  };
  for (let k = 0; k < opts.calls && opts.workflowIds.length > 0; k++) {
    const handle = opts.client.workflow.getHandle(opts.workflowIds[Math.floor(Math.random() * opts.workflowIds.length)]!);
    const deadline = () => Date.now() + SAMPLE_CALL_TIMEOUT_MS;
    let t = performance.now();
    let behindTask = false;
    await opts.connection
      .withDeadline(deadline(), () => handle.describe())
      .then(
        (description) => {
          s.describeMs.push(performance.now() - t);
          s.historyLengths.push(description.historyLength);
          behindTask = description.raw.pendingWorkflowTask != null;
        },
        () => s.describeFailures++,
      );
    if (behindTask) s.queriesBehindTask++;
    t = performance.now();
    // The status query's payload is encrypted: its latency is what counts here, not its answer.
    await opts.connection
      .withDeadline(deadline(), () => handle.query('status'))
      .then(
        () => s.queryMs.push(performance.now() - t),
        (error: unknown) => {
          // A query the workflow refuses still answered; no answer within the deadline is a timeout.
          if (performance.now() - t >= SAMPLE_CALL_TIMEOUT_MS - 50 || /deadline|timeout/i.test(String(error))) {
            s.queryTimeouts++;
            if (behindTask) s.timeoutsBehindTask++;
          } else s.queryMs.push(performance.now() - t);
        },
      );
  }
  return s;
}

export function latencyFigures(samples: readonly ParkedSample[]): LatencyFigures {
  return {
    describe: summary(samples.flatMap((s) => s.describeMs)),
    query: summary(samples.flatMap((s) => s.queryMs)),
    describeFailures: samples.reduce((n, s) => n + s.describeFailures, 0),
    queryTimeouts: samples.reduce((n, s) => n + s.queryTimeouts, 0),
    queriesBehindTask: samples.reduce((n, s) => n + s.queriesBehindTask, 0),
    timeoutsBehindTask: samples.reduce((n, s) => n + s.timeoutsBehindTask, 0),
    historyLength: summary(samples.flatMap((s) => s.historyLengths)),
    maxRssMiB: samples.length ? round(Math.max(...samples.map((s) => s.rssMiB))) : null,
    maxWorkerRssMiB: samples.length ? round(Math.max(...samples.flatMap((s) => s.rssPerWorkerMiB))) : null,
  };
}

/** One progress line of a sample. */
export function sampleLine(s: ParkedSample): string {
  const median = (v: number[]) => (v.length ? round([...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]) : '-');
  return `${s.parked} parked; worker RSS ${round(s.rssMiB)} MiB (${s.rssPerWorkerMiB.map((r) => round(r)).join(' + ')}); describe median ${median(s.describeMs)} ms, status query median ${median(s.queryMs)} ms, ${s.queryTimeouts} query timeouts (${s.timeoutsBehindTask} of them behind a workflow task; ${s.queriesBehindTask} of ${s.queryMs.length + s.queryTimeouts} queries were), ${s.describeFailures} describe failures; history ${s.historyLengths.length ? `${Math.min(...s.historyLengths)}-${Math.max(...s.historyLengths)}` : '-'} events`;
}
