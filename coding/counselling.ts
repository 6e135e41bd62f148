/**
 * Counselling codes about a substance (Z71.41 alcohol abuse counseling and surveillance of
 * alcoholic, Z71.51 drug abuse counseling, Z71.6 tobacco abuse counseling) stand for counselling of a
 * patient who uses it: the record must state the use. "Counselled on alcohol" beside "drinks 4 beers
 * a day" is Z71.41; the same words with no use stated (or use denied) are general advice, no code.
 * The use itself is not coded from the counselling (F10.90 needs a related disorder, guideline I.C.5.b.3).
 */
import { recordText, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

const SUBSTANCE_USE: ReadonlyArray<[code: string, use: RegExp]> = [
  [
    'Z71.41',
    /\b(?:drinks|drinking|drank|beers?|wine|liquor|spirits|shots of|binge\w*|alcoholi(?:sm|c)|etoh (?:use|abuse|intake)|alcohol (?:use|intake|consumption|abuse|dependence|misuse)|(?:\d+|one|two|three|four|five|six|several)\s*(?:-\s*\d+\s*)?(?:standard\s+)?(?:drinks|beers|glasses))\b/i,
  ],
  [
    'Z71.51',
    /\b(?:uses|using|smokes|injects?|snorts?)\s+(?:cannabis|marijuana|cocaine|heroin|opioids?|methamphetamine|meth|fentanyl)|\b(?:drug|substance|cannabis|opioid|cocaine) (?:use|abuse|misuse|dependence)\b/i,
  ],
  [
    'Z71.6',
    /\b(?:smok(?:es|ing|er)|cigarettes?|tobacco (?:use|user)|vap(?:es|ing)|chews tobacco|pack[\s-]years?|ppd|nicotine dependence)\b/i,
  ],
];

/** A use the record denies ("denies alcohol", "no tobacco use"): not a stated use. */
const DENIED = /\b(?:denies|denied|no|never|non|quit|former|stopped|abstinent|abstains?)\b[^.;]{0,20}$/i;

function useStated(text: string, use: RegExp): boolean {
  const global = new RegExp(use.source, 'gi');
  for (const m of text.matchAll(global)) if (!DENIED.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
  return false;
}

/** Step: a substance counselling code stays only beside a use the record states. */
export function counsellingWithStatedUse(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const counselling = SUBSTANCE_USE.filter(([code]) => drafts.some((d) => d.code === code));
  if (counselling.length === 0) return drafts;
  const text = recordText(run);
  const unsupported = new Set(counselling.filter(([, use]) => !useStated(text, use)).map(([code]) => code));
  return unsupported.size === 0 ? drafts : drafts.filter((d) => !unsupported.has(d.code));
}
