/**
 * The people of the coding part of the cycle, as the demo plays them: the physician who answers a
 * query from their own list, the coder who replaces the codes while a query is open or accepts
 * them in coder_review, the biller who cancels, and the supervisor who decides an escalation or a
 * denied authorization. Each acts at most once per query, review or decision (the keys in `acted`).
 */
import type { OpenClarification, PendingDecision } from '../../workflows/messages.ts';
import type { Stage } from '../../workflows/stages.ts';
import { ApiError, type SupervisorDecisionKind } from './api.ts';
import { quote } from './format.ts';
import type { PersonContext, PersonVerdict } from './front-of-cycle.ts';

/** Physician: finds the query in their own list (as they would) and answers it. */
export async function physicianAnswers(ctx: PersonContext, query: OpenClarification): Promise<PersonVerdict> {
  const answer = ctx.sample.answer;
  if (answer === undefined) return { outcome: 'unexpected', message: 'the sample has no physician answer' };
  const key = `answer:${query.queryId}`;
  if (ctx.acted.has(key)) return undefined;
  const npi = ctx.sample.submission.provider.npi;
  const mine = await ctx.api.physicianQueries(npi);
  const item = mine.find((q) => q.encounterId === ctx.encounterId && q.id === query.queryId);
  if (item === undefined) return undefined; // not listed as open yet (e.g. just reopened): next poll
  if (answer.option !== undefined && !item.options.includes(answer.option)) {
    return {
      outcome: 'unexpected',
      message: `the physician's answer "${answer.option}" is not among the offered options (${item.options.join(' | ')})`,
    };
  }
  ctx.acted.add(key);
  try {
    await ctx.api.answerQuery(npi, item.id, answer);
  } catch (error) {
    // 503: the workflow did not take the update in time; try again on the next poll.
    if (error instanceof ApiError && error.status === 503) {
      ctx.acted.delete(key);
      return undefined;
    }
    throw error;
  }
  ctx.notes.set('awaiting_clarification', `physician answered ${quote(answer.option ?? answer.freeText ?? '')}`);
  return undefined;
}

/** Coder: replaces the codes while the physician's query is still open. */
export async function coderOverrides(ctx: PersonContext, query: OpenClarification): Promise<PersonVerdict> {
  const override = ctx.sample.override;
  if (override === undefined) return { outcome: 'unexpected', message: 'the sample has no coder override' };
  const key = `override:${query.queryId}`;
  if (ctx.acted.has(key)) return undefined;
  ctx.acted.add(key);
  await ctx.api.overrideCodes(ctx.encounterId, override);
  const codes = [...override.diagnoses.map((d) => d.code), ...override.procedures.map((p) => p.code)].join(', ');
  ctx.notes.set(
    'awaiting_clarification',
    `coder override: ${codes}${override.note !== undefined ? ` (${override.note})` : ''}; query withdrawn`,
  );
  return undefined;
}

/** Coder: reviews the codes the engine was not sure enough to bill, and accepts them (once per review). */
export async function coderAccepts(ctx: PersonContext, reviewNumber: number): Promise<PersonVerdict> {
  const key = `coder-review:${reviewNumber}`;
  if (ctx.acted.has(key)) return undefined;
  ctx.acted.add(key);
  try {
    await ctx.api.coderAccepts(ctx.encounterId, 'reviewed against the note: the codes are supported');
  } catch (error) {
    // 503: the workflow did not take the update in time; try again on the next poll.
    if (error instanceof ApiError && error.status === 503) {
      ctx.acted.delete(key);
      return undefined;
    }
    // 409: the encounter already left coder_review (this poll read the stage just before the accept took effect).
    if (error instanceof ApiError && error.status === 409) return undefined;
    throw error;
  }
  ctx.notes.set('coder_review', 'a coder reviewed and accepted the codes');
  return undefined;
}

/** Biller: cancels the encounter while it waits on the physician. */
export async function billerCancels(ctx: PersonContext): Promise<PersonVerdict> {
  const cancel = ctx.sample.cancel;
  if (cancel === undefined) return { outcome: 'unexpected', message: 'the sample has no cancel reason' };
  if (ctx.acted.has('cancel')) return undefined;
  ctx.acted.add('cancel');
  await ctx.api.cancel(ctx.encounterId, cancel.reason);
  return undefined;
}

/** Supervisor: decides the pending decision (once per decision asked). */
export async function supervisorDecides(
  ctx: PersonContext,
  pending: PendingDecision,
  decision: { decision: SupervisorDecisionKind; note?: string; extendBy?: string },
  stage: Stage,
  note: string,
): Promise<PersonVerdict> {
  const key = `decision:${pending.since}`;
  if (ctx.acted.has(key)) return undefined;
  if (!pending.allowed.includes(decision.decision)) {
    return {
      outcome: 'unexpected',
      message: `"${decision.decision}" is not allowed for ${pending.kind} (allowed: ${pending.allowed.join(', ')})`,
    };
  }
  ctx.acted.add(key);
  await ctx.api.decide(ctx.encounterId, decision);
  ctx.notes.set(stage, note);
  return undefined;
}
