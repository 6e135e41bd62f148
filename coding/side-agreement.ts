/**
 * A positive condition for straight-through billing (issue 10 item 2): the side a code names is the
 * side every statement of its site names. "HPI: L knee pain", "X-ray L knee 3 views" beside an
 * assessment of right knee osteoarthritis (M17.11) is documentation that disagrees with itself, which a
 * coder may not settle (the physician is asked): the record goes to a coder. A statement of the other
 * side as normal ("R knee normal", "left ankle nontender") agrees with the code.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';

/** The side a title names and the words after it, up to a comma, "with", "without", "of" or parenthesis. */
const TITLE_SIDE = /\b(right|left) ([a-z ]+?)(?=,|$| with | without | of |\()/i;
/** Sites a side is written beside in records (the last word of the title's sided phrase). */
const SITES = new Set([
  'knee',
  'hip',
  'ankle',
  'foot',
  'wrist',
  'hand',
  'shoulder',
  'elbow',
  'arm',
  'forearm',
  'leg',
  'thigh',
  'finger',
  'thumb',
  'toe',
  'breast',
  'eye',
  'ear',
  'kidney',
  'ovary',
  'testis',
  'femur',
  'tibia',
  'fibula',
  'radius',
  'ulna',
  'humerus',
  'clavicle',
]);
/** The other side as records write it; a single letter only in capitals ("L knee"). */
const OTHER_SIDE: Record<string, string> = { right: '(?:[Ll]eft|LEFT|[Ll]t|L)', left: '(?:[Rr]ight|RIGHT|[Rr]t|R)' };
/** Said just after the site, these describe it as normal. */
const NORMAL_AFTER = /\b(?:no|not|normal|nontender|negative|neg|intact|unremarkable|without|denies|wnl|fine)\b/i;
/** How far after the site a "normal" still describes it. */
const WINDOW = 30;

/** A coded side's site and the pattern of its other side, if the title names a side of a site. */
function otherSideOf(title: string): RegExp | undefined {
  if (/\bbilateral\b/i.test(title)) return undefined;
  const m = TITLE_SIDE.exec(title);
  const side = m?.[1]?.toLowerCase();
  const site = m?.[2]?.trim().split(/\s+/).at(-1)?.toLowerCase();
  if (side === undefined || site === undefined || !SITES.has(site)) return undefined;
  return new RegExp(
    `\\b${OTHER_SIDE[side]}\\.?\\W+(?:[A-Za-z]+\\W+){0,2}?(?:${site}|${site[0]?.toUpperCase()}${site.slice(1)}|${site.toUpperCase()})s?\\b`,
    'g',
  );
}

/** A code whose side a statement of the record gives the other way for the same site (not as normal). */
export function sideStatedOtherwise(statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): CodedDiagnosis | undefined {
  return diagnoses.find((d) => {
    const other = otherSideOf(d.description);
    if (other === undefined) return false;
    return statements.some((s) =>
      [...s.matchAll(other)].some((m) => !NORMAL_AFTER.test(s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + WINDOW))),
    );
  });
}
