/**
 * Stage: coding and clarification. The engine codes the documentation; when it is unsure the
 * physician is asked (reminded, escalated at the deadline), and the answer is coded again. A
 * coder's override ends the stage at any point. Then error-severity pre-claim edits stop for review.
 */
import { condition, uuid4 } from '@temporalio/workflow';
import type { CodingSummary } from '../../activities/index.ts';
import { durationMs } from '../../domain/durations.ts';
import { external, internal } from '../activities.ts';
import { engineCodes } from './coder-review.ts';
import { EDIT_ERRORS_REVIEWED, OVERRIDE_CHECKED_FIRST } from '../patches.ts';
import type { EncounterState } from './state.ts';

/** After this many rounds of questions the engine is not asked again: a supervisor decides. */
const MAX_CLARIFICATION_ROUNDS = 3;

/**
 * How a clarification ended: answered (code again), accepted as coded by a supervisor, or ended by
 * a coder's override (`overridden`: its codes, when the override was checked before the query was
 * withdrawn).
 */
type ClarificationOutcome = { kind: 'answered' } | { kind: 'accepted' } | { kind: 'override'; overridden?: CodingSummary };

/** Codes the encounter, asking the physician while the engine is unsure; returns the codes to bill. */
export async function codeEncounter(state: EncounterState): Promise<CodingSummary> {
  const { encounterId } = state;
  const carried = await state.moveToCarried('coding');
  const { answers } = state;
  let summary = await engineCodes(state, { encounterId, revision: 1, answers: [], ...carried });
  state.applyCoding(summary);
  /** The codes of an override that ended a clarification (checked before the query was withdrawn). */
  let overridden: CodingSummary | undefined;
  for (let round = 1; ; round++) {
    state.checkpoint();
    if (overridden) return overridden;
    if (state.pendingOverride) {
      if (!state.uses(OVERRIDE_CHECKED_FIRST)) return state.applyOverride();
      const applied = await state.tryOverride();
      if (applied) return applied;
    }
    if (!summary.clarification) return summary;
    if (round > MAX_CLARIFICATION_ROUNDS) {
      const decision = await state.awaitSupervisor(
        'escalated',
        'clarification_overdue',
        `coding is still unsure after ${MAX_CLARIFICATION_ROUNDS} clarification rounds`,
        ['accept_codes'],
        () => state.pendingOverride !== undefined,
      );
      if (!decision) continue;
      return summary;
    }
    const outcome = await clarify(state, summary);
    if (outcome.kind === 'override') {
      overridden = outcome.overridden;
      continue;
    }
    if (outcome.kind === 'accepted') return summary;
    answers.push(state.pendingAnswer!);
    state.pendingAnswer = undefined;
    const recoding = await state.moveToCarried('coding', 'physician answered the query');
    summary = await engineCodes(state, { encounterId, revision: state.status.codingRevision + 1, answers, ...recoding });
    state.applyCoding(summary);
  }
}

/** Asks the physician, reminds, escalates at the deadline. */
export async function clarify(state: EncounterState, summary: CodingSummary): Promise<ClarificationOutcome> {
  const { encounterId, input, status } = state;
  const { timings, physicianNpi } = input;
  const draft = summary.clarification!;
  const queryId = uuid4();
  const askedAt = state.now();
  let dueAt = askedAt + durationMs(timings.clarificationDeadline);
  await internal.openClarificationQuery({ encounterId, queryId, physicianNpi, draft, dueAt: new Date(dueAt).toISOString() });
  status.openQuery = {
    queryId,
    physicianNpi,
    question: draft.question,
    clinicalIndicators: draft.clinicalIndicators,
    options: draft.options,
    askedAt: new Date(askedAt).toISOString(),
    dueAt: new Date(dueAt).toISOString(),
    remindersSent: 0,
  };
  await state.moveTo('awaiting_clarification', draft.reason);
  await external.notifyPhysician({ encounterId, queryId, physicianNpi, kind: 'new' });

  /** Each reminder is numbered, so a receiver that de-duplicates sees every one. */
  const remind = async (): Promise<void> => {
    status.openQuery!.remindersSent += 1;
    await external.notifyPhysician({
      encounterId,
      queryId,
      physicianNpi,
      kind: 'reminder',
      reminderNumber: status.openQuery!.remindersSent,
    });
  };
  const answeredOrOverridden = (): boolean => state.pendingAnswer !== undefined || state.pendingOverride !== undefined;
  for (;;) {
    const remaining = dueAt - state.now();
    if (remaining > 0) {
      await condition(
        () => state.cancelRequest !== undefined || answeredOrOverridden(),
        Math.min(durationMs(timings.clarificationReminderInterval), remaining),
      );
    }
    state.checkpoint();
    if (state.pendingOverride) {
      let overridden: CodingSummary | undefined;
      if (state.uses(OVERRIDE_CHECKED_FIRST)) {
        overridden = await state.tryOverride();
        if (!overridden) continue; // rejected: the physician's query stays open
      }
      await internal.closeClarificationQuery({ queryId, status: 'withdrawn' });
      status.openQuery = undefined;
      return { kind: 'override', overridden };
    }
    if (state.pendingAnswer) {
      const answer = state.pendingAnswer;
      await internal.recordClarificationAnswer({
        queryId,
        answeredBy: answer.answeredBy,
        option: answer.option,
        freeText: answer.freeText,
        answeredAt: new Date().toISOString(),
      });
      status.openQuery = undefined;
      return { kind: 'answered' };
    }
    if (state.now() < dueAt) {
      await remind();
      continue;
    }
    // The deadline has passed: a supervisor extends, accepts the codes, or cancels. A late
    // answer from the physician, or a coder's override, still ends the wait.
    await internal.closeClarificationQuery({ queryId, status: 'escalated' });
    const decision = await state.awaitSupervisor(
      'escalated',
      'clarification_overdue',
      'the physician did not answer the clarification query by its deadline',
      ['extend', 'accept_codes'],
      answeredOrOverridden,
    );
    if (!decision) continue; // woken by a late answer or an override: handled above
    if (decision.decision === 'accept_codes') {
      await internal.closeClarificationQuery({ queryId, status: 'withdrawn' });
      status.openQuery = undefined;
      return { kind: 'accepted' };
    }
    dueAt = state.now() + durationMs(decision.extendBy ?? timings.clarificationDeadline);
    status.openQuery!.dueAt = new Date(dueAt).toISOString();
    await internal.reopenClarificationQuery({ queryId, dueAt: status.openQuery!.dueAt });
    await state.moveTo('awaiting_clarification', 'supervisor extended the deadline', decision.decidedBy);
    await remind();
  }
}

/** Error-severity pre-claim edits (units over the limit, sex or age conflicts...) stop for review. */
export async function reviewEditErrors(state: EncounterState, summary: CodingSummary): Promise<void> {
  if (!state.uses(EDIT_ERRORS_REVIEWED)) return;
  for (;;) {
    const errors = summary.edits.filter((e) => e.severity === 'error');
    if (errors.length === 0) return;
    const decision = await state.awaitSupervisor(
      'needs_review',
      'edit_failed',
      `pre-claim edits failed: ${errors.map((e) => `${e.rule}: ${e.message}`).join('; ')}`,
      ['accept_codes'],
      () => state.pendingOverride !== undefined,
    );
    if (decision?.decision === 'accept_codes') {
      state.flag(`billed despite edit errors (${errors.map((e) => e.rule).join(', ')}): a supervisor accepted the codes`);
      return;
    }
    summary = (await state.tryOverride()) ?? summary;
  }
}
