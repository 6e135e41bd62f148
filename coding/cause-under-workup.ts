/**
 * A written code that puts a condition down to a cause ("Anemia in chronic kidney disease",
 * "Polyneuropathy in diseases classified elsewhere", "... due to ...") while the assessment's own item
 * on that condition is still looking for its cause: studies pending or ordered, a work-up under way,
 * the etiology called unclear, and the cause the code names not said there. ICD-10-CM presumes no
 * such link (only the "with" convention does, guideline I.A.15), and a coder does not take it from a
 * code while the physician is still working the cause up: the physician is asked whether the
 * condition is due to the cause the code names; until answered the condition is coded from the
 * assessment's statement, which names no cause.
 *
 * Not asked when the item names the cause itself ("anemia of CKD, iron studies pending"), when it
 * has no work-up, or when no assessment item names the condition.
 */
import { askCharacter, chosenInAnswer } from './character-conflict.ts';
import { relationQuestion } from './clarification.ts';
import { describeIcd, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { codeMention } from './mention-coding.ts';
import { ADDRESSED_PARTS, HEADING_PREFIX } from './sections.ts';
import { expandAbbreviations, tokenize } from './text.ts';

/** A title that names the condition, then the cause it is put down to. */
const LINKED_TITLE = /^(.+?)\s+(?:in|due to|secondary to)\s+(.+)$/i;
/** A cause named in no particular words ("in diseases classified elsewhere", "other chronic diseases"): nothing to compare. */
const UNNAMED_CAUSE = /\b(?:classified elsewhere|other|unspecified)\b/i;
/** The item still looking for the cause. */
const WORKUP =
  /\b(?:pending|ordered|work-?up|w\/u|workup|to evaluate|evaluat\w+ for|eval(?:uate)? for|etiology (?:unclear|unknown|undetermined|uncertain)|cause (?:unclear|unknown|undetermined|uncertain)|unclear (?:etiology|cause)|check\w* (?:iron|b12|folate|studies))\b/i;
/** Words of a title that name neither condition nor cause. */
const FILLER = /^(?:of|the|and|or|with|without|disease|diseases|disorder|chronic|acute|other|unspecified)$/;

const words = (text: string): string[] => tokenize(expandAbbreviations(text)).filter((w) => w.length > 2 && !FILLER.test(w));

/** Step: a written cause the assessment is still working up is asked; the condition without it coded meanwhile. */
export function causeUnderWorkup(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  return drafts.map((d) => {
    const line = d.evidence[0];
    if (line?.section !== 'diagnoses' || /^[RZ]/.test(d.code) || run.issues.some((i) => i.order === d.order)) return d;
    const linked = LINKED_TITLE.exec(d.description);
    if (!linked?.[1] || !linked[2] || UNNAMED_CAUSE.test(linked[2])) return d;
    const condition = words(linked[1]);
    const cause = new Set(words(linked[2]));
    if (condition.length === 0 || cause.size === 0) return d;
    const item = run.notes.find((m) => {
      if (m.part === undefined || !ADDRESSED_PARTS.has(m.part) || m.assertion !== 'affirmed') return false;
      const said = new Set(tokenize(expandAbbreviations(m.original)));
      return condition.every((w) => said.has(w)) && WORKUP.test(m.original) && ![...cause].some((w) => said.has(w));
    });
    if (!item) return d;
    // The item's statement of the condition, without its work-up ("iron studies pending" names no iron deficiency).
    const kept = item.text
      .split(/[,;]\s*/)
      .filter((clause) => !WORKUP.test(clause))
      .join(', ');
    const unlinked = codeMention(run, { ...item, text: kept }, d.order).find(
      (o) => o.code.slice(0, 3) !== d.code.slice(0, 3) && !LINKED_TITLE.test(o.description),
    );
    if (!unlinked) return d;
    const said = item.original.replace(HEADING_PREFIX, '').trim();
    const asked = askCharacter(run, [d], {
      draft: d,
      question: relationQuestion(said, line.text, linked[2].toLowerCase()),
      clinicalIndicators: [`Diagnosis: "${line.text}"`, `Assessment: "${said}"`],
      options: [
        { label: describeIcd(run.codeSets, d.code), code: d.code },
        { label: describeIcd(run.codeSets, unlinked.code), code: unlinked.code },
      ],
      reason: `${d.code} puts the condition down to ${linked[2].toLowerCase()}, while the assessment is still working up its cause and does not name it.`,
      held: unlinked.code,
      betweenStatements: false,
      fromWords: () => d.code,
      heldWhy: 'The assessment is still working up the cause the written code names; asked, the condition without it until answered.',
      answeredWhy: chosenInAnswer,
    });
    return asked[0] ?? d;
  });
}
