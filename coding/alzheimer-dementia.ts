/**
 * "Alzheimer's dementia" names two conditions: Alzheimer's disease and the dementia it causes. The
 * index codes both (Dementia, in, Alzheimer's disease: see Disease, Alzheimer's, G30.- with F02.-);
 * a word search of "Alzheimer's dementia, moderate" finds the dementia's severity (F03.B0) and loses
 * the disease. A dementia code whose own statement names Alzheimer's, with no Alzheimer's code on
 * the claim, gets G30.9 beside it (its onset is read by dementia-detail.ts); the dementia then
 * becomes "dementia in other diseases classified elsewhere" (F02, refinements.ts), as G30's note asks.
 */
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

const DEMENTIA = /^F0[13]\./;
const ALZHEIMER = /\balzheimer'?s?\b/i;
const DISEASE = 'G30.9';

/** Step: Alzheimer's disease from a dementia statement that names it, when no G30 code is coded. */
export function alzheimerDementia(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => d.code.startsWith('G30')) || !run.allowed(DISEASE)) return drafts;
  const dementia = drafts.find(
    (d) => DEMENTIA.test(d.code) && ALZHEIMER.test(run.mentions.get(d.order)?.text ?? d.evidence[0]?.text ?? ''),
  );
  if (!dementia) return drafts;
  return [
    ...drafts,
    newDraft(run.codeSets, DISEASE, {
      confidence: dementia.confidence,
      order: dementia.order - 0.1,
      evidence: dementia.evidence,
      rationale: `"${dementia.evidence[0]?.text ?? dementia.description}" names Alzheimer's disease as the dementia's cause: ${DISEASE} (index: Dementia, in, Alzheimer's disease), the dementia after it.`,
    }),
  ];
}
