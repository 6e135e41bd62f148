/**
 * A condition stated as acute while the visit's history gives the complaint a course of three months
 * or more ("purulent PND - ongoing ~4 mo", "continuous since June (about 4 months)"): the
 * classification codes the acute and the chronic form apart (J01.0- acute maxillary sinusitis, J32.0
 * chronic), the coder may not choose between them from a duration (guideline I.A.19: the provider's
 * statement), so the physician is asked. The code stays as stated until answered. Only the complaint
 * and the history of present illness are read, and only a duration of the complaint itself: a
 * statement about the past ("4 months ago", "hx of", "diagnosed", "on lisinopril x 5 yrs") is not.
 */
import type { ClarificationIssue, Resolution } from './clarification.ts';
import type { CodingRun } from './coding-run.ts';
import type { Mention } from './context.ts';
import { EntryKind } from './icd10cm.ts';
import { tokenize } from './text.ts';

/** Three months: where sinusitis, bronchitis, pain and most courses count as chronic. */
const CHRONIC_WEEKS = 12;
const NUMBER: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, several: 3, many: 6 };
const DURATION =
  /(?:\bx\s*|~\s*|\bfor\s+(?:about\s+|~\s*|over\s+)?|\babout\s+|\bongoing\s+(?:~\s*|for\s+)?|\bpast\s+|\blast\s+|\bover\s+)(\d+(?:\.\d+)?|one|two|three|four|five|six|several|many)\s*[-\s]?(mo|mos|months?|yrs?|years?|wks?|weeks?)\b/gi;
/** The statement is about the past or a drug, not about how long the complaint has lasted. */
const NOT_THE_COURSE =
  /\b(?:ago|hx|history|h\/o|diagnosed|dx'?d|prior|previous|since (?:dx|diagnosis)|quit|smok\w*|pack|takes?|taking|on (?:\w+ ){0,2}(?:for|x)|resolved|episodes? per|every)\b/i;
const ACUTE_TITLE = /^acute\b/i;
/** Title words that say nothing about the condition. */
const PLAIN = new Set(['acute', 'unspecified', 'other', 'site']);

function weeks(amount: string, unit: string): number {
  const n = NUMBER[amount.toLowerCase()] ?? Number(amount);
  const u = unit.toLowerCase();
  return u.startsWith('y') ? n * 52 : u.startsWith('w') ? n : n * 4.3;
}

/** The complaint's own statement of a course of three months or more, if the visit's history has one. */
export function longCourseStated(run: CodingRun): string | undefined {
  for (const n of run.notes) {
    if (n.part !== 'complaint' && n.part !== 'present-illness' && n.part !== 'unlabelled') continue;
    if (NOT_THE_COURSE.test(n.original)) continue;
    for (const m of n.original.matchAll(DURATION)) if (weeks(m[1] ?? '0', m[2] ?? '') >= CHRONIC_WEEKS) return n.original;
  }
  return undefined;
}

/** The chronic form the classification gives the acute condition coded ("Chronic maxillary sinusitis" for J01.00). */
function chronicCounterpart(run: CodingRun, code: string): { code: string; description: string; billable: boolean } | undefined {
  const icd = run.codeSets.icd;
  const entry = icd.entries[icd.byCode.get(code) ?? -1];
  if (!entry || !ACUTE_TITLE.test(entry.description)) return undefined;
  const words = tokenize(entry.description).filter((w) => !PLAIN.has(w));
  if (!words.length) return undefined;
  const chapter = code[0];
  const found = icd.entries.find(
    (e) =>
      e.code[0] === chapter &&
      (e.kind === EntryKind.Billable || e.kind === EntryKind.Header) &&
      /\bchronic\b/i.test(e.description) &&
      !/\bacute\b/i.test(e.description) &&
      words.every((w) => tokenize(e.description).includes(w)),
  );
  return found ? { code: found.code, description: found.description, billable: found.kind === EntryKind.Billable } : undefined;
}

/** The question when an acute condition's complaint has lasted three months or more. */
export function acuityIssue(run: CodingRun, m: Mention, top: { code: string; description: string }): ClarificationIssue | undefined {
  if (!ACUTE_TITLE.test(top.description)) return undefined;
  const course = longCourseStated(run);
  if (!course) return undefined;
  const chronic = chronicCounterpart(run, top.code);
  if (!chronic || !run.allowed(chronic.code)) return undefined;
  return {
    kind: 'specificity',
    question: `The record documents "${m.original}" and also "${course.trim()}". Based on your clinical judgment, can you clarify whether the condition is acute or chronic?`,
    clinicalIndicators: [`Note: "${course.trim()}"`],
    options: [
      chronic.billable ? { label: chronic.description, code: chronic.code } : { label: chronic.description, refine: 'chronic' },
      { label: top.description, code: top.code },
    ],
    reason: `The history gives the complaint a course of three months or more while the diagnosis says acute; ${chronic.code} is the chronic form.`,
    betweenStatements: true,
  };
}

/** The code an answer to the acuity question chooses: an option's code, or the chronic form for an answer saying "chronic". */
export function acuityAnswerCode(issue: ClarificationIssue, resolution: Resolution): string | undefined {
  if (resolution.kind === 'option') return resolution.option.code;
  if (resolution.kind !== 'free-text') return undefined;
  const [chronic, acute] = issue.options;
  return /\bchronic\b/i.test(resolution.text) ? chronic?.code : /\bacute\b/i.test(resolution.text) ? acute?.code : undefined;
}
