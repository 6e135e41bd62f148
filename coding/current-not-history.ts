/**
 * A personal history code (Z86-Z87) on a line whose condition the visit's own assessment states as
 * current and still treated: "History of DVT left leg" (Z86.718) beside "Acute DVT left femoral vein -
 * improving on rivaroxaban, continue to complete 3 months". A personal history code is for a
 * condition that no longer exists and is not receiving any treatment (guideline I.C.21.c.4); a
 * condition still under treatment is current, whatever the chart's list calls it. The condition is
 * coded from the assessment's statement (its words find a code outside chapter 21 that names the
 * line's condition words), a change of the written code the gates send to a coder. An assessment
 * that states the condition as over ("treatment complete", "resolved", "history of") or only as
 * prophylaxis leaves the history code; stated-as-history.ts is the converse.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { ADDRESSED_PARTS } from './sections.ts';
import { conditionWords, rank } from './ranking.ts';
import { buildQuery } from './search.ts';
import { expandAbbreviations, tokenize } from './text.ts';

const PERSONAL_HISTORY = /^Z8[67]\./;
/** The statement says the condition is under treatment now. */
const TREATED_NOW =
  /\b(?:acute|active|current(?:ly)?|ongoing|improving|worsening|on\s+(?:\w+\s+){0,2}(?:day|week|month)s?\s+\d|started|continue\w*|treated\s+with|on\s+[a-z]{4,}(?:ban|parin|farin|mycin|cillin|floxacin|statin|olol|pril|sartan|azole))\b/i;
/** The statement says the condition is over, or only prevented. */
const OVER =
  /\b(?:history|hx|h\/o|s\/p|status\s+post|prior|previous|remote|old|former|quit|ex-\w+|abstinen\w*|remission|resolved|complete[d]?|finished|cured|prophyla\w*|secondary\s+prevention|recurrence\s+prevention)\b/i;
/** How well the statement's words must find the condition's code. */
const FOUND = 0.7;

/** Step: a history code whose condition an addressed statement states as current and treated is that condition. */
export function currentNotHistory(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  return drafts.map((d) => {
    if (!PERSONAL_HISTORY.test(d.code)) return d;
    const line = d.evidence.find((e) => e.section === 'diagnoses')?.text;
    if (!line) return d;
    const key = [...conditionWords(tokenize(expandAbbreviations(line)), run.codeSets.icd)].filter((w) => !OVER.test(w));
    if (key.length === 0) return d;
    const statement = run.notes.find((n) => {
      if (n.assertion !== 'affirmed' || n.part === undefined || !ADDRESSED_PARTS.has(n.part) || n.unaddressed) return false;
      if (!TREATED_NOW.test(n.original) || OVER.test(n.original)) return false;
      const said = new Set(tokenize(expandAbbreviations(n.original)));
      return key.every((w) => said.has(w));
    });
    if (!statement) return d;
    const hit = rank(run, buildQuery(statement.text), statement.text, (c) => !c.startsWith('Z'))[0];
    if (!hit || hit.score < FOUND) return d;
    const why = `the assessment states the condition as current and treated ("${statement.original}"): a personal history code is for a condition no longer present or treated (guideline I.C.21.c.4), so the condition is coded.`;
    return {
      ...recoded(run.codeSets, d, hit.code, `Coded ${hit.code} in place of ${d.code}: ${why}`),
      evidence: [...d.evidence, { section: 'notes' as const, text: statement.original }],
    };
  });
}
