/**
 * A condition the tabular includes "secondary to" another (I85.1: "Esophageal varices secondary to
 * alcoholic liver disease / cirrhosis of liver / ..."): when the record codes that other condition,
 * the condition goes to the subcategory that names it so, not to its NOS code (I85.00 "Esophageal
 * varices NOS"). The index writes the same link with "in (due to)" (Varix, esophagus, in alcoholic
 * liver disease I85.1-), so it is presumed (guideline I.A.15); the subcategory's "code first
 * underlying disease" keeps the cause first. The cause is read in the other code's title or its
 * category's ("Alcoholic liver disease", K70).
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { billableDescendants, type Icd10Cm } from './icd10cm.ts';
import { isNeutral, stem, tokenize } from './text.ts';

interface SecondaryTerm {
  /** The subcategory whose inclusion term it is. */
  code: string;
  /** Stems of the condition ("esophageal varices") and of its cause ("cirrhosis of liver"). */
  condition: string[];
  cause: string[];
}

const SECONDARY = /^(.+?)\s+secondary to\s+(.+)$/i;
const termsByIcd = new WeakMap<Icd10Cm, Map<string, SecondaryTerm[]>>();
const stems = (text: string) =>
  tokenize(text.replace(/\([^)]*\)/g, ' '))
    .filter((t) => !isNeutral(t) && t !== 'of')
    .map(stem);

/** The "X secondary to Y" inclusion terms, by the three-character category they stand in. */
function secondaryTerms(icd: Icd10Cm): Map<string, SecondaryTerm[]> {
  let byCategory = termsByIcd.get(icd);
  if (byCategory) return byCategory;
  byCategory = new Map();
  for (const [code, notes] of Object.entries(icd.notes)) {
    for (const term of notes.inc ?? []) {
      const m = SECONDARY.exec(term);
      if (!m?.[1] || !m[2]) continue;
      const list = byCategory.get(code.slice(0, 3)) ?? [];
      list.push({ code, condition: stems(m[1]), cause: stems(m[2]) });
      byCategory.set(code.slice(0, 3), list);
    }
  }
  termsByIcd.set(icd, byCategory);
  return byCategory;
}

/** The stems of a code's title and of its three-character category's title. */
function titleStems(icd: Icd10Cm, code: string): Set<string> {
  const own = icd.entries[icd.byCode.get(code) ?? -1]?.description ?? '';
  const category = icd.entries[icd.byCode.get(code.slice(0, 3)) ?? -1]?.description ?? '';
  return new Set(stems(`${own} ${category}`));
}

/** The billable code under `subcategory` whose title is nearest the coded one's ("without bleeding" stays). */
function nearestUnder(icd: Icd10Cm, subcategory: string, coded: string): string | undefined {
  const index = icd.byCode.get(subcategory);
  if (index === undefined) return undefined;
  // Every word counts here: "with" and "without" bleeding are the axis kept.
  const words = new Set(tokenize(icd.entries[icd.byCode.get(coded) ?? -1]?.description ?? ''));
  let best: { code: string; score: number } | undefined;
  for (const k of billableDescendants(icd, index)) {
    const e = icd.entries[k];
    if (!e) continue;
    const own = tokenize(e.description);
    const score = own.filter((w) => words.has(w)).length - own.filter((w) => !words.has(w)).length;
    if (!best || score > best.score) best = { code: e.code, score };
  }
  return best?.code;
}

/** Step: a condition coded NOS goes to the subcategory that includes it as secondary to a condition also coded. */
export function secondaryToCodedCondition(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  const terms = secondaryTerms(icd);
  return drafts.map((d) => {
    const candidates = terms.get(d.code.slice(0, 3));
    if (!candidates || candidates.some((t) => d.code.startsWith(t.code))) return d;
    const own = titleStems(icd, d.code);
    const term = candidates.find(
      (t) =>
        t.condition.every((w) => own.has(w)) &&
        drafts.some((o) => o !== d && o.code.slice(0, 3) !== d.code.slice(0, 3) && t.cause.every((w) => titleStems(icd, o.code).has(w))),
    );
    const code = term ? nearestUnder(icd, term.code, d.code) : undefined;
    if (!term || !code || !run.allowed(code)) return d;
    return recoded(
      run.codeSets,
      d,
      code,
      `The tabular includes this condition at ${term.code} when secondary to a condition the record codes (inclusion term "… secondary to …"; the index's "in (due to)"): ${code} in place of ${d.code}.`,
    );
  });
}
