/**
 * Weeks of gestation stated two ways ("22 weeks by LMP" in one statement, "dates at 26 weeks" in
 * another): the Z3A code (and the trimester that follows it) depends on which, so the physician is
 * asked; until answered the first stated value is coded. An answer naming the weeks sets the Z3A code.
 */
import { detailConflictQuestion, resolutionFor, type ClarificationIssue } from './clarification.ts';
import { GESTATION_CONTEXT, WEEKS } from './additional.ts';
import { describeIcd, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

const weeksCode = (weeks: number) => (weeks < 8 ? 'Z3A.01' : weeks > 42 ? 'Z3A.49' : `Z3A.${String(weeks).padStart(2, '0')}`);

/** Weeks that date a past event ("diagnosed at 26 weeks", "by 8wk US"), not the pregnancy today. */
const PAST_EVENT =
  /\b(diagnosed|detected|found|noted|since|started|began|dated)\b[^.;,]*\b\d+\s*-?(w|wk|wks|weeks?)\b|\bby \d+\s*-?(w|wk|wks|weeks?)\b/i;

/** The weeks of gestation a statement gives, if any. */
function weeksIn(text: string): number | undefined {
  if (PAST_EVENT.test(text)) return undefined;
  const m = WEEKS.exec(text);
  if (!m || !GESTATION_CONTEXT.test(text)) return undefined;
  const weeks = Number(m[1]);
  return Number.isFinite(weeks) && weeks >= 1 && weeks <= 45 ? weeks : undefined;
}

/** Step: two statements giving different weeks of gestation beside a Z3A code are asked (or the answer applied). */
export function gestationWeeksConflict(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const z3a = drafts.find((d) => d.code.startsWith('Z3A.'));
  if (!z3a) return drafts;
  const doc = run.input.documentation;
  const stated = new Map<string, string>();
  for (const s of [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)]) {
    const weeks = weeksIn(s);
    if (weeks !== undefined && !stated.has(weeksCode(weeks))) stated.set(weeksCode(weeks), s);
  }
  if (stated.size < 2) return drafts;
  const [a, b] = [...stated.values()] as [string, string];
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: detailConflictQuestion(a, b, 'weeks of gestation'),
    clinicalIndicators: [...stated.values()].map((s) => `Note: "${s}"`),
    options: [...stated.keys()].map((code) => ({ label: describeIcd(run.codeSets, code), code })),
    reason: `Conflicting documentation of the weeks of gestation: ${[...stated.keys()].join(' vs ')}.`,
    order: z3a.order,
  };
  const resolution = resolutionFor(issue, run.input.answers);
  const chosen =
    resolution?.kind === 'option'
      ? resolution.option.code
      : resolution?.kind === 'free-text' && weeksIn(`${resolution.text} gestation`) !== undefined
        ? weeksCode(weeksIn(`${resolution.text} gestation`) as number)
        : undefined;
  if (!resolution) {
    run.issues.push(issue);
    return drafts;
  }
  if (!chosen || chosen === z3a.code) return drafts;
  return drafts.map((d) => (d === z3a ? recoded(run.codeSets, d, chosen, "Weeks of gestation from the physician's answer.") : d));
}
