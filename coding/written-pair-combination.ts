/**
 * Two codes the physician wrote that the tabular reports as one combination code (guideline I.B.9:
 * a combination code classifies two diagnoses together, and is used when the classification provides
 * one). The tabular says so in an Excludes1 note of one written code that names, "with" the other
 * condition, a single code of the other written code's category: N20 (calculus of kidney and ureter)
 * excludes "that with hydronephrosis (N13.2)", so a written N20.1 beside a written N13.30 is N13.2,
 * hydronephrosis with calculous obstruction, once. The combination takes the place of both, and both
 * lines are reported as changed (documented-codes.ts), so a coder confirms: a written pair the
 * Excludes1 forbids is never billed as written, nor rewritten silently.
 *  - The combination code's title must name the other written code's condition (the words of its
 *    title, "unspecified" and "other" aside); a note that cites a range, or a code of a third
 *    category, is not read as a combination.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { categoryNotesFor, isBillable } from './icd10cm.ts';

const category = (code: string) => code.slice(0, 3);
const QUALIFIERS = new Set(['unspecified', 'other', 'of', 'and', 'the', 'nos', 'in', 'with', 'without']);
const words = (title: string) =>
  title
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2 && !QUALIFIERS.has(w));

/** The combination code an Excludes1 note of `a` names with the condition of `b`, when there is one. */
export function combinationOfPair(run: CodingRun, a: string, b: string): { code: string; note: string } | undefined {
  const icd = run.codeSets.icd;
  const other = words(icd.entries[icd.byCode.get(b) ?? -1]?.description ?? '');
  if (other.length === 0) return undefined;
  for (const [note, patterns] of categoryNotesFor(icd, a, 'ex1')) {
    const [code] = patterns;
    if (patterns.length !== 1 || !code || !/\bwith\b/i.test(note) || code === b || category(code) !== category(b)) continue;
    if (!isBillable(icd, code)) continue;
    const title = (icd.entries[icd.byCode.get(code) ?? -1]?.description ?? '').toLowerCase();
    if (other.every((w) => title.includes(w))) return { code, note };
  }
  return undefined;
}

/** Step: a written pair the tabular combines is its combination code, once. */
export function writtenPairCombination(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const written = (d: DiagnosisDraft) => run.mentions.get(d.order)?.documentedCode === d.code;
  for (const a of drafts) {
    if (!written(a)) continue;
    for (const b of drafts) {
      if (b === a || !written(b)) continue;
      const found = combinationOfPair(run, a.code, b.code);
      if (!found || drafts.some((d) => d.code === found.code) || !run.allowed(found.code)) continue;
      const combined = recoded(
        run.codeSets,
        { ...a, evidence: [...a.evidence, ...b.evidence] },
        found.code,
        `The physician wrote ${a.code} and ${b.code}; ${a.code}'s Excludes1 note names "${found.note}": the two are one combination code, ${found.code} (guideline I.B.9), reported as changed for a coder.`,
      );
      return drafts.filter((d) => d !== b).map((d) => (d === a ? combined : d));
    }
  }
  return drafts;
}
