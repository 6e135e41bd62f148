/**
 * A diagnosis line the note's own assessment leaves alone. Long notes carry a diagnosis list built
 * from the chart (every problem of the patient) beside an assessment that says, problem by problem,
 * what this visit did. Guideline IV.J reports a coexisting condition only when it requires or affects
 * the care at this encounter: a listed condition whose assessment line says the visit does not address
 * it ("Celiac disease - stable, not addressed further today", "Anxiety - per PCP") is not coded, and
 * neither is one the assessment calls part of another illness of the visit ("Viral URI symptoms -
 * part of the presenting illness": guideline I.B.5, integral to the condition coded).
 *
 * Read over the note's structure: the statement must be in the assessment or plan, name the listed
 * condition (most of its line's words), and no other assessment statement may name that condition without the remark.
 * A line the physician wrote a code on is kept (documented codes are respected). Which statements say
 * so is sections.ts saysNotAddressed, read once per line of the note (context.ts noteMentions).
 */
import { RESOLVED, type Mention } from './context.ts';
import { ADDRESSED_PARTS } from './sections.ts';
import { expandAbbreviations, isNeutral, LATERALITY_WORDS, tokenize } from './text.ts';

/** A statement names the listed condition when it names this share of the line's words ("primary" may go unsaid). */
const NAMED_SHARE = 2 / 3;

const wordsOf = (text: string): string[] => tokenize(expandAbbreviations(text)).filter((w) => !isNeutral(w));

/** Whether the assessment leaves the condition of a diagnosis line alone (see the file's comment). */
export function assessmentLeavesAlone(line: Mention, notes: readonly Mention[]): boolean {
  if (line.documentedCode) return false;
  const words = wordsOf(line.text);
  if (words.length === 0) return false;
  const naming = notes.filter((n) => {
    if (n.part === undefined || !ADDRESSED_PARTS.has(n.part) || n.assertion === 'negated') return false;
    const said = new Set(wordsOf(n.original));
    return words.filter((w) => said.has(w)).length >= NAMED_SHARE * words.length;
  });
  return naming.length > 0 && naming.every((n) => n.unaddressed === true);
}

/** Parts that carry the chart forward (past history, problem list, medication list): not this visit's work. */
const CARRIED_PARTS: ReadonlySet<string> = new Set(['past-history', 'medications']);
/**
 * Tobacco use, dependence or history is reported wherever the record states it: the chapters'
 * "use additional code to identify exposure to tobacco / history of tobacco dependence" notes.
 */
const TOBACCO = /\b(smok\w*|tobacco|nicotine|cigarettes?|cigars?|vap\w+|pack[- ]?(?:years?|yrs?))\b/i;
/** The assessment and plan state this many statements at least: a full assessment, problem by problem. */
const FULL_ASSESSMENT = 3;

/**
 * A diagnosis line whose condition the note names only in the history it carries forward (past
 * history, problem list, medication list) or in statements saying the visit leaves it alone ("per
 * PCP": sections.ts saysNotAddressed), while no other statement of the note (complaint, present
 * illness, exam, results, an assessment and plan written problem by problem) shares even one of its
 * distinctive words (a side is none): the superbill lists the chart's problems, the visit did not
 * evaluate or treat this one (guideline IV.J: a coexisting condition is coded when it requires or
 * affects the care at this encounter). A line the physician wrote a code on is kept, and so is
 * tobacco. `distinctive` tells the words that name a condition from common ones ("chronic", "left").
 */
export function onlyInCarriedHistory(line: Mention, notes: readonly Mention[], distinctive: (word: string) => boolean): boolean {
  if (line.documentedCode || TOBACCO.test(line.original)) return false;
  const words = wordsOf(line.text);
  const key = words.filter((w) => distinctive(w) && !(LATERALITY_WORDS as readonly string[]).includes(w));
  if (key.length === 0) return false;
  if (notes.filter((n) => n.part !== undefined && ADDRESSED_PARTS.has(n.part)).length < FULL_ASSESSMENT) return false;
  const carried = (n: Mention) => n.unaddressed === true || (n.part !== undefined && CARRIED_PARTS.has(n.part));
  const inCarried = notes.some((n) => {
    if (!carried(n)) return false;
    const said = new Set(wordsOf(n.original));
    return words.filter((w) => said.has(w)).length >= NAMED_SHARE * words.length;
  });
  if (!inCarried) return false;
  return !notes.some((n) => !carried(n) && wordsOf(n.original).some((w) => key.includes(w)));
}

/** A diagnosis line that names an encounter rather than a condition ("Follow-up visit", "Annual exam"). */
const ENCOUNTER_LINE = /\b(?:follow[- ]?up|f\/u|re-?check|visit|exam\w*|check[- ]?up|aftercare|post[- ]?op\w*|screening)\b/i;
/** What a fracture or wound's healing leaves is its sequela or history (sequela.ts, I.C.19.a): not read here. */
const HEALED = /\bhealed\b/i;

/**
 * A diagnosis line calling its condition resolved ("Hyperkalemia - resolved (K 4.6 today)",
 * "Resolved low-lying placenta") below a current condition the visit is for. The list carries it
 * forward; the condition is gone and the visit is for the lines above it, so neither the condition nor
 * its history is coded (IV.J; I.C.21.c.4: a personal history code where the history affects the care
 * of this visit). A resolved condition the visit is for (the first line, or after a line naming only
 * the encounter: "F/u pneumonia - resolved") stays: Z09 and its history (first-listed.ts). A line
 * written "history of" is the physician's history code and stays.
 */
export function resolvedBelowCurrent(line: Mention, earlier: readonly Mention[]): boolean {
  if (line.documentedCode || line.assertion !== 'personal-history') return false;
  if (!RESOLVED.test(line.original) || HEALED.test(line.original) || /\b(?:history|hx|h\/o|s\/p|status post)\b/i.test(line.original))
    return false;
  return earlier.some((e) => e.original !== line.original && e.assertion === 'affirmed' && !ENCOUNTER_LINE.test(e.original));
}
