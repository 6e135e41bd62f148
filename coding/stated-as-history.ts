/**
 * A listed condition the visit's own assessment states as over: "melanoma L arm" on the diagnosis
 * list (even with its C43 code) beside an assessment "Hx melanoma, NED"; "LLE DVT" beside "Provoked
 * DVT L leg - treatment complete, resolved". The assessment is what the visit found, so the line is
 * coded as the history it states: a malignancy excised or eradicated, no further treatment directed
 * to it and no evidence of existing disease is a personal history (Z85, guideline I.C.2.d), a
 * condition whose treatment is over a history of its own (Z86-Z87, I.C.21.c.4), with the follow-up
 * after completed treatment first-listed where the visit is one (Z08/Z09, I.C.21.c.8:
 * cancer-history.ts, first-listed.ts).
 *
 * Only when the statements the visit addresses (addressedInNotes) that name the line's condition
 * all state it as over, at least one in words that say the treatment is over (OVER), and no
 * statement of the record names treatment still given to a malignancy (cancer-history.ts STILL_TREATED). "History of hypertension, on lisinopril" is no such statement:
 * a chronic condition under treatment is current, whatever the chart calls it.
 */
import { STILL_TREATED } from './cancer-history.ts';
import type { CodingRun } from './coding-run.ts';
import type { Mention } from './context.ts';
import { conditionWords } from './ranking.ts';
import { addressedInNotes } from './sections.ts';
import { expandAbbreviations, tokenize } from './text.ts';

/**
 * Words that say the treatment is over and found nothing left: no evidence of disease, treatment
 * complete, cured. Not "resolved" or "healed" alone: a symptom that resolved is still what the visit
 * evaluates ("chest pain this morning, resolved"), a healing fracture is aftercare (7th character D).
 */
const OVER =
  /\b(?:cured|NED|no (?:evidence|sign) of (?:disease|recurren\w*|malignan\w*|cancer)|without evidence of (?:disease|recurren\w*)|(?:treatment|therapy|course) (?:is |now )?(?:complete|completed|finished|over)|completed (?:treatment|therapy))\b/i;

/**
 * The condition gone, in the visit's words ("Pneumonia - resolved", "clinically and radiographically
 * resolved"): over only beside a statement that the treatment was completed (TREATMENT_COMPLETED).
 */
const RESOLVED = /\b(?:resolved|resolution|cleared|healed|recovered)\b/i;
/**
 * The record states the course of treatment completed ("completed 7d azithro/amox", "antibiotics
 * complete", "finished the course of doxycycline"), not one still being taken ("finishing antibiotics",
 * "2 more days of amoxicillin").
 */
const TREATMENT_COMPLETED =
  /\b(?:completed|finished)\s+(?:a\s+|the\s+|his\s+|her\s+)?(?:\d+\s*-?\s*(?:d|days?|wks?|weeks?)\b|course|treatment|therapy|antibiotics?|abx|\w+(?:\s*\/\s*\w+)?\s+(?:course|x\s*\d))|\b(?:antibiotics?|abx|course|treatment|therapy)\s+(?:is\s+|now\s+|were\s+|was\s+)?(?:complete|completed|finished|done)\b/i;
/** A course not yet over: still taking, more days to go. */
const STILL_TAKING = /\b(?:finishing|still (?:on|taking)|\d+ more days?|day \d+ of|continue (?:antibiotics?|abx|the course))\b/i;

/** The visit found no disease left: no evidence of disease or of recurrence, NED. */
const NO_DISEASE_FOUND =
  /\b(?:NED|no (?:evidence|sign) of (?:disease|recurren\w*|malignan\w*|cancer)|without evidence of (?:disease|recurren\w*))\b/i;
/** A line naming a malignancy. */
const MALIGNANCY_LINE = /\b(?:cancer|carcinoma|malignan\w*|neoplasm|sarcoma|melanoma|lymphoma|tumou?r)\b/i;

/**
 * A statement of the notes that only restates the diagnosis line for the claim ("Dx: Sigmoid colon
 * cancer (C18.7)"): the line itself, not what the visit found.
 */
function restatesLine(statement: string, line: string): boolean {
  const bare = (t: string) =>
    t
      .replace(/^\s*(?:dx|diagnos[ie]s|icd(?:-10)?(?:-cm)?)\s*:\s*/i, '')
      .replace(/\(?\b[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?\b\)?/g, '')
      .replace(/[^a-z0-9]+/gi, ' ')
      .trim()
      .toLowerCase();
  return bare(statement) !== '' && bare(statement) === bare(line);
}

const words = (text: string) => new Set(tokenize(expandAbbreviations(text)));

/** The line as the history its assessment states, or undefined when the line stands as written. */
export function statedAsHistory(run: CodingRun, line: Mention): Mention | undefined {
  if (line.assertion !== 'affirmed') return undefined;
  const icd = run.codeSets.icd;
  // The words that name the condition, as the tabular spells them (a chart's "LLE" is none).
  // Or the line's own words: an abbreviation's expansion adds words the visit need not repeat
  // ("Pneumonia RLL": the lobe's "pulmonary").
  const named = (text: string) => [...conditionWords(tokenize(text), icd)].filter((w) => icd.idf.has(w));
  const condition = new Set(named(expandAbbreviations(line.text)));
  const own = named(line.text);
  if (condition.size === 0) return undefined;
  const addressed = addressedInNotes(run.notes);
  const about = run.notes.filter((n) => {
    if (!addressed(n) || n.unaddressed || (n.assertion !== 'affirmed' && n.assertion !== 'personal-history')) return false;
    if (restatesLine(n.original, line.original)) return false;
    const said = new Set([...words(n.text), ...tokenize(n.text)]);
    return [...condition].every((w) => said.has(w)) || (own.length > 0 && own.every((w) => said.has(w)));
  });
  const doc = run.input.documentation;
  const completed = TREATMENT_COMPLETED.test(doc.notes) && !STILL_TAKING.test(doc.notes);
  const over = (n: Mention) => OVER.test(n.original) || (completed && RESOLVED.test(n.original));
  // Every statement of the condition the visit addresses says it is over or history; one says it in words.
  // The words that say it is over may be the line's own ("Colon cancer sigmoid - NED") or, for a
  // malignancy every statement of which is history, the visit's finding of no disease left ("No
  // evidence of recurrence on CT today"), which needs no name of the condition.
  const overElsewhere =
    OVER.test(line.original) ||
    (about.every((n) => n.assertion === 'personal-history') &&
      MALIGNANCY_LINE.test(expandAbbreviations(line.text)) &&
      run.notes.some((n) => addressed(n) && !n.unaddressed && n.assertion !== 'family-history' && NO_DISEASE_FOUND.test(n.original)));
  if (about.length === 0 || !about.every((n) => n.assertion === 'personal-history' || over(n)) || !(about.some(over) || overElsewhere))
    return undefined;
  if ([...doc.diagnoses.map((d) => d.description), doc.notes].some((t) => STILL_TREATED.test(t))) return undefined;
  const { documentedCode: _written, ...rest } = line;
  // A history code names the condition, not where it was: a chart abbreviation (no word of the
  // tabular) that names no condition of the line ("RLL", whose expansion says "pulmonary") is left out
  // of what is searched.
  const text =
    own.length > 0
      ? line.text
          .split(/\s+/)
          .filter(
            (t) =>
              icd.idf.has(t.toLowerCase()) ||
              expandAbbreviations(t).toLowerCase() === t.toLowerCase() ||
              named(t).some((w) => own.includes(w)),
          )
          .join(' ')
      : line.text;
  return { ...rest, text, assertion: 'personal-history' };
}
