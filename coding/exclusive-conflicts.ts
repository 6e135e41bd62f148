/**
 * Mutually exclusive diagnoses in one record: a coded condition, and another statement of the record
 * (the problem list, the history of present illness, another line) that names, as current, a condition
 * the coded code's Excludes1 note names, whose own category's Excludes1 names the coded one back
 * (Crohn's disease K50 and ulcerative colitis K51; type 1 E10 and type 2 E11 diabetes). The two
 * cannot both be right: the physician is asked which it is, never a silent pick (guideline I.A.12.a).
 * Until answered the coded statement's code stands; an answer naming the other condition codes it instead.
 */
import { conflictQuestion, resolutionFor, type ClarificationIssue } from './clarification.ts';
import { describeIcd, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesWithOffsets, diagnosisMentions } from './context.ts';
import { matchesPattern, notesFor, type Icd10Cm } from './icd10cm.ts';
import { rank } from './ranking.ts';
import { buildQuery } from './search.ts';
import { HEADING_PREFIX, noteParts, partAt, type NotePart } from './sections.ts';
import { coreTokens, expandAbbreviations, tokenize } from './text.ts';

/** Parts of a note that state no current condition of the patient's own. */
const NOT_CURRENT_PARTS: ReadonlySet<NotePart> = new Set([
  'family-history',
  'allergies',
  'review-of-systems',
  'medications',
  'social-history',
  'vitals',
  'results',
]);

const NOT_A_CONDITION = /^[RZ]/;
/**
 * A measured value ("A1c 7.2", "1.5 cm"), a dose or a duration ("semaglutide 1 mg", "since 1 yr"): its
 * digits are no word of a condition ("type 2" is not in "7.2", nor type 1 in "1 mg").
 */
const MEASURED_VALUE =
  /\d*[.,]\d+|\b\d+\s*(?:mg|mcg|g|ml|units?|u|iu|%|kg|lbs?|cm|mm|yrs?|years?|mos?|months?|wks?|weeks?|days?|hrs?|hours?)\b/gi;
/** A heading and the number of a numbered list before a statement ("A/P: 1) T2DM ..."): its digit is no word of a condition ("1" is not type 1). */
const LIST_NUMBER = /^\s*(?:#\s*)?\d{1,2}\s*[.)]\s*/;
const withoutListNumber = (text: string) => text.replace(HEADING_PREFIX, '').replace(LIST_NUMBER, '');
const ANSWER = 'Physician answer:';

/**
 * A generic head noun a record leaves out or replaces by the site ("Crohn's" or "Crohn's colitis" for
 * Crohn's disease; "Kawasaki syndrome" is named by "Kawasaki").
 */
const GENERIC_HEAD = new Set(['disease', 'disorder', 'syndrome']);

/** The words a statement must name to name the note's condition: all but a generic head noun, when others remain. */
function namingWords(words: readonly string[]): readonly string[] {
  const named = words.filter((w) => !GENERIC_HEAD.has(w));
  return named.length > 0 ? named : words;
}

/** The 3-character category a single-category Excludes1 pattern names ("K51-" -> K51); none for ranges. */
function categoryOf(pattern: string): string | undefined {
  if (pattern.includes('..')) return undefined;
  const plain = pattern.replace(/[-.]/g, '');
  return plain.length >= 3 ? plain.slice(0, 3) : undefined;
}

/** The excluded category's own Excludes1 notes name the coded code back. */
function mutual(icd: Icd10Cm, code: string, category: string): boolean {
  if (!icd.byCode.has(category)) return false;
  return notesFor(icd, category, 'ex1').some(([, patterns]) => patterns.some((p) => matchesPattern(code, p)));
}

interface Statement {
  text: string;
  original: string;
}

function currentStatements(run: CodingRun): Statement[] {
  return [
    ...diagnosisMentions(run.input.documentation.diagnoses).filter((d) => d.assertion === 'affirmed'),
    ...run.notes.filter(
      (n) => n.assertion === 'affirmed' && (n.part === undefined || !NOT_CURRENT_PARTS.has(n.part)) && !RULED_OUT_AFTER.test(n.original),
    ),
    ...abbreviatedStatements(run.input.documentation.notes),
  ].map((s) => ({ text: s.text, original: s.original }));
}

/** A condition the statement goes on to exclude ("Crohn's disease ruled out by biopsy", "UC excluded"). */
const RULED_OUT_AFTER = /\b(?:ruled out|r\/o'?d|excluded|not supported|unlikely)\b/i;

/**
 * Statements of the notes that name a condition by an abbreviation alone ("Problem list: UC", "PMH: UC
 * dx 2019"): the notes' reader keeps only statements with a word of three letters (context.ts), so
 * these are read here, where a short name of the other condition is what the question turns on.
 */
function abbreviatedStatements(notes: string): Statement[] {
  const parts = noteParts(notes);
  const out: Statement[] = [];
  for (const { text, start } of clausesWithOffsets(notes)) {
    const part = partAt(parts, start + text.length);
    const body = text.replace(HEADING_PREFIX, '').trim();
    if (NOT_CURRENT_PARTS.has(part) || /[a-z]{3,}/i.test(body) || !/[a-z]{3,}/.test(expandAbbreviations(body))) continue;
    out.push({ text: body, original: text });
  }
  return out;
}

/** Step: ask when another current statement names a condition mutually exclusive with a coded one. */
export function mutuallyExclusiveStatements(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  let statements: Statement[] | undefined;
  let out = drafts;
  for (const d of drafts) {
    // One question about a draft at a time (a conflict of type the mention already raised, say); which
    // of two conditions the record means comes before a detail of this one (its extent, its type):
    // the detail of a condition the answer drops is never needed.
    const pending = run.issues.filter((i) => i.order === d.order);
    if (pending.some((i) => i.kind !== 'specificity' || i.betweenStatements)) continue;
    // A condition the physician has answered about is settled; an encounter or status code (Z) and a
    // symptom (R) conflict by convention, not by contradicting documentation.
    if (NOT_A_CONDITION.test(d.code) || d.evidence.some((e) => e.text.startsWith(ANSWER))) continue;
    const own = new Set(d.evidence.map((e) => e.text));
    for (const [note, patterns] of notesFor(icd, d.code, 'ex1')) {
      const category = patterns.length === 1 ? categoryOf(patterns[0] ?? '') : undefined;
      if (!category || NOT_A_CONDITION.test(category) || !mutual(icd, d.code, category)) continue;
      // Both already coded: the Excludes1 edit asks (clarification-issues.ts).
      if (out.some((o) => o.code.startsWith(category))) continue;
      const words = coreTokens(note.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
      // A note naming a less specific form of the coded condition ("bronchitis" beside "acute
      // bronchitis", "lupus" beside systemic lupus) is the same condition written twice, not another.
      const coded = new Set(tokenize(expandAbbreviations([d.description, ...own].join(' '))));
      if (words.length === 0 || words.every((w) => coded.has(w))) continue;
      statements ??= currentStatements(run);
      const named = namingWords(words);
      const other = statements.find((s) => {
        if (own.has(s.original)) return false;
        const tokens = new Set(tokenize(expandAbbreviations(withoutListNumber(s.text).replace(MEASURED_VALUE, ' '))));
        return named.every((w) => tokens.has(w));
      });
      if (!other) continue;
      const found = rank(run, buildQuery(other.text), other.text, (c) => c.startsWith(category))[0];
      const quote = d.evidence[0]?.text ?? d.description;
      const issue: ClarificationIssue = {
        kind: 'edit',
        question: conflictQuestion(quote, other.original),
        clinicalIndicators: [`Documented: "${quote}"`, `Documented: "${other.original}"`],
        options: [{ label: d.description }, ...(found ? [{ label: found.description, code: found.code }] : [])],
        reason: `EXCLUDES1: ${d.code} and ${category} exclude each other (tabular Excludes1 of both); the record states both as current.`,
        order: d.order,
      };
      const answer = resolutionFor(issue, run.input.answers);
      if (!answer) {
        run.issues = [...run.issues.filter((i) => !pending.includes(i)), issue];
        break;
      }
      const chosen = answer.kind === 'option' ? answer.option.code : undefined;
      if (chosen) {
        const answered = {
          ...d,
          evidence: [...d.evidence, { section: 'notes' as const, text: `Physician answer: ${describeIcd(run.codeSets, chosen)}` }],
        };
        const why = `The physician answered the conflict with "${other.original}": ${chosen}.`;
        out = out.map((o) => (o === d ? recoded(run.codeSets, answered, chosen, why) : o));
        // The detail asked of the condition the answer set aside is not needed.
        run.issues = run.issues.filter((i) => !pending.includes(i));
      }
      break;
    }
  }
  return out;
}
