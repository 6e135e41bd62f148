/**
 * Stages of an encounter posted before its visit (a scheduled service):
 * - prior authorization of the planned services before the date of service (pended requests
 *   followed to the CMS-0057-F deadline; a denial goes to a person, who asks again or has the
 *   patient informed that they will pay);
 * - waiting for the visit's documentation (a validated update from the clinic);
 * - once coded, what was performed against what was authorized: a difference goes to a biller,
 *   who requests a modification or retro-authorization, bills what was performed as it stands,
 *   or bills the patient. The codes are never changed to fit the authorization.
 */
import { ActivityFailure, condition } from '@temporalio/workflow';
import type { AuthorizationResult } from '../../activities/index.ts';
import { external, internal } from '../activities.ts';
import {
  authorize,
  awaitAuthorizationDecision,
  billWithoutAuthorization,
  followPended,
  toAuthorizationState,
  type AuthorizationForBilling,
} from './authorization.ts';
import { failureMessage, type EncounterState } from './state.ts';

/** What the pre-service authorization left for billing: nothing needed, an authorization on file, or billing the patient. */
export interface PreServiceAuthorization {
  billPatient: boolean;
}

export async function authorizeBeforeService(state: EncounterState): Promise<PreServiceAuthorization> {
  const { encounterId, status } = state;
  const requirement = await internal.checkPlannedAuthorizationRequirement({ encounterId });
  if (!requirement.required) {
    status.authorization = { outcome: 'not_required', attempt: 0, timing: 'pre_service' };
    return { billPatient: false };
  }
  await state.moveTo('authorization', `payer requires prior authorization before the service for ${requirement.codes.join(', ')}`);
  for (let attempt = 1; ; attempt++) {
    state.checkpoint();
    status.authorization = { outcome: 'requested', attempt, timing: 'pre_service' };
    let result: AuthorizationResult;
    try {
      result = await external.requestPriorAuthorization({ encounterId, attempt, revision: 0, timing: 'pre_service' });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const why = failureMessage(err, 'the insurer could not be reached');
      const decision = await state.awaitSupervisor(
        'needs_review',
        'authorization_denied',
        `the pre-service authorization request failed: ${why}`,
        ['resubmit', 'bill_patient'],
      );
      if (decision?.decision === 'bill_patient') return { billPatient: billWithoutAuthorization(state).billPatient };
      await state.moveTo('authorization', 'asked to resubmit the pre-service authorization', decision?.decidedBy);
      continue;
    }
    result = await followPended(state, result, attempt, requirement.expedited, 'pre_service');
    status.authorization = { ...toAuthorizationState(result), attempt, timing: 'pre_service' };
    if (result.outcome === 'certified') return { billPatient: false };
    if (result.outcome === 'partial' || result.outcome === 'modified') {
      state.flag(
        `the insurer authorized ${result.outcome === 'partial' ? 'fewer units than' : 'another service than'} planned: ${result.reason ?? 'see the authorization'}; what is performed is checked against it after the visit`,
      );
      return { billPatient: false };
    }
    const decision = await awaitAuthorizationDecision(state, result, {
      expired: 'the insurer did not decide on the pre-service request by the regulatory deadline',
      denied: 'the insurer denied the pre-service authorization',
    });
    if (decision?.decision === 'bill_patient') return { billPatient: billWithoutAuthorization(state).billPatient };
    await state.moveTo('authorization', 'asked to resubmit the pre-service authorization with more documentation', decision?.decidedBy);
  }
}

/** Waits (durably, for as long as it takes) for the clinic to document the visit; a cancel ends the wait. */
export async function awaitVisit(state: EncounterState): Promise<void> {
  const scheduled = state.status.scheduled!;
  if (scheduled.documentedAt === undefined) {
    await state.moveTo('awaiting_visit', `waiting for the documentation of the visit on ${scheduled.dateOfService}`);
    await condition(() => state.cancelRequest !== undefined || state.status.scheduled?.documentedAt !== undefined);
  }
  state.checkpoint();
}

/** After coding: the authorization for billing, from what was performed against what was authorized. */
export async function checkPerformedAgainstAuthorized(
  state: EncounterState,
  preService: PreServiceAuthorization,
): Promise<AuthorizationForBilling> {
  const { encounterId, status } = state;
  if (preService.billPatient) return { billPatient: true };
  const check = await internal.comparePerformedWithAuthorized({ encounterId, revision: status.codingRevision });
  if (status.authorization) status.authorization.performedCheck = { matches: check.matches, differences: check.differences };
  if (check.matches) return check.authNumber !== undefined ? { authNumber: check.authNumber, billPatient: false } : { billPatient: false };

  const decision = await state.awaitSupervisor(
    'needs_review',
    'authorization_mismatch',
    `what was performed is not what was authorized: ${check.differences.join('; ')}. ` +
      'A biller requests a modification or retro-authorization for what was performed (resubmit), bills what was performed as it stands, or bills the patient.',
    ['resubmit', 'accept_codes', 'bill_patient'],
  );
  if (decision?.decision === 'bill_patient') return billWithoutAuthorization(state);
  if (decision?.decision === 'accept_codes') {
    state.flag(`billed what was performed although it differs from the authorization (${check.differences.join('; ')})`);
    return check.authNumber !== undefined ? { authNumber: check.authNumber, billPatient: false } : { billPatient: false };
  }
  state.flag('retro-authorization requested for what was performed (after the service)');
  return authorize(state);
}
