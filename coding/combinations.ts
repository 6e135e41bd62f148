/**
 * Combination codes the ICD-10-CM "with" convention (guideline I.A.15) presumes when both conditions
 * are documented: the pair is replaced by the combination code, and the stage code is kept.
 */
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
