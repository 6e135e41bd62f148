/**
 * What the record's other statements say of a coded condition that its code does not carry. A coder
 * reads the whole note, not only the line a code came from: when the assessment or another line
 * names the same condition with words that title another code, the code on the claim is the
 * engine's choice between two readings, and a coder must look (guideline I.A.19: the classification
 * follows what the provider documents; I.B.3 and the query practice: when statements disagree, the
 * coder does not pick one). Each check sends the encounter to a coder (straight-through.ts); none
 * changes a code. They read titles and the record's words, never a list of diseases:
 *
 * - another statement of the coded condition has two words side by side that title another code of
 *   the code's own category and that neither its title nor its inclusion terms explain: "A:
 *   concussion w/o LOC" against "Concussion with loss of consciousness status unknown" (the category
 *   titles "without loss of consciousness"); "alcohol abuse" in one statement, "alcohol dependence"
 *   coded (I.C.5.b.1 settles it, but a coder confirms it);
 * - the assessment or a diagnosis line names the coded condition with a word that titles only other
 *   categories of the code's chapter and no code on the claim: "Hashimoto's hypothyroidism" coded as
 *   hypothyroidism, unspecified (Hashimoto's is the autoimmune thyroiditis of E06.3).
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import type { Icd10Cm } from './icd10cm.ts';
import { categoriesTitling, codeWords } from './fragile-choices.ts';
import { ENCOUNTER_WORDS } from './ranking.ts';
import { categoryWords } from './review-signals.ts';
import { coreTokens, expandAbbreviations, isNeutral, LATERALITY_WORDS, stemOf, titleHead as headOf, tokenize } from './text.ts';

/** Words that say which member of a family, side or encounter a title is, not what it codes. */
const NOT_A_VALUE = new Set<string>([...LATERALITY_WORDS, ...ENCOUNTER_WORDS, ...tokenize('other unspecified specified type site part')]);
/** A word that denies what follows it ("no exacerbations"): what it denies is no value of the condition. */
const DENIAL = new Set(tokenize('no not denies denied negative never'));
/** How many words before a value a denial reaches. */
const DENIAL_REACH = 3;
/** A statement about a relative: it says nothing of the patient's condition. */
const RELATIVE = /\b(family|fhx|fh|mother|father|sister|brother|parents?)\b/i;

/** The words of a code's title condition that its own statement names (what another statement must name too). */
function conditionWords(d: CodedDiagnosis): string[] {
  const named = new Set(d.evidence.flatMap((e) => tokenize(expandAbbreviations(e.text)).map(stemOf)));
  return coreTokens(headOf(d.description)).filter((w) => w.length > 3 && !isNeutral(w) && named.has(stemOf(w)));
}

/** The statement names every condition word (by stem). */
const namesCondition = (tokens: readonly string[], condition: readonly string[]) => {
  const stems = new Set(tokens.map(stemOf));
  return condition.every((w) => stems.has(stemOf(w)));
};

/**
 * A statement naming a coded condition with two words side by side that title another code of its
 * category and that the code's title and inclusion terms do not have ("without loss" of
 * consciousness beside "loss of consciousness status unknown"). "With" alone is no value (statements
 * link conditions with it); a value a denial precedes is none, unless the value is "without" itself.
 * Factors (Z) are coded as documented. The code and the statement, if any.
 */
export function siblingTitledElsewhere(
  icd: Icd10Cm,
  statements: readonly string[],
  diagnoses: readonly CodedDiagnosis[],
): { code: string; statement: string } | undefined {
  for (const d of diagnoses) {
    if (d.code.startsWith('Z')) continue;
    const condition = conditionWords(d);
    if (condition.length === 0) continue;
    const category = d.code.slice(0, 3);
    const own = new Set([...codeWords(icd, d.code), ...tokenize(d.description)]);
    const categoryTitles = categoryWords(icd, category);
    const titledHere = (a: string | undefined, b: string | undefined) =>
      a !== undefined && b !== undefined && categoriesTitling(icd, a, b).has(category);
    for (const s of statements) {
      if (RELATIVE.test(s)) continue;
      const tokens = tokenize(expandAbbreviations(s));
      if (!namesCondition(tokens, condition)) continue;
      const found = tokens.some((t, k) => {
        if (own.has(t) || NOT_A_VALUE.has(t) || t === 'with' || !categoryTitles.has(t) || condition.includes(t)) return false;
        if (t !== 'without' && tokens.slice(Math.max(0, k - DENIAL_REACH), k).some((w) => DENIAL.has(w))) return false;
        return titledHere(tokens[k - 1], t) || titledHere(t, tokens[k + 1]);
      });
      if (found) return { code: d.code, statement: s };
    }
  }
  return undefined;
}

/** A word titling more entries than this names no one condition ("disease", "chronic"). */
const SPECIFIC_POSTINGS = 30;
/** Statements that deny, doubt, or speak of the past: what they name is not this visit's condition. */
const NOT_CURRENT = /\b(no|not|denies|without|family|history|hx|h\/o|r\/o|rule out|vs|versus)\b/i;

/** The chapter a code is in, as its letter (D and H split where the classification splits them). */
const chapterOf = (code: string) => {
  const letter = code[0] ?? '';
  const n = Number(code.slice(1, 3));
  if (letter === 'D') return n < 50 ? 'D-neoplasm' : 'D-blood';
  if (letter === 'H') return n < 60 ? 'H-eye' : 'H-ear';
  return letter;
};

/**
 * A statement of the assessment (or a diagnosis line) that names a coded condition with a word that
 * titles only codes of other categories of the code's chapter, none of them on the claim: the word
 * points at another code for the same condition ("Hashimoto's hypothyroidism": E06.3, not E03.9).
 * Signs, symptoms and factors (R, Z) are coded as documented. The code and the word, if any.
 */
export function otherCategoryNamed(
  icd: Icd10Cm,
  assessment: readonly string[],
  diagnoses: readonly CodedDiagnosis[],
): { code: string; word: string } | undefined {
  const claimWords = new Set(diagnoses.flatMap((d) => tokenize(d.description)));
  const claimCategories = new Set(diagnoses.map((d) => d.code.slice(0, 3)));
  for (const d of diagnoses) {
    if (/^[RZ]/.test(d.code)) continue;
    const condition = coreTokens(headOf(d.description)).filter((w) => w.length > 3 && !isNeutral(w));
    if (condition.length === 0) continue;
    const chapter = chapterOf(d.code);
    for (const s of assessment) {
      if (NOT_CURRENT.test(s)) continue;
      const tokens = tokenize(expandAbbreviations(s));
      if (!namesCondition(tokens, condition)) continue;
      const word = tokens.find((t) => {
        if (claimWords.has(t) || NOT_A_VALUE.has(t) || isNeutral(t) || t.length < 4 || /^\d/.test(t)) return false;
        const postings = icd.postings.get(t);
        if (!postings || postings.length > SPECIFIC_POSTINGS) return false;
        return postings.every((ti) => {
          const code = icd.entries[icd.texts[ti]?.entry ?? -1]?.code ?? '';
          return code.length >= 3 && chapterOf(code) === chapter && !claimCategories.has(code.slice(0, 3));
        });
      });
      if (word !== undefined) return { code: d.code, word };
    }
  }
  return undefined;
}

/** What the physician concluded: the diagnosis lines and the statements of the note's assessment. */
export function assessmentStatements(
  lines: ReadonlyArray<{ description: string }>,
  notes: ReadonlyArray<{ original: string; part?: string }>,
): string[] {
  return [...lines.map((l) => l.description), ...notes.filter((n) => n.part === 'assessment').map((n) => n.original)];
}
