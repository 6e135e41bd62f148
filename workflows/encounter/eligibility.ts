/**
 * Stage: eligibility and benefits. The insurer is asked whether the member is covered on the
 * date of service (at the start of the encounter, and again before the claim when the first
 * answer is old or the coverage was corrected since). Inactive, not found or the wrong member:
 * the encounter waits for a biller, who corrects the coverage or the patient's demographics
 * (the encounter asks again), switches it to self-pay, or cancels it. It never goes on to a
 * claim the insurer would refuse.
 */
import { upsertSearchAttributes } from '@temporalio/workflow';
import { durationMs } from '../../domain/durations.ts';
import { PAYER_ID } from '../../platform/search-attributes.ts';
import { external } from '../activities.ts';
import { DEFAULT_TIMINGS } from '../config.ts';
import type { EligibilityState } from '../messages.ts';
import type { EncounterState } from './state.ts';

export async function verifyEligibility(state: EncounterState, purpose: EligibilityState['purpose']): Promise<void> {
  const { encounterId, status } = state;
  if (status.financialClass === 'self_pay') return;
  status.financialClass ??= 'insurance';
  let carried = await state.moveToCarried(
    'eligibility',
    purpose === 'start' ? 'checking eligibility and benefits' : 'checking eligibility again before the claim',
  );
  for (;;) {
    state.checkpoint();
    state.coverageChangedSinceCheck = false;
    state.eligibilityChecks += 1;
    const summary = await external.checkEligibility({ encounterId, check: state.eligibilityChecks, ...carried });
    carried = {};
    status.eligibility = { ...summary, purpose };
    if (summary.status === 'active') return;

    await state.awaitSupervisor(
      'awaiting_coverage',
      'coverage_problem',
      `coverage could not be confirmed (${summary.status.replace('_', ' ')}): ${summary.reason ?? 'no reason given'}. ` +
        'A biller corrects the coverage or the demographics, switches the encounter to self-pay, or cancels it.',
      [],
      () => state.pendingCoverageCorrection !== undefined,
    );
    const correction = state.pendingCoverageCorrection!;
    state.pendingCoverageCorrection = undefined;
    if (correction.kind === 'self_pay') {
      switchToSelfPay(state, correction.correctedBy);
      await state.moveTo('eligibility', 'switched to self-pay by a biller', correction.correctedBy);
      return;
    }
    await state.moveTo(
      'eligibility',
      `${correction.kind} corrected by a biller (version ${correction.version}): checking again`,
      correction.correctedBy,
    );
  }
}

/** Takes a correction that arrived while the encounter was not waiting for one (the next check uses it). */
export function takeCoverageCorrection(state: EncounterState): void {
  const correction = state.pendingCoverageCorrection;
  if (!correction || state.status.stage === 'awaiting_coverage') return;
  state.pendingCoverageCorrection = undefined;
  if (correction.kind === 'self_pay') {
    switchToSelfPay(state, correction.correctedBy);
    return;
  }
  state.coverageChangedSinceCheck = true;
  state.flag(
    `${correction.kind} corrected by ${correction.correctedBy} (version ${correction.version}): eligibility is checked again before the claim`,
  );
}

/** Records the new payer of a coverage correction (search attribute included). */
export function notePayer(state: EncounterState, payerId: string | undefined): void {
  if (payerId === undefined || payerId === state.payerId) return;
  state.payerId = payerId;
  upsertSearchAttributes([{ key: PAYER_ID, value: payerId }]);
}

function switchToSelfPay(state: EncounterState, by: string): void {
  state.status.financialClass = 'self_pay';
  state.flag(`switched to self-pay by ${by}: priced from the self-pay price list, no claim goes to the insurer`);
}

/** True when the last eligibility answer is older than the recheck interval (a visit scheduled far ahead). */
export function eligibilityIsStale(state: EncounterState): boolean {
  const checkedAt = state.status.eligibility?.checkedAt;
  if (checkedAt === undefined) return false;
  const after = durationMs(state.input.timings.eligibilityRecheckAfter ?? DEFAULT_TIMINGS.eligibilityRecheckAfter!);
  return state.now() - Date.parse(checkedAt) > after;
}
