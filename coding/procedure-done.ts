/**
 * Statements of a procedure done at a site: "left knee injected", "right foot ulcer debrided to
 * bleeding tissue", "site marked: right", "lesion excised from left forearm", "laceration repaired
 * with 5 sutures". Such a statement is about the condition the procedure treated, and the side it
 * names is where the clinician put the needle or the blade: a stronger statement of the side than
 * a description of signs (laterality.ts asks the side when it is the other one than the diagnosis's).
 *
 * A procedure planned, offered or declined ("consider left knee injection", "will aspirate"), or one
 * dated to the past ("injected 2019", "prior excision"), is no procedure done today.
 */
import type { RecordSection } from '../domain/coding.ts';
import type { NotePart } from './sections.ts';

/** Verbs and nouns of a procedure done at a body site, as clinic notes write them. */
const DONE =
  /\b(injected|injections?|inj|aspirated|aspirations?|arthrocentesis|prepped|draped|debrided|debridement|excised|excisions?|excisional|biopsied|biops(?:y|ies)|shave(?:d| biopsy| excision)|curetted|curettage|incised|incision and drainage|i\s?&\s?d|drained|site (?:was )?marked|marked (?:the )?site|time[- ]?out|sutured|sutures? placed|closed with|stapled|repaired|repair|irrigated|cauterized|cryotherapy|liquid nitrogen|destroyed|destruction|splinted|casted)(?![\w&])/gi;

/** A procedure not done today: planned, offered, declined, or dated to the past. */
const NOT_DONE_TODAY =
  /\b(will|plan(?:s|ned)?|to be|consider(?:ed|ing)?|schedul\w*|recommend\w*|offered|discuss\w*|declined|refused|deferred|candidate|next (?:visit|time|week|month)|if|history|hx|prior|previous(?:ly)?|s\/p|status post|years? ago|months? ago|weeks? ago|last (?:year|month|week)|(?:19|20)\d\d)\b/i;

/** Parts of a note that tell the past or the patient's setting, not what was done today. */
const NOT_TODAY_PARTS: ReadonlySet<NotePart> = new Set(['past-history', 'family-history', 'social-history', 'medications', 'allergies']);

/**
 * Whether a statement of the record reports a procedure done today: every line of the procedure
 * list does; a statement of the notes does when it names one outside the note's history parts and
 * says nothing that plans it or dates it to the past.
 */
export function saysProcedureDone(statement: { text: string; section: RecordSection; part?: NotePart }): boolean {
  if (statement.section === 'procedures') return true;
  if (statement.part && NOT_TODAY_PARTS.has(statement.part)) return false;
  DONE.lastIndex = 0;
  return DONE.test(statement.text) && !NOT_DONE_TODAY.test(statement.text);
}

/** The statement without its procedure's words (a drainage or an aspiration is not a condition the statement names). */
export function withoutProcedureWords(text: string): string {
  return text.replace(DONE, ' ');
}
