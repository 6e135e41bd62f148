/**
 * How a running encounter answers messages (workflows/messages.ts): the status query, a
 * physician's answer and a supervisor's decision (each as an update whose validator refuses a
 * message that does not fit, and as a signal that flags it instead), a coder's override and a
 * cancellation. Handlers only record the input on the state; the stages take it from there.
 */
import { patched, setHandler } from '@temporalio/workflow';
import {
  answerClarificationSignal,
  answerClarificationUpdate,
  cancelSignal,
  overrideCodesSignal,
  statusQuery,
  supervisorDecisionSignal,
  supervisorDecisionUpdate,
  type ClarificationAnswerInput,
  type SupervisorDecision,
} from '../messages.ts';
import { DECISIONS_CHECKED } from '../patches.ts';
import { registerCoderReviewHandler } from './coder-review.ts';
import type { EncounterState } from './state.ts';

/** Installs every handler; called before the workflow's first await, so no early message is lost. */
export function registerHandlers(state: EncounterState): void {
  setHandler(statusQuery, () => state.status);

  setHandler(
    answerClarificationUpdate,
    (answer) => {
      state.pendingAnswer = answer;
      return { accepted: true as const };
    },
    { validator: (answer) => validateAnswer(state, answer) },
  );
  setHandler(answerClarificationSignal, (answer) => {
    try {
      validateAnswer(state, answer);
      state.pendingAnswer = answer;
    } catch (err) {
      state.flag(`ignored a clarification answer: ${(err as Error).message}`);
    }
  });

  setHandler(
    supervisorDecisionUpdate,
    (decision) => {
      takeDecision(state, decision);
      return { accepted: true as const };
    },
    { validator: (decision) => validateDecision(state, decision) },
  );
  setHandler(supervisorDecisionSignal, (decision) => {
    if (!patched(DECISIONS_CHECKED)) {
      state.pendingDecision = decision;
      return;
    }
    try {
      validateDecision(state, decision);
      takeDecision(state, decision);
    } catch (err) {
      state.flag(`ignored a supervisor decision: ${(err as Error).message}`);
    }
  });

  setHandler(overrideCodesSignal, (override) => {
    state.pendingOverride = override;
  });
  setHandler(cancelSignal, (request) => {
    state.cancelRequest ??= request;
  });
  registerCoderReviewHandler(state);
}

/** An answer must come from the queried physician, for the open query, with an offered option or text. */
function validateAnswer(state: EncounterState, answer: ClarificationAnswerInput): void {
  const open = state.status.openQuery;
  if (!open) throw new Error('there is no open clarification query on this encounter');
  if (answer.queryId !== open.queryId) throw new Error(`query ${answer.queryId} is not the open query`);
  if (answer.answeredBy !== open.physicianNpi) throw new Error('the query is addressed to another physician');
  const hasOption = answer.option !== undefined && answer.option !== '';
  const hasText = answer.freeText !== undefined && answer.freeText.trim() !== '';
  if (!hasOption && !hasText) throw new Error('an answer needs one of the offered options or free text');
  if (hasOption && !open.options.includes(answer.option!)) {
    throw new Error('the answer is not one of the offered options'); // never echo the caller's text
  }
  if (state.pendingAnswer) throw new Error('this query has already been answered');
}

/** A decision must answer the pending question with one of its allowed decisions; a cancel always fits. */
function validateDecision(state: EncounterState, decision: SupervisorDecision): void {
  if (decision.decision === 'cancel') return;
  const open = state.status.pendingDecision;
  if (!open) throw new Error('no decision is pending on this encounter');
  if (decision.decisionId !== undefined && decision.decisionId !== open.id) {
    throw new Error('this decision answers a question that is no longer pending');
  }
  if (!open.allowed.includes(decision.decision)) {
    throw new Error(`"${decision.decision}" is not a decision allowed here (allowed: ${open.allowed.join(', ')})`);
  }
  if (state.pendingDecision) throw new Error('a decision has already been taken on this question');
}

function takeDecision(state: EncounterState, decision: SupervisorDecision): void {
  if (decision.decision === 'cancel') {
    state.cancelRequest ??= { cancelledBy: decision.decidedBy, reason: decision.note ?? 'cancelled by a supervisor' };
    return;
  }
  state.pendingDecision = decision;
}
