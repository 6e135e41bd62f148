/**
 * Diabetes in pregnancy stated as two types. The classification codes a diabetes in pregnancy by
 * whether it existed before the pregnancy (type 1 O24.0-, type 2 O24.1-) or arose in it (gestational,
 * O24.4-); the two exclude each other (guideline I.C.15.g, I.C.15.i). When the coded statement names
 * one and another statement of today's record names the other ("Gestational diabetes A2" in the
 * assessment; "diabetes dx 2023, on metformin before pregnancy" in the history; "DM2 on insulin" on
 * the list beside a 3-hour GTT that first found it at 24 weeks), a coder may not choose: the physician
 * is asked which, both statements quoted, and until answered the diabetes is unspecified diabetes in
 * pregnancy (O24.91-, this pregnancy's trimester), the code the record supports either way.
 *
 * Not a conflict: a statement of a past pregnancy or of history ("history of GDM in prior pregnancy"
 * beside a type 2 now), a relative's diabetes, a screening, risk or rule-out, a denial ("no diabetes
 * before pregnancy"), or two statements of the same type.
 */
import { detailConflictQuestion, type ClarificationIssue } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { DENIED_BEFORE } from './character-conflict.ts';
import { ongoingPregnancy } from './pregnancy-chapter.ts';
import { askDiabetesType, DIABETES_TYPE_OPTIONS } from './pregnancy-diabetes.ts';
import { statementsOf } from './pregnancy-hypertension.ts';

type DiabetesType = 'gestational' | 'pre-existing';

/** The type each coded subcategory states. */
const CODED_TYPE: ReadonlyArray<readonly [RegExp, DiabetesType]> = [
  [/^O24\.[01]/, 'pre-existing'],
  [/^O24\.4/, 'gestational'],
];

/** Words that name each type as this pregnancy's diagnosis (or the finding that makes it). */
const STATED_TYPE: ReadonlyArray<readonly [DiabetesType, RegExp]> = [
  [
    'gestational',
    /\b(gestational\s+(diabetes|dm)|gdm|a[12]\s?gdm|gdm\s?a[12])\b|\b(gtt|ogtt|gct|glucose tolerance test)\b[^.;]*?\b(abnormal|failed|positive|diagnostic)\b/gi,
  ],
  [
    'pre-existing',
    /\btype\s*(1|2|i|ii|one|two)\s+(diabetes|dm)\b|\b(t[12]dm|dm\s?[12]|iddm|niddm)\b|\b(pre-?\s?existing|pre-?\s?gestational)\s+(diabetes|dm)\b|\b(diabetes|dm)\b[^.;]*?\b(before|prior to)\s+(this\s+|the\s+|her\s+)?(pregnancy|conception)\b|\b(diabetes|dm)\b[^.;]*?\b(dx|dx'?d|diagnosed)\b[^.;]*?\b(19|20)\d\d\b|\b(dx|dx'?d|diagnosed)\b[^.;]*?\b(diabetes|dm)\b[^.;]*?\b(19|20)\d\d\b/gi,
  ],
];

/** A statement that names a type without stating it of this pregnancy today. */
const NOT_TODAYS =
  /\b(history of|hx of|h\/o|hx|prior pregnanc\w*|previous pregnanc\w*|last pregnanc\w*|earlier pregnanc\w*|with (her|my) (first|last)|screen\w*|risk|rule out|r\/o|family|mother|father|sister|brother|postpartum (gtt|ogtt|screen\w*|testing)|resolved|in error|entered in error)\b/i;

/** The statement without the words that name a type. */
const withoutTypeWords = (statement: string): string =>
  STATED_TYPE.reduce((t, [, words]) => t.replace(words, ' '), statement).replace(/\s+/g, ' ');

/** The types a statement names as this pregnancy's. */
export function diabetesTypesStated(text: string): DiabetesType[] {
  if (NOT_TODAYS.test(text)) return [];
  const out: DiabetesType[] = [];
  for (const [type, words] of STATED_TYPE)
    for (const m of text.matchAll(words)) if (!DENIED_BEFORE.test(text.slice(0, m.index)) && !out.includes(type)) out.push(type);
  return out;
}

/** Step (after the untyped diabetes question): a diabetes in pregnancy stated gestational and pre-existing is asked, O24.91- held. */
export function diabetesTypeConflictInPregnancy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const d = drafts.find((x) => CODED_TYPE.some(([p]) => p.test(x.code)) && !run.issues.some((i) => i.order === x.order));
  if (!d || !ongoingPregnancy(run)) return drafts;
  const coded = CODED_TYPE.find(([p]) => p.test(d.code))?.[1];
  const m = run.mentions.get(d.order);
  const own = new Set([m?.original, ...d.evidence.map((e) => e.text)]);
  const other = statementsOf(run).find((s) => !own.has(s.text) && diabetesTypesStated(s.text).some((t) => t !== coded));
  if (!coded || !other) return drafts;
  const quote = m?.original ?? d.evidence[0]?.text ?? d.description;
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: detailConflictQuestion(quote, other.text, 'type of diabetes mellitus in this pregnancy (gestational or pre-existing)'),
    clinicalIndicators: [`Documented: "${quote}"`, `Documented: "${other.text}"`],
    options: DIABETES_TYPE_OPTIONS,
    reason: `The record states the diabetes in pregnancy as ${coded} (${d.code}) and elsewhere as ${coded === 'gestational' ? 'pre-existing' : 'gestational'}; each has its own code, so unspecified diabetes in pregnancy (O24.91-) until answered.`,
    order: d.order,
    betweenStatements: true,
  };
  return askDiabetesType(
    run,
    drafts,
    d,
    issue,
    `The record states the type of diabetes in pregnancy two ways ("${quote}"; "${other.text}"): unspecified until the physician answers.`,
    // The answer decides the type (what it takes back is already left out of it, clarification.ts): the
    // statement lends only its other words (the control, "on insulin"), not the type it stated.
    (answer, statement) => `${answer} in pregnancy ${withoutTypeWords(statement)}`,
  );
}
