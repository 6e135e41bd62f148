/**
 * A condition the record states on both sides, coded to a code that names no side (the search found
 * no bilateral title: "RA both hands" as M06.849, unspecified hand). Guideline I.B.13: the bilateral
 * code when the classification has one, else a code for the right side and one for the left
 * (M06.841 and M06.842). The sides are read from the code's own family: its siblings whose title is
 * its own with "unspecified" said as the side.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { isExtension } from './icd10cm.ts';
import { sideOf } from './laterality.ts';

/** The sibling titled like `title` with one "unspecified" said as `side` ("..., unspecified hand" as "..., right hand"). */
function sibling(titles: ReadonlyMap<string, string>, title: string, side: string): string | undefined {
  for (const m of title.matchAll(/\bunspecified\b/gi)) {
    const wanted = `${title.slice(0, m.index)}${side}${title.slice(m.index + m[0].length)}`.toLowerCase();
    const code = titles.get(wanted);
    if (code) return code;
  }
  return undefined;
}

/** The drafts for both sides of a draft coded without a side, when the statement says both sides; undefined otherwise. */
export function bothSides(run: CodingRun, draft: DiagnosisDraft, side: string | undefined): DiagnosisDraft[] | undefined {
  if (side !== 'bilateral' || sideOf(draft.description)) return undefined;
  const icd = run.codeSets.icd;
  const entry = icd.entries[icd.byCode.get(draft.code) ?? -1];
  if (!entry || isExtension(icd.entries, entry)) return undefined;
  const titles = new Map<string, string>();
  for (const k of icd.children.get(entry.parent) ?? []) {
    const e = icd.entries[k];
    if (e && e !== entry) titles.set(e.description.toLowerCase(), e.code);
  }
  const why = 'the record states both sides (guideline I.B.13)';
  const bilateral = sibling(titles, entry.description, 'bilateral');
  if (bilateral && run.allowed(bilateral)) return [recoded(run.codeSets, draft, bilateral, `${why}: the bilateral code.`)];
  const right = sibling(titles, entry.description, 'right');
  const left = sibling(titles, entry.description, 'left');
  if (!right || !left || !run.allowed(right) || !run.allowed(left)) return undefined;
  const sides = `${why} and the classification has no bilateral code: one code for each side`;
  return [
    recoded(run.codeSets, draft, right, `${sides}.`),
    { ...recoded(run.codeSets, draft, left, `${sides}.`), order: draft.order + 0.01 },
  ];
}
