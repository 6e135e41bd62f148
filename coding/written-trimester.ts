/**
 * The trimester of a pregnancy code the physician wrote, against the weeks of gestation the record
 * documents. ICD-10-CM defines the trimesters by the weeks counted from the first day of the last
 * menstrual period (chapter 15's note): first, less than 14 weeks 0 days; second, 14 weeks 0 days to
 * less than 28 weeks 0 days; third, 28 weeks 0 days until delivery. A written Z34.82 ("second
 * trimester") at a visit the record dates at 28w0d names a trimester the weeks rule out: it is coded
 * with the trimester of the weeks (Z34.83) and reported as changed (documented-codes.ts), so a
 * coder confirms; never kept as written against the record, never rewritten silently.
 *  - Only one age of this visit (pregnancyStatus: two ages are gestation-conflict.ts's question), and
 *    no statement of the record other than the written line itself naming the written trimester (the
 *    line's words are the code's title): a trimester stated twice is left for a coder as written.
 *  - A written code of unspecified trimester takes the weeks' trimester in pregnancy.ts; codes the
 *    engine chose are refined there too.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { pregnancyStatus, refinePregnancyCode, statedTrimester, trimesterOfWeeks } from './pregnancy.ts';

const WRITTEN_TRIMESTER = /\b(first|second|third) trimester\b/i;

/** Step (after the trimester of pregnancy): a written code whose trimester the documented weeks contradict. */
export function writtenTrimesterAgainstWeeks(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  const status = pregnancyStatus(statements);
  if (status.weeks === undefined || !status.antepartum) return drafts;
  const weeksTrimester = trimesterOfWeeks(status.weeks);
  return drafts.map((d) => {
    const m = run.mentions.get(d.order);
    if (m?.documentedCode === undefined || m.documentedCode !== d.code) return d;
    const written = WRITTEN_TRIMESTER.exec(d.description)?.[1]?.toLowerCase();
    if (!written || written === weeksTrimester) return d;
    // Another statement giving the written trimester: the record states it two ways.
    const line = doc.diagnoses.find((l) => l.code && l.description === m.original)?.description;
    if (statements.some((s) => s !== line && statedTrimester(s) === written)) return d;
    const refined = refinePregnancyCode(run.codeSets.icd, d.code, d.description, '', { ...status, trimester: weeksTrimester });
    if (!refined || !run.allowed(refined.code)) return d;
    return recoded(
      run.codeSets,
      d,
      refined.code,
      `The record documents ${status.weeks} weeks of gestation ("${status.source ?? ''}"), the ${weeksTrimester} trimester (ICD-10-CM: second from 14 weeks 0 days, third from 28 weeks 0 days); the written ${d.code} names the ${written} trimester: coded ${refined.code}, reported as changed for a coder.`,
    );
  });
}
