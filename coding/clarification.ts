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
  if (answer.freeText && answer.freeText.trim()) return { kind: 'free-text', text: answer.freeText.trim() };
  return { kind: 'undetermined' };
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
