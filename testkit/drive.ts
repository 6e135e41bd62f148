/**
 * Driving one encounter workflow on the time-skipping test server with the in-memory activities
 * of fake-activities.ts. Shared by the workflow tests and scripts/record-workflow-histories.ts.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkerOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DEFAULT_TIMINGS, encounterWorkflowId, type EncounterWorkflowInput } from '../workflows/config.ts';
import type { encounterWorkflow } from '../workflows/encounter.ts';
import { answerClarificationUpdate, coverageCorrectedUpdate, statusQuery, type EncounterStatus } from '../workflows/messages.ts';
import type { Stage } from '../workflows/stages.ts';
import { createFakeActivities, type Script } from './fake-activities.ts';
import { stagesOf } from './encounter-paths.ts';
import { until } from './poll.ts';
import { daysAgo } from './calendar.ts';

/** Yesterday by the real clock: the payer's follow-up and filing limits count from the date of service. */
export const DATE_OF_SERVICE = daysAgo(1);

export type Handle = WorkflowHandle<typeof encounterWorkflow>;

/** The physician every scripted encounter names (a demo NPI, not a real person). */
export const PHYSICIAN = '1234567893';

export interface DriveContext {
  env: TestWorkflowEnvironment;
  bundle: WorkflowBundleWithSourceMap;
  /** Sinks of the workers started here (e.g. the tracing exporter); none by default. */
  sinks?: WorkerOptions['sinks'];
}

export type Drive = (handle: Handle) => Promise<void>;

/**
 * Starts an encounter on a fresh task queue with a worker running the scripted activities, lets
 * `drive` act on it while it runs (signals, updates, skipped time), and returns its final status.
 */
export async function runEncounter(
  ctx: DriveContext,
  script: Script,
  drive: Drive = async () => {},
  timings: EncounterWorkflowInput['timings'] = DEFAULT_TIMINGS,
) {
  const fake = createFakeActivities(script);
  const encounterId = randomUUID();
  const input: EncounterWorkflowInput = {
    encounterId,
    payerId: 'ACME-HEALTH',
    dateOfService: DATE_OF_SERVICE,
    physicianNpi: PHYSICIAN,
    timings,
    ...(script.scheduled ? { scheduled: true } : {}),
  };
  const { status, handle } = await withFakeWorker(ctx, 'encounters', fake.activities, async (taskQueue) => {
    const started: Handle = await ctx.env.client.workflow.start<typeof encounterWorkflow>('encounterWorkflow', {
      taskQueue,
      workflowId: encounterWorkflowId(encounterId),
      args: [input],
    });
    await drive(started);
    return { status: await started.result(), handle: started };
  });
  return { status, fake, stages: stagesOf(status), handle };
}

/**
 * Runs `body` while a worker serves the bundled workflows and the given (fake) activities on a
 * fresh task queue named after `kind`; the worker stops when `body` settles.
 */
export async function withFakeWorker<T>(
  ctx: DriveContext,
  kind: string,
  activities: ReturnType<typeof createFakeActivities>['activities'],
  body: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = `${kind}-${randomUUID()}`;
  const worker = await Worker.create({
    connection: ctx.env.nativeConnection,
    namespace: ctx.env.namespace ?? 'default',
    taskQueue,
    workflowBundle: ctx.bundle,
    activities,
    ...(ctx.sinks ? { sinks: ctx.sinks } : {}),
  });
  return worker.runUntil(body(taskQueue));
}

export { stagesOf };

/**
 * Polls the status query until the encounter is in `stage` (testkit/poll.ts's generous limit unless
 * told: a limit only so that a stuck test fails, never a claim about speed).
 */
export async function waitForStage(handle: Handle, stage: Stage, withinMs?: number): Promise<EncounterStatus> {
  let last: Stage | undefined;
  return until(
    () => `the encounter to reach ${stage} (it stayed in ${last})`,
    async () => {
      const status = await handle.query(statusQuery);
      last = status.stage;
      return status.stage === stage && status;
    },
    withinMs,
    25,
  );
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * Waits until the workflow has answered the last `signal` sent to it in full: since the signal,
 * a workflow task has run, every activity scheduled has closed (the message's proof is checked by
 * one, workflows/message-authentication.ts, before the handler runs) and the last workflow task
 * completed. Whatever the workflow did in answer (an activity, a stage entered) is in the history
 * by then, so what is not there did not happen in answer to the signal, on a fast machine or a
 * slow one; a fixed wait proves that on neither. Returns the history from the signal on.
 */
export async function settledAfter(handle: Handle, signal: { name: string }): Promise<HistoryEvent[]> {
  return until(
    `the workflow to answer the ${signal.name} signal`,
    async () => {
      const events = (await handle.fetchHistory()).events ?? [];
      const sent = events.findLastIndex((e) => e.workflowExecutionSignaledEventAttributes?.signalName === signal.name);
      if (sent < 0) return false;
      const since = events.slice(sent);
      const open = new Set<string>();
      for (const e of since) {
        if (e.activityTaskScheduledEventAttributes) open.add(String(e.eventId));
        const closed =
          e.activityTaskCompletedEventAttributes ??
          e.activityTaskFailedEventAttributes ??
          e.activityTaskTimedOutEventAttributes ??
          e.activityTaskCanceledEventAttributes;
        if (closed) open.delete(String(closed.scheduledEventId));
      }
      const tasks = since.filter(
        (e) =>
          e.workflowTaskScheduledEventAttributes ||
          e.workflowTaskStartedEventAttributes ||
          e.workflowTaskCompletedEventAttributes ||
          e.workflowTaskFailedEventAttributes ||
          e.workflowTaskTimedOutEventAttributes,
      );
      const ran = tasks.some((e) => e.workflowTaskStartedEventAttributes);
      // Decoded history leaves an absent attribute null, not undefined.
      const lastCompleted = Boolean(tasks.at(-1)?.workflowTaskCompletedEventAttributes);
      return ran && open.size === 0 && lastCompleted && since;
    },
    undefined,
    25,
  );
}

/** The activities a stretch of history scheduled, by name. */
export const activitiesScheduled = (events: HistoryEvent[]): string[] =>
  events.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);

/** Waits for the open query and answers it with one of its options, as the physician (update). */
export async function answerOpenQuery(handle: Handle, option = 'Type 2 diabetes mellitus'): Promise<void> {
  const waiting = await waitForStage(handle, 'awaiting_clarification');
  await handle.executeUpdate(answerClarificationUpdate, {
    args: [{ queryId: waiting.openQuery!.queryId, answeredBy: PHYSICIAN, option }],
  });
}

/** The biller's coverage correction of the scripted encounters: a new insurance card (another payer and member id). */
export async function correctCoverageWithNewCard(handle: Handle, expectedVersion = 1): Promise<void> {
  await handle.executeUpdate(coverageCorrectedUpdate, {
    args: [
      {
        kind: 'coverage',
        correctedBy: 'biller-1',
        reason: 'new insurance card',
        payerId: 'BLUE-PLAINS',
        memberId: 'BP-77',
        expectedVersion,
      },
    ],
  });
}
