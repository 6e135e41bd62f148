/**
 * Whether the engine's codes may go to billing without a coder, and if not why: the engine's own
 * straight-through decision (or, while it gives none, any code under a confidence floor), a code
 * the physician wrote that the result changed or dropped, and the payer's coder-review rules.
 * Error-severity edits are added by the workflow (they also apply to a coder's codes).
 */
import type { CodingResult } from '../domain/coding.ts';
import type { EncounterDocumentation } from '../domain/encounter.ts';
import type { CoderReviewReason } from '../workflows/messages.ts';

/** Used only when the engine gives no straight-through decision: below it a code goes to a coder. */
export const FALLBACK_CONFIDENCE_FLOOR = 0.55;

/** The engine's calibrated decision, when it gives one (optional: see /work/coord/coder-review.md). */
interface StraightThrough {
  bill: boolean;
  confidence?: number;
  threshold?: number;
  reasons?: string[];
}

function normalized(code: string): string {
  return code.trim().toUpperCase();
}

function lowConfidence(result: CodingResult): CoderReviewReason | undefined {
  const decision = (result as CodingResult & { straightThrough?: StraightThrough }).straightThrough;
  if (decision) {
    if (decision.bill) return undefined;
    const figures = decision.confidence !== undefined && decision.threshold !== undefined ? ` (confidence ${decision.confidence} < ${decision.threshold})` : '';
    return { kind: 'low_confidence', detail: `the engine is not confident enough to bill${figures}${decision.reasons?.length ? `: ${decision.reasons.join('; ')}` : ''}` };
  }
  if (result.diagnoses.length === 0) return { kind: 'low_confidence', detail: 'the engine found no diagnosis to bill' };
  const unsure = [...result.diagnoses, ...result.procedures].filter((c) => c.confidence < FALLBACK_CONFIDENCE_FLOOR);
  if (unsure.length === 0) return undefined;
  return {
    kind: 'low_confidence',
    detail: `confidence under ${FALLBACK_CONFIDENCE_FLOOR}: ${unsure.map((c) => `${c.code} (${c.confidence})`).join(', ')}`,
    codes: unsure.map((c) => c.code),
  };
}

/** Codes the physician wrote (diagnoses and procedures) that the result does not carry. */
export function documentedCodesNotKept(result: Pick<CodingResult, 'diagnoses' | 'procedures'>, documentation: EncounterDocumentation): CoderReviewReason[] {
  const coded = new Set([...result.diagnoses, ...result.procedures].map((c) => normalized(c.code)));
  // ICD-10-CM codes are written with or without their dot.
  const codedUndotted = new Set([...coded].map((c) => c.replace('.', '')));
  const missing: string[] = [];
  for (const written of [...(documentation.diagnoses ?? []), ...(documentation.procedures ?? [])]) {
    if (written.code === undefined || written.code.trim() === '') continue;
    const code = normalized(written.code);
    if (!coded.has(code) && !codedUndotted.has(code.replace('.', ''))) missing.push(code);
  }
  if (missing.length === 0) return [];
  return [{ kind: 'documented_code_changed', detail: `the physician documented ${missing.join(', ')}, which the suggested codes change or drop`, codes: missing }];
}

export function reviewReasons(
  result: CodingResult,
  documentation: EncounterDocumentation,
  payerRule: Array<{ code: string; note?: string }>,
): CoderReviewReason[] {
  const reasons: CoderReviewReason[] = [];
  const low = lowConfidence(result);
  if (low) reasons.push(low);
  reasons.push(...documentedCodesNotKept(result, documentation));
  if (payerRule.length > 0) {
    const notes = [...new Set(payerRule.map((r) => r.note).filter((n): n is string => n !== undefined))];
    reasons.push({
      kind: 'payer_rule',
      detail: `the payer asks a coder to review ${payerRule.map((r) => r.code).join(', ')}${notes.length ? ` (${notes.join('; ')})` : ''}`,
      codes: payerRule.map((r) => r.code),
    });
  }
  return reasons;
}
