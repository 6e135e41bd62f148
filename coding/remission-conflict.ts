/**
 * A substance use disorder stated "in remission" while the record documents use of that substance
 * days or weeks ago ("used fentanyl twice about 3 weeks ago", "relapsed last weekend"): early
 * remission needs three months without criteria and sustained remission twelve (the DSM-5 terms the
 * F1x.-1 titles carry), so the record contradicts itself and only the physician can settle it. The
 * remission is asked, and until answered the disorder is coded without it (the conflict leaves the
 * course unestablished).
 */
import { detailConflictQuestion, resolutionFor, type ClarificationIssue } from './clarification.ts';
import type { CodingRun, MentionWork } from './coding-run.ts';
import { expandAbbreviations } from './text.ts';

const REMISSION = /,?\s*\b(in\s+)?(early\s+|sustained\s+|full\s+|partial\s+)?remission\b/i;
const USE_DISORDER = /\b(use disorder|dependence|abuse|addiction)\b/i;

/** The substances by the words a record names them with, the condition's and the use's. */
const SUBSTANCES: ReadonlyArray<{ condition: RegExp; use: RegExp }> = [
  {
    condition: /\b(opioid|opiate|heroin|fentanyl|oxycodone)\b/i,
    use: /\b(opioids?|opiates?|heroin|fentanyl|norfentanyl|oxycodone|oxycontin|hydrocodone|morphine|percocet|pills)\b/i,
  },
  { condition: /\b(alcohol)\b/i, use: /\b(alcohol|drank|drink(s|ing)?|beers?|wine|liquor|vodka|etoh)\b/i },
  { condition: /\b(cocaine)\b/i, use: /\b(cocaine|crack)\b/i },
  { condition: /\b(cannabis|marijuana)\b/i, use: /\b(cannabis|marijuana|thc|weed)\b/i },
  { condition: /\b(stimulant|amphetamine|methamphetamine)\b/i, use: /\b(methamphetamine|meth|amphetamines?|stimulants?)\b/i },
];
/** Use on a day within the last weeks. */
const RECENT =
  /\b((\d+|one|two|three|four|five|six|seven|eight|a few|several|a couple of)\s*(days?|wks?|weeks?)\s+ago|yesterday|last (night|week|weekend)|this (week|past weekend))\b/i;
const USED = /\b(used|using|relapsed?|slip(ped)?|drank|smoked|injected|snorted|took|positive|\+)/i;
const DENIED = /\b(no|not|denies|denied|without|negative)\b/i;

/** The statement of the record documenting recent use of the condition's substance, if one. */
export function recentUse(run: CodingRun, condition: string): string | undefined {
  const substance = SUBSTANCES.find((s) => s.condition.test(condition));
  if (!substance) return undefined;
  const notes = [...new Set(run.notes.map((n) => n.original))];
  return notes.find((s) => {
    const text = expandAbbreviations(s);
    const use = substance.use.exec(text);
    if (!use || DENIED.test(text.slice(0, use.index))) return false;
    // A urine drug screen positive for the substance is use, whenever the sample was taken today.
    const screened = /\b(uds|urine drug screen|tox(icology)? screen)\b[^.;]*(\+|positive)\s*[^.;]*$/i.test(
      text.slice(0, use.index + use[0].length),
    );
    return screened || (RECENT.test(text) && USED.test(text));
  });
}

/** Step of mention coding: "in remission" against recent use in the record (asked; coded without the remission meanwhile). */
export function checkRemissionAgainstUse(run: CodingRun, work: MentionWork): void {
  const m = work.mention;
  const own = expandAbbreviations(m.text);
  if (m.assertion !== 'affirmed' || !REMISSION.test(own) || !USE_DISORDER.test(own)) return;
  const use = recentUse(run, own);
  if (!use) return;
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: detailConflictQuestion(m.original, use, 'remission status of the condition'),
    clinicalIndicators: [`Documented: "${m.original}"`, `Documented: "${use}"`],
    options: [
      { label: 'In remission', refine: 'in remission' },
      { label: 'Not in remission', refine: 'uncomplicated' },
    ],
    reason: 'The record states the disorder in remission and documents recent use of the substance.',
  };
  const resolution = resolutionFor(issue, run.input.answers);
  const stripped = { ...m, text: m.text.replace(REMISSION, ' ').replace(/\s+/g, ' ').trim() };
  if (!resolution) {
    work.conflicts.push(issue);
    work.mention = stripped;
    return;
  }
  if (resolution.kind === 'option' && resolution.option.label === 'Not in remission') work.mention = stripped;
}
