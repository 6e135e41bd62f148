/**
 * A burn of the hand coded to an unspecified site of the hand (T23, sixth place 0) while the
 * examination places it on one part the category codes by: the back of the hand (T23.x6) or the palm
 * (T23.x5). The part is a fact of the examination, not a clinical judgment, so the coder codes it.
 * Only the examination is read (a history's "burned across the palm" is the patient's account, and
 * the examination is where the physician places the wound). Only one part may be named for the burn (a burn of both is of multiple sites, left as coded), and a
 * part the examination says is spared or uninvolved is not the burn's.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

/** Burn of hand, unspecified site: T23.<degree>0<side>. */
const HAND_UNSPECIFIED_SITE = /^T23\.[0-3]0[129]/;
const PARTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['6', /\b(?:dorsum|dorsal (?:surface|aspect|side)?|back)\s+(?:of\s+)?(?:the\s+)?(?:(?:r|l|rt|lt|right|left)\s+)?hand\b|\bdorsal hand\b/i],
  ['5', /\bpalm(?:ar)?\b/i],
];
/** Words that say the part is not burned ("palm spared", "no involvement of the palm"). */
const SPARED = /\b(?:spared|sparing|uninvolved|not involved|intact|no (?:involvement|burn))\b/i;

/** The one part of the hand the examination places the burn on, or undefined. */
function partNamed(examination: readonly string[]): string | undefined {
  const named = new Set<string>();
  for (const clause of examination) {
    if (!/\bburn|\bblister|\berythema|\bhand\b|\bpalm/i.test(clause)) continue;
    for (const piece of clause.split(/,\s*|;\s*/)) {
      for (const [part, words] of PARTS) {
        const at = words.exec(piece);
        if (!at) continue;
        const around = piece.slice(Math.max(0, at.index - 20), at.index + at[0].length + 20);
        if (!SPARED.test(around) && !/\b(?:no|not|without)\s+(?:\w+\s+){0,2}$/i.test(piece.slice(0, at.index))) named.add(part);
      }
    }
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/** Step: a hand burn of unspecified site takes the one part of the hand the examination names. */
export function burnHandSite(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const burns = drafts.filter((d) => HAND_UNSPECIFIED_SITE.test(d.code));
  if (burns.length !== 1) return drafts;
  const burn = burns[0]!;
  const part = partNamed(run.notes.filter((n) => n.part === 'exam').map((n) => n.original));
  if (!part) return drafts;
  const code = `${burn.code.slice(0, 5)}${part}${burn.code.slice(6)}`;
  if (!run.codeSets.icd.byCode.has(code) || !run.allowed(code)) return drafts;
  return drafts.map((d) =>
    d === burn ? recoded(run.codeSets, d, code, `The examination places the burn on one part of the hand: ${code}.`) : d,
  );
}
