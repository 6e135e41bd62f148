/**
 * A listed diagnosis that the note's assessment states only with uncertainty: "Paroxysmal AF" listed
 * (with I48.0) while the assessment reads "Palpitations - r/o paroxysmal atrial fibrillation vs PSVT",
 * or "Gonococcal urethritis" listed beside "Urethral discharge - presumed gonococcal urethritis". In
 * outpatient care an uncertain diagnosis is not coded as if established (guideline IV.H): the record
 * disagrees with its own list, so the encounter goes to a coder ('doubted'). The assessment must name
 * every word of the line in an uncertain statement and in no affirmed one ("pneumonia, likely viral"
 * affirms the pneumonia).
 *
 * When the condition the line names is what follows the assessment's term of uncertainty, and what
 * precedes the term is no condition of the line ("Right shoulder pain - likely rotator cuff
 * tendinopathy" beside a listed "Rotator cuff tear right shoulder"; "likely alcohol-related fatty
 * liver" beside "Alcoholic fatty liver"), the line is the uncertain diagnosis itself ('uncertain'):
 * it is coded as its signs and symptoms, as an uncertain line of the list is (mentions.ts). Words are
 * compared by their stem (alcoholic, alcohol-related), the side and the sites the clause states
 * before the term are left to that part, and words the notes never use are the list's own additions
 * ("tear" where the note says tendinopathy), not evidence either way.
 */
import type { CodingRun } from './coding-run.ts';
import { regionsOf } from './body-sites.ts';
import { afterUncertainty, beforeUncertainty, type Mention } from './context.ts';
import { ADDRESSED_PARTS } from './sections.ts';
import { expandAbbreviations, LATERALITY_WORDS, tokenize } from './text.ts';

export type DoubtInAssessment = 'doubted' | 'uncertain';

/** Words that name a condition (rare in the classification's titles). */
const DISTINCTIVE_IDF = 3.5;
/** Words share a stem when they share this many first letters (alcoholic, alcohol-related). */
const STEM = 6;

const words = (text: string) => tokenize(expandAbbreviations(text));
const stem = (word: string) => (word.length > STEM ? word.slice(0, STEM) : word);
const stems = (text: string) => new Set(words(text).map(stem));

/** A word after which a statement speaks of what may come ("consider triptan if migrainous pattern"), not what is. */
const CONDITIONAL = /\b(?:if|unless|whether|in case)\b/i;
/** What an affirmed statement affirms: its words before a condition of what may come. */
const affirmedPart = (text: string): string => text.split(CONDITIONAL)[0] ?? text;

function namesAll(statement: string, listed: readonly string[]): boolean {
  const have = new Set(words(statement));
  return listed.every((w) => have.has(w));
}

export function statedUncertainInAssessment(run: CodingRun, listed: Mention): DoubtInAssessment | undefined {
  const listedWords = words(listed.text);
  if (!listedWords.length) return undefined;
  const inAssessment = run.notes.filter((n) => n.part !== undefined && ADDRESSED_PARTS.has(n.part));
  const affirmed = inAssessment.filter((n) => n.assertion === 'affirmed');
  const uncertain = inAssessment.filter((n) => n.assertion === 'uncertain');
  if (uncertain.some((n) => namedAsTheUncertainDiagnosis(run, listedWords, n, affirmed))) return 'uncertain';
  const doubted = uncertain.some((n) => namesAll(n.text, listedWords));
  return doubted && !affirmed.some((n) => namesAll(affirmedPart(n.text), listedWords)) ? 'doubted' : undefined;
}

/** The uncertain statement's words after its term of uncertainty name the listed condition, and nothing certain does. */
function namedAsTheUncertainDiagnosis(run: CodingRun, listedWords: readonly string[], n: Mention, affirmed: readonly Mention[]): boolean {
  const inNotes = stems(run.input.documentation.notes);
  const sides = new Set<string>(LATERALITY_WORDS);
  const stated = [...new Set(listedWords)].filter((w) => inNotes.has(stem(w)) && !sides.has(w));
  const checked = stated.map(stem);
  const condition = stated.filter((w) => (run.codeSets.icd.idf.get(w) ?? 0) >= DISTINCTIVE_IDF && regionsOf(w).size === 0).map(stem);
  if (condition.length === 0) return false;
  const after = stems(afterUncertainty(n.original));
  const before = stems(beforeUncertainty(n.original));
  const clause = new Set([...after, ...before]);
  if (!condition.every((w) => after.has(w)) || !checked.every((w) => clause.has(w))) return false;
  if (condition.some((w) => before.has(w))) return false;
  return !affirmed.some((a) => {
    const have = stems(affirmedPart(a.text));
    return condition.every((w) => have.has(w));
  });
}
