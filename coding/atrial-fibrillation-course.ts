/**
 * The type of atrial fibrillation (paroxysmal I48.0, persistent I48.1-, permanent I48.21) is the
 * physician's to state; a coder does not read it from the course. But a record that codes the AF as
 * paroxysmal, or as unspecified, while it tells of a fibrillation that does not stop (in AF on every
 * ECG for years, back in AF weeks after a cardioversion, a rate-control strategy with rhythm control
 * given up) documents a course that contradicts or leaves open the type: the coder queries it (the
 * clinical-validation query), with the record's statements as indicators. Until answered the code
 * stands; the answer's type is coded.
 */
import { detailConflictQuestion, resolutionFor, type ClarificationIssue, type ClarificationOption } from './clarification.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** Statements of a fibrillation that does not stop by itself. */
const SUSTAINED =
  /\b(?:in (?:a-?fib|af|atrial fibrillation|afib) on (?:every|all|each|serial|multiple|repeat\w*) (?:ecgs?|ekgs?|tracings?)|(?:continuous|sustained|constant|chronic|persistent|permanent|longstanding) (?:a-?fib|af|atrial fibrillation)|(?:a-?fib|af|atrial fibrillation) (?:since|for|x) (?:\d+|several|many) (?:years?|yrs?|months?|mos?)|rate[- ]control (?:strategy|only)|(?:no|not pursuing|declined?|forgo\w*) (?:further )?(?:plans? for |attempts? at )?(?:rhythm control|cardioversion|dccv)|back (?:in|into) (?:a-?fib|af|atrial fibrillation) (?:within|after)|(?:failed|unsuccessful) (?:dccv|cardioversion))\b/i;

const OPTIONS: Array<ClarificationOption & { code: string }> = [
  { label: 'Paroxysmal atrial fibrillation', refine: 'paroxysmal', code: 'I48.0' },
  { label: 'Persistent atrial fibrillation', refine: 'persistent', code: 'I48.19' },
  { label: 'Longstanding persistent atrial fibrillation', refine: 'longstanding persistent', code: 'I48.11' },
  { label: 'Permanent atrial fibrillation', refine: 'permanent', code: 'I48.21' },
];

/** Step: paroxysmal or unspecified AF beside a course of sustained AF is asked; the answer's type is coded. */
export function atrialFibrillationCourse(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const sustained = clausesOf(doc.notes).filter((s) => SUSTAINED.test(s) && !/\bparoxysmal\b/i.test(s));
  if (sustained.length === 0) return drafts;
  return drafts.map((d) => {
    if ((d.code !== 'I48.0' && d.code !== 'I48.91') || run.issues.some((i) => i.order === d.order)) return d;
    const stated = d.evidence[0]?.text ?? d.description;
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: detailConflictQuestion(stated, sustained[0]!, 'type of atrial fibrillation'),
      clinicalIndicators: [`Documented: "${stated}"`, ...sustained.slice(0, 3).map((s) => `Note: "${s}"`)],
      options: OPTIONS,
      reason: `Atrial fibrillation is coded ${d.code === 'I48.0' ? 'paroxysmal' : 'unspecified'} while the record tells of a fibrillation that does not stop; the type is the physician's to state.`,
      order: d.order,
    };
    const answer = resolutionFor(issue, run.input.answers);
    if (!answer) {
      run.issues.push(issue);
      return d;
    }
    const chosen = answer.kind === 'option' ? OPTIONS.find((o) => o.label === answer.option.label)?.code : undefined;
    if (!chosen || chosen === d.code) return d;
    return recoded(run.codeSets, d, chosen, `The physician answered the type of atrial fibrillation: ${chosen}.`);
  });
}
