/**
 * Stage: coder_review. The engine's codes go to billing only when nothing asks for a person: the
 * engine is not confident enough, an error-severity edit fails, a code the physician wrote was
 * changed or dropped, or the payer asks a coder to review. Otherwise the encounter waits on the
 * coders' worklist; the coder accepts the codes, replaces them (checked against the code sets and
 * the edits in the update handler, so an invalid code is refused to the caller at once), or asks
 * the physician through a clarification query, after which the record is coded again.
 *
 * Coding itself runs with bounded attempts here (engineCodes): a record the engine cannot code
 * goes to a coder instead of being retried for ever.
 */
import { ActivityFailure, ApplicationFailure, condition, setHandler, uuid4 } from '@temporalio/workflow';
import type { CodingSummary } from '../../activities/index.ts';
import type { CarriedTransitions } from '../../activities/records.ts';
import { bounded, internal } from '../activities.ts';
import {
  coderReviewUpdate,
  INVALID_CODES,
  type CoderReviewAction,
  type CoderReviewReason,
  type ClarificationAnswerInput,
} from '../messages.ts';
import { CODER_CONFIRMS_BY_DEFAULT, CODER_REVIEW } from '../patches.ts';
import { CODE_EDIT_STAGES } from '../stages.ts';
import { clarify } from './coding.ts';
import { failureMessage, type EncounterState } from './state.ts';

/** The two options every compliant query offers (the engine's coding/query.ts words; not imported: the engine stays out of the workflow bundle). */
const OTHER_OPTION = 'Other (please specify)';
const UNDETERMINED_OPTION = 'Clinically undetermined';

/**
 * Edits a coder may accept with a note naming the documentation (units over the per-day limit when
 * the record documents each one). The encounter then still waits for a supervisor's accept in
 * needs_review (reviewEditErrors): billing over an edit takes two people. Definitional conflicts
 * (Excludes1, age, sex, pointers) are never accepted: the codes must change.
 */
const DOCUMENTABLE_EDIT_RULES: readonly string[] = ['MUE'];

/** Codes the record with the engine; behind CODER_REVIEW with bounded attempts, a failure becoming a coder's task. */
export async function engineCodes(
  state: EncounterState,
  args: { encounterId: string; revision: number; answers: ClarificationAnswerInput[] } & CarriedTransitions,
): Promise<CodingSummary> {
  if (!state.uses(CODER_REVIEW)) return internal.codeEncounter(args);
  try {
    return await bounded.codeEncounter(args);
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const why = failureMessage(err, 'the coding engine did not finish');
    state.flag(`coding failed after its attempts: ${why}`);
    return {
      revision: args.revision,
      diagnoses: [],
      procedures: [],
      edits: [],
      review: { reasons: [{ kind: 'coding_failed', detail: `the engine could not code this record: ${why}` }] },
    };
  }
}

/** Why these codes need a coder: the engine's reasons plus failing edits. Empty: bill them. */
export function reasonsForReview(state: EncounterState, summary: CodingSummary): CoderReviewReason[] {
  const reasons = [...(summary.review?.reasons ?? [])];
  const errors = summary.edits.filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    reasons.push({ kind: 'edit_failed', detail: `pre-claim edits failed: ${errors.map((e) => `${e.rule}: ${e.message}`).join('; ')}` });
  }
  // Fail closed: the engine's codes go unseen only when the policy said so for this very result.
  if (
    reasons.length === 0 &&
    summary.source !== 'coder' &&
    summary.straightThrough?.allowed !== true &&
    state.uses(CODER_CONFIRMS_BY_DEFAULT)
  ) {
    reasons.push({
      kind: 'coder_confirms',
      detail: summary.straightThrough?.why ?? 'straight-through billing was not allowed for these codes: a coder confirms them',
    });
  }
  return reasons;
}

/** Holds the codes for a coder while anything asks for one; returns the codes to bill. */
export async function coderReview(state: EncounterState, summary: CodingSummary): Promise<CodingSummary> {
  if (!state.uses(CODER_REVIEW)) return summary;
  const { status, encounterId } = state;
  for (;;) {
    const reasons = reasonsForReview(state, summary);
    if (reasons.length === 0) return summary;
    status.coderReview = { id: uuid4(), reasons, revision: summary.revision, since: new Date().toISOString() };
    state.underReview = summary;
    await state.moveTo('coder_review', reasons.map((r) => r.detail).join('; '));
    await condition(
      () => state.cancelRequest !== undefined || state.pendingOverride !== undefined || state.pendingCoderAction !== undefined,
    );
    status.coderReview = undefined;
    state.underReview = undefined;
    state.checkpoint();
    if (state.pendingOverride) {
      summary = (await state.tryOverride()) ?? summary;
      continue;
    }
    const action = state.pendingCoderAction!;
    state.pendingCoderAction = undefined;
    await internal.recordAudit({
      encounterId,
      actor: action.reviewedBy,
      role: 'coder',
      action: `coder_review:${action.action}`,
      detail: { revision: summary.revision, reasons: reasons.map((r) => r.kind), note: action.note ?? null },
      idempotencyKey: `${encounterId}:coder-review:${uuid4()}`,
    });
    if (action.action === 'accept') {
      state.flag(`codes of revision ${summary.revision} accepted by coder ${action.reviewedBy} (${reasons.map((r) => r.kind).join(', ')})`);
      return summary;
    }
    if (action.action === 'query') summary = await askPhysician(state, summary, action);
  }
}

/** A coder's question to the physician; the answer is coded again and comes back to review. */
async function askPhysician(
  state: EncounterState,
  summary: CodingSummary,
  action: Extract<CoderReviewAction, { action: 'query' }>,
): Promise<CodingSummary> {
  const options = [
    ...(action.options ?? []).filter((o) => o !== OTHER_OPTION && o !== UNDETERMINED_OPTION),
    OTHER_OPTION,
    UNDETERMINED_OPTION,
  ];
  const draft = { question: action.question, clinicalIndicators: [], options, reason: `asked by coder ${action.reviewedBy}` };
  const outcome = await clarify(state, { ...summary, clarification: draft });
  if (outcome.kind === 'override') return outcome.overridden ?? summary;
  if (outcome.kind === 'accepted') return summary;
  state.answers.push(state.pendingAnswer!);
  state.pendingAnswer = undefined;
  await state.moveTo('coding', 'physician answered the coder’s query');
  const recoded = await engineCodes(state, {
    encounterId: state.encounterId,
    revision: state.status.codingRevision + 1,
    answers: state.answers,
  });
  state.applyCoding(recoded);
  return recoded;
}

/** The coder's accept / edit / query update: refused at once when it does not fit or a code is invalid. */
export function registerCoderReviewHandler(state: EncounterState): void {
  setHandler(
    coderReviewUpdate,
    async (action) => {
      if (action.action !== 'edit') {
        state.pendingCoderAction = action;
        return { accepted: true as const };
      }
      state.checkingCoderCodes = true;
      try {
        const { problems } = await bounded.checkCoderCodes({
          encounterId: state.encounterId,
          diagnoses: action.diagnoses,
          procedures: action.procedures,
        });
        if (problems.length > 0) {
          throw ApplicationFailure.create({
            type: INVALID_CODES,
            message: `the codes were refused: ${problems.map((p) => `${p.field} ${p.code}: ${p.message}`).join('; ')}`,
            details: [problems],
            nonRetryable: true,
          });
        }
      } finally {
        state.checkingCoderCodes = false;
      }
      if (state.pendingOverride || state.cancelRequest || !CODE_EDIT_STAGES.includes(state.status.stage)) {
        throw ApplicationFailure.create({ message: 'the encounter moved on while the codes were checked', nonRetryable: true });
      }
      state.pendingOverride = {
        overriddenBy: action.reviewedBy,
        diagnoses: action.diagnoses,
        procedures: action.procedures,
        ...(action.note !== undefined ? { note: action.note } : {}),
      };
      return { accepted: true as const };
    },
    { validator: (action) => validateCoderAction(state, action) },
  );
}

function validateCoderAction(state: EncounterState, action: CoderReviewAction): void {
  const { status } = state;
  const review = status.coderReview;
  if (state.pendingOverride || state.pendingCoderAction || state.checkingCoderCodes)
    throw new Error('another coder action is being taken on this encounter');
  if (action.reviewId !== undefined && action.reviewId !== review?.id)
    throw new Error('this answers a coder review that is no longer pending');
  if (action.action === 'edit') {
    if (!CODE_EDIT_STAGES.includes(status.stage))
      throw new Error(`codes can be changed in the stages ${CODE_EDIT_STAGES.join(', ')}; the encounter is ${status.stage}`);
    if (action.diagnoses.length === 0) throw new Error('at least one diagnosis is needed');
    return;
  }
  if (status.stage !== 'coder_review' || !review) throw new Error('the encounter is not waiting for a coder');
  if (action.action === 'accept') {
    const summary = state.underReview!;
    if (summary.diagnoses.length === 0) throw new Error('there are no codes to accept: enter the codes');
    const errors = summary.edits.filter((e) => e.severity === 'error');
    const documentable = errors.every((e) => DOCUMENTABLE_EDIT_RULES.includes(e.rule)) && (action.note ?? '').trim() !== '';
    if (errors.length > 0 && !documentable) {
      throw new Error(
        `these codes fail pre-claim edits (${errors.map((e) => e.rule).join(', ')}): edit them or query the physician` +
          (errors.every((e) => DOCUMENTABLE_EDIT_RULES.includes(e.rule))
            ? ', or accept them with a note saying where the record documents them'
            : ''),
      );
    }
  }
  if (action.action === 'query' && action.question.trim() === '') throw new Error('the query needs a question');
}
