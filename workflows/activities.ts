/**
 * The encounter workflow's two ways of calling activities, one per retry policy. Each proxy is
 * typed with its kind of activity only (activities/index.ts), so a call to the insurer cannot be
 * written against the internal policy, nor a database write against the external one.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { ExternalActivities, InternalActivities } from '../activities/index.ts';
import { EXTERNAL_PARTY_REJECTED, INVALID_ENCOUNTER } from '../integrations/failure-types.ts';

/** Database writes and the coding engine: quick, retried until they succeed. */
export const internal = proxyActivities<InternalActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Calls to the insurer, the clearinghouse and notification endpoints: retried through outages
 * (an ApplicationFailure's nextRetryDelay carries the party's Retry-After), for up to a day;
 * a rejected request is not retried.
 */
export const external = proxyActivities<ExternalActivities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '24 hours',
  retry: {
    initialInterval: '2s',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: [EXTERNAL_PARTY_REJECTED, INVALID_ENCOUNTER],
  },
});
