/**
 * A condition whose type the record states two ways, each a code of its own: the problem list says
 * "ADHD, predominantly inattentive presentation" (F90.0) and the assessment "ADHD, combined type"
 * (F90.2). The type is the code's own character, so a coder may pick neither statement: the
 * physician is asked, both statements quoted, with each type's code as an option. The code as
 * written stands meanwhile (the diagnosis line is the physician's statement of today's condition);
 * an answer naming a type codes it.
 *
 * The types are read from the tabular: a billable sibling of the coded condition (same parent) whose
 * title differs from its title only by type words, each statement naming its own type's words and the
 * words both titles share. Not a type: a side, an encounter, a with/without split, an unspecified or
 * other member, an acuity, severity or stage (stated-axis.ts asks those). Not a second statement: one
 * that names both types, a denial, an uncertain one, a relative's condition, or a type the record
 * calls the former one ("previously ... , now ...").
 */
import { askCharacter } from './character-conflict.ts';
import { detailConflictQuestion } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { EntryKind } from './icd10cm.ts';
import { ENCOUNTER_WORDS } from './ranking.ts';
import { escapeRegExp, expandAbbreviations, LATERALITY_WORDS, namesAsFormer, tokenize } from './text.ts';

/** Titles that are no type of their own: a with/without split, an unspecified or other member. */
const NO_TYPE_TITLE = /\b(with|without|unspecified|other|nos|not elsewhere classified|uncomplicated|complicated)\b/i;
/** Type words that are another axis, or no type at all. */
const NOT_TYPE_WORD = /^(acut|chronic|subacut|mild|moder|sever|stage|\d.*|type|form|disord|diseas|syndrom)$/;
/** A statement that does not state the type of the patient's condition today. */
const NOT_STATED =
  /\b(no|not|denies|negative for|rule out|r\/o|ruled out|vs\.?|versus|or|possible|possibly|probable|likely|suspected|questionable|history of|h\/o|hx of|family|mother|father|brother|sister|sibling|parent)\b/i;
/** How distinctive a word shared by both titles must be to name the condition. */
const DISTINCTIVE_IDF = 3.5;

const has = (tokens: ReadonlySet<string>, words: readonly string[]) => words.every((w) => tokens.has(w));
const isTypeWord = (t: string) => !NOT_TYPE_WORD.test(t) && !(LATERALITY_WORDS as readonly string[]).includes(t) && !ENCOUNTER_WORDS.has(t);

/** The sentences of the notes. */
const sentencesOf = (notes: string) =>
  notes
    .split(/\n+|(?<=\.)\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Step: a condition whose type another statement gives otherwise is asked; the written code stands meanwhile. */
export function typeStatedOtherwise(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  const sentences = sentencesOf(run.input.documentation.notes);
  for (const d of drafts) {
    if (d.code.startsWith('Z') || run.issues.some((i) => i.order === d.order)) continue;
    const at = icd.byCode.get(d.code);
    const entry = at === undefined ? undefined : icd.entries[at];
    if (!entry || NO_TYPE_TITLE.test(entry.description)) continue;
    const said = d.evidence[0]?.text ?? d.description;
    const own = new Set(tokenize(expandAbbreviations(said)));
    const title = new Set(tokenize(entry.description));
    for (const k of icd.children.get(entry.parent) ?? []) {
      const sibling = icd.entries[k];
      if (!sibling || k === at || sibling.kind !== EntryKind.Billable || NO_TYPE_TITLE.test(sibling.description)) continue;
      const other = new Set(tokenize(sibling.description));
      const ownType = [...title].filter((t) => !other.has(t));
      const otherType = [...other].filter((t) => !title.has(t));
      const shared = [...title].filter((t) => other.has(t) && !NOT_TYPE_WORD.test(t) && (icd.idf.get(t) ?? 0) >= DISTINCTIVE_IDF);
      if (ownType.length === 0 || otherType.length === 0 || shared.length === 0) continue;
      if (![...ownType, ...otherType].every(isTypeWord)) continue;
      // The coded type must be the statement's own words, not a default.
      if (!has(own, ownType)) continue;
      const typeWords = new RegExp(`\\b(?:${otherType.map(escapeRegExp).join('|')})\\w*`, 'gi');
      const against = sentences.find((s) => {
        if (s === said || NOT_STATED.test(s)) return false;
        const text = expandAbbreviations(s);
        const tokens = new Set(tokenize(text));
        return has(tokens, shared) && has(tokens, otherType) && !has(tokens, ownType) && !namesAsFormer(text, typeWords);
      });
      if (!against) continue;
      // The record says the type changed ("now combined type"): the current one is coded, nothing asked.
      const ownWords = new RegExp(`\\bnow\\b[^.;]{0,30}\\b(?:${ownType.map(escapeRegExp).join('|')})`, 'i');
      if (sentences.some((s) => ownWords.test(expandAbbreviations(s)))) continue;
      return askCharacter(run, drafts, {
        draft: d,
        question: detailConflictQuestion(said, against.replace(/\.$/, ''), 'type of the condition'),
        clinicalIndicators: [`Documented: "${said}"`, `Documented: "${against}"`],
        options: [
          { label: entry.description, code: entry.code },
          { label: sibling.description, code: sibling.code },
        ],
        reason: `The type of the condition is documented two ways (${entry.code} and ${sibling.code}); the type is the code's own, so the code as written until answered.`,
        held: d.code,
        fromWords: (words) => {
          const answer = new Set(tokenize(expandAbbreviations(words)));
          if (has(answer, otherType) && !has(answer, ownType)) return sibling.code;
          if (has(answer, ownType) && !has(answer, otherType)) return entry.code;
          return undefined;
        },
        answeredWhy: (code) => `The physician answered the type of the condition: ${code}.`,
      });
    }
  }
  return drafts;
}
