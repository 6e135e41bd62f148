/**
 * Hypertension in pregnancy coded by the type the record states. The classification codes the type,
 * not the word "hypertension": pre-existing (chronic, essential, before the pregnancy or its 20th
 * week) is O10.0-, gestational (pregnancy-induced, new onset from the 20th week, no significant
 * proteinuria) O13.-, pre-eclampsia O14.- (with a pre-existing hypertension, O11.-), and unspecified
 * maternal hypertension (O16.-) only when the record states no type. A search on the statement's
 * words may land elsewhere ("hypertension in pregnancy" reaching the gestational title; "gestational
 * hypertension with pre-eclampsia" reaching the superimposed one), so the type is read again here:
 * first from the coded statement itself, else from the record's other statements of today.
 *
 * A type the record states two ways is the next step's question (pregnancy-hypertension.ts). A
 * hypertension of no stated type in a pregnancy not yet at its 20th week is pre-existing by definition;
 * later, a record that states no type is asked, like an untyped diabetes in pregnancy, with O16.- held.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { pregnancyStatus } from './pregnancy.ts';
import { specificityQuestion, type ClarificationIssue, type ClarificationOption } from './clarification.ts';
import {
  askedTypeCode,
  CODED_KIND,
  codeOf,
  kindsStated,
  OPTION_KINDS,
  statementsOf,
  trimesterOf,
  type Kind,
} from './pregnancy-hypertension.ts';

/** The codes this step may move: the essential or unspecified pre-existing kind, superimposed, gestational, pre-eclampsia, unspecified. */
const RETYPED = /^(O10\.[09]1|O11\.|O13\.|O14\.[01]|O16\.)/;
/** A pre-eclampsia the statement calls severe ("with severe features"), not "without severe features". */
const SEVERE = /(?<!\b(?:without|no|not)\s(?:\w+\s)?)\bsevere\b/i;
const PRE_ECLAMPTIC: ReadonlySet<Kind> = new Set(['pre-eclampsia', 'HELLP', 'eclampsia', 'superimposed']);

type Target = Kind | 'severe pre-eclampsia' | 'unspecified' | undefined;

/** The type the kinds stated decide, or undefined when they leave the code as it is (two types, a HELLP or eclampsia). */
function typeOf(kinds: readonly Kind[], text: string, coded: Kind | undefined): Target {
  const set = new Set(kinds);
  if (set.has('superimposed') || set.has('HELLP') || set.has('eclampsia')) return undefined;
  if (set.has('pre-eclampsia'))
    return set.has('pre-existing') ? 'superimposed' : SEVERE.test(text) ? 'severe pre-eclampsia' : 'pre-eclampsia';
  if (set.has('gestational') && set.has('pre-existing')) return undefined;
  if (set.has('gestational')) return coded === 'pre-eclampsia' ? undefined : 'gestational';
  if (set.has('pre-existing')) return 'pre-existing';
  return 'unspecified';
}

const HALF_OF_PREGNANCY = 20;
/** The weeks of gestation of this visit, when the record states them. */
function weeksOfGestation(run: CodingRun): number | undefined {
  const doc = run.input.documentation;
  return pregnancyStatus([...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)]).weeks;
}

/** The type the record's other statements of today state, when they state exactly one. */
function recordType(run: CodingRun, own: ReadonlySet<string>): Target {
  const kinds = new Set(statementsOf(run).flatMap((s) => (own.has(s.text) ? [] : kindsStated(s.text, s.part))));
  if (kinds.size === 0) return 'unspecified';
  if ([...kinds].some((k) => PRE_ECLAMPTIC.has(k)) || kinds.size > 1) return undefined;
  return kinds.has('gestational') ? 'gestational' : 'pre-existing';
}

/** Step (after the trimester, before the question on two types): each pregnancy hypertension code follows the type stated. */
export function hypertensionTypeInPregnancy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  let weeks: number | undefined;
  return drafts.map((d) => {
    const trimester = trimesterOf(d.code);
    if (!RETYPED.test(d.code) || !trimester) return d;
    const m = run.mentions.get(d.order);
    const pieces = [m?.original, m?.text, ...d.evidence.map((e) => e.text)].filter((t): t is string => t !== undefined && t !== '');
    const coded = CODED_KIND.find(([p]) => p.test(d.code))?.[1];
    const own = typeOf(
      pieces.flatMap((t) => kindsStated(t, 'assessment')),
      pieces.join('; '),
      coded,
    );
    const stated = own === 'unspecified' ? recordType(run, new Set([m?.original ?? '', ...d.evidence.map((e) => e.text)])) : own;
    // A hypertension already present before the 20th week is the pre-existing kind by definition.
    const target = stated === 'unspecified' && (weeks ??= weeksOfGestation(run) ?? Infinity) < HALF_OF_PREGNANCY ? 'pre-existing' : stated;
    if (target === undefined) return d;
    const code = codeOf(target, trimester);
    if (target === 'unspecified') return untyped(run, d, code, m?.original ?? d.evidence[0]?.text ?? d.description, trimester);
    if (code === d.code || !icd.byCode.has(code) || !run.allowed(code)) return d;
    // The physician's own code of the same category and type stays (O10.011 against O10.01 read here).
    if (d.code.slice(0, 5) === code.slice(0, 5)) return d;
    return recoded(run.codeSets, d, code, `The record states the type of hypertension in pregnancy (${target}): ${code}.`);
  });
}

/** A hypertension in pregnancy of no stated type: asked, O16.- held until answered. */
function untyped(run: CodingRun, d: DiagnosisDraft, held: string, stated: string, trimester: string): DiagnosisDraft {
  const icd = run.codeSets.icd;
  if (!icd.byCode.has(held) || !run.allowed(held)) return d;
  const options: ClarificationOption[] = OPTION_KINDS.map(([label, kind]) => ({ label, code: codeOf(kind, trimester) })).filter((o) =>
    icd.byCode.has(o.code),
  );
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: specificityQuestion(stated, 'type of hypertension in this pregnancy (pre-existing, gestational or pre-eclampsia)'),
    clinicalIndicators: [`Documented: "${stated}"`],
    options,
    reason:
      'In pregnancy the hypertension is coded by its type (pre-existing O10, gestational O13, pre-eclampsia O14) and the record states none; unspecified maternal hypertension (O16) until answered.',
    order: d.order,
  };
  const code = askedTypeCode(run, issue, trimester, held);
  if (code === d.code) return d;
  const why =
    code === held
      ? `The record states no type of the hypertension in pregnancy: ${held} (unspecified maternal hypertension) until the physician answers.`
      : `The physician answered the type of hypertension in pregnancy: ${code}.`;
  return recoded(run.codeSets, d, code, why);
}
