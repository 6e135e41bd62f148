/**
 * The two kinds of activity the workflow runs under different retry policies: every activity is
 * of exactly one kind, and the calls that reach an outside party are the external ones. The
 * `@ts-expect-error` lines fail `tsc` if an insurer call became internal or a database write external.
 */
import { describe, expect, it } from 'vitest';
import {
  createExternalActivities,
  createInternalActivities,
  type ActivityDeps,
  type ExternalActivities,
  type InternalActivities,
} from '../../activities/index.ts';

// Factories only close over their dependencies; nothing is called here.
const deps = {} as ActivityDeps;

// @ts-expect-error an insurer call is not an internal activity
export type InsurerCallIsInternal = InternalActivities['requestPriorAuthorization'];
// @ts-expect-error a database write is not an external activity
export type TransitionIsExternal = ExternalActivities['recordTransition'];

describe('activity kinds', () => {
  const internal = Object.keys(createInternalActivities(deps)).sort();
  const external = Object.keys(createExternalActivities(deps)).sort();

  it('puts the insurer, clearinghouse and webhook calls under the external policy', () => {
    expect(external).toEqual([
      'checkEligibility',
      'checkPriorAuthorizationStatus',
      'collectRemittances',
      'fileAppeal',
      'inquireClaimStatus',
      'notifyPhysician',
      'notifySupervisor',
      'requestPriorAuthorization',
      'sendPatientQuestionNotice',
      'sendStatementNotice',
      'submitClaim',
    ]);
  });

  it('gives every activity exactly one kind', () => {
    expect(internal.filter((name) => external.includes(name))).toEqual([]);
    expect(internal).toContain('recordTransition');
    expect(internal).toContain('codeEncounter');
    // Internal by history although it asks the insurer for eligibility (activities/statements.ts).
    expect(internal).toContain('issuePatientStatement');
    // Posting and denial work items are our database; the statement from the remittance too.
    expect(internal).toEqual(expect.arrayContaining(['payerTerms', 'openDenials', 'resolveDenials', 'issueStatementFromRemittance']));
  });
});
