/**
 * A screening or examination encounter code (Z00-Z13) beside another whose tabular notes say the
 * first is part of the second: Z12.4's Excludes1 "when screening is part of general gynecological
 * examination (Z01.4-)", and Z01.41-'s "screening cervical pap smear not a part of a routine
 * gynecological examination (Z12.4)". The two notes cite each other, but they are not two conditions
 * to choose between: together they say which code a visit that does both takes. A Pap smear taken at
 * an annual gynecological examination is the examination (Z01.41-), and the screening code is for a
 * visit made for the smear alone. That is an edit the coder resolves from the tabular (guideline
 * I.A.12.a), not a clinical question: the examination's code is kept, the screening's dropped, and
 * the kept code takes the dropped line's evidence so the physician's written code is reported as
 * changed, not silently lost.
 *
 * The direction is read from the notes' own words: a note of A citing B "when ... part of" (or "as
 * part of") sends A to B; a note of B citing A "not (a) part of" keeps A for visits without B. Notes
 * with neither wording (administrative examinations, a child's age group) are left to the edits.
 */
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { notesFor, matchesPattern } from './icd10cm.ts';

/** Encounters for examination and screening. */
const EXAMINATION_OR_SCREENING = /^Z(?:0[0-9]|1[0-3])/;
/** A note saying its own code is the part: the cited code takes the whole visit. */
const PART_OF_CITED = /\b(?:when|if|as)\b[^()]*\bpart of\b/i;
/** A note saying the cited code is for a visit without this one. */
const CITED_ONLY_WITHOUT = /\bnot (?:a )?part of\b/i;

/** The Excludes1 note texts of `from` (its own and its categories') that cite `to`. */
function notesCiting(run: CodingRun, from: string, to: string): string[] {
  return notesFor(run.codeSets.icd, from, 'ex1')
    .filter(([, patterns]) => patterns.some((p) => matchesPattern(to, p)))
    .map(([text]) => text);
}

/** Whether the notes say `part` is coded inside `whole` when both are on the claim. */
export function partOfCoded(run: CodingRun, part: string, whole: string): boolean {
  if (!EXAMINATION_OR_SCREENING.test(part) || !EXAMINATION_OR_SCREENING.test(whole)) return false;
  const forward = notesCiting(run, part, whole);
  const backward = notesCiting(run, whole, part);
  if (forward.length === 0 && backward.length === 0) return false;
  const partSaysPart = forward.some((t) => PART_OF_CITED.test(t) && !CITED_ONLY_WITHOUT.test(t));
  const wholeSaysWithout = backward.some((t) => CITED_ONLY_WITHOUT.test(t));
  // Neither note may say the opposite (the whole said to be part of the part).
  const contrary = backward.some((t) => PART_OF_CITED.test(t) && !CITED_ONLY_WITHOUT.test(t));
  return (partSaysPart || wholeSaysWithout) && !contrary;
}

/** Step: a screening the tabular places inside an examination coded beside it is dropped; the examination keeps its line. */
export function screeningWithinExamination(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  let out = drafts;
  for (const part of drafts) {
    const whole = out.find((w) => w !== part && w.code !== part.code && partOfCoded(run, part.code, w.code));
    if (!whole || !out.includes(part)) continue;
    const why = `${part.code} is not coded beside ${whole.code}: its tabular note places it inside that examination (an edit resolved from the tabular, guideline I.A.12.a).`;
    const evidence = [...whole.evidence, ...part.evidence.filter((e) => !whole.evidence.some((k) => k.text === e.text))];
    out = out.filter((d) => d !== part).map((d) => (d === whole ? { ...d, evidence, rationale: `${d.rationale} ${why}` } : d));
    run.issues = run.issues.filter((i) => i.order !== part.order);
  }
  return out;
}
