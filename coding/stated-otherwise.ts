/**
 * A coded condition that another statement of the record names with another value: the problem list
 * says "type 1 diabetes" and the assessment "type 2 diabetes on insulin"; "chronic systolic heart
 * failure" in the history, "diastolic heart failure" in the assessment; "CKD stage 3b" on the list,
 * "CKD stage 4" in the plan. The engine settles some of these with a query of its own (the heart
 * failure type, the CKD stage, the side); this reads any axis the code's category titles, so a
 * conflict the query machinery does not know still reaches a coder, who would query it (guideline
 * I.A.19 and the query practice: the coder may not choose between two documented values).
 *
 * Read from titles, never from a list of diseases: the value is a word of an axis (severity,
 * acuity, course, type or stage with its number) that some title of the code's own category has
 * and the code's title does not, within a few words of the condition; the other statement names
 * every word the record used for the condition that the head of the code's title explains (the
 * title up to its first comma or "with": "Type 1 diabetes mellitus" of "... with hyperglycemia"). A statement that denies, speaks of a relative, or
 * gives an earlier value ("progressed from stage 4") states nothing about the condition today.
 * The side is left to laterality.ts: a record's side words name many things besides the condition.
 * A value that no title or inclusion term of the classification gives the condition ("acute" for a
 * mucopurulent conjunctivitis, whose codes are not divided by acuity) codes nothing otherwise: the
 * code stands, nothing to ask.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import type { Icd10Cm } from './icd10cm.ts';
import { categoryWords } from './review-signals.ts';
import { coreTokens, expandAbbreviations, isNeutral, stemOf, titleHead as headOf, tokenize } from './text.ts';

/** Words that are a value of an axis by themselves. */
const AXIS_VALUES = new Set(
  tokenize('mild moderate severe paroxysmal persistent permanent chronic acute subacute intermittent systolic diastolic intractable'),
);
/** Axes whose value is the number after their name ("type 2", "stage 3b", "grade 2", "class 3"). */
const NUMBERED_AXES = new Set(tokenize('stage type grade class'));
const AXIS_NUMBER = /^\d[a-c]?$/;
/** A statement that denies, speaks of someone else, or of an earlier value. */
const NOT_TODAYS =
  /\b(no|not|denies|without|negative|ruled? out|r\/o|family|mother|father|sister|brother|from|previously|prior|formerly)\b/i;

/** How many words from the condition's a value may stand ("stage 4 chronic kidney disease", "chronic systolic heart failure"). */
const NEAR = 3;

/** The values of an axis a statement gives next to the condition it names (`at`: the positions of the condition's words). */
function axisValues(tokens: readonly string[], at: readonly number[]): string[][] {
  const out: string[][] = [];
  const near = (k: number) => at.some((i) => Math.abs(i - k) <= NEAR);
  tokens.forEach((t, k) => {
    if (AXIS_VALUES.has(t) && near(k)) out.push([t]);
    const next = tokens[k + 1];
    if (NUMBERED_AXES.has(t) && next !== undefined && AXIS_NUMBER.test(next) && (near(k) || near(k + 1))) out.push([t, next]);
  });
  return out;
}

/** Some title or inclusion term names the condition (by its words' stems) with the value (word for word). */
function titledWith(icd: Icd10Cm, condition: readonly string[], value: readonly string[]): boolean {
  const first = value[0];
  if (first === undefined) return false;
  return (icd.postings.get(first) ?? []).some((ti) => {
    const tokens = icd.texts[ti]?.tokens ?? [];
    const stems = tokens.map(stemOf);
    return value.every((v) => tokens.includes(v)) && condition.every((c) => stems.includes(stemOf(c)));
  });
}

/** The value another statement gives a coded condition that its code does not carry, if any ("E10.65: type 2"). */
export function conditionStatedOtherwise(
  icd: Icd10Cm,
  statements: readonly string[],
  diagnoses: readonly CodedDiagnosis[],
): string | undefined {
  for (const d of diagnoses) {
    if (/^[RZ]/.test(d.code)) continue;
    const own = new Set(d.evidence.map((e) => e.text));
    const named = new Set([...own].flatMap((text) => tokenize(expandAbbreviations(text)).map(stemOf)));
    const condition = coreTokens(headOf(d.description)).filter(
      (w) => w.length > 3 && !isNeutral(w) && !AXIS_VALUES.has(w) && !NUMBERED_AXES.has(w) && !/^\d/.test(w) && named.has(stemOf(w)),
    );
    if (condition.length === 0) continue;
    const title = new Set(tokenize(d.description));
    const category = categoryWords(icd, d.code.slice(0, 3));
    for (const s of statements) {
      if (own.has(s) || NOT_TODAYS.test(s)) continue;
      const tokens = tokenize(expandAbbreviations(s));
      const stems = tokens.map(stemOf);
      if (!condition.every((w) => stems.includes(stemOf(w)))) continue;
      const at = stems.flatMap((w, i) => (condition.some((c) => stemOf(c) === w) ? [i] : []));
      const value = axisValues(tokens, at).find(
        (v) => v.some((p) => !title.has(p)) && v.every((p) => category.has(p)) && titledWith(icd, condition, v),
      );
      if (value) return `${d.code}: ${value.join(' ')}`;
    }
  }
  return undefined;
}
