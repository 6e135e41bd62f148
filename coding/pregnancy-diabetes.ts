/**
 * Diabetes in an ongoing pregnancy the record never types: not gestational, not pre-existing type 1
 * or type 2 ("DM in preg on insulin", "Diabetes - NPH 14 u qAM"). Outside pregnancy an untyped
 * diabetes is type 2 by default (guideline I.C.4.a.2), but in pregnancy the classification codes the
 * diabetes by whether it existed before the pregnancy (O24.0- type 1, O24.1- type 2) or arose in it
 * (O24.4- gestational, guideline I.C.15.g and I.C.15.i), and no default chooses between those: the
 * physician is asked, and until answered the diabetes is unspecified diabetes in pregnancy (O24.91-,
 * its trimester from the record). The answer's words code it.
 *
 * Not asked: a type stated anywhere in the record (type 1, type 2, gestational, GDM, A1/A2,
 * pre-existing or pregestational), a history of gestational diabetes, a pregnancy ruled out.
 */
import { resolutionFor, resolvedWords, specificityQuestion, type ClarificationIssue } from './clarification.ts';
import { codeAnsweredCondition } from './clinical-indicators.ts';
import { recordSays, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { ongoingPregnancy } from './pregnancy-chapter.ts';
import { withPregnancyDetails } from './pregnancy.ts';

/** A type of diabetes stated anywhere in the record. */
const TYPE_STATED =
  /\b(type\s*(1|2|i|ii|one|two)|t[12]dm|dm\s*(1|2|i|ii)\b|dm[12]|iddm|niddm|gestational|gdm|a[12]gdm|gdma[12]|gdm\s*a[12]|pre-?existing|pregestational|pre-?gestational|prior to (the )?pregnancy|before (the )?pregnancy|lada|mody|steroid[- ]induced|drug[- ]induced|due to)\b/i;

/** The diabetes codes whose type the coding assumed (type 2 by default) or the gestational code the search reached. */
const DIABETES_CODE = /^(E11|O24\.[14])/;

export const DIABETES_TYPE_OPTIONS = [
  { label: 'Gestational diabetes mellitus', refine: 'gestational diabetes mellitus' },
  { label: 'Pre-existing type 1 diabetes mellitus', refine: 'pre-existing type 1 diabetes mellitus' },
  { label: 'Pre-existing type 2 diabetes mellitus', refine: 'pre-existing type 2 diabetes mellitus' },
];

/**
 * Step (after the chapter 15 step and the trimester): an untyped diabetes in pregnancy is asked
 * gestational or pre-existing, coded O24.91- while open; once answered, the answer's words code it.
 */
export function untypedDiabetesInPregnancy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!ongoingPregnancy(run) || recordSays(run, TYPE_STATED)) return drafts;
  const d = drafts.find((x) => DIABETES_CODE.test(x.code) && (x.inferred ?? []).some((i) => /type 2/i.test(i)));
  if (!d) return drafts;
  const m = run.mentions.get(d.order);
  const stated = m?.original ?? d.evidence[0]?.text ?? d.description;
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: specificityQuestion(stated, 'type of diabetes mellitus in this pregnancy (gestational or pre-existing)'),
    clinicalIndicators: [`Documented: "${stated}"`],
    options: DIABETES_TYPE_OPTIONS,
    reason:
      'In pregnancy the diabetes is coded by whether it existed before the pregnancy (type 1 or type 2) or is gestational, and the record states neither; unspecified diabetes in pregnancy until answered.',
    order: d.order,
  };
  return askDiabetesType(
    run,
    drafts,
    d,
    issue,
    `The record does not say whether the diabetes is gestational or existed before the pregnancy (I.C.15.g, I.C.15.i): ${HELD} until the physician answers.`,
  );
}

/** The code category each pre-existing diabetes in pregnancy asks to follow it. */
const PRE_EXISTING_OWN_CODE: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^O24\.0/, /^E10/],
  [/^O24\.1/, /^E11/],
];

/** What ties the answer's diabetes to the pregnancy ("pre-existing", "prior to pregnancy"): left out to code the diabetes itself. */
const PREGNANCY_WORDS =
  /\b(?:pre-?existing|pre-?gestational|(?:in|of|during|prior to|before|complicating)\s+(?:this\s+|the\s+)?pregnancy|pregnancy|pregnant)\b/gi;

/** Unspecified diabetes in pregnancy, unspecified trimester (the trimester step gives this pregnancy's). */
const HELD = 'O24.919';

/**
 * Asks the type of a diabetes in pregnancy (unless answered) and codes the draft: O24.91- (this
 * pregnancy's trimester) while open, the answer's condition once answered. Other codes of the same
 * statement (the E11 beside O24.11-) go while it is open: they name the type the question leaves open.
 */
export function askDiabetesType(
  run: CodingRun,
  drafts: DiagnosisDraft[],
  d: DiagnosisDraft,
  issue: ClarificationIssue,
  heldWhy: string,
  /** The answer's words and the statement's own words the answer is read with (by default the statement's text). */
  reading: (answer: string, statement: string) => string = (answer, statement) => `${answer} in pregnancy ${statement}`,
): DiagnosisDraft[] {
  const m = run.mentions.get(d.order);
  const resolution = resolutionFor(issue, run.input.answers);
  const companions = (x: DiagnosisDraft) => x !== d && Math.floor(x.order) === Math.floor(d.order) && /^E(0[89]|1[013])/.test(x.code);
  if (!resolution) {
    run.issues.push(issue);
    const [open] = withPregnancyDetails(run, [{ ...recoded(run.codeSets, d, HELD, heldWhy), inferred: [] }]);
    return drafts.filter((x) => !companions(x)).map((x) => (x === d && open ? open : x));
  }
  const words = resolvedWords(resolution);
  if (!words) return drafts;
  // The answer's condition, with the trimester and phase of this pregnancy.
  const [first] = withPregnancyDetails(run, codeAnsweredCondition(run, reading(words, m?.text ?? ''), d.order));
  if (!first) return drafts;
  const answered = drafts.filter((x) => !companions(x)).map((x) => (x === d ? { ...first, order: d.order } : x));
  // A pre-existing diabetes in pregnancy (O24.0-, O24.1-) is followed by its own code (E10, E11), as
  // O24.0 and O24.1 ask: the answer's words coded outside the pregnancy chapter.
  const own = PRE_EXISTING_OWN_CODE.find(([p]) => p.test(first.code))?.[1];
  if (!own) return answered;
  const condition = codeAnsweredCondition(run, words.replace(PREGNANCY_WORDS, ' '), d.order + 0.1).find((x) => own.test(x.code));
  return condition ? [...answered, condition] : answered;
}
