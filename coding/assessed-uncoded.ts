/**
 * A condition the assessment addresses that no code on the claim is of: the diagnosis list gives
 * COPD with exacerbation and the former smoker, and the assessment goes on "2. HTN, GERD - stable,
 * no change". A chronic condition assessed at the visit is coded (guideline IV.J); whether this one
 * was left off on purpose is a coder's call, so the encounter goes to a coder. Nothing is added here.
 *
 * Read like statement-reading.ts, the assessment as assessment-statements.ts reads it for
 * assessed-conditions.ts too: each statement of the assessment part, the plan after a dash cut off and a
 * list of conditions split at its commas, must read confidently as one billable code (its best match
 * explains every word of it the classification knows, and scores as a whole title would) of a category
 * no coded diagnosis shares, and no coded diagnosis's title or inclusion terms name all its words. Signs
 * and symptoms (chapter 18) and factors (chapter 21) are left out: an assessment names them beside
 * the diagnosis they belong to; so is a statement of immunity or vaccination ("tetanus UTD"), and a
 * routine prenatal visit's discomforts (part of the supervision, Z34). Statements that doubt, deny, or speak of the past or of a relative
 * are not read, nor a condition the notes say the visit did not address.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import { assessedStatements, conclusionAndPlan } from './assessment-statements.ts';
import type { CodingRun } from './coding-run.ts';
import { queryText, rank, searchFilter } from './ranking.ts';
import { buildQuery } from './search.ts';
import { isBillable } from './icd10cm.ts';
import type { NotePart } from './sections.ts';
import { isNeutral, stemOf } from './text.ts';
import { wordsOfCode } from './title-facts.ts';

/** The reading must explain at least this share of the statement's known words. */
const CONFIDENT_SHARE = 0.99;
/** ...and match it as well as a title or inclusion term naming it whole (a single stray word, "return", scores lower). */
const CONFIDENT_SCORE = 0.95;
/** The assessment's own part: the plan part's lines are actions, not conclusions. */
const ASSESSMENT: ReadonlySet<NotePart> = new Set(['assessment']);
/** The pieces of a conclusion read one by one: between commas, or either side of "and". */
const PIECES = /,\s*|\s+and\s+/;
/** A condition's name is short; a longer clause is plan or history. */
const MAX_WORDS = 6;
/** A statement of immunity or vaccination ("Hep A/B immune", "tetanus UTD"): the disease it names is not the patient's. */
const IMMUNITY = /\b(?:immune|immunity|immuni[sz]\w*|vaccin\w*|utd|up to date|update[ds]?|booster|shots?|titers?|dose[sd]?)\b/i;

/** The first assessed condition of a category no coded diagnosis shares, with its reading; undefined when none. */
export function assessedConditionUncoded(
  run: CodingRun,
  diagnoses: readonly CodedDiagnosis[],
): { statement: string; reading: string } | undefined {
  if (run.input.documentation.diagnoses.length === 0) return undefined;
  // The discomforts of a normal pregnancy addressed at a routine prenatal visit are part of its supervision (Z34).
  if (diagnoses.some((d) => d.code.startsWith('Z34'))) return undefined;
  const categories = new Set(diagnoses.map((d) => d.code.slice(0, 3)));
  const icd = run.codeSets.icd;
  for (const whole of assessedStatements(run, ASSESSMENT)) {
    const { conclusion } = conclusionAndPlan(whole.text);
    if (IMMUNITY.test(conclusion)) continue;
    // Each piece between commas is tried alone, qualifiers too ("gout, flaring, with a hot swollen
    // toe" reads as gout from its first piece): the gate looks for any name that reads as a code no
    // claim line is of, where assessed-conditions.ts keeps a qualified name whole to code it.
    for (const piece of conclusion.split(PIECES)) {
      const m = { ...whole, text: piece.trim() };
      if (m.text === '') continue;
      const query = buildQuery(queryText(m, []), true);
      const words = query.tokens.filter((t) => !isNeutral(t) && (icd.idf.get(t) ?? 0) > 0);
      if (words.length === 0 || words.length > MAX_WORDS) continue;
      const top = rank(run, query, m.text, searchFilter(m))[0];
      if (!top || /^[RZ]/.test(top.code) || !isBillable(icd, top.code) || categories.has(top.code.slice(0, 3))) continue;
      if (top.score < CONFIDENT_SCORE || top.matched.length / words.length < CONFIDENT_SHARE) continue;
      // A coded diagnosis whose words name the statement is the statement coded ("major depressive
      // disorder" beside F33.1, "diabetes mellitus" beside E11.9).
      const stems = top.matched.map(stemOf);
      if (diagnoses.some((d) => stems.every((w) => [...wordsOfCode(icd, d.code)].some((t) => stemOf(t) === w)))) continue;
      return { statement: whole.original, reading: top.code };
    }
  }
  return undefined;
}
