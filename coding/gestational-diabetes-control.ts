/**
 * How a gestational diabetes is controlled, the 6th character of O24.4- (0 diet, 4 insulin, 5 oral
 * hypoglycemic drug, 9 unspecified; guideline I.C.15.g: diet with insulin is insulin controlled, diet
 * with an oral drug is oral). A gestational diabetes coded or stated diet controlled while the
 * record says the patient takes insulin or an oral hypoglycemic (metformin, glyburide) now (a
 * current dose, "taking", "on insulin", "started insulin today", a medication list) disagrees with
 * itself: the physician is asked diet, insulin or oral drug, both statements quoted; until answered
 * the control is unspecified (O24.4x9), and an answer naming the control codes it.
 *
 * Not asked: a drug only discussed, planned, considered, declined, stopped or kept for "if sugars
 * rise"; a change the physician states ("now A2", "now on insulin", "diet alone not adequate" with
 * the drug started): the control now is coded, and the written diet-controlled code is reported as changed.
 */
import { askCharacter, namedIn, type NamedValues } from './character-conflict.ts';
import { detailConflictQuestion, type ClarificationOption } from './clarification.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { recordStatements } from './review-signals.ts';

/** Gestational diabetes in pregnancy, childbirth or the puerperium: the 6th character is the control. */
const GESTATIONAL = /^O24\.4[123][0-59]$/;

type Control = 'diet' | 'insulin' | 'oral';
const CHARACTER: Record<Control, string> = { diet: '0', insulin: '4', oral: '5' };

const INSULIN = /\b(insulin|nph|glargine|lantus|basaglar|detemir|levemir|degludec|lispro|humalog|aspart|novolog|humulin|novolin)\b/i;
const ORAL = /\b(metformin|glucophage|glyburide|glibenclamide|micronase|diabeta|glipizide|oral hypoglycemic\w*|oral agents?)\b/i;
const DRUGS: NamedValues<Control> = [
  ['insulin', INSULIN],
  ['oral', ORAL],
];
/** A statement that the gestational diabetes is diet controlled. */
const DIET =
  /\bdiet[- ]?(controlled|control|alone|only)\b|\b(controlled|managed|managing|treated) (with|by|on) diet( alone| only)?\b|\ba1 ?gdm\b|\bgdm,? (class )?a1\b|\bclass a1\b/i;
/** What shows a drug is taken now: a dose, taking it, being on it, starting or continuing it. */
const CURRENT =
  /\b\d+(\.\d+)?\s*(mg|mcg|units?|u|iu)\b|\b(tak(ing|es|en)|on|started|starting|start|began|begun|continue[sd]?|continuing|cont|since|currently|current|uses?|using)\b|\b(meds|medications?|medication list|current medications)\b\s*(\(\w+\))?\s*:/i;
/** Words before the drug in its clause that do not say it is taken: a denial, a plan, a discussion, a stop. */
const NOT_TAKEN_BEFORE =
  /\b(no|not|never|without|denies|declin\w*|refus\w*|discuss\w*|consider\w*|plan\w*|may|might|would|could|should|if|options?|offer\w*|counsel\w*|prefer\w*|needs?|possibl\w*|potential\w*|hold|held|stop\w*|discontinu\w*|d\/c|instead of|rather than|vs\.?|versus|or|will|later|teaching|education|history of|hx of|h\/o|prior|previous\w*|formerly|was on|used to)\b[^;]*$|\?[^;]*$/i;
/** Words after the drug in its clause that make it a plan or a condition ("if fasting stays high", "preferred", "was stopped"). */
const NOT_TAKEN_AFTER =
  /^[^;]*\b(if|only if|would|could|may|might|discussed|considered|declined|refused|stopped|discontinued|held|preferred|not started|was not|were not|will be|before (the )?pregnancy|prior to (the )?pregnancy|previously)\b|^[^;]*\?/i;
/** A change of control the physician states ("now class A2", "now insulin-requiring"): the control now. */
const NOW_ON_DRUG =
  /\bnow\b[^.;]{0,24}\b(a2|class a2|a2 ?gdm|insulin[- ](controlled|requiring|dependent)|on (insulin|metformin|glyburide)|requir\w* insulin)\b/i;

/**
 * Diet stated as not enough ("diet alone not adequate", "failed diet", "despite diet"): the physician
 * states the change from diet to the drug, so the diet control is the history and the drug the control now.
 */
const DIET_FAILED =
  /\b(diet(ary)?( alone| only| control| management| therapy)?,? (was |is |has been |proved )?(not adequate|inadequate|insufficient|not sufficient|not enough|failed|unsuccessful|not controlling)|fail(ed|ure of|ing) (diet|dietary)|despite diet|diet failure)\b/i;

const LABELS: Record<Control, string> = { diet: 'Diet alone', insulin: 'Insulin controlled', oral: 'Oral hypoglycemic drug controlled' };
/** The control an answer in the physician's own words names (insulin first: with diet or a drug, insulin is coded). */
const ANSWERED: NamedValues<Control> = [...DRUGS, ['diet', /\bdiet\b|\ba1\b/i]];
const ASPECT = 'control of the gestational diabetes (diet alone, insulin or an oral hypoglycemic drug)';

const withControl = (code: string, c: string) => `${code.slice(0, 6)}${c}`;

/** The drug a statement says is taken now, if any. */
function drugTaken(s: string): Control | undefined {
  for (const [control, words] of DRUGS)
    for (const m of s.matchAll(new RegExp(words.source, 'gi'))) {
      const before = s.slice(0, m.index);
      const after = s.slice(m.index + m[0].length);
      if (CURRENT.test(s) && !NOT_TAKEN_BEFORE.test(before) && !NOT_TAKEN_AFTER.test(after)) return control;
    }
  return undefined;
}

/**
 * Step (after the type of a diabetes in pregnancy): a gestational diabetes coded or stated diet
 * controlled beside a drug taken now is asked, O24.4x9 meanwhile; a change to a drug the physician
 * states is coded.
 */
export function gestationalDiabetesControl(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const statements = recordStatements(run.input.documentation);
  const dietStated = statements.find((s) => !DIET_FAILED.test(s) && namedIn(s, [[true, DIET]]) !== undefined);
  const d = drafts.find((x) => GESTATIONAL.test(x.code) && (x.code.endsWith('0') || (x.code.endsWith('9') && dietStated !== undefined)));
  if (!d || run.issues.some((i) => i.order === d.order)) return drafts;
  const taken = statements.map((s) => ({ text: s.trim(), drug: drugTaken(s) })).filter((t) => t.drug !== undefined);
  if (taken.length === 0) return drafts;
  const icd = run.codeSets.icd;
  // Insulin with an oral drug, or alone, is coded insulin; an oral drug alone, oral.
  const drug = taken.some((t) => t.drug === 'insulin') ? 'insulin' : 'oral';
  const against = taken.find((t) => t.drug === drug)!.text;

  if (statements.some((s) => NOW_ON_DRUG.test(s) || DIET_FAILED.test(s))) {
    const to = withControl(d.code, CHARACTER[drug]);
    if (!icd.byCode.has(to)) return drafts;
    const why = `The record states the gestational diabetes is now controlled by ${drug === 'insulin' ? 'insulin' : 'an oral hypoglycemic drug'} ("${against}"): ${to}.`;
    return drafts.map((x) => (x === d ? recoded(run.codeSets, x, to, why) : x));
  }

  const quote = dietStated?.trim() ?? d.evidence[0]?.text ?? d.description;
  const held = withControl(d.code, '9');
  const options: ClarificationOption[] = (['diet', 'insulin', 'oral'] as const)
    .map((c) => ({ label: LABELS[c], code: withControl(d.code, CHARACTER[c]) }))
    .filter((o) => icd.byCode.has(o.code));
  return askCharacter(run, drafts, {
    draft: d,
    question: detailConflictQuestion(quote === against ? (d.evidence[0]?.text ?? d.description) : quote, against, ASPECT),
    clinicalIndicators: [`Documented: "${quote}"`, `Documented: "${against}"`],
    options,
    reason: `The gestational diabetes is documented as diet controlled and also as treated with ${drug === 'insulin' ? 'insulin' : 'an oral hypoglycemic drug'} now; the control is the code's 6th character, so ${held} (unspecified control) until answered.`,
    held,
    fromWords: (words) => {
      const control = namedIn(words, ANSWERED);
      return control ? withControl(d.code, CHARACTER[control]) : undefined;
    },
    heldWhy: `The control of the gestational diabetes is documented two ways: unspecified control until the physician answers.`,
    answeredWhy: (code) => `The physician answered the control of the gestational diabetes: ${code}.`,
  });
}

/** Long-term use of insulin or of oral hypoglycemic drugs: the control of a gestational diabetes says it already. */
const LONG_TERM_DIABETES_DRUG = /^Z79\.(?:4|84)$/;

/**
 * Step (after the long-term drug codes): guideline I.C.15.g says Z79.4 and Z79.84 are not assigned
 * with a code of subcategory O24.4- (the 6th character holds the insulin or the oral drug). They are
 * dropped beside gestational diabetes, written or added; beside pre-existing diabetes in pregnancy
 * (O24.0-O24.3) they stay.
 */
export function withoutLongTermDrugBesideGestational(_run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const gestational = drafts.find((d) => /^O24\.4/.test(d.code));
  if (!gestational) return drafts;
  const dropped = drafts.filter((d) => LONG_TERM_DIABETES_DRUG.test(d.code));
  if (dropped.length === 0) return drafts;
  return drafts
    .filter((d) => !dropped.includes(d))
    .map((d) =>
      d === gestational
        ? {
            ...d,
            rationale: `${d.rationale} ${dropped.map((x) => x.code).join(', ')} not coded with ${d.code}: the control is its 6th character (guideline I.C.15.g).`,
          }
        : d,
    );
}
