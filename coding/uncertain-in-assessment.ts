/**
 * A listed diagnosis that the note's assessment states only with uncertainty: "Paroxysmal AF" listed
 * (with I48.0) while the assessment reads "Palpitations - r/o paroxysmal atrial fibrillation vs PSVT",
 * or "Gonococcal urethritis" listed beside "Urethral discharge - presumed gonococcal urethritis". In
 * outpatient care an uncertain diagnosis is not coded as if established (guideline IV.H): the record
 * disagrees with its own list, so the encounter goes to a coder, who decides between the listed code
 * and the signs and symptoms. The assessment must name every word of the line in an uncertain
 * statement and in no affirmed one ("pneumonia, likely viral" affirms the pneumonia).
 */
import type { CodingRun } from './coding-run.ts';
import type { Mention } from './context.ts';
import { ADDRESSED_PARTS } from './sections.ts';
import { expandAbbreviations, tokenize } from './text.ts';

function namesAll(statement: string, words: readonly string[]): boolean {
  const have = new Set(tokenize(expandAbbreviations(statement)));
  return words.every((w) => have.has(w));
}

export function statedUncertainInAssessment(run: CodingRun, listed: Mention): boolean {
  const words = tokenize(expandAbbreviations(listed.text));
  if (!words.length) return false;
  const inAssessment = run.notes.filter((n) => n.part !== undefined && ADDRESSED_PARTS.has(n.part));
  const uncertain = inAssessment.some((n) => n.assertion === 'uncertain' && namesAll(n.text, words));
  return uncertain && !inAssessment.some((n) => n.assertion === 'affirmed' && namesAll(n.text, words));
}
