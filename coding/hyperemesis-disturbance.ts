/**
 * Hyperemesis gravidarum with a metabolic disturbance the record states: dehydration, ketosis
 * (ketonuria, urine ketones 3+), an electrolyte imbalance (hypokalemia, hyponatremia). O21.1's title
 * is the combination ("Hyperemesis gravidarum with metabolic disturbance"), and E87's Excludes1
 * sends an electrolyte imbalance of hyperemesis to it: the one code says both (guideline I.B.9,
 * combination codes), whether the disturbance is written on the hyperemesis line ("HEG w/
 * dehydration"), on a line of its own ("Dehydration") or in the note's assessment ("A: hyperemesis
 * gravidarum with dehydration and ketosis"), and whether the hyperemesis was coded mild (O21.0) or as vomiting of pregnancy
 * (O21.9) beside a statement of hyperemesis. The disturbance's own codes (E86-, E87-, acetonuria,
 * O99.28- for them) are then not reported.
 *
 * Only the physician's diagnostic statements count (diagnosis lines, the assessment and plan, a
 * statement of the hyperemesis itself): a laboratory value alone ("ketones 1+", "K 3.3") is a
 * clinical indicator, not a diagnosis the coder may add. Nothing changes where a disturbance is
 * denied anywhere in the record ("No metabolic disturbance clinically", "not dehydrated"), where it
 * is only feared ("return for signs of dehydration"), or after the 20th week (late vomiting, O21.2).
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { diagnosisMentions, clausesOf } from './context.ts';
import { DENIED_BEFORE } from './denial.ts';
import { agesOfThisVisit, valueAge } from './gestational-age.ts';
import { ADDRESSED_PARTS } from './sections.ts';

const HYPEREMESIS = /\bhyperemesis\b|\bHEG\b/;
/** A metabolic disturbance named. */
const DISTURBANCE =
  /\b(?:dehydrat\w*|volume deplet\w*|hypovolemi\w*|ketosis|ketotic|ketonuria|ketonemia|acetonuria|electrolyte (?:imbalance|abnormalit\w*|derangement\w*|disturbance\w*|disorder\w*)|hypokalemi\w*|hyponatremi\w*|hypochloremi\w*|metabolic (?:alkalosis|disturbance|derangement)|carbohydrate depletion)\b/i;
/** A disturbance denied as a whole ("no metabolic disturbance", "without metabolic derangement"). */
const METABOLIC = /\bmetabolic (?:disturbance|derangement|abnormalit\w*)\b/i;
/** Words before a disturbance that only fear it or plan against it. */
const FEARED_BEFORE =
  /\b(?:risk of|at risk|prevent\w*|avoid\w*|signs? of|s\/s of|sx of|symptoms of|precautions?|return (?:if|for)|monitor(?:ing)? for|watch for|to rule out|r\/o|rule out)\b[^.;]*$/i;
/** Codes of the disturbance itself, which O21.1 says. */
const DISTURBANCE_CODE = /^(?:E86|E87|R82\.4|E88\.8)/;

function statesDisturbance(text: string): boolean {
  for (const m of text.matchAll(new RegExp(DISTURBANCE.source, 'gi'))) {
    const before = text.slice(0, m.index);
    if (!DENIED_BEFORE.test(before) && !FEARED_BEFORE.test(before)) return true;
  }
  return false;
}

/** A draft that codes the disturbance itself: its code, or O99.28- from a statement of it. */
const codesDisturbance = (d: DiagnosisDraft) =>
  DISTURBANCE_CODE.test(d.code) || (d.code.startsWith('O99.28') && d.evidence.some((e) => DISTURBANCE.test(e.text)));

/** Step: hyperemesis gravidarum beside a stated metabolic disturbance is O21.1, without the disturbance's own codes. */
export function hyperemesisWithMetabolicDisturbance(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!run.allowed('O21.1')) return drafts;
  const doc = run.input.documentation;
  const mentions = [...diagnosisMentions(doc.diagnoses), ...run.notes];
  // A disturbance the record denies anywhere leaves the physician's reading alone.
  if (mentions.some((m) => m.assertion === 'negated' && (DISTURBANCE.test(m.text) || METABOLIC.test(m.text)))) return drafts;
  const affirmed = mentions.filter((m) => m.assertion === 'affirmed');
  const hyperemesisStated = affirmed.some((m) => HYPEREMESIS.test(m.text));
  // The physician's diagnostic statements: a diagnosis line, the assessment or plan, or the hyperemesis's own statement.
  const diagnostic = affirmed.filter(
    (m) => m.section === 'diagnoses' || (m.part !== undefined && ADDRESSED_PARTS.has(m.part)) || HYPEREMESIS.test(m.text),
  );
  const target =
    drafts.find((d) => d.code === 'O21.0') ??
    (hyperemesisStated
      ? drafts.find((d) => d.code === 'O21.9' || (codesDisturbance(d) && d.evidence.some((e) => HYPEREMESIS.test(e.text))))
      : undefined);
  if (!target) return drafts;
  const disturbance = diagnostic.find((m) => statesDisturbance(m.text));
  if (!disturbance) return drafts;
  const weeks = valueAge(agesOfThisVisit([...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)]))?.weeks;
  if (weeks !== undefined && weeks > 20) return drafts;
  const absorbed = drafts.filter((d) => d !== target && codesDisturbance(d));
  const evidence = [...target.evidence];
  for (const d of absorbed) for (const e of d.evidence) if (!evidence.some((k) => k.text === e.text)) evidence.push(e);
  const why = `Hyperemesis gravidarum with a metabolic disturbance the record states ("${disturbance.original.trim()}"): O21.1, the combination code, which the disturbance's own codes are not reported beside.`;
  return drafts
    .filter((d) => !absorbed.includes(d))
    .map((d) => (d === target ? { ...recoded(run.codeSets, d, 'O21.1', why), evidence } : d));
}
