/**
 * Type 1 diabetes treated as if it were not (a clinical-validation query, AHIMA/ACDIS "Guidelines
 * for Achieving a Compliant Query Practice": documentation that conflicts with the record's own
 * treatment). Type 1 diabetes is insulin-deficient: its code family E10 carries no "use additional
 * code for insulin" note because insulin is part of the disease's treatment (drug-classes.ts keeps
 * Z79.4 off it). A record that codes type 1 and names a current non-insulin antidiabetic (metformin,
 * a sulfonylurea, a GLP-1 agonist: Z79.84/Z79.85) with no insulin anywhere (no insulin, pump or
 * closed loop named) documents a regimen type 1 cannot live on: the physician is asked the type.
 *
 * The reverse is no conflict: insulin in type 2 diabetes is routine (guideline I.C.4.a.3, Z79.4
 * beside E11), and metformin beside insulin in type 1 is an adjunct. Until answered E10 stands as
 * documented; an answer naming another type recodes the same complication in that type's category.
 */
import { detailConflictQuestion, resolutionFor, type ClarificationIssue, type ClarificationOption } from './clarification.ts';
import { recoded, recordSays, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { INSULIN } from './additional.ts';
import { isBillable } from './icd10cm.ts';

/**
 * Insulin named anywhere, in any form: the insulins of the long-term-use finder (additional.ts
 * INSULIN), the word itself in any phrase, a pump or closed loop that delivers it, and brands that
 * list does not carry.
 */
const INSULIN_NAMED = new RegExp(
  String.raw`${INSULIN.source}|\b(insulin|pump|csii|omnipod|closed[- ]loop|hybrid loop|lyumjev|semglee)\b`,
  'i',
);
/** The long-term codes of non-insulin antidiabetic therapy (long-term-drugs.ts adds them when the drug is taken now). */
const NON_INSULIN_THERAPY = new Set(['Z79.84', 'Z79.85']);

const TYPES: ReadonlyArray<readonly [category: string, label: string, refine: string]> = [
  ['E10', 'Type 1 diabetes mellitus', 'type 1 diabetes mellitus'],
  ['E11', 'Type 2 diabetes mellitus', 'type 2 diabetes mellitus'],
  ['E08', 'Diabetes mellitus due to an underlying condition', 'diabetes mellitus due to underlying condition'],
  ['E09', 'Drug or chemical induced diabetes mellitus', 'drug or chemical induced diabetes mellitus'],
];

/** The same complication in another type's category (E10.65 -> E11.65), when that code exists. */
function counterpart(run: CodingRun, code: string, category: string): string | undefined {
  const other = `${category}${code.slice(3)}`;
  return isBillable(run.codeSets.icd, other) ? other : undefined;
}

/** Step: type 1 diabetes with only non-insulin antidiabetic therapy named is asked. */
export function typeAgainstTherapy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const therapy = drafts.find((d) => NON_INSULIN_THERAPY.has(d.code));
  if (!therapy || recordSays(run, INSULIN_NAMED)) return drafts;
  return drafts.map((d) => {
    if (!d.code.startsWith('E10') || run.issues.some((i) => i.order === d.order)) return d;
    const options: ClarificationOption[] = TYPES.flatMap(([category, label, refine]) => {
      const code = category === 'E10' ? d.code : counterpart(run, d.code, category);
      return code ? [{ label, refine, code }] : [];
    });
    const stated = d.evidence[0]?.text ?? d.description;
    const drug = therapy.evidence[0]?.text ?? therapy.description;
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: detailConflictQuestion(stated, drug, 'type of diabetes mellitus'),
      clinicalIndicators: [`Documented: "${stated}"`, `Documented: "${drug}"`, 'No insulin therapy is documented'],
      options,
      reason: `Type 1 diabetes (${d.code}) is documented with non-insulin antidiabetic therapy only (${therapy.code}) and no insulin: the type is asked (clinical validation).`,
      order: d.order,
    };
    const answer = resolutionFor(issue, run.input.answers);
    if (!answer) {
      run.issues.push(issue);
      return d;
    }
    const chosen = answer.kind === 'option' ? answer.option.code : undefined;
    if (!chosen || chosen === d.code) return d;
    return recoded(run.codeSets, d, chosen, `The physician answered the type of diabetes: ${chosen}.`);
  });
}
