/**
 * A word of a diagnosis line the engine cannot read: neither the classification's titles and
 * inclusion terms nor the abbreviations it expands have it ("HTN w/ LVH", "OCP surveillance/refill").
 * The engine then codes what it read of the line, and the claim may lack a condition ("with LVH":
 * hypertensive heart disease, I11.9, not I10) or carry an unspecified code where the word says which
 * ("OCP": oral contraceptive pills, Z30.41, not Z30.40). A coder reads the word (guideline I.A.19:
 * the code follows what the provider documented, all of it). Sends the encounter to a coder; changes
 * no code.
 *
 * Held only where the unread word can change the code: the line's code is its family's unspecified
 * member, or the word is what the line says the condition comes with. Elsewhere an unread word is
 * commentary ("radiating", a drug's brand name) the code does not turn on.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import { COMMENTARY_MARK } from './commentary.ts';
import type { Icd10Cm } from './icd10cm.ts';
import { derivedOnce } from './memo.ts';
import { expandAbbreviations, tokenize } from './text.ts';

const vocabularyCache = new WeakMap<Icd10Cm, Map<string, Set<string>>>();
/** Every word of the classification's titles and indexed terms. */
function vocabulary(icd: Icd10Cm): Set<string> {
  return derivedOnce(vocabularyCache, icd, 'all', () => {
    const words = new Set(icd.postings.keys());
    for (const e of icd.entries) for (const t of tokenize(e.description)) words.add(t);
    return words;
  });
}

/** How many words after "with" a word is what the condition comes with ("with LVH", "w/ resp sx"). */
const WITH_REACH = 2;

/** The diagnosis line, and its unread word, of the first line with an unread word that can change its code. */
export function unreadLineWord(
  icd: Icd10Cm,
  lines: ReadonlyArray<{ description: string }>,
  diagnoses: readonly CodedDiagnosis[],
): { line: string; word: string } | undefined {
  const known = vocabulary(icd);
  for (const { description: line } of lines) {
    const head = line.split(COMMENTARY_MARK).find((p) => p.trim().length > 0) ?? '';
    const tokens = tokenize(expandAbbreviations(head));
    const unspecified = diagnoses.some((d) => /\bunspecified\b/i.test(d.description) && d.evidence.some((e) => e.text === line));
    const word = tokens.find(
      (t, k) =>
        t.length > 1 && !/\d/.test(t) && !known.has(t) && (unspecified || tokens.slice(Math.max(0, k - WITH_REACH), k).includes('with')),
    );
    if (word !== undefined) return { line, word };
  }
  return undefined;
}
