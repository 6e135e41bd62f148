/**
 * Long-term (current) use codes (Z79.-) are for drugs the patient takes now (guideline I.C.21.c.3).
 * A drug named in a clause about the past is not current use: "was on metformin", "previously on
 * glipizide", and any drug of a class the record says the patient is off now ("off all diabetes
 * meds since surgery", "no diabetes medications"), where a history clause ("A1c up to 9.4 on
 * metformin + glipizide") still names a drug of it. A drug of the class the assessment continues,
 * resumes or starts is current again.
 */
/** A statement of the record (a diagnosis line or a clause of the notes). */
interface Statement {
  text: string;
}

/** Words before a drug that put its use in the past ("previously on", "was on", "used to take"). */
export const PAST_USE = String.raw`previously|formerly|was on|were on|had been(?: on)?|used to|in the past|once on`;

/** A statement that the patient takes no drug of the diabetes classes now. */
const DIABETES_DRUGS_OFF =
  /\b(?:off|not on|no|stopped|discontinued|came off)\s+(?:all\s+|any\s+)?(?:(?:her|his|their)\s+)?(?:diabetes|diabetic|dm2?|t2dm|antidiabetic|anti-diabetic|hypoglycemic|glucose[- ]lowering)\s+(?:meds?|medications?|drugs?|agents?|therapy)\b/i;

/** The long-term use codes of the diabetes drug classes (insulin, oral, injectable non-insulin). */
export const DIABETES_DRUG_CODES: ReadonlySet<string> = new Set(['Z79.4', 'Z79.84', 'Z79.85']);

/** A drug of the class continued, resumed or started: current again. */
const CONTINUED =
  /\b(?:continue|continues|continuing|cont|resume|restart|remain on|stay on|start|starting|add|adding|taking)\s+(?:the\s+|his\s+|her\s+)?$/i;

/** Whether the record says the patient is off every drug of the class the pattern names, none continued. */
export function classOffNow(drug: RegExp, diabetesDrug: boolean, statements: readonly Statement[]): boolean {
  if (!diabetesDrug || !statements.some((s) => DIABETES_DRUGS_OFF.test(s.text))) return false;
  const anywhere = new RegExp(drug.source, 'gi');
  return !statements.some((s) => [...s.text.matchAll(anywhere)].some((m) => CONTINUED.test(s.text.slice(0, m.index))));
}
