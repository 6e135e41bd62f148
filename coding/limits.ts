/**
 * Input limits of the coding engine, for the API to enforce at intake (413 for a body over
 * `requestBytes`, 400 naming the field for any other limit). The engine's cost grows linearly with
 * the record; these bounds keep the largest accepted encounter well under a second of CPU
 * (`npm run bench:coding` prints the figures). A record above them is refused, not truncated:
 * coding part of a record would be a wrong claim.
 */
export const CODING_INPUT_LIMITS = {
  /** Characters of the physician's notes (a long SOAP note is 10,000 to 30,000). */
  notesChars: 64_000,
  /** Documented diagnosis lines. */
  diagnoses: 64,
  /** Documented procedure lines. */
  procedures: 64,
  /** Test results. */
  testResults: 256,
  /** Characters of one diagnosis or procedure description, test name or value. */
  lineChars: 1_000,
  /** Physician answers fed back into coding. */
  answers: 32,
  /** Bytes of the whole intake request body. */
  requestBytes: 512 * 1024,
} as const;

export type CodingInputLimits = typeof CODING_INPUT_LIMITS;
