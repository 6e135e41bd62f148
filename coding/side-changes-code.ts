/**
 * Whether the side of a condition changes its code, read from the classification: a side question
 * about a condition coded without a side (an epidermal cyst, L72.0; a sebaceous cyst, L72.3) would
 * change nothing and is not asked, however the record's sides disagree (laterality.ts asks them).
 */
import type { CodingRun, MentionWork } from './coding-run.ts';
import { categoryNotesFor, isExtension, type Icd10Cm } from './icd10cm.ts';
import { codedBySide, sideOf } from './laterality.ts';
import { rank, searchFilter } from './ranking.ts';
import { buildQuery } from './search.ts';

/**
 * Step, once the statement is coded: a side conflict asked of a condition the classification codes
 * without a side (an epidermal cyst, L72.0) is withdrawn, since the answer would change no code.
 * Sided when a code of the statement's (a statement may name a sided condition beside an unsided
 * one: "diabetic foot ulcer of right foot" is E11.621 and L97.51-), a family one of them sends its
 * site to ("use additional code", L97.5- of E11.621), or the code the statement's words find with
 * their side, has a code naming a side in its subcategory (sidedFamily).
 */
export function withdrawSideConflictWithoutSides(run: CodingRun, work: MentionWork, codes: readonly string[]): void {
  const conflict = work.sideConflict;
  if (!conflict) return;
  const icd = run.codeSets.icd;
  if (sideChangesCode(icd, codes)) return;
  const m = work.mention;
  const asWritten = rank(run, buildQuery(m.original), m.original, searchFilter(m))[0];
  if (asWritten && sidedFamily(icd, asWritten.code)) return;
  run.issues = run.issues.filter((i) => i.order !== work.order || i.kind !== conflict.kind || i.question !== conflict.question);
  delete work.sideConflict;
}

/**
 * Whether the side changes one of the codes: its family is coded by side (sidedFamily), or its "use
 * additional code" note sends the site to a family that is (E11.621 and the foot ulcer's L97.5-).
 */
export function sideChangesCode(icd: Icd10Cm, codes: readonly string[]): boolean {
  const cited = codes.flatMap((c) => categoryNotesFor(icd, c, 'ua').flatMap(([, patterns]) => patterns));
  const families = [...codes, ...cited.map((p) => p.split('..')[0]?.replace(/-$/, '') ?? '')];
  return families.some((c) => sidedFamily(icd, c));
}

/**
 * Whether the code's family is coded by side: the code or its siblings (codedBySide), or any code of
 * its subcategory (its first four characters: "pressure ulcer of unspecified heel", L89.60-, beside
 * the right heel's L89.61-).
 */
function sidedFamily(icd: Icd10Cm, code: string): boolean {
  if (codedBySide(icd, code)) return true;
  const root = icd.byCode.get(code.length > 5 ? code.slice(0, 5) : code);
  const stack = root === undefined ? [] : [root];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const e = icd.entries[i];
    if (!e || isExtension(icd.entries, e)) continue;
    if (sideOf(e.description)) return true;
    stack.push(...(icd.children.get(i) ?? []));
  }
  return false;
}
