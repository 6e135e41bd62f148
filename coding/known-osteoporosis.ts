/**
 * Osteoporosis the notes state as the patient's known condition ("known osteoporosis, DEXA T -3.0",
 * "age-related osteoporosis on a drug holiday") while the diagnosis list gives only the fracture.
 * Guideline I.C.13.d.1 asks whether the patient has known osteoporosis, not whether the physician
 * listed it: the statement in the notes is enough for the fracture to be the osteoporosis's
 * pathological fracture (M80). The kind follows the statement: other osteoporosis (drug-induced,
 * disuse, postoophorectomy, localized) is M80.8, age-related or unqualified osteoporosis M80.0.
 * Statements that deny, doubt, screen for or speak of a risk or of a relative do not count, nor
 * osteopenia (low bone mass is not osteoporosis).
 */
import type { Mention } from './context.ts';

/** A statement of osteoporosis (the condition, not the word inside "osteopenia"). */
const OSTEOPOROSIS = /\bosteoporo(?:sis|tic)\b/i;
/** A statement that looks for, prevents or weighs the condition rather than stating it. */
const NOT_STATED =
  /\b(?:screen\w*|evaluat\w*|assess\w*|work[- ]?up|rule|r\/o|risk|prevent\w*|prophyla\w*|concern\w*|possible|suspect\w*|\?|dexa (?:ordered|pending|due|planned)|osteopenia)\b/i;
/** Osteoporosis of another kind than age-related: M80.8 (M81.6 localized is under M81.8's sibling, still not age-related). */
const OTHER_KIND =
  /\b(?:drug[- ]induced|steroid[- ]induced|glucocorticoid|secondary|disuse|post-?oophorectomy|post-?surgical malabsorption|idiopathic|localized)\b/i;

/** The M80 subcategory the notes' statement of known osteoporosis gives, or undefined when none states it. */
export function osteoporosisStatedInNotes(notes: readonly Mention[]): 'M80.0' | 'M80.8' | undefined {
  const stated = notes.find(
    (n) => n.section === 'notes' && n.assertion === 'affirmed' && OSTEOPOROSIS.test(n.original) && !NOT_STATED.test(n.original),
  );
  if (!stated) return undefined;
  return OTHER_KIND.test(stated.original) ? 'M80.8' : 'M80.0';
}
