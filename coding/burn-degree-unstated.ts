/**
 * A burn whose code carries a degree (T20-T25, fifth character 1-3) that no statement of the
 * physician names: the diagnosis reads "burn of the hand" and the degree came from the code chosen,
 * or from the coder reading the examination ("blistering" is what a second degree burn looks like,
 * but the depth is the physician's to state, guideline I.A.19). The degree is asked; until answered
 * the burn is coded of unspecified degree (fifth character 0), and an answer naming a degree codes it.
 * A burn whose degree some statement names ("second degree", "partial thickness", "superficial
 * burn") is left to burn-degree.ts, which weighs that statement against the examination.
 */
import { askCharacter, namedIn } from './character-conflict.ts';
import { degreeChoices, DEGREE_WORDS } from './burn-degree.ts';
import { specificityQuestion } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** Burns of external body surface by site with a stated degree (fifth character 1-3). */
const BURN_WITH_DEGREE = /^T2[0-5]\.[1-3]/;

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
  const choices = degreeChoices(run, burn);
  if (!choices) return drafts;
  const { held } = choices;
  const quote = burn.evidence[0]?.text ?? burn.description;
  return askCharacter(run, drafts, {
    draft: burn,
    question: specificityQuestion(quote, 'degree (depth) of the burn'),
    clinicalIndicators: [`Documented: "${quote}"`, `Coded: ${burn.code}, a degree no statement of the record names`],
    ...choices,
    reason: `The burn is coded with a degree (${burn.code}) that the physician does not state; ${held} (unspecified degree) until the physician answers.`,
    heldWhy: "The burn's degree is not stated by the physician: unspecified degree until the physician answers.",
  });
}
