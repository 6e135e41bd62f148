/**
 * Input limits of the coding engine, enforced at intake by the API (api/schemas.ts builds the
 * documentation schema from them: 400 naming the field; a body over `requestBytes` is a 413) and
 * checked again by the coding activity before the engine runs (a stored record over them fails
 * without retries instead of burning CPU). The engine's cost grows linearly with the record; these
 * bounds keep the largest accepted encounter well under a second of CPU (`npm run bench:coding`
 * prints the figures). A record above them is refused, not truncated: coding part of a record
 * would be a wrong claim.
 */
import type { EncounterDocumentation } from '../domain/encounter.ts';

export const CODING_INPUT_LIMITS = {
  /** Characters of the physician's notes (a long SOAP note is 10,000 to 30,000). */
  notesChars: 50_000,
  /** Documented diagnosis lines. */
  diagnoses: 50,
  /** Documented procedure lines. */
  procedures: 50,
  /** Test results. */
  testResults: 200,
  /** Characters of one diagnosis or procedure description. */
  lineChars: 500,
  /** Characters of a test result's name or value. */
  testResultChars: 200,
  /** Physician answers fed back into coding. */
  answers: 32,
  /** Characters of a physician's free-text answer. */
  answerChars: 5_000,
  /** Bytes of a JSON request body (the intake of an encounter is the largest the API reads). */
  requestBytes: 1024 * 1024,
} as const;

export type CodingInputLimits = typeof CODING_INPUT_LIMITS;

/** One limit a record exceeds: the field (as the API names it) and what the limit is. */
export interface CodingLimitProblem {
  field: string;
  message: string;
}

/** The limits a stored record exceeds (empty when it may be coded), first problems first, at most 10. */
export function codingInputProblems(
  doc: EncounterDocumentation,
  answers: ReadonlyArray<{ freeText?: string }> = [],
  limits: CodingInputLimits = CODING_INPUT_LIMITS,
): CodingLimitProblem[] {
  const out: CodingLimitProblem[] = [];
  const tooLong = (field: string, text: string | undefined, max: number) => {
    if ((text?.length ?? 0) > max) out.push({ field, message: `Longer than ${max} characters` });
  };
  const tooMany = (field: string, n: number, max: number) => {
    if (n > max) out.push({ field, message: `More than ${max} entries` });
  };
  tooLong('documentation.notes', doc.notes, limits.notesChars);
  tooMany('documentation.diagnoses', doc.diagnoses.length, limits.diagnoses);
  tooMany('documentation.procedures', doc.procedures.length, limits.procedures);
  tooMany('documentation.testResults', doc.testResults.length, limits.testResults);
  tooMany('answers', answers.length, limits.answers);
  doc.diagnoses.forEach((d, i) => tooLong(`documentation.diagnoses.${i}.description`, d.description, limits.lineChars));
  doc.procedures.forEach((p, i) => tooLong(`documentation.procedures.${i}.description`, p.description, limits.lineChars));
  doc.testResults.forEach((t, i) => {
    tooLong(`documentation.testResults.${i}.name`, t.name, limits.testResultChars);
    tooLong(`documentation.testResults.${i}.value`, t.value, limits.testResultChars);
  });
  answers.forEach((a, i) => tooLong(`answers.${i}.freeText`, a.freeText, limits.answerChars));
  return out.slice(0, 10);
}
