/**
 * Clarifications: the questions the physician is asked when the record is ambiguous (what AHIMA/ACDIS
 * practice calls a physician query). Clinical indicators quoted from the record, clinically supported
 * options plus "Other (please specify)" and "Clinically undetermined", no leading wording and no
 * mention of payment. Each issue carries a stable question so an answer can be matched back.
 */
import type { ClarificationAnswer, ClarificationQueryDraft } from '../domain/coding.ts';

export const OTHER_OPTION = 'Other (please specify)';
export const UNDETERMINED_OPTION = 'Clinically undetermined';

export interface ClarificationOption {
  label: string;
  /** Words added to the documentation of the condition when this option is chosen. */
  refine?: string;
  /** The code this option stands for (for choices between codes). */
  code?: string;
  /** A code to leave off when this option is chosen (for Excludes1 conflicts). */
  dropCode?: string;
}

export interface ClarificationIssue {
  kind: 'laterality' | 'specificity' | 'competing' | 'low-confidence' | 'edit';
  question: string;
  clinicalIndicators: string[];
  options: ClarificationOption[];
  reason: string;
  /** The diagnosis draft the issue is about (an issue about a code left off the claim is dropped). */
  order?: number;
  /** Words for the classification's default, used while the question is open. */
  defaultRefine?: string;
}

export type Resolution = { kind: 'option'; option: ClarificationOption } | { kind: 'free-text'; text: string } | { kind: 'undetermined' };

/** How an answer resolves an issue, or undefined when the issue is still open. */
export function resolutionFor(issue: ClarificationIssue, answers: readonly ClarificationAnswer[]): Resolution | undefined {
  const answer = answers.find((a) => a.question.trim() === issue.question);
  if (!answer) return undefined;
  const option = answer.option === undefined ? undefined : issue.options.find((o) => o.label === answer.option);
  if (option && option.label !== OTHER_OPTION && option.label !== UNDETERMINED_OPTION) return { kind: 'option', option };
  if (answer.freeText && answer.freeText.trim()) return { kind: 'free-text', text: answerAsDocumentation(answer.freeText) };
  return { kind: 'undetermined' };
}

/** A clause of an answer that takes something back ("the type 1 entry was an error"): not documentation of the condition. */
const RETRACTION =
  /\b(error|erroneous|in error|mistake|mistaken|incorrect|wrong|inaccurate|not accurate|should be (removed|deleted)|disregard)\b/i;
/** A bare assent ("yes", "confirmed"): the rest of the answer is what it documents. */
const ASSENT = /^(yes|yeah|yep|correct|confirmed|agreed?|i agree|that is correct|indeed)$/i;
/** A measurement given as support ("eGFR 24", "A1c 9.1 %"): clinical indicator, not a diagnosis statement. */
const MEASUREMENT =
  /^(e?gfr|a1c|hba1c|hgb|hemoglobin|creatinine|cr|bun|bmi|bp|ef|lvef|ejection fraction|inr|tsh|ldl|glucose|sat|spo2)\b[\s:=]*(of|was|is|at)?\s*[<>~]?\s*\d/i;

/**
 * A physician's free-text answer read as documentation of the condition: split into clauses, what
 * the answer takes back, bare assent and supporting measurements left out (the rest is what the
 * physician now documents, and re-coding reads it as such). The whole answer when nothing is left.
 */
export function answerAsDocumentation(freeText: string): string {
  const clauses = freeText
    .split(/[;.\n]|,\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
  const kept = clauses.filter((c) => !RETRACTION.test(c) && !ASSENT.test(c) && !MEASUREMENT.test(c));
  return kept.length > 0 ? kept.join(' ') : freeText.trim();
}

export function toDraft(issue: ClarificationIssue): ClarificationQueryDraft {
  return {
    question: issue.question,
    clinicalIndicators: issue.clinicalIndicators,
    options: [...issue.options.map((o) => o.label), OTHER_OPTION, UNDETERMINED_OPTION],
    reason: issue.reason,
  };
}

export function lateralityQuestion(condition: string): string {
  return `The record documents "${condition}". Based on your clinical judgment, can you clarify the side affected?`;
}

export function sideConflictQuestion(condition: string, other: string): string {
  return `The record documents "${condition}" and also "${other}". Based on your clinical judgment, can you clarify the side affected?`;
}

export function detailConflictQuestion(a: string, b: string, aspect: string): string {
  return `The record documents "${a}" and also "${b}". Based on your clinical judgment, can you clarify the ${aspect}?`;
}

export function specificityQuestion(condition: string, aspect: string): string {
  return `The record documents "${condition}". Based on your clinical judgment, can you clarify the ${aspect}?`;
}

export function relationQuestion(condition: string, statement: string, cause: string): string {
  return `The record documents "${condition}" and also "${statement}". Based on your clinical judgment, can you clarify whether the condition is due to ${cause}?`;
}

export function diagnosisQuestion(condition: string): string {
  return `The record documents "${condition}". Based on your clinical judgment, which of the following best describes the condition?`;
}

export function conflictQuestion(a: string, b: string): string {
  return `The record documents both "${a}" and "${b}", which are not normally present together. Based on your clinical judgment, can you clarify the patient's condition?`;
}

export function confirmQuestion(condition: string): string {
  return `The record documents "${condition}". Based on your clinical judgment and the patient's demographics, can you confirm the diagnosis?`;
}
