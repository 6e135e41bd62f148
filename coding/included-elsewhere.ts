/**
 * A condition an Excludes1 note of its own code sends to a code already on the claim (guidelines
 * I.A.12.a, I.B.9): that code already says it, so the condition's own code is not reported beside it.
 * "Hyperemesis gravidarum with dehydration and hypokalemia" is O21.1, whose title takes the
 * metabolic disturbance: E87.6's note "electrolyte imbalance associated with hyperemesis gravidarum
 * (O21.1)" says hypokalemia is not coded as well. "Pain" (R52) beside right lower quadrant pain
 * (R10.31): R52's note "abdomen pain (R10.-)" sends the pain to the code of its site.
 *
 * Read from the notes of the code and its categories (not blocks or chapters, which separate whole
 * groups), only one way: when the other code's notes cite this one back, the two are alternatives a
 * coder must choose between (exclusive-conflicts.ts and the edits ask), not one inside the other.
 * A symptom goes to another symptom's code; any other condition only to a code coded from the same
 * statement (the statement links them). A code the physician wrote stays.
 */
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { categoryNotesFor, matchesPattern } from './icd10cm.ts';

/** The patterns the Excludes1 notes of a code and its categories cite. */
function excludes1(run: CodingRun, code: string): string[] {
  return categoryNotesFor(run.codeSets.icd, code, 'ex1').flatMap(([, patterns]) => patterns);
}

const cites = (run: CodingRun, from: string, to: string) => excludes1(run, from).some((p) => matchesPattern(to, p));
const statementOf = (d: DiagnosisDraft) => Math.floor(d.order);

/** Step: drops a code whose Excludes1 note names a code already coded for the same condition. */
export function includedInCodedCondition(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const dropped = new Set<number>();
  const kept = drafts.filter((d) => {
    if (run.mentions.get(d.order)?.documentedCode !== undefined) return true;
    const symptom = d.code.startsWith('R');
    const by = drafts.find(
      (e) =>
        e !== d &&
        !dropped.has(e.order) &&
        (symptom ? e.code.startsWith('R') : statementOf(e) === statementOf(d)) &&
        cites(run, d.code, e.code) &&
        !cites(run, e.code, d.code),
    );
    if (!by) return true;
    dropped.add(d.order);
    return false;
  });
  if (dropped.size === 0) return drafts;
  run.issues = run.issues.filter((i) => i.order === undefined || !dropped.has(i.order) || kept.some((k) => k.order === i.order));
  return kept;
}
