/**
 * An organism a culture or test found, asked when the physician does not name it as the cause of the
 * infection: a coder does not assign an organism from a result alone (guideline I.B.1 and the
 * outpatient rule I.A.19: the code follows the provider's diagnostic statement), the physician is asked.
 * Only for a code whose title says its organism is unspecified ("Pneumonia, unspecified organism",
 * "Sepsis, unspecified organism", "Unspecified bacterial pneumonia"): the classification codes the
 * condition by organism, so the answer changes the code. The options are the codes of the same block
 * titled with the condition and the organism found, read from the tabular; none, nothing is asked.
 * Not asked when a statement of the record already names the condition with an organism
 * ("this is pneumococcal pneumonia").
 */
import { relationQuestion, type ClarificationIssue } from './clarification.ts';
import type { CodingRun } from './coding-run.ts';
import { organismsFound } from './fragile-choices.ts';
import { billableDescendants, EntryKind, type Icd10Cm } from './icd10cm.ts';
import { derivedOnce } from './memo.ts';
import type { SearchHit } from './search.ts';

const UNSPECIFIED_ORGANISM = /\bunspecified (organism|bacterial)\b/i;
/** The condition the family is coded for by organism ("pneumoniae" of an organism's name is not it). */
const CONDITION = /(pneumonia|sepsis)(?!e)/i;
/** Words that name an organism or a kind of one as a statement qualifies the condition with it. */
const ORGANISM_WORD =
  /\b(pneumococc\w*|staphylococc\w*|streptococc\w*|strep\w*|staph\w*|pseudomon\w*|klebsiella|e\.? ?coli|escherichia|haemophilus|hemophilus|h\.? ?flu\w*|mycoplasma|legionella|mrsa|mssa|bacterial|viral|fungal|rsv|influenza|covid\w*)\b/i;

/** The organism question for a code of unspecified organism, or undefined. */
export function unlinkedOrganism(
  run: CodingRun,
  condition: string,
  top: SearchHit,
  fullText: string,
  statements: readonly string[],
): ClarificationIssue | undefined {
  if (!UNSPECIFIED_ORGANISM.test(top.description)) return undefined;
  const word = CONDITION.exec(top.description)?.[1]?.toLowerCase();
  if (!word) return undefined;
  const conditionWord = new RegExp(`${word}(?!e)`, 'i');
  const names = (s: string) => conditionWord.test(s) && ORGANISM_WORD.test(s.replace(CONDITION_PHRASE, ' '));
  if (names(fullText) || statements.some(names)) return undefined;
  for (const found of organismsFound(statements)) {
    const codes = titledWith(run.codeSets.icd, top.code, word).filter((e) => found.titled.test(e.description) && run.allowed(e.code));
    if (codes.length === 0) continue;
    return {
      kind: 'specificity',
      question: relationQuestion(condition, found.statement, found.name),
      clinicalIndicators: [`Diagnosis: "${condition}"`, `Result: "${found.statement}"`],
      options: [
        ...codes.map((e) => ({ label: e.description, refine: e.description })),
        { label: `No: ${found.name} is not the cause of the condition` },
      ],
      reason: `The record reports ${found.name} as found but does not name it as the cause; ${top.code} is coded by organism and the guidelines do not let a result alone assign it.`,
    };
  }
  return undefined;
}

/** Words of a statement that name the condition, not its organism ("bacterial" in "community-acquired bacterial" stays). */
const CONDITION_PHRASE = /\b(community[- ]acquired|hospital[- ]acquired|aspiration)\b/gi;

const titledCache = new WeakMap<Icd10Cm, Map<string, Array<{ code: string; description: string }>>>();

/** The billable codes of the code's block whose titles name the condition word. */
function titledWith(icd: Icd10Cm, code: string, word: string): Array<{ code: string; description: string }> {
  let block = icd.byCode.get(code) ?? -1;
  while (block >= 0 && icd.entries[block]?.kind !== EntryKind.Block) block = icd.entries[block]?.parent ?? -1;
  return derivedOnce(titledCache, icd, `${block} ${word}`, () => {
    const re = new RegExp(`\\b${word}\\b`, 'i');
    const out: Array<{ code: string; description: string }> = [];
    for (const i of block < 0 ? [] : billableDescendants(icd, block)) {
      const e = icd.entries[i];
      if (e && re.test(e.description) && !UNSPECIFIED_ORGANISM.test(e.description)) out.push({ code: e.code, description: e.description });
    }
    return out.sort((a, b) => a.code.localeCompare(b.code));
  });
}
