/**
 * What the assessment states, read one way for every module that acts on it: which statements of the
 * notes are the assessment's (affirmed, not said to be left alone), where a statement's conclusion
 * ends and its plan begins ("HTN, GERD - stable, no change"), and which conditions a conclusion names
 * ("HTN, GERD" two, "Diabetes type 2, with neuropathy" one). assessed-conditions.ts codes a managed
 * condition no diagnosis line names and assessed-uncoded.ts flags an assessed condition no code
 * covers; each decides on its own, from the same reading.
 */
import { PLAN_OR_COMMENT } from './commentary.ts';
import type { Mention } from './context.ts';
import type { CodingRun } from './coding-run.ts';
import { ADDRESSED_PARTS, type NotePart } from './sections.ts';

/** Condition names joined in one head ("HTN, GERD", "HLD and prediabetes", "HTN/HLD"). */
const JOINED = /\s*(?:,|;|&|\band\b|\+)\s*|\s*(?<!\b[a-z])\/(?![a-z]\b)\s*/i;
/** A piece of a head that only qualifies the condition before it ("with neuropathy", "uncontrolled"): the head is one condition. */
const QUALIFIER =
  /^(?:with|without|w\/o?|due|on|secondary|from|in|of|after|post|s\/p|status|following|associated|related|induced|type|stage|grade|class|uncontrolled|controlled|mild|moderate|severe|chronic|acute|\d)/i;
/** A condition name of a joined head is short. */
const MAX_PIECE_WORDS = 4;

/**
 * The statements of the notes' `parts` (the assessment and plan unless told) that the visit takes up:
 * affirmed, and not on a line that says the visit leaves the condition alone.
 */
export function assessedStatements(run: CodingRun, parts: ReadonlySet<NotePart> = ADDRESSED_PARTS): Mention[] {
  return run.notes.filter((n) => n.part !== undefined && parts.has(n.part) && n.assertion === 'affirmed' && n.unaddressed === undefined);
}

/** A statement cut at its first spaced dash or colon: the conclusion, and the plan or comment after it ('' when none). */
export function conclusionAndPlan(statement: string): { conclusion: string; plan: string } {
  const [conclusion = '', ...rest] = statement.split(PLAN_OR_COMMENT);
  return { conclusion, plan: rest.join(' ') };
}

/** The conditions a conclusion names: each name of a head that joins several short ones, or the head as one. */
export function conditionNames(head: string): string[] {
  const pieces = head.split(JOINED).map((p) => p.trim());
  const joined =
    pieces.length > 1 && pieces.every((p) => /[a-z]{2,}/i.test(p) && !QUALIFIER.test(p) && p.split(/\s+/).length <= MAX_PIECE_WORDS);
  return joined ? pieces : [head];
}
