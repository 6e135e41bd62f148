/**
 * Keeps patient data out of failures. An unexpected error's message can quote the data it choked
 * on (a database driver's does), and Temporal stores failure messages in the workflow history
 * and the worker logs them. So every error that is not already an ApplicationFailure we raised
 * on purpose is replaced by one that names only the error's class, code and activity. Known
 * errors (an insurer outage, a rejected request, an unpriced code) are mapped to failures that
 * tell the retry policy whether trying again can help.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, Next } from '@temporalio/worker';
import type { Context } from '@temporalio/activity';
import { toActivityFailure } from '../integrations/activity-failures.ts';

export function sanitizeActivityError(err: unknown, activityType: string): unknown {
  // Errors of the external parties and of the billing data become retryable or final failures.
  const mapped = toActivityFailure(err);
  if (mapped instanceof ApplicationFailure) return mapped;
  if (!(err instanceof Error)) return ApplicationFailure.create({ type: 'UnexpectedError', message: `${activityType} failed` });
  if (err.name === 'CancelledFailure' || err.name === 'AbortError') return err;
  const code = (err as { code?: unknown }).code;
  const label = typeof code === 'string' ? `${err.name} ${code}` : err.name;
  return ApplicationFailure.create({ type: err.name, message: `${activityType} failed: ${label}` });
}

export class PhiSafeActivityErrors implements ActivityInboundCallsInterceptor {
  constructor(private readonly ctx: Context) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    try {
      return await next(input);
    } catch (err) {
      throw sanitizeActivityError(err, this.ctx.info.activityType);
    }
  }
}

/** How often a running activity tells Temporal it is alive; well inside the workflow's heartbeatTimeout. */
export const HEARTBEAT_INTERVAL_MS = 2_000;

/**
 * Heartbeats for every activity while it runs. With the workflow's `heartbeatTimeout`, an
 * activity whose worker died (kill -9, a lost host) is retried elsewhere within seconds instead
 * of after its whole start-to-close timeout. Each activity is a few awaited calls with their own
 * timeouts (database, HTTP), so a timer is the one place that sees them all; a hang inside one is
 * still bounded by start-to-close. The heartbeat also delivers cancellation to the activity.
 *
 * The first heartbeat comes one interval after the start, not at the start: the server counts the
 * heartbeat timeout from the start already, and most activities end well within one interval, so
 * they send none (each heartbeat costs an encrypted payload, a call into the SDK's core and an
 * RPC to the server: measured as a visible share of the worker's CPU per encounter).
 */
export class HeartbeatWhileRunning implements ActivityInboundCallsInterceptor {
  constructor(private readonly ctx: Context) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    // A local activity runs inside its workflow task and has no heartbeat of its own.
    if (this.ctx.info.isLocal) return next(input);
    const timer = setInterval(() => this.ctx.heartbeat(), HEARTBEAT_INTERVAL_MS);
    try {
      return await next(input);
    } finally {
      clearInterval(timer);
    }
  }
}
