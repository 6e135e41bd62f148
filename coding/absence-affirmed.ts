/**
 * A positive condition for straight-through billing (issue 10 item 2): what a code's title says is
 * absent ("Gastro-esophageal reflux disease without esophagitis", "... without bleeding", "without
 * aura") is absent for the record too. A statement of the record that affirms it ("EGD: LA grade B
 * esophagitis") says the code is wrong or the record disagrees with itself; either way a coder looks.
 * Said absent or only in the past where it is named ("no esophagitis", "hx of esophagitis") it agrees.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';

/**
 * A title's "without ..." phrase, up to the next comma, "and", "or", "to", parenthesis, or "of" before
 * a side or site word ("without foreign body of left index finger"); "loss of consciousness" stays whole.
 */
const WITHOUT = /\bwithout ([a-z][a-z' -]*?)(?=,|$| and | or | to | of (?:left|right|bilateral|unspecified|other|the)\b|\()/gi;
/** Words of a "without" phrase that name nothing ("without mention of"). */
const FILLER = new Set(['mention', 'of', 'current', 'other', 'specified', 'the', 'a', 'an', 'any']);
/** Written just before the phrase, these say it is absent, feared or past, not present now. */
const NOT_PRESENT =
  /\b(?:no|not|without|w\/o|denies|denied|negative|neg|absent|free of|ruled out|never|nor|or|history of|hx|h\/o|prior|previous|resolved)\b/i;
/** How far before the phrase a denial still reaches. */
const WINDOW = 40;

/** What a title says is absent: each "without" phrase as a pattern of its words in order. */
export function absentPhrases(title: string): RegExp[] {
  return [...title.matchAll(WITHOUT)].flatMap((m) => {
    const words = (m[1] ?? '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 1 && !FILLER.has(w));
    if (words.length === 0) return [];
    return [new RegExp(`\\b${words.join('\\W+(?:of\\W+)?')}s?\\b`, 'gi')];
  });
}

/** A statement names the phrase as present (not denied, feared or past just before it). */
function affirms(statement: string, phrase: RegExp): boolean {
  for (const m of statement.matchAll(phrase)) {
    const before = statement.slice(Math.max(0, (m.index ?? 0) - WINDOW), m.index ?? 0);
    if (!NOT_PRESENT.test(before)) return true;
  }
  return false;
}

/** A code whose title says the condition is without something a statement of the record affirms. */
export function absenceAffirmed(statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): CodedDiagnosis | undefined {
  return diagnoses.find((d) => absentPhrases(d.description).some((p) => statements.some((s) => affirms(s, p))));
}
