/**
 * An exacerbation the record treats but the diagnosis does not state: the condition's family has a
 * member "with (acute) exacerbation" (COPD J44.1, each asthma's J45.-1, bronchiectasis J47.1), the
 * code chosen is not it, and the plan starts a short course of a systemic corticosteroid ("prednisone
 * 40 mg daily x 5 days", "Medrol dose pack", "steroid burst"), the treatment of an exacerbation. The
 * statement may even say "stable, at baseline" (a copied-forward assessment against today's plan).
 * A coder may not code the exacerbation from the treatment (guideline I.A.19: the provider's
 * statement), so the physician is asked; the code stays as documented until answered.
 */
import type { ClarificationIssue } from './clarification.ts';
import type { CodingRun } from './coding-run.ts';
import type { Mention } from './context.ts';
import type { SearchHit } from './search.ts';

const EXACERBATION_TITLE = /\bwith \(?acute\)? exacerbation\b/i;
const SYSTEMIC_STEROID = /\b(prednisone|prednisolone|methylprednisolone|medrol|dexamethasone|decadron|solu-?medrol)\b/i;
/** A short course: a number of days, a taper, a burst or a dose pack. */
const SHORT_COURSE = /\b(x|for|times)\s*\d+\s*(days?|d)\b|\b(burst|taper(ed|ing)?|dose ?pa(ck|k)|dosepak)\b/i;
/** The clause speaks of another time or denies the course ("no steroid bursts this year", "a burst in March"). */
const NOT_TODAY =
  /\b(no|not|without|denies|declined|avoid|history of|prior|previous|last|ago|(19|20)\d\d|in (january|february|march|april|may|june|july|august|september|october|november|december)|this year|past year)\b/i;

/** The record's statement that starts a short systemic steroid course today, if one. */
export function steroidCourseToday(statements: readonly string[]): string | undefined {
  return statements.find((s) => SYSTEMIC_STEROID.test(s) && SHORT_COURSE.test(s) && !NOT_TODAY.test(s));
}

/** The family member "with (acute) exacerbation" beside the chosen code, if the family has one. */
function exacerbationMember(run: CodingRun, code: string): { code: string; description: string } | undefined {
  const icd = run.codeSets.icd;
  const node = icd.entries[icd.byCode.get(code) ?? -1];
  if (!node || EXACERBATION_TITLE.test(node.description)) return undefined;
  for (const k of icd.children.get(node.parent) ?? []) {
    const e = icd.entries[k];
    if (e && EXACERBATION_TITLE.test(e.description) && run.allowed(e.code)) return { code: e.code, description: e.description };
  }
  return undefined;
}

/** The question when a condition coded without its exacerbation is treated with a steroid course. */
export function exacerbationIssue(
  run: CodingRun,
  m: Mention,
  top: Pick<SearchHit, 'code' | 'description'>,
  statements: readonly string[],
): ClarificationIssue | undefined {
  const member = exacerbationMember(run, top.code);
  if (!member) return undefined;
  const course = steroidCourseToday(statements);
  if (!course) return undefined;
  return {
    kind: 'specificity',
    question: `The record documents "${m.original}" and also "${course.trim()}". Based on your clinical judgment, can you clarify whether the condition is in (acute) exacerbation?`,
    clinicalIndicators: [`Note: "${course.trim()}"`],
    options: [
      { label: member.description, refine: 'with acute exacerbation' },
      { label: top.description, code: top.code },
    ],
    reason: `The plan treats an exacerbation (a systemic corticosteroid course) and the diagnosis does not state one; ${member.code} would need it.`,
  };
}
