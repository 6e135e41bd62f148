/**
 * A code the physician wrote that carries a value of an axis its family names when the value is left
 * open ("Non-pressure chronic ulcer of left heel and midfoot with fat layer exposed" beside the
 * sibling "... with unspecified severity"; a burn's degree; a loss of consciousness's duration),
 * while no statement of the record states any value of that axis: the line says "Ulcer L heel", the
 * wound examination gives the size and the base but not the depth. The value rests on the code alone,
 * and a coder codes from the documentation, not from a code (guideline I.A.19; I.A.9: the unspecified
 * member is for a record that lacks the detail). The physician is asked, each member offered; until
 * answered the family's unspecified member is coded.
 *
 * Not asked when any statement of the record states a value (the titles' words or a wound's own words:
 * "fat layer exposed", "full-thickness", "bone visible", "Wagner 2": unstated-axis.ts reads them), or
 * for signs and factors (R, Z). A family the written code's own title calls unspecified is
 * added-code-axis.ts's and mention-coding's.
 */
import { askCharacter, chosenInAnswer } from './character-conflict.ts';
import { specificityQuestion } from './clarification.ts';
import { perRecord, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { recordStatements } from './review-signals.ts';
import { namesUnspecifiedAxis, unstatedAxis } from './unstated-axis.ts';

/** The sibling of a code that leaves the family's named axis open, when the record allows it. */
function openSibling(run: CodingRun, code: string): { entry: number; code: string; description: string } | undefined {
  const { icd } = run.codeSets;
  const index = icd.byCode.get(code);
  const parent = index === undefined ? undefined : icd.entries[index]?.parent;
  if (parent === undefined) return undefined;
  for (const k of icd.children.get(parent) ?? []) {
    const e = icd.entries[k];
    if (e && k !== index && namesUnspecifiedAxis(e.description) && run.allowed(e.code))
      return { entry: k, code: e.code, description: e.description };
  }
  return undefined;
}

/** Step: a written code's value of a named axis that no statement states is asked; the open member coded until answered. */
export function writtenAxisValue(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const statements = perRecord(run, 'recordStatements', () => recordStatements(run.input.documentation));
  return drafts.map((d) => {
    const line = d.evidence[0];
    if (line?.section !== 'diagnoses' || /^[RZ]/.test(d.code) || namesUnspecifiedAxis(d.description)) return d;
    if (run.issues.some((i) => i.order === d.order)) return d;
    const open = openSibling(run, d.code);
    if (!open) return d;
    const hit = { ...open, score: d.confidence, matched: [], matchedText: open.description };
    const axis = unstatedAxis(run, hit, statements.join('\n'), statements);
    if (!axis || !axis.codes.includes(d.code)) return d;
    const asked = askCharacter(run, [d], {
      draft: d,
      question: specificityQuestion(line.text, `${axis.aspect} of the condition`),
      clinicalIndicators: [`Diagnosis: "${line.text}"`],
      options: axis.options.map((o, i) => ({ ...o, code: axis.codes[i] ?? '' })).filter((o) => o.code !== ''),
      reason: `${d.code} carries a ${axis.aspect} no statement of the record states; ${axis.reason}.`,
      held: open.code,
      betweenStatements: false,
      fromWords: () => d.code,
      heldWhy: `No statement of the record states the ${axis.aspect} the written code carries; asked, the unspecified member until answered.`,
      answeredWhy: chosenInAnswer,
    });
    return asked[0] ?? d;
  });
}
