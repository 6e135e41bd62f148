/**
 * A urinary infection in pregnancy is coded by its site (O23.0- kidney, O23.1- bladder, O23.2-
 * urethra); "unspecified infection of urinary tract in pregnancy" (O23.4-) is for a record that names
 * none. A diagnosis line often says only "UTI" (or carries N39.0) while the assessment names the site
 * ("Acute cystitis in pregnancy", "pyelonephritis, 2nd trimester"): the site the record states codes
 * it, with the trimester character the code already carries.
 *
 * Not a site the record denies or only considers ("no signs of pyelonephritis", "rule out
 * pyelonephritis", "pyelonephritis precautions"), nor one of a past infection ("history of
 * pyelonephritis"). Two sites stated (a cystitis and a pyelonephritis) choose nothing here.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { DENIED_BEFORE } from './character-conflict.ts';

type Site = 'kidney' | 'bladder' | 'urethra';

/** The subcategory of O23 for each site. */
const SITE_SUBCATEGORY: Readonly<Record<Site, string>> = { kidney: 'O23.0', bladder: 'O23.1', urethra: 'O23.2' };

/** Words naming each site's infection. */
const SITE_WORDS: ReadonlyArray<readonly [Site, RegExp]> = [
  ['kidney', /\b(pyelo(?:nephritis)?|(?:kidney|renal)\s+infections?|infections?\s+of\s+(?:the\s+)?kidneys?)\b/gi],
  ['bladder', /\b(cystitis|bladder\s+infections?|infections?\s+of\s+(?:the\s+)?bladder)\b/gi],
  ['urethra', /\b(urethritis|urethral\s+infections?|infections?\s+of\s+(?:the\s+)?urethra)\b/gi],
];

/** Words before the site in its clause that do not state it as today's infection. */
const NOT_STATED =
  /\b(no|not|never|without|denies|denied|negative for|rule[sd]? out|r\/o|free of|s\/s|signs? of|symptoms? of|concern for|risk of|history of|hx of|h\/o|prior|previous|recurrent risk|prevent\w*|precautions? for)\b[^,;]*$/i;
/** Words after the site that do not state it ("pyelonephritis precautions", "pyelo ruled out"). */
const NOT_STATED_AFTER = /^\W*(precautions?|warning|ruled out|unlikely|excluded|not suspected|prevention)\b/i;

/** The unspecified-site code (O23.4-) of a urinary infection in pregnancy. */
const UNSPECIFIED_SITE = /^O23\.4[0-3]$/;

/** The sites the statements name as this infection's, each once. */
export function statedUrinarySites(statements: readonly string[]): Site[] {
  const sites = new Set<Site>();
  for (const s of statements)
    for (const [site, words] of SITE_WORDS)
      for (const m of s.matchAll(words)) {
        const before = s.slice(0, m.index);
        const after = s.slice((m.index ?? 0) + m[0].length);
        if (DENIED_BEFORE.test(before) || NOT_STATED.test(before) || NOT_STATED_AFTER.test(after)) continue;
        sites.add(site);
      }
  return [...sites];
}

/** Step (after the trimester): a urinary infection in pregnancy coded of no site takes the one site the record states. */
export function urinaryInfectionSiteInPregnancy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!drafts.some((d) => UNSPECIFIED_SITE.test(d.code))) return drafts;
  const doc = run.input.documentation;
  const sites = statedUrinarySites([...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)]);
  const [site] = sites;
  if (sites.length !== 1 || !site) return drafts;
  return drafts.map((d) => {
    if (!UNSPECIFIED_SITE.test(d.code)) return d;
    const code = `${SITE_SUBCATEGORY[site]}${d.code.slice(-1)}`;
    if (!run.codeSets.icd.byCode.has(code) || !run.allowed(code)) return d;
    return recoded(
      run.codeSets,
      d,
      code,
      `The record names the site of the urinary infection (${site}): ${code}, not the unspecified site (O23.4-).`,
    );
  });
}
