/**
 * Whether a statement says its control word ("uncontrolled", "poorly controlled") of the diabetes.
 * Said of it when written in the diabetes's own clause ("uncontrolled type 2 diabetes", "diabetes
 * type 2 on metformin poorly controlled"), or after it with only the diabetes's own qualifiers
 * and its complications between, commas allowed ("DM2, uncontrolled", "Type 2 diabetes mellitus,
 * insulin-requiring, poorly controlled", "Type 2 diabetes with CKD stage 3, uncontrolled"). Not when
 * another condition is named between ("Type 2 diabetes, hypertension, uncontrolled"; "Type 2
 * diabetes with hypertension, poorly controlled"): the word is then that condition's.
 * Read with abbreviations written out ("DM2" is "type 2 diabetes mellitus").
 */
import { expandAbbreviations } from './text.ts';

/** What a diabetes statement adds to "diabetes" before its control: type, insulin use, the A1c. */
const QUALIFIER = String.raw`mellitus|type|[12]|i{1,2}|one|two|insulin|insulin[- ](?:dependent|requiring|treated)|non[- ]insulin[- ]dependent|on insulin|on oral agents|long[- ]term insulin use|adult[- ]onset|juvenile[- ]onset|long[- ]?standing|chronic|is|remains|currently|still|now|very|severely|(?:hb)?a1c(?: of)?|hemoglobin a1c(?: of)?|\d+(?:\.\d+)?\s*%?`;
/**
 * The diabetes's own complications, joined to it by "with" (the index's "Diabetes, with" and the
 * guideline's presumed link, I.A.15) or called diabetic: part of the diabetes statement, not another
 * condition ("Type 2 diabetes with diabetic polyneuropathy, poorly controlled").
 */
const COMPLICATION = String.raw`with|and|w\/|diabetic(?:\s+[a-z]+){1,2}|(?:peripheral\s+|autonomic\s+|sensory\s+|distal\s+|symmetric\s+)*(?:poly|mono)?neuropath(?:y|ies)|retinopathy|nephropathy|(?:chronic kidney disease|ckd)(?:\s+stage\s+\w+)?|stage\s+\w+|gastroparesis|(?:foot\s+|skin\s+)?ulcers?|(?:peripheral\s+)?angiopathy|pad|pvd|peripheral (?:arterial|artery|vascular) disease|amyotrophy|cataracts?|macular edema|arthropathy|microalbuminuria|proteinuria`;
const BETWEEN = String.raw`[\s,()/:-]+`;

/**
 * A pattern for `control` (an alternation of words) said of the diabetes: before it in its clause,
 * after it in its clause, or after it past commas with only its qualifiers between.
 */
export function controlOfDiabetes(control: string): RegExp {
  return new RegExp(
    String.raw`\b(?:${control})\b[^,;]*\bdiabet|\bdiabet[^,;]*\b(?:${control})\b|\bdiabet\w*(?:${BETWEEN}(?:${QUALIFIER}|${COMPLICATION}))*${BETWEEN}(?:${control})\b`,
    'i',
  );
}

/** Whether `text` says `pattern` (built by controlOfDiabetes) of the diabetes. */
export const saysOfDiabetes = (pattern: RegExp, text: string) => pattern.test(expandAbbreviations(text));
