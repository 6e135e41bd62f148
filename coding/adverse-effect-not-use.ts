/**
 * A drug's adverse effect is not its use: a statement that a drug caused a condition ("opioid-induced
 * constipation") coded as the adverse effect of the drug (T36-T50 with 5 in the 6th
 * character, guideline I.C.19.e.5.a: a drug correctly prescribed and properly taken) is not also a
 * substance use code (F1x.90) read from the drug's name in the same statement. Use codes are for
 * psychoactive substance use the provider relates to a condition (guideline I.C.5.b.3), not for a
 * medication taken as prescribed. A use code the physician wrote stays.
 */
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';

const UNCOMPLICATED_USE = /^F1\d\.90$/;
const ADVERSE_EFFECT = /^T(?:3[6-9]|4\d|50)\.\w{2}5\w$/;

/** Step: no uncomplicated use code from a statement coded as the adverse effect of a drug. */
export function adverseEffectNotUse(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const effects = drafts.filter((d) => ADVERSE_EFFECT.test(d.code));
  if (effects.length === 0) return drafts;
  const stated = new Set(effects.flatMap((d) => d.evidence.map((e) => e.text)));
  return drafts.filter(
    (d) =>
      !UNCOMPLICATED_USE.test(d.code) ||
      run.mentions.get(d.order)?.documentedCode !== undefined ||
      !d.evidence.every((e) => stated.has(e.text)),
  );
}
