/**
 * Every activity the encounter workflow calls, built from their dependencies. The workflow
 * imports only the type (`import type { Activities }`), so none of this code enters its sandbox.
 */
import type { ActivityDeps } from './deps.ts';
import { createAuthorizationActivities } from './authorization.ts';
import { createBillingActivities } from './billing.ts';
import { createClarificationActivities } from './clarification.ts';
import { createCodingActivities } from './coding.ts';
import { createNotificationActivities } from './notifications.ts';
import { createRecordActivities } from './records.ts';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createRecordActivities(deps),
    ...createCodingActivities(deps),
    ...createClarificationActivities(deps),
    ...createNotificationActivities(deps),
    ...createAuthorizationActivities(deps),
    ...createBillingActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { CodingSummary } from './coding.ts';
export type { AuthorizationResult } from './authorization.ts';
export type { ActivityDeps } from './deps.ts';
