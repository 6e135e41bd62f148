/**
 * A written condition beside a current drug known to cause it, with no statement relating the two
 * (hyponatremia weeks after an SSRI was started, hypothyroidism on amiodarone). Guideline I.C.19.e: an
 * adverse effect is coded only when the provider documents the drug as the cause; the timing, or the
 * drug being stopped, does not document it. The physician is asked the relation, the same question a
 * condition coded from its words gets (cause-link.ts unlinkedEffect); the written code stands
 * meanwhile, and a "yes" answer is carried on the draft as the physician's answer, for the drug's
 * adverse effect code (drug-effects.ts).
 *
 * Not when the record relates them (any statement naming the drug and the condition with a link word,
 * "due to", "not related to" alike), nor when a statement gives the condition another cause.
 */
import { unlinkedEffect } from './cause-link.ts';
import { askedRelation, relationQuestion, type ClarificationIssue } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import type { Mention } from './context.ts';
import { recordStatements } from './review-signals.ts';
import { expandAbbreviations } from './text.ts';

/** Words that give a condition a cause ("due to", "from", "secondary to"). */
const CAUSE_GIVEN = /\b(due to|d\/t|from|secondary to|caused by|induced|related|associated|attributed to|because of)\b/i;

/** Step: a written condition a current drug is known to cause, unrelated by the record, is asked. */
export function writtenDrugRelation(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const statements = recordStatements(run.input.documentation);
  return drafts.map((d) => {
    if (d.code.startsWith('Z') || run.issues.some((i) => i.order === d.order)) return d;
    const written = d.evidence[0];
    if (!written || written.section !== 'diagnoses') return d;
    const mention: Mention = { section: 'diagnoses', original: written.text, text: written.text, assertion: 'affirmed' };
    const effect = unlinkedEffect(mention, written.text, statements);
    if (!effect) return d;
    // Another statement gives the condition its cause (the drug or another): nothing to ask.
    const own = expandAbbreviations(written.text).toLowerCase();
    if (statements.some((s) => s !== written.text && expandAbbreviations(s).toLowerCase().includes(own) && CAUSE_GIVEN.test(s))) return d;
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: relationQuestion(written.text, effect.statement, effect.name),
      clinicalIndicators: [`Diagnosis: "${written.text}"`, `Note: "${effect.statement}"`],
      options: effect.options,
      reason: `The record documents ${effect.name} beside a condition it can cause but does not relate them; the guidelines do not presume the relation (an adverse effect code would need it).`,
      order: d.order,
    };
    const words = askedRelation(issue, run.input.answers, run.issues);
    if (!words) return d;
    return { ...d, evidence: [...d.evidence, { section: written.section, text: `Physician answer: ${words}` }] };
  });
}
