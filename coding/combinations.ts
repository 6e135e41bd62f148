/**
 * Combination codes the ICD-10-CM "with" convention (guideline I.A.15) presumes when both conditions
 * are documented: the pair is replaced by the combination code, and the stage code is kept.
 */
import { describeIcd, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

export interface CombinationRule {
  name: string;
  /** Both must be coded (code prefixes). */
  when: [string, string];
  /** The first condition's code is replaced by this one; picks may depend on the second code. */
  replaceFirstWith: (second: string) => string;
}

const ckdLate = (n18: string) => n18 === 'N18.5' || n18 === 'N18.6';

export const COMBINATION_RULES: CombinationRule[] = [
  { name: 'type 2 diabetes with chronic kidney disease', when: ['E11.9', 'N18.'], replaceFirstWith: () => 'E11.22' },
  { name: 'type 1 diabetes with chronic kidney disease', when: ['E10.9', 'N18.'], replaceFirstWith: () => 'E10.22' },
  { name: 'hypertension with heart failure', when: ['I10', 'I50.'], replaceFirstWith: () => 'I11.0' },
  { name: 'hypertension with chronic kidney disease', when: ['I10', 'N18.'], replaceFirstWith: (n18) => (ckdLate(n18) ? 'I12.0' : 'I12.9') },
];

/** Step: a pair the "with" convention links becomes its combination code (the stage code stays). */
export function applyCombinations(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  let out = drafts;
  for (const rule of COMBINATION_RULES) {
    const first = out.find((d) => d.code === rule.when[0] || d.code.startsWith(`${rule.when[0]}.`));
    const second = out.find((d) => d !== first && d.code.startsWith(rule.when[1]));
    if (!first || !second) continue;
    const code = rule.replaceFirstWith(second.code);
    const description = describeIcd(run.codeSets, code);
    out = out.map((d) => d === first ? {
      ...d, code, description, evidence: [...d.evidence, ...second.evidence],
      rationale: `${d.rationale} Combined with ${second.code} into ${code} (${rule.name}): ICD-10-CM presumes the link ("with" convention); ${second.code} is kept for the stage or type.`,
    } : d);
  }
  return out;
}
