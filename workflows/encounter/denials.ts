/**
 * Stage: denied lines as a biller's work items. The payer's reasons are shown in words; the
 * appeal deadline (the payer directory's appeal limit from the remittance) is a durable timer
 * with reminders at half and four fifths of the window. The biller, through the API's validated
 * update, resubmits a corrected replacement claim (frequency 7), appeals with documents, or
 * writes off with a reason. A deadline passed with nothing done escalates to a supervisor.
 */
import { condition, setHandler } from '@temporalio/workflow';
import type { PostedClaimPayment } from '../../activities/posting.ts';
import { external, internal } from '../activities.ts';
import { denialActionUpdate, type DenialAction, type DenialWorkItem } from '../messages.ts';
import type { AuthorizationForBilling } from './authorization.ts';
import { submitAnotherClaim, type ClaimRef } from './adjudication.ts';
import type { EncounterState } from './state.ts';

export type DenialOutcome = { kind: 'appealed' } | { kind: 'resubmitted'; claim: ClaimRef } | { kind: 'written_off' };

const OPEN = 'open';

/** Refuses, at once, an action that does not fit the open denials (the API answers 409/422). */
export function validateDenialAction(state: EncounterState, action: DenialAction): void {
  const open = (state.status.denials ?? []).filter((d) => d.status === OPEN);
  if (open.length === 0) throw new Error('there is no open denial on this encounter');
  const unknown = (action.denialIds ?? []).filter((id) => !open.some((d) => d.denialId === id));
  if (unknown.length > 0) throw new Error('a named denial is not open on this encounter');
  if ((action.action === 'appeal' || action.action === 'write_off') && !action.reason?.trim())
    throw new Error(`a ${action.action === 'appeal' ? 'appeal' : 'write-off'} needs a reason`);
  if (action.action === 'appeal' && (action.attachmentIds ?? []).length === 0)
    throw new Error('an appeal needs at least one document (upload it first, then name its id)');
  if (action.action === 'appeal' && open.some((d) => Date.parse(d.appealDueAt) <= state.now()))
    throw new Error('the appeal deadline has passed');
  if (state.pendingDenialAction) throw new Error('an action on these denials is already being taken');
}

/** Installs the biller's update handler (no commands: safe for running encounters). */
export function registerDenialHandlers(state: EncounterState): void {
  setHandler(
    denialActionUpdate,
    (action) => {
      state.pendingDenialAction = action;
      return { accepted: true as const };
    },
    { validator: (action) => validateDenialAction(state, action) },
  );
}

export async function workDenials(
  state: EncounterState,
  claim: ClaimRef,
  payment: PostedClaimPayment,
  payerDayMs: number,
  appealLimitDays: number,
  authorization: AuthorizationForBilling,
): Promise<DenialOutcome> {
  const { status, encounterId } = state;
  const openedAt = state.now();
  const dueAt = openedAt + appealLimitDays * payerDayMs;
  const appealDueAt = new Date(dueAt).toISOString();
  const opened = await internal.openDenials({ encounterId, claimId: claim.claimId, claimPaymentId: payment.claimPaymentId, appealDueAt });
  const items: DenialWorkItem[] = opened.map((d) => ({
    ...d,
    claimNumber: claim.claimNumber,
    status: OPEN,
    appealDueAt,
    remindersSent: 0,
  }));
  status.denials = [...(status.denials ?? []), ...items];
  const summary = items.map((d) => `line ${d.lineNumber} ${d.code}: ${d.reasons[0] ?? 'denied'}`).join('; ');
  await state.moveTo('denial_review', `the payer denied ${items.length} line(s): ${summary}`);
  await external.notifySupervisor({ encounterId, kind: 'claim_denied', reason: `denied: ${summary}; appeal by ${appealDueAt}` });

  const reminders = [0.5, 0.8].map((share) => openedAt + Math.round((dueAt - openedAt) * share));
  const setStatus = (value: string, reference?: string) => {
    for (const item of items) {
      item.status = value;
      if (reference) item.appealReference = reference;
    }
  };
  for (;;) {
    state.checkpoint();
    if (!state.pendingDenialAction) {
      const next = reminders.find((at) => at > state.now()) ?? dueAt;
      if (state.now() < dueAt) {
        await condition(
          () => state.cancelRequest !== undefined || state.pendingDenialAction !== undefined,
          Math.max(1, next - state.now()),
        );
        state.checkpoint();
        if (!state.pendingDenialAction && state.now() < dueAt) {
          const number = items[0]!.remindersSent + 1;
          for (const item of items) item.remindersSent = number;
          await external.notifySupervisor({
            encounterId,
            kind: `appeal_deadline_reminder_${number}`,
            reason: `reminder ${number}: denied lines await a biller (appeal by ${appealDueAt})`,
          });
          continue;
        }
      }
      if (!state.pendingDenialAction) {
        // The deadline passed with nothing done: a supervisor decides (a late biller action still counts).
        setStatus('escalated');
        await internal.resolveDenials({
          denialIds: items.map((d) => d.denialId),
          status: 'escalated',
          actor: 'workflow',
          resolution: { reason: 'appeal deadline passed' },
        });
        const decision = await state.awaitSupervisor(
          'escalated',
          'appeal_deadline_missed',
          `the appeal deadline (${appealDueAt}) passed for ${summary}: write off, or resubmit a corrected claim`,
          ['write_off', 'resubmit'],
        );
        if (decision?.decision === 'resubmit') {
          const replacement = await submitAnotherClaim(state, authorization, { replaces: claim, actor: decision.decidedBy });
          if (replacement) return { kind: 'resubmitted', claim: replacement };
        }
        setStatus('written_off');
        await internal.resolveDenials({
          denialIds: items.map((d) => d.denialId),
          status: 'written_off',
          actor: decision?.decidedBy ?? 'supervisor',
          resolution: { reason: decision?.note ?? 'appeal deadline passed' },
        });
        state.flag(`denied lines written off after the appeal deadline by ${decision?.decidedBy ?? 'a supervisor'}`);
        return { kind: 'written_off' };
      }
    }
    const action = state.pendingDenialAction!;
    state.pendingDenialAction = undefined;
    const denialIds = action.denialIds?.length ? action.denialIds : items.map((d) => d.denialId);
    await internal.recordAudit({
      encounterId,
      actor: action.actor,
      role: 'biller',
      action: `denial:${action.action}`,
      detail: {
        denialIds,
        reason: action.reason ?? null,
        attachmentIds: action.attachmentIds ?? [],
        corrections: action.corrections ?? [],
      },
      idempotencyKey: `${encounterId}:denial:${denialIds.join(',')}:${action.action}`,
    });
    if (action.action === 'write_off') {
      setStatus('written_off');
      await internal.resolveDenials({ denialIds, status: 'written_off', actor: action.actor, resolution: { reason: action.reason ?? '' } });
      state.flag(`denied lines written off by ${action.actor}: ${action.reason ?? ''}`);
      return { kind: 'written_off' };
    }
    if (action.action === 'appeal') {
      const appeals = (status.denials ?? []).filter((d) => d.appealReference).length + 1;
      const receipt = await external.fileAppeal({
        encounterId,
        claimId: claim.claimId,
        denialIds,
        reason: action.reason ?? '',
        attachmentIds: action.attachmentIds ?? [],
        appeal: appeals,
      });
      setStatus('appealed', receipt.appealReference);
      await state.moveTo('appealed', `appeal ${receipt.appealReference} filed by ${action.actor}`, action.actor);
      return { kind: 'appealed' };
    }
    setStatus('resubmitted');
    await internal.resolveDenials({
      denialIds,
      status: 'resubmitted',
      actor: action.actor,
      resolution: { corrections: action.corrections ?? [] },
    });
    const replacement = await submitAnotherClaim(state, authorization, {
      replaces: claim,
      ...(action.corrections ? { corrections: action.corrections } : {}),
      actor: action.actor,
    });
    if (!replacement) return { kind: 'written_off' };
    return { kind: 'resubmitted', claim: replacement };
  }
}
