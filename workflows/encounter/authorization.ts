/**
 * Stage: prior authorization of what was coded, after the service (retro-authorization: an
 * encounter posted after the visit, or a correction of a scheduled one). When the payer's rules
 * require it, the insurer is asked (a pended request is followed up until the regulatory
 * deadline); a denial, an expiry or a failed request goes to a person, who resubmits or bills the
 * patient; a modified authorization is reviewed without recoding (MODIFIED_AUTHORIZATION_NOT_RECODED).
 * Scheduled encounters are authorized before the service in scheduled.ts.
 */
import { ActivityFailure, condition, log } from '@temporalio/workflow';
import type { AuthorizationResult, CodingSummary } from '../../activities/index.ts';
import type { AuthorizationRequirement } from '../../activities/authorization.ts';
import { durationMs } from '../../domain/durations.ts';
import { external, internal } from '../activities.ts';
import type { AuthorizationState } from '../messages.ts';
import { MODIFIED_AUTHORIZATION_NOT_RECODED, MODIFIED_AUTHORIZATION_REVIEWED } from '../patches.ts';
import { failureMessage, type EncounterState } from './state.ts';

/** What billing needs from the authorization stage: the auth number, capped units, or billing the patient. */
export interface AuthorizationForBilling {
  authNumber?: string;
  authorizedUnits?: Record<string, number>;
  billPatient: boolean;
}

/** `codes`: the codes to bill; the engine's result says already whether they need authorization. */
export async function authorize(state: EncounterState, codes?: CodingSummary): Promise<AuthorizationForBilling> {
  const { encounterId, status } = state;
  const requirement =
    knownRequirement(state, codes) ?? (await internal.checkAuthorizationRequirement({ encounterId, revision: status.codingRevision }));
  if (!requirement.required) {
    status.authorization = { outcome: 'not_required', attempt: 0 };
    return { billPatient: false };
  }
  const carried = await state.moveToCarried('authorization', `payer requires prior authorization for ${requirement.codes.join(', ')}`);
  for (let attempt = 1; ; attempt++) {
    state.checkpoint();
    status.authorization = { outcome: 'requested', attempt, timing: 'retro' };
    let result: AuthorizationResult;
    try {
      result = await external.requestPriorAuthorization({
        encounterId,
        attempt,
        revision: status.codingRevision,
        ...(attempt === 1 ? carried : {}),
      });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      log.warn('prior authorization request failed', { encounterId, attempt });
      const why = failureMessage(err, 'the insurer could not be reached');
      const decision = await state.awaitSupervisor('needs_review', 'authorization_denied', `authorization request failed: ${why}`, [
        'resubmit',
        'bill_patient',
      ]);
      if (decision?.decision === 'bill_patient') return billWithoutAuthorization(state);
      await state.moveTo('authorization', 'supervisor asked to resubmit');
      continue;
    }
    result = await followPended(state, result, attempt, requirement.expedited, 'retro');
    status.authorization = { ...toAuthorizationState(result), attempt, timing: 'retro' };
    if (result.outcome === 'modified' && state.uses(MODIFIED_AUTHORIZATION_REVIEWED)) {
      const review = state.uses(MODIFIED_AUTHORIZATION_NOT_RECODED)
        ? await requestModificationOrBill(state, result)
        : await reviewModifiedAuthorization(state, result);
      if (review === 'bill_patient') return billWithoutAuthorization(state);
      if (review === 'resubmit') continue;
      return { authNumber: result.authNumber, billPatient: false };
    }
    if (result.outcome === 'certified' || result.outcome === 'modified') {
      if (result.outcome === 'modified')
        state.flag(`the insurer modified the request: ${result.reason ?? 'see the authorization'}; a coder should review the codes`);
      return { authNumber: result.authNumber, billPatient: false };
    }
    if (result.outcome === 'partial') {
      state.flag('partially authorized: billing only the authorized units');
      return { authNumber: result.authNumber, authorizedUnits: result.authorizedUnits, billPatient: false };
    }
    const decision = await awaitAuthorizationDecision(state, result, {
      expired: 'the insurer did not decide by the regulatory deadline',
      denied: 'the insurer denied authorization',
    });
    if (decision?.decision === 'bill_patient') return billWithoutAuthorization(state);
    await state.moveTo('authorization', 'supervisor asked to resubmit with more documentation', decision?.decidedBy);
  }
}

/**
 * A request the insurer denied, or left pended past the regulatory deadline (shown as expired): a
 * supervisor decides whether to resubmit it or bill the patient. `wording` says what happened.
 */
export function awaitAuthorizationDecision(
  state: EncounterState,
  result: AuthorizationResult,
  wording: { expired: string; denied: string },
) {
  const expired = result.outcome === 'pended';
  if (expired && state.status.authorization) state.status.authorization.outcome = 'expired';
  return state.awaitSupervisor(
    expired ? 'needs_review' : 'denied',
    expired ? 'authorization_expired' : 'authorization_denied',
    expired ? wording.expired : `${wording.denied}: ${result.reason ?? 'no reason given'}`,
    ['resubmit', 'bill_patient'],
  );
}

/**
 * The authorization requirement the coding result carries (TRANSITIONS_CARRIED), while it is for
 * the current revision and payer; undefined: ask the activity.
 */
function knownRequirement(state: EncounterState, codes: CodingSummary | undefined): AuthorizationRequirement | undefined {
  const known = codes?.authorizationRequirement;
  if (!state.transitionsCarried || !known || codes.revision !== state.status.codingRevision || known.payerId !== state.payerId)
    return undefined;
  return known;
}

/**
 * Follows a pended request (X12 278 A4) at the poll interval until the insurer decides or the
 * regulatory decision deadline passes (CMS-0057-F: 72 h expedited, 7 days standard); durable,
 * as every wait of the workflow.
 */
export async function followPended(
  state: EncounterState,
  first: AuthorizationResult,
  attempt: number,
  expedited: boolean,
  timing: 'pre_service' | 'retro',
): Promise<AuthorizationResult> {
  const { encounterId, status, input } = state;
  const { timings } = input;
  let result = first;
  const deadline = state.now() + durationMs(expedited ? timings.authorizationDeadlineExpedited : timings.authorizationDeadlineStandard);
  while (result.outcome === 'pended' && state.now() < deadline) {
    status.authorization = { ...toAuthorizationState(result), attempt, timing };
    await condition(
      () => state.cancelRequest !== undefined,
      Math.min(durationMs(timings.authorizationPollInterval), deadline - state.now()),
    );
    state.checkpoint();
    const follow = { encounterId, attempt, payerReference: result.payerReference };
    result = await external.checkPriorAuthorizationStatus(timing === 'retro' ? follow : { ...follow, timing });
  }
  return result;
}

/**
 * The insurer authorized another service than the one performed (X12 278 A6). The codes say
 * what was performed and are never changed to fit the authorization: a biller requests a
 * modification (resubmit), bills what was performed as it stands, or bills the patient.
 */
async function requestModificationOrBill(
  state: EncounterState,
  result: AuthorizationResult,
): Promise<'bill' | 'resubmit' | 'bill_patient'> {
  const authorized = Object.keys(result.authorizedUnits ?? {}).join(', ') || 'another service';
  const decision = await state.awaitSupervisor(
    'needs_review',
    'authorization_modified',
    `the insurer authorized ${authorized} instead of what was performed: request a modification of the authorization (resubmit), bill what was performed as it stands, or bill the patient`,
    ['resubmit', 'accept_codes', 'bill_patient'],
  );
  if (decision?.decision === 'resubmit') {
    await state.moveTo('authorization', 'a modification of the authorization was requested for what was performed', decision.decidedBy);
    return 'resubmit';
  }
  if (decision?.decision === 'bill_patient') return 'bill_patient';
  state.flag('the insurer authorized another service; billed what was performed, as coded');
  return 'bill';
}

/**
 * Before MODIFIED_AUTHORIZATION_NOT_RECODED: the insurer authorized another service than the
 * one coded (X12 278 A6); a coder recoded to what was authorized (an override), or a supervisor
 * accepted the codes or asked again. Kept for encounters started before the change.
 */
async function reviewModifiedAuthorization(
  state: EncounterState,
  result: AuthorizationResult,
): Promise<'bill' | 'resubmit' | 'bill_patient'> {
  const authorized = Object.keys(result.authorizedUnits ?? {}).join(', ') || 'another service';
  for (;;) {
    const decision = await state.awaitSupervisor(
      'needs_review',
      'authorization_modified',
      `the insurer authorized ${authorized} instead of the requested services: a coder recodes, or a supervisor accepts the codes or resubmits`,
      ['accept_codes', 'resubmit'],
      () => state.pendingOverride !== undefined,
    );
    if (decision?.decision === 'resubmit') {
      await state.moveTo('authorization', 'supervisor asked to resubmit the authorization', decision.decidedBy);
      return 'resubmit';
    }
    if (decision?.decision === 'accept_codes') {
      state.flag('the insurer modified the request; billed as coded after a supervisor accepted the codes');
      return 'bill';
    }
    if (await state.tryOverride()) return 'bill';
  }
}

export function billWithoutAuthorization(state: EncounterState): AuthorizationForBilling {
  state.flag('billed without authorization: the patient was given notice of liability');
  return { billPatient: true };
}

export function toAuthorizationState(result: AuthorizationResult): Omit<AuthorizationState, 'attempt'> {
  return {
    outcome: result.outcome,
    payerReference: result.payerReference,
    authNumber: result.authNumber,
    validFrom: result.validFrom,
    validTo: result.validTo,
    authorizedUnits: result.authorizedUnits,
    reason: result.reason,
  };
}
