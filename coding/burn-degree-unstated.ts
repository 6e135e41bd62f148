/**
 * A burn whose code carries a degree (T20-T25, fifth character 1-3) that no statement of the
 * physician names: the diagnosis reads "burn of the hand" and the degree came from the code chosen,
 * or from the coder reading the examination ("blistering" is what a second degree burn looks like,
 * but the depth is the physician's to state, guideline I.A.19). The degree is asked; until answered
 * the burn is coded of unspecified degree (fifth character 0), and an answer naming a degree codes it.
 * A burn whose degree some statement names ("second degree", "partial thickness", "superficial
 * burn") is left to burn-degree.ts, which weighs that statement against the examination.
 */
import { askCharacter, namedIn, type NamedValues } from './character-conflict.ts';
import { specificityQuestion } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** Burns of external body surface by site with a stated degree (fifth character 1-3). */
const BURN_WITH_DEGREE = /^T2[0-5]\.[1-3]/;
/** A degree in the physician's words (an answer's words too). */
const DEGREE_WORDS: NamedValues<number> = [
  [1, /\b(?:first|1st)[- ]degree\b|\b1\s*°|\bsuperficial(?: thickness)? burns?\b|\bepidermal burn\b/i],
  [2, /\b(?:second|2nd)[- ]degree\b|\b2\s*°|\bpartial[- ]thickness\b/i],
  [3, /\b(?:third|3rd)[- ]degree\b|\b3\s*°|\bfull[- ]thickness\b/i],
];
const LABEL = ['First degree', 'Second degree', 'Third degree'];

const withDegree = (code: string, degree: number) => `${code.slice(0, 4)}${degree}${code.slice(5)}`;

/** Step: a burn coded with a degree no statement names is asked its degree; unspecified degree until answered. */
export function burnDegreeUnstated(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const burn = drafts.find((d) => BURN_WITH_DEGREE.test(d.code) && !run.issues.some((i) => i.order === d.order));
  if (!burn) return drafts;
  const doc = run.input.documentation;
  // The physician's answers are statements too (a degree answered to another question stands).
  const answers = run.input.answers.flatMap((a) => [a.option ?? '', a.freeText ?? '']);
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes), ...answers];
  if (burn.evidence.some((e) => e.text.startsWith('Physician answer:')) || statements.some((s) => namedIn(s, DEGREE_WORDS) !== undefined))
    return drafts;
  const held = withDegree(burn.code, 0);
  if (!run.codeSets.icd.byCode.has(held)) return drafts;
  const quote = burn.evidence[0]?.text ?? burn.description;
  const options = [1, 2, 3]
    .map((n) => ({ label: LABEL[n - 1]!, code: withDegree(burn.code, n) }))
    .filter((o) => run.codeSets.icd.byCode.has(o.code));
  return askCharacter(run, drafts, {
    draft: burn,
    question: specificityQuestion(quote, 'degree (depth) of the burn'),
    clinicalIndicators: [`Documented: "${quote}"`, `Coded: ${burn.code}, a degree no statement of the record names`],
    options,
    reason: `The burn is coded with a degree (${burn.code}) that the physician does not state; ${held} (unspecified degree) until the physician answers.`,
    held,
    fromWords: (words) => {
      const degree = namedIn(words, DEGREE_WORDS);
      return degree === undefined ? undefined : withDegree(burn.code, degree);
    },
    heldWhy: "The burn's degree is not stated by the physician: unspecified degree until the physician answers.",
    answeredWhy: (code) => `The physician answered the degree of the burn: ${code}.`,
  });
}
