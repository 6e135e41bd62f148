/**
 * A history the history codes' titles do not name ("history of stable angina", "history of a gastric
 * ulcer", "family history of CAD"): the history subcategories' inclusion notes say which conditions
 * they take ("Z86.7 Conditions classifiable to I00-I99", "Z82.4 Conditions classifiable to I00-I5A,
 * I65-I99"), so the condition's own code finds its history subcategory, and inside it the code whose
 * title names the condition, else its "other" code (Z86.79 personal history of other diseases of the
 * circulatory system; Z82.49 family history of ischemic heart disease and other diseases of the
 * circulatory system). Guideline I.C.21.c.4; personal history Z85-Z87, family history Z80-Z84.
 */
import { billableDescendants, type Icd10Cm } from './icd10cm.ts';
import type { Mention } from './context.ts';
import { newDraft, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { rank } from './ranking.ts';
import { buildQuery, type SearchHit } from './search.ts';
import { expandAbbreviations, tokenize } from './text.ts';

interface HistoryRoute {
  code: string;
  ranges: Array<[string, string]>;
  /** Conditions of the ranges the note leaves out ("except traumatic fractures"), as words. */
  except?: RegExp;
}

type HistoryKind = 'personal' | 'family';
/** Where each kind of history is coded: the status categories whose notes route conditions to them. */
const HISTORY_CATEGORIES: Record<HistoryKind, RegExp> = { personal: /^Z8[5-7]/, family: /^Z8[0-4]/ };
const routesByIcd: Record<HistoryKind, WeakMap<Icd10Cm, HistoryRoute[]>> = { personal: new WeakMap(), family: new WeakMap() };
const CLASSIFIABLE = /^(?:personal history of )?conditions classifiable to (.+?)(?: that have been .*|,? except (.*))?$/i;

/** History codes of one kind whose inclusion notes name the conditions they take. */
function historyRoutes(icd: Icd10Cm, kind: HistoryKind): HistoryRoute[] {
  let routes = routesByIcd[kind].get(icd);
  if (routes) return routes;
  routes = [];
  for (const [code, notes] of Object.entries(icd.notes)) {
    if (!HISTORY_CATEGORIES[kind].test(code)) continue;
    for (const term of [...(notes.inc ?? []), ...(notes.inc2 ?? [])]) {
      const found = CLASSIFIABLE.exec(term);
      const list = found?.[1];
      if (!list) continue;
      // The noun the exception names ("traumatic fractures": a fracture of S00-T88 is traumatic).
      const except = found[2]
        ?.match(/[a-z]{4,}/gi)
        ?.pop()
        ?.replace(/s$/, '');
      const ranges = [...list.matchAll(/([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]+)?)(?:-([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]+)?))?/g)].map(
        (r): [string, string] => [r[1] ?? '', r[2] ?? r[1] ?? ''],
      );
      routes.push({ code, ranges, ...(except ? { except: new RegExp(`\\b${except}`, 'i') } : {}) });
    }
  }
  routesByIcd[kind].set(icd, routes);
  return routes;
}

const plain = (c: string) => c.replace('.', '');
const inRange = (code: string, [lo, hi]: [string, string]) =>
  plain(code).slice(0, plain(lo).length) >= plain(lo) && plain(code).slice(0, plain(hi).length) <= plain(hi);

/** The narrowest history subcategory of the kind whose note takes `code`. */
function historySubcategory(icd: Icd10Cm, kind: HistoryKind, code: string, title: string): string | undefined {
  let best: { code: string; width: number } | undefined;
  for (const r of historyRoutes(icd, kind))
    for (const range of r.ranges) {
      if (r.except?.test(title)) continue;
      if (!inRange(code, range)) continue;
      const width = range[0] === range[1] ? 0 : 1;
      if (!best || width < best.width || (width === best.width && r.code.length > best.code.length)) best = { code: r.code, width };
    }
  return best?.code;
}

/** How well the condition's words must find its own code. */
const CONDITION_FOUND = 0.75;

interface ClassifiedHistory {
  /** The condition's own code and title, found from the mention's words. */
  condition: { code: string; description: string; score: number };
  /** The history subcategory whose note takes the condition. */
  subcategory: string;
  /** The billable history code chosen inside it. */
  code: string;
}

const PREFIX: Record<HistoryKind, string> = { personal: 'personal history', family: 'family history' };

/** The history code the classification sends the mention's condition to, when its words find the condition well. */
function classifiedHistory(run: CodingRun, m: Mention, kind: HistoryKind): ClassifiedHistory | undefined {
  const icd = run.codeSets.icd;
  const condition = rank(run, buildQuery(m.text), m.text, (c) => !/^[RZ]/.test(c))[0];
  if (!condition || condition.score < CONDITION_FOUND) return undefined;
  const sub = historySubcategory(icd, kind, condition.code, condition.description);
  const index = sub === undefined ? undefined : icd.byCode.get(sub);
  if (sub === undefined || index === undefined) return undefined;
  const leaves = billableDescendants(icd, index).map((k) => icd.entries[k]?.code ?? '');
  const named = rank(run, buildQuery(`${PREFIX[kind]} ${m.text}`), m.text, (c) => leaves.includes(c))[0];
  // The subcategory's residual member: "of other ..." or "... and other ..." (Z82.49), or its only code.
  const other =
    leaves.length === 1
      ? icd.entries[index]
      : leaves.map((c) => icd.entries[icd.byCode.get(c) ?? -1]).find((e) => e && /\b(of|and) other\b/i.test(e.description));
  const chosen = named && named.score >= CONDITION_FOUND ? named.code : other?.code;
  return chosen ? { condition, subcategory: sub, code: chosen } : undefined;
}

/** A history mention coded through the subcategory the classification sends its condition to. */
export function historyOfClassifiable(run: CodingRun, m: Mention, order: number): DiagnosisDraft | undefined {
  if (m.assertion !== 'personal-history') return undefined;
  const found = classifiedHistory(run, m, 'personal');
  if (!found) return undefined;
  const { condition, subcategory, code } = found;
  return newDraft(run.codeSets, code, {
    confidence: Math.min(1, condition.score) * 0.9 * SECTION_WEIGHT[m.section],
    order,
    evidence: [{ section: m.section, text: m.original }],
    rationale: `Documented as history: "${m.text}" is classifiable to ${condition.code} (${condition.description}); the tabular's ${subcategory} takes such conditions ("conditions classifiable to ..."), coded ${code}.`,
  });
}

/**
 * A family history whose best word match lies outside the subcategory the classification sends the
 * condition to ("family history of coronary artery disease" matching family history of osteoporosis
 * on "family history ... disease"): the family history code of the condition's class, as a hit the
 * search ranks first. Undefined when the match already lies in that subcategory or the condition's
 * words do not find it.
 */
export function familyHistoryOfClass(run: CodingRun, m: Mention, top: string | undefined): SearchHit | undefined {
  if (m.assertion !== 'family-history') return undefined;
  const found = classifiedHistory(run, m, 'family');
  if (!found || (top !== undefined && top.startsWith(found.subcategory))) return undefined;
  const icd = run.codeSets.icd;
  const entry = icd.byCode.get(found.code);
  const e = entry === undefined ? undefined : icd.entries[entry];
  if (entry === undefined || !e) return undefined;
  return {
    entry,
    code: e.code,
    description: e.description,
    score: Math.min(1, found.condition.score) * 0.9,
    matched: buildQuery(m.text).tokens,
    matchedText: `${found.condition.description} (${found.condition.code}), which ${found.subcategory} takes as a family history`,
  };
}

/**
 * Conditions whose history is not a history code: a personal history subcategory's Excludes note
 * that sends "old <condition>" to a code of the condition's own chapter (Z86.7: "old myocardial
 * infarction (I25.2)"; Index: History, personal, myocardial infarction (old) I25.2; guideline
 * I.C.9.e: an MI more than four weeks old is I25.2). Read once per code set.
 */
const oldByIcd = new WeakMap<Icd10Cm, Array<{ words: string[]; code: string }>>();
function oldConditions(icd: Icd10Cm): Array<{ words: string[]; code: string }> {
  let found = oldByIcd.get(icd);
  if (found) return found;
  found = [];
  for (const [code, notes] of Object.entries(icd.notes)) {
    if (!/^Z8[5-7]/.test(code)) continue;
    for (const [text, patterns] of [...(notes.ex1 ?? []), ...(notes.ex2 ?? [])]) {
      const old = /^old (.+?) \(/i.exec(text);
      const target = patterns.length === 1 ? patterns[0] : undefined;
      if (old?.[1] && target && !target.startsWith('Z') && icd.byCode.has(target)) found.push({ words: tokenize(old[1]), code: target });
    }
  }
  oldByIcd.set(icd, found);
  return found;
}

/** A history the tabular codes as the old condition itself ("history of MI": I25.2, not a Z86.7 code). */
export function historyAsOldCondition(run: CodingRun, m: Mention, order: number): DiagnosisDraft | undefined {
  if (m.assertion !== 'personal-history') return undefined;
  // The acronyms the tabular keeps in its titles name the condition too ("history of NSTEMI").
  const said = new Set(tokenize(expandAbbreviations(m.text).replace(/\bn?stemi\b/g, 'myocardial infarction')));
  const old = oldConditions(run.codeSets.icd).find((o) => run.allowed(o.code) && o.words.every((w) => said.has(w)));
  if (!old) return undefined;
  return newDraft(run.codeSets, old.code, {
    confidence: 0.9 * SECTION_WEIGHT[m.section],
    order,
    evidence: [{ section: m.section, text: m.original }],
    rationale: `Documented as history: "${m.original}". The personal history codes exclude the old condition, which the tabular codes as ${old.code} (Excludes note of its history subcategory; Index: History, personal).`,
  });
}
