/**
 * What the people around an encounter do to its running workflow, named for their part in the job
 * (a supervisor decides, a coder accepts or edits, the physician answers, a biller corrects the
 * coverage), for the workflow tests and scripts/record-workflow-histories.ts.
 *
 * `play(...steps)` is the one driver: the steps are data (who does what, with which codes), played
 * in order on the encounter's handle; each step sees the status the last `reach` returned, so a
 * decision names the question it answers. Starts and tears down nothing: the workflow, its worker
 * and the time-skipping server belong to drive.ts's runEncounter and its caller.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Duration } from '@temporalio/common';
import {
  cancelSignal,
  coderReviewUpdate,
  coverageCorrectedUpdate,
  denialActionUpdate,
  overrideCodesSignal,
  statusQuery,
  supervisorDecisionSignal,
  supervisorDecisionUpdate,
  visitDocumentedUpdate,
  type CancelRequest,
  type CodeOverride,
  type CoverageCorrection,
  type DenialAction,
  type EncounterStatus,
  type SupervisorDecision,
  type SupervisorDecisionKind,
} from '../workflows/messages.ts';
import type { Stage } from '../workflows/stages.ts';
import { answerOpenQuery, correctCoverageWithNewCard, settledAfter, waitForStage, type Drive, type Handle } from './drive.ts';

/** The encounter a step acts on, and what the steps before it saw and did. */
export interface Turn {
  handle: Handle;
  env: TestWorkflowEnvironment;
  /** The status the last `reach` (or `skipUntil`) returned. */
  status?: EncounterStatus;
  /** The last decision sent through the update, for a client's retry of it. */
  decided?: SupervisorDecision;
}

export type Step = (turn: Turn) => Promise<unknown>;

/** The drive that plays `steps` in order on the encounter (the one driver of every recorded path). */
export function play(...steps: Step[]): (env: TestWorkflowEnvironment) => Drive {
  return (env) => async (handle) => {
    const turn: Turn = { handle, env };
    for (const step of steps) await step(turn);
  };
}

function pending(turn: Turn): EncounterStatus {
  if (turn.status === undefined) throw new Error('a step needs the status: reach a stage first');
  return turn.status;
}

/** Waits until the encounter is in `stage` (about 5 s at most, unless told). */
export const reach =
  (stage: Stage, withinMs?: number): Step =>
  async (turn) => {
    turn.status = await waitForStage(turn.handle, stage, withinMs);
  };

/** Lets workflow time pass on the time-skipping server (reminders, deadlines, payer days). */
export const skip =
  (duration: Duration): Step =>
  (turn) =>
    turn.env.sleep(duration);

/** Skips `every` at a time until the encounter is in `stage` (a deadline measured in payer days). */
export const skipUntil =
  (stage: Stage, every: Duration, times = 100): Step =>
  async (turn) => {
    for (let i = 0; i < times; i++) {
      await turn.env.sleep(every);
      const status = await turn.handle.query(statusQuery);
      if (status.stage === stage) {
        turn.status = status;
        return;
      }
    }
    throw new Error(`encounter never reached ${stage}`);
  };

/**
 * Waits until the workflow has answered the last `signal` in full (drive.ts's settledAfter) before
 * the next step: a fire-and-forget signal is taken after its proof is checked, at the machine's pace.
 */
export const settle =
  (signal: { name: string }): Step =>
  ({ handle }) =>
    settledAfter(handle, signal);

/** The physician answers the open query with one of its options. */
export const answerQuery =
  (option?: string): Step =>
  ({ handle }) =>
    answerOpenQuery(handle, option);

/**
 * Waits for the physician's query, lets its deadline pass unanswered and returns the status once
 * the supervisor has been asked (`escalated`).
 */
export async function escalateUnansweredQuery(handle: Handle, env: TestWorkflowEnvironment): Promise<EncounterStatus> {
  await waitForStage(handle, 'awaiting_clarification');
  await env.sleep('73h');
  return waitForStage(handle, 'escalated');
}

/** The query's deadline passes unanswered: the encounter escalates to a supervisor. */
export const escalateQuery = (): Step => async (turn) => {
  turn.status = await escalateUnansweredQuery(turn.handle, turn.env);
};

/** A supervisor decides by the fire-and-forget signal (no question named). */
export const signalDecision =
  (decision: SupervisorDecision): Step =>
  ({ handle }) =>
    handle.signal(supervisorDecisionSignal, decision);

/** A supervisor answers the pending question through the update, naming it. */
export const decide =
  (decision: SupervisorDecisionKind, decidedBy: string, more: Pick<SupervisorDecision, 'extendBy' | 'note'> = {}): Step =>
  async (turn) => {
    turn.decided = { decision, decidedBy, ...more, decisionId: pending(turn).pendingDecision!.id! };
    await turn.handle.executeUpdate(supervisorDecisionUpdate, { args: [turn.decided] });
  };

/** A client sends the decision it gave through the update again, as a signal (a stale retry). */
export const resendDecisionAsSignal = (): Step => (turn) => {
  if (turn.decided === undefined) throw new Error('no decision to send again');
  return turn.handle.signal(supervisorDecisionSignal, turn.decided);
};

/** A coder replaces the codes by the signal. */
export const overrideCodes =
  (codes: Omit<CodeOverride, 'overriddenBy'>, overriddenBy = 'coder-1'): Step =>
  ({ handle }) =>
    handle.signal(overrideCodesSignal, { overriddenBy, ...codes });

/** Someone cancels the encounter. */
export const cancel =
  (request: CancelRequest): Step =>
  ({ handle }) =>
    handle.signal(cancelSignal, request);

/** The coder accepts the codes under review. */
export const coderAccepts =
  (reviewedBy = 'coder-1'): Step =>
  (turn) =>
    turn.handle.executeUpdate(coderReviewUpdate, {
      args: [{ action: 'accept', reviewId: pending(turn).coderReview!.id, reviewedBy }],
    });

/** The coder replaces the codes under review; with `refused`, the workflow must refuse them. */
export const coderEdits =
  (codes: Pick<CodeOverride, 'diagnoses' | 'procedures'>, { refused = false, reviewedBy = 'coder-1' } = {}): Step =>
  async (turn) => {
    const edit = turn.handle.executeUpdate(coderReviewUpdate, {
      args: [{ action: 'edit', reviewId: pending(turn).coderReview!.id, reviewedBy, ...codes }],
    });
    if (!refused) return edit;
    await edit.then(
      () => {
        throw new Error('an invalid code was accepted');
      },
      () => undefined,
    );
  };

/** The coder asks the physician instead of deciding. */
export const coderAsks =
  (question: string, options: string[], reviewedBy = 'coder-1'): Step =>
  (turn) =>
    turn.handle.executeUpdate(coderReviewUpdate, {
      args: [{ action: 'query', reviewId: pending(turn).coderReview!.id, reviewedBy, question, options }],
    });

/** A biller corrects the coverage (or the demographics, or makes it self-pay). */
export const correctCoverage =
  (correction: CoverageCorrection): Step =>
  ({ handle }) =>
    handle.executeUpdate(coverageCorrectedUpdate, { args: [correction] });

/** The biller enters the new insurance card of the scripted encounters. */
export const newInsuranceCard = (): Step => (turn) => correctCoverageWithNewCard(turn.handle);

/** Intake documents the scheduled visit. */
export const documentVisit =
  (submittedBy = 'intake-1'): Step =>
  ({ handle }) =>
    handle.executeUpdate(visitDocumentedUpdate, { args: [{ submittedBy }] });

/** A biller acts on a payer's denial (appeal, resubmit, write off). */
export const actOnDenial =
  (action: DenialAction): Step =>
  ({ handle }) =>
    handle.executeUpdate(denialActionUpdate, { args: [action] });
