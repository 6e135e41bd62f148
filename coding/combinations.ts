/**
 * Combination codes the ICD-10-CM "with" convention (guideline I.A.15) presumes when both conditions
 * are documented: the pair is replaced by the combination code, and the stage code is kept.
 */
import { describeIcd, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

export interface CombinationRule {
  name: string;
  /** All must be coded (code prefixes; the first one an exact code or its subcodes). */
  when: [string, string] | [string, string, string];
  /** The first condition's code is replaced by this one; picks may depend on the last code (the CKD stage). */
  replaceFirstWith: (last: string) => string;
}

const ckdLate = (n18: string) => n18 === 'N18.5' || n18 === 'N18.6';

/** In order: hypertension with both heart failure and CKD (I13.-) before either pair alone. */
export const COMBINATION_RULES: CombinationRule[] = [
  {
    name: 'hypertension with heart failure and chronic kidney disease',
    when: ['I10', 'I50.', 'N18.'],
    replaceFirstWith: (n18) => (ckdLate(n18) ? 'I13.2' : 'I13.0'),
  },
  { name: 'type 2 diabetes with chronic kidney disease', when: ['E11.9', 'N18.'], replaceFirstWith: () => 'E11.22' },
  { name: 'type 1 diabetes with chronic kidney disease', when: ['E10.9', 'N18.'], replaceFirstWith: () => 'E10.22' },
  { name: 'hypertension with heart failure', when: ['I10', 'I50.'], replaceFirstWith: () => 'I11.0' },
  {
    name: 'hypertension with chronic kidney disease',
    when: ['I10', 'N18.'],
    replaceFirstWith: (n18) => (ckdLate(n18) ? 'I12.0' : 'I12.9'),
  },
];

/** Step: a pair the "with" convention links becomes its combination code (the stage code stays). */
export function applyCombinations(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  let out = drafts;
  for (const rule of COMBINATION_RULES) {
    const [head, ...rest] = rule.when;
    const first = out.find((d) => d.code === head || d.code.startsWith(`${head}.`));
    const others = rest.map((prefix) => out.find((d) => d !== first && d.code.startsWith(prefix)));
    const last = others[others.length - 1];
    if (!first || !last || others.some((o) => !o)) continue;
    const linked = others.filter((o): o is DiagnosisDraft => o !== undefined);
    const code = rule.replaceFirstWith(last.code);
    const description = describeIcd(run.codeSets, code);
    const named = linked.map((o) => o.code).join(' and ');
    out = out.map((d) =>
      d === first
        ? {
            ...d,
            code,
            description,
            evidence: [...d.evidence, ...linked.flatMap((o) => o.evidence)],
            rationale: `${d.rationale} Combined with ${named} into ${code} (${rule.name}): ICD-10-CM presumes the link ("with" convention); ${named} ${linked.length > 1 ? 'are' : 'is'} kept for the stage or type.`,
          }
        : d,
    );
  }
  return out;
}

/**
 * Step: a CKD stage and end-stage renal disease both documented are coded N18.6 only (guideline
 * I.C.14.a.1); the stage's evidence stays with N18.6. Its open questions go with the dropped code.
 */
export function endStageOverStage(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const esrd = drafts.find((d) => d.code === 'N18.6');
  if (!esrd) return drafts;
  const staged = drafts.filter((d) => d !== esrd && d.code.startsWith('N18.'));
  if (staged.length === 0) return drafts;
  const dropped = new Set(staged.map((d) => d.order));
  run.issues = run.issues.filter(
    (i) => i.order === undefined || !dropped.has(i.order) || drafts.some((d) => d.order === i.order && !staged.includes(d)),
  );
  return drafts
    .filter((d) => !staged.includes(d))
    .map((d) =>
      d === esrd
        ? {
            ...d,
            evidence: [...d.evidence, ...staged.flatMap((x) => x.evidence)],
            rationale: `${d.rationale} ${staged.map((x) => x.code).join(', ')} also documented: with end-stage renal disease only N18.6 is coded (guideline I.C.14.a.1).`,
          }
        : d,
    );
}
