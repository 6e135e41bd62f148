/**
 * The kinds of workflow update the API sends for people (a physician's answer, a supervisor's or
 * biller's decision, a coder's action, a biller's denial action), named by the prefix of the
 * update id, and what a refusal of each answers: the same problem whether the workflow refused it
 * while the request waited (the route's 409/422) or after the request had answered 202 with a
 * status link (GET /encounters/:id/updates/:updateId), so a client shows a refusal one way.
 * Workflow messages never echo what the caller typed; an answer's refusal is checked again.
 */
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { conflict, HttpProblem } from '../platform/problem.ts';
import { INVALID_CODES, type CodeProblem } from '../workflows/messages.ts';

export const UPDATE_KINDS = ['answer', 'decision', 'coder', 'denial'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** An update id of `kind`: the caller's idempotency key (a retry joins the same update), else a fresh one. */
export function updateIdFor(kind: UpdateKind, key: string | undefined): string {
  return `${kind}:${key ?? randomUUID()}`;
}

const UPDATE_ID = new RegExp(`^(${UPDATE_KINDS.join('|')}):[A-Za-z0-9._:-]{1,300}$`);

/** The kind of an update id the API gave, or undefined for anything else. */
export function kindOfUpdateId(updateId: string): UpdateKind | undefined {
  return UPDATE_ID.exec(updateId)?.[1] as UpdateKind | undefined;
}

/** The problems of a refused coder update, when it was refused for its codes. */
function codeProblemsOf(failure: unknown): CodeProblem[] | undefined {
  if (!(failure instanceof ApplicationFailure) || failure.type !== INVALID_CODES) return undefined;
  const [problems] = (failure.details ?? []) as [CodeProblem[] | undefined];
  return Array.isArray(problems) ? problems : [];
}

/**
 * The problem a refusal answers. `submitted`: what the caller typed (an answer's option and free
 * text): a message that quotes it is replaced by a generic one.
 */
export function refusalProblem(
  kind: UpdateKind,
  message: string | undefined,
  failure: unknown,
  submitted: Array<string | undefined> = [],
): HttpProblem {
  switch (kind) {
    case 'coder': {
      const problems = codeProblemsOf(failure);
      if (problems === undefined) return conflict(message ?? 'The workflow refused the coder’s action');
      const codes = [...new Set(problems.map((p) => p.code))].join(', ');
      return new HttpProblem(
        422,
        `The codes were refused: ${codes}`,
        problems.map((p) => ({ field: p.field, message: p.message })),
      );
    }
    case 'answer': {
      const quotes = submitted.some((text) => text !== undefined && text.length > 0 && message?.includes(text.slice(0, 12)));
      return new HttpProblem(422, message === undefined || message === '' || quotes ? 'The workflow refused the answer' : message);
    }
    case 'decision':
      return conflict(message ?? 'The workflow refused the decision');
    case 'denial':
      return conflict(message ?? 'The workflow refused the action');
  }
}
