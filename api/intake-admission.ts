/**
 * Whether POST /encounters takes a new encounter now: one decision over the two signals that say
 * the product is behind, taken before anything is read or written.
 *
 * - `workflow_starts_pending`: this API process holds `maxPending` stored encounters whose
 *   workflow start has not gone out yet (platform/encounter-workflow-starts.ts). Retry-After: how
 *   long the starter needs to send the excess, at the pace its recent starts took.
 * - `workflow_backlog`: the oldest workflow task waiting for a worker is older than
 *   `maxBacklogAgeMs` (api/intake-backpressure.ts: while tasks wait, status queries and answers to
 *   those workflows wait too). Retry-After: the backlog's excess age.
 *
 * A refusal is one problem type, `<API problem base>/intake-overloaded` (503, Retry-After from
 * the signal that refused, the detail naming it), counted in one metric,
 * `encounterflow_intake_refused_total{reason}`. The first signal that refuses decides; the starts
 * are checked first (in-process, exact), the backlog second (a reading up to 2 s old).
 */
import type { RequestHandler } from 'express';
import { HttpProblem } from '../platform/problem.ts';
import { backlogMonitor, type BacklogMonitor, type ReadWorkflowBacklog } from './intake-backpressure.ts';

export type IntakeRefusalReason = 'workflow_starts_pending' | 'workflow_backlog';
export const INTAKE_REFUSAL_REASONS: readonly IntakeRefusalReason[] = ['workflow_starts_pending', 'workflow_backlog'];

/** The problem type of a refused intake, under the API's problem base. */
export const INTAKE_OVERLOADED = 'intake-overloaded';

/** Retry-After of a refused intake, whichever signal refused, stays within these bounds (seconds). */
export const MIN_RETRY_AFTER_SECONDS = 1;
export const MAX_RETRY_AFTER_SECONDS = 30;

/** What the workflow starter of this process says about itself (platform/encounter-workflow-starts.ts). */
export interface PendingStarts {
  readonly pending: number;
  readonly full: boolean;
  /** Seconds until `count` more starts have gone out, at the starter's recent pace. */
  secondsToSend(count: number): number;
}

export interface IntakeSignals {
  starts: PendingStarts;
  /** The last reading of the workers' backlog (undefined: none yet, or unreadable: admit). */
  oldestTaskAgeMs: number | undefined;
  maxBacklogAgeMs: number;
  maxPendingStarts: number;
}

export type IntakeDecision = { admit: true } | { admit: false; reason: IntakeRefusalReason; retryAfterSeconds: number; detail: string };

export const TOO_MANY_UNSTARTED = 'Too many encounters are waiting for their workflow to start; nothing was stored, try again shortly';

const bounded = (seconds: number) => Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(MIN_RETRY_AFTER_SECONDS, Math.ceil(seconds)));

/** The one decision: admit, or the first signal that refuses with its Retry-After. */
export function decideIntake(signals: IntakeSignals): IntakeDecision {
  const { starts } = signals;
  if (starts.full) {
    const excess = starts.pending - signals.maxPendingStarts + 1;
    return {
      admit: false,
      reason: 'workflow_starts_pending',
      retryAfterSeconds: bounded(starts.secondsToSend(excess)),
      detail: TOO_MANY_UNSTARTED,
    };
  }
  const age = signals.oldestTaskAgeMs;
  if (signals.maxBacklogAgeMs > 0 && age !== undefined && age > signals.maxBacklogAgeMs) {
    return {
      admit: false,
      reason: 'workflow_backlog',
      retryAfterSeconds: bounded((age - signals.maxBacklogAgeMs) / 1000),
      detail: `The workers are behind (the oldest waiting workflow task waited ${Math.round(age / 1000)} s); nothing was stored, try again shortly`,
    };
  }
  return { admit: true };
}

/** A refused intake as the API answers it: 503, the intake-overloaded type, Retry-After. */
export function intakeRefusal(decision: Extract<IntakeDecision, { admit: false }>): HttpProblem {
  return new HttpProblem(503, decision.detail, undefined, { 'Retry-After': String(decision.retryAfterSeconds) }, INTAKE_OVERLOADED);
}

export interface IntakeAdmission extends RequestHandler {
  /** Reads the backlog now (the handler does so in the background; tests await it). */
  refresh(): Promise<void>;
}

export function intakeAdmission(options: {
  /** This process's workflow starter (looked up per request: tests give their own). */
  starts: () => PendingStarts;
  maxPendingStarts: number;
  maxBacklogAgeMs: number;
  readBacklog: ReadWorkflowBacklog;
  onRefused?: (reason: IntakeRefusalReason) => void;
  now?: () => number;
}): IntakeAdmission {
  const backlog: BacklogMonitor = backlogMonitor({ read: options.readBacklog, ...(options.now ? { now: options.now } : {}) });
  const handler: RequestHandler = (_req, _res, next) => {
    const decision = decideIntake({
      starts: options.starts(),
      oldestTaskAgeMs: options.maxBacklogAgeMs > 0 ? backlog.oldestTaskAgeMs() : undefined,
      maxBacklogAgeMs: options.maxBacklogAgeMs,
      maxPendingStarts: options.maxPendingStarts,
    });
    if (decision.admit) return next();
    options.onRefused?.(decision.reason);
    next(intakeRefusal(decision));
  };
  return Object.assign(handler, { refresh: () => backlog.refresh() });
}
