/**
 * A breast malignancy coded "of unspecified site" (C50.91-, C50.92-) while another statement of the
 * record places it in a quadrant ("invasive ductal carcinoma, upper-outer quadrant left breast",
 * "L breast ca UOQ"): the most specific statement of the condition decides (guideline I.B.2), and
 * C50's subcategories are the sites (C50.0 nipple and areola ... C50.6 axillary tail, C50.8
 * overlapping sites). A statement naming the other breast is not about this one; a malignancy of
 * unstated side takes the one side the statement placing it names, when no statement names the other.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

const UNSPECIFIED_SITE = /^C50\.9([12])([129])$/;

/** C50 site digits by the words records use for them. */
const SITES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/\b(upper[\s-]*outer(?:\s+quadrant)?|uoq)\b/i, '4', 'upper-outer quadrant'],
  [/\b(lower[\s-]*outer(?:\s+quadrant)?|loq)\b/i, '5', 'lower-outer quadrant'],
  [/\b(upper[\s-]*inner(?:\s+quadrant)?|uiq)\b/i, '2', 'upper-inner quadrant'],
  [/\b(lower[\s-]*inner(?:\s+quadrant)?|liq)\b/i, '3', 'lower-inner quadrant'],
  [/\b(axillary tail|tail of spence)\b/i, '6', 'axillary tail'],
  [/\b(subareolar|retroareolar|nipple|areola)\b/i, '0', 'nipple and areola'],
];
/** The statement is about the malignancy (not a benign lump or a scar alone). */
const MALIGNANCY = /\b(ca|cancer|carcinoma|malignan\w*|idc|ilc|adenocarcinoma|neoplasm|tumou?r)\b/i;
const RIGHT = /\b(right|rt|r)\b/i;
const LEFT = /\b(left|lt|l)\b/i;

/** The side written before the breast itself ("L breast", "right breast"): one side only, else undefined. */
const BREAST_SIDE = /\b(left|lt|l|right|rt|r)\.?\s+breast\b/gi;
function sideOfBreast(text: string): '1' | '2' | undefined {
  const sides = new Set([...text.matchAll(BREAST_SIDE)].map((m) => (/^l/i.test(m[1] ?? '') ? '2' : '1')));
  return sides.size === 1 ? [...sides][0] : undefined;
}

/** Step: an unspecified-site breast malignancy takes the quadrant another statement of the record names. */
export function breastQuadrant(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!drafts.some((d) => UNSPECIFIED_SITE.test(d.code))) return drafts;
  const statements = [...run.input.documentation.diagnoses.map((d) => d.description), ...clausesOf(run.input.documentation.notes)];
  return drafts.map((d) => {
    const m = UNSPECIFIED_SITE.exec(d.code);
    if (!m) return d;
    const [, sex, side] = m;
    for (const text of statements) {
      if (!MALIGNANCY.test(text)) continue;
      // A statement about the other breast says nothing of this one.
      if ((side === '1' && LEFT.test(text) && !RIGHT.test(text)) || (side === '2' && RIGHT.test(text) && !LEFT.test(text))) continue;
      const found = SITES.filter(([p]) => p.test(text));
      if (found.length !== 1 || !found[0]) continue;
      const [, site, name] = found[0];
      // A malignancy of unstated side takes the one side the statement placing it names ("L breast ca, UOQ").
      // ...only when no statement of the record names the other breast (a side stated two ways is asked elsewhere).
      const stated = sideOfBreast(text);
      const sides = new Set(statements.map(sideOfBreast).filter((x) => x !== undefined));
      const code = `C50.${site}${sex}${side === '9' && sides.size === 1 ? (stated ?? side) : side}`;
      if (!run.codeSets.icd.byCode.has(code) || !run.allowed(code)) continue;
      return {
        ...recoded(run.codeSets, d, code, `The record places the malignancy in the ${name} ("${text}"): ${code} in place of ${d.code}.`),
        evidence: [...d.evidence, { section: 'notes' as const, text }],
      };
    }
    return d;
  });
}
