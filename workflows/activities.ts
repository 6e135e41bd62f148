/**
 * The encounter workflow's two ways of calling activities, one per retry policy. Each proxy is
 * typed with its kind of activity only (activities/index.ts), so a call to the insurer cannot be
 * written against the internal policy, nor a database write against the external one.
 */
import { proxyActivities, proxyLocalActivities, type LocalActivityOptions } from '@temporalio/workflow';
import type { ExternalActivities, InternalActivities } from '../activities/index.ts';
import { EXTERNAL_PARTY_REJECTED, INVALID_ENCOUNTER } from '../integrations/failure-types.ts';

/**
 * Every activity heartbeats while it runs (worker/interceptors.ts, every 2 s): an activity on a
 * worker that died is retried elsewhere after `heartbeatTimeout`, within seconds. Start-to-close
 * bounds an attempt that hangs on a live worker; each call inside has a shorter timeout of its
 * own (database connection and query timeouts, EXTERNAL_TIMEOUT_MS), so it is a last resort.
 */
const HEARTBEAT_TIMEOUT = '10 seconds';

/** Database writes and the coding engine: quick, retried until they succeed. */
const INTERNAL_OPTIONS = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
} satisfies LocalActivityOptions;
export const internal = proxyActivities<InternalActivities>({ ...INTERNAL_OPTIONS, heartbeatTimeout: HEARTBEAT_TIMEOUT });

/**
 * The coding engine and the check of a coder's codes, with a bounded number of attempts (behind
 * CODER_REVIEW): an input the engine cannot code in three tries goes to a coder instead of being
 * retried for ever, and a coder waiting on a check gets an answer.
 */
export const bounded = proxyActivities<Pick<InternalActivities, 'codeEncounter' | 'checkCoderCodes'>>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    maximumAttempts: 3,
    nonRetryableErrorTypes: [INVALID_ENCOUNTER],
  },
});

/**
 * Calls to the insurer, the clearinghouse and notification endpoints: retried through outages
 * (an ApplicationFailure's nextRetryDelay carries the party's Retry-After), for up to a day;
 * a rejected request is not retried.
 */
export const external = proxyActivities<ExternalActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  scheduleToCloseTimeout: '24 hours',
  retry: {
    initialInterval: '2s',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: [EXTERNAL_PARTY_REJECTED, INVALID_ENCOUNTER],
  },
});

/**
 * Notices to patients through the clinic's messaging (statement notices, behind
 * STATEMENT_NOTICES_SENT): retried with no end through a messaging outage, so a notice is delayed,
 * never lost; a refusal for good is the activity's answer (recorded on the notice), not a failure.
 */
export const messaging = proxyActivities<Pick<ExternalActivities, 'sendStatementNotice'>>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * Behind INTERNAL_STEPS_LOCAL: the statement from the remittance, the main path's last step, which
 * touches only the database and Temporal itself, as a local activity run in the workflow task that
 * asks for it (no activity task, no extra workflow task); behind STATEMENT_CYCLE_OPENED_LOCALLY the
 * statement cycle's first step (database only) too. Same timeouts and retries as `internal`;
 * a local activity does not heartbeat (worker/interceptors.ts). Not for a step with more of the
 * path after it in the same task that a message could change: a message (a cancel) that arrives
 * while a local activity runs is seen only in the next task, after the commands that follow it
 * went out.
 */
export const localInternal =
  proxyLocalActivities<Pick<InternalActivities, 'issueStatementFromRemittance' | 'openStatementCycle'>>(INTERNAL_OPTIONS);

/**
 * Behind STATEMENT_NOTICES_SENT_LOCALLY: a statement notice's first attempt as a local activity, in
 * the workflow task that asks for it. One attempt only, bounded by the call's own timeout
 * (EXTERNAL_TIMEOUT_MS, 10 s by default): a failure hands the notice to `messaging` above, whose
 * retries through an outage are the server's and leave nothing in the history, where a local
 * activity's long retries would add a timer per attempt.
 */
export const localMessaging = proxyLocalActivities<Pick<ExternalActivities, 'sendStatementNotice'>>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 1 },
});
