/**
 * Chapter 15 first in a pregnant patient (guideline I.C.15.a.1): a condition coded to another chapter
 * is coded to the obstetric code that names it "in pregnancy" when one does (varicose veins, pre-existing
 * hypertension, breast abscess), else to the subcategory whose own inclusion note takes its chapter
 * ("Conditions in D50-D64" at O99.0, anemia complicating pregnancy). The condition's own code follows
 * when that obstetric code's notes ask for it ("use additional code to identify specific condition").
 * Not when the physician states the pregnancy is incidental (Z33.1 then, guideline I.C.15.a.1). A code
 * the physician wrote moves too (I10 in a pregnancy is O10.01-): reported as changed, to a coder.
 */
import { citedPatterns } from './additional.ts';
import { recoded, round, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { billableDescendants, isBillable, matchesPattern, notesFor, type Icd10Cm } from './icd10cm.ts';
import { codedBySide } from './laterality.ts';
import { ENCOUNTER_WORDS, rank, TRIVIAL_IDF } from './ranking.ts';
import { conditionHead } from './commentary.ts';
import { pregnancyStatus } from './pregnancy.ts';
import { buildQuery } from './search.ts';
import { isNeutral, LATERALITY_WORDS, tokenize } from './text.ts';

/** A pregnancy the record rules out ("not pregnant", "urine hCG negative"). */
const NOT_PREGNANT =
  /\b(not|non-?|no longer|denies( being)?|never been)\s*pregnant\b|\b(pregnancy test|upt|u?hcg|beta[- ]hcg)\s*(is\s*|was\s*)?(neg\w*|-)|\bnegative (urine |serum )?(pregnancy test|upt|u?hcg)\b/i;
export const INCIDENTAL =
  /\b(incidental (to|pregnancy)|not (affecting|complicating|related to) (the )?pregnancy|unrelated to (the )?pregnancy)\b/i;
/** Words the obstetric titles add themselves. */
const PREGNANCY_WORDS = new Set([
  'pregnancy',
  'pregnant',
  'gestation',
  'gestational',
  'trimester',
  'complicating',
  'antepartum',
  'maternal',
]);

/**
 * Pregnancy with abortive outcome (O00-O08: ectopic and molar pregnancy, miscarriage, termination and
 * their complications): an ongoing pregnancy's condition goes there only when the record states such
 * an outcome (a cystitis in pregnancy is not "cystitis following termination of pregnancy", O04.88).
 */
const ABORTIVE_OUTCOME = /^O0[0-8]/;
const ABORTIVE_WORDS =
  /\b(ectopic|molar|hydatidiform|miscarr\w*|abortion|aborted|terminat\w*|blighted ovum|missed ab\w*|products of conception)\b/i;

/**
 * The obstetric titles name a genitourinary infection by its organ ("Infections of bladder in
 * pregnancy", O23.1; kidney O23.0; urethra O23.2; cervix O23.51): the inflammation of an organ is
 * searched as the infection of that organ.
 */
const ORGAN_INFECTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcystitis\b/gi, 'infection of bladder'],
  [/\bpyelonephritis\b/gi, 'infection of kidney'],
  [/\burethritis\b/gi, 'infection of urethra'],
  [/\bcervicitis\b/gi, 'infection of cervix'],
  // The vagina and vulva are the "other part of genital tract" (O23.59-), whatever the organism.
  [
    /\b(?:(?:vaginal|vulvovaginal|vulvar)\s+(?:yeast\s+|candida\s+|candidal\s+|monilial\s+)?(?:candidiasis|candidosis|moniliasis|thrush|infections?)|candidiasis\s+of\s+(?:the\s+)?(?:vulva|vagina)(?:\s+and\s+vagina)?|(?:yeast\s+|candidal\s+|monilial\s+)?(?:vulvo)?vaginitis|vulvitis)\b/gi,
    'infection of other part of genital tract',
  ],
];
const asInfectionOfOrgan = (text: string) => ORGAN_INFECTIONS.reduce((t, [word, organ]) => t.replace(word, organ), text);

interface ChapterRoute {
  subcategory: string;
  ranges: Array<[string, string]>;
  except: string[];
}

const routesByIcd = new WeakMap<Icd10Cm, ChapterRoute[]>();

/** The obstetric subcategories whose inclusion note reads "Conditions in A00-B99, ... except ...". */
export function chapterRoutes(icd: Icd10Cm): ChapterRoute[] {
  let routes = routesByIcd.get(icd);
  if (routes) return routes;
  routes = [];
  for (const [code, notes] of Object.entries(icd.notes)) {
    if (!code.startsWith('O')) continue;
    for (const term of [...(notes.inc ?? []), ...(notes.inc2 ?? [])]) {
      // "Conditions in D50-D64" (O99.0), and "Any condition in I10 specified as a reason for obstetric
      // care during pregnancy, ..." (O10.0: pre-existing essential hypertension).
      const m = /^(?:any )?conditions? in (.+?)(?: specified as a reason for obstetric care\b.*)?$/i.exec(term);
      if (!m?.[1]) continue;
      const [list, exceptPart] = m[1].split(/,?\s+except\s+/i);
      const ranges = [...(list ?? '').matchAll(/([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]+)?)(?:-([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]+)?))?/g)].map(
        (r): [string, string] => [r[1] ?? '', r[2] ?? r[1] ?? ''],
      );
      const except = [...(exceptPart ?? '').matchAll(/[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]+)?/g)].map((r) => r[0]);
      routes.push({ subcategory: code, ranges, except });
    }
  }
  routesByIcd.set(icd, routes);
  return routes;
}

/** The obstetric subcategory the tabular sends a code to; the most specific range wins ("T74.11" before "S00-T88"). */
export function routeFor(icd: Icd10Cm, code: string): string | undefined {
  return bestRoute(icd, code)?.sub;
}

/** The obstetric subcategory whose note names the code's own category alone ("Any condition in I10": O10.0). */
function ownCategoryRoute(icd: Icd10Cm, code: string): string | undefined {
  const best = bestRoute(icd, code);
  return best?.width === 0 && best.span <= 3 ? best.sub : undefined;
}

function bestRoute(icd: Icd10Cm, code: string): { sub: string; width: number; span: number } | undefined {
  const plain = code.replace('.', '');
  let best: { sub: string; width: number; span: number } | undefined;
  for (const r of chapterRoutes(icd)) {
    if (r.except.some((e) => plain.startsWith(e.replace('.', '')))) continue;
    for (const [lo, hi] of r.ranges) {
      const l = lo.replace('.', ''),
        h = hi.replace('.', '');
      const inside = plain.slice(0, l.length) >= l && plain.slice(0, h.length) <= h;
      if (!inside) continue;
      const width = l === h ? 0 : 1;
      if (!best || width < best.width) best = { sub: r.subcategory, width, span: l.length };
    }
  }
  return best;
}

/**
 * An ongoing pregnancy the physician does not call incidental to what is coded (and the pregnancy
 * chapter allowed): its conditions are coded to chapter 15 first.
 */
export function ongoingPregnancy(run: CodingRun): boolean {
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  return (
    run.allowed('O26.90') && !statements.some((s) => NOT_PREGNANT.test(s) || INCIDENTAL.test(s)) && pregnancyStatus(statements).antepartum
  );
}

/** Step: in an ongoing pregnancy, conditions coded outside chapter 15 move to it. */
export function pregnancyChapterFirst(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!ongoingPregnancy(run)) return drafts;
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  const icd = run.codeSets.icd;
  const abortive = statements.some((s) => ABORTIVE_WORDS.test(s));
  const out: DiagnosisDraft[] = [];
  for (const d of drafts) {
    // A second condition of one statement ("E. coli cystitis": B96.20, then the cystitis) is that
    // statement's; not when the statement's first code is already obstetric (the hypokalemia of
    // "hyperemesis gravidarum with dehydration and hypokalemia" is part of O21.1).
    const second = run.mentions.get(d.order) === undefined;
    const statementObstetric = second && out.some((o) => Math.floor(o.order) === Math.floor(d.order) && o.code.startsWith('O'));
    const m = run.mentions.get(d.order) ?? (statementObstetric ? undefined : run.mentions.get(Math.floor(d.order)));
    if (!m || /^[OPZ]/.test(d.code) || d.code.startsWith('R')) {
      out.push(d);
      continue;
    }
    // Words a second code of the same statement already stands for (the organism of "cystitis due to
    // E. coli", coded with B96.20) are not the condition the obstetric code must name.
    const codedBeside = new Set(
      drafts
        .filter((o) => o !== d && Math.floor(o.order) === Math.floor(d.order) && !o.code.startsWith('O'))
        .flatMap((o) => tokenize(o.description)),
    );
    // The condition, not the plan written after it ("- clotrimazole vaginal cream 7 days").
    const asked = buildQuery(`${asInfectionOfOrgan(conditionHead(m.text))} pregnancy`);
    const q = { ...asked, tokens: asked.tokens.filter((t) => !codedBeside.has(t) || PREGNANCY_WORDS.has(t)) };
    const strong = q.tokens.filter(
      (t) =>
        !PREGNANCY_WORDS.has(t) &&
        !isNeutral(t) &&
        !ENCOUNTER_WORDS.has(t) &&
        !(LATERALITY_WORDS as readonly string[]).includes(t) &&
        (icd.idf.get(t) ?? 0) >= TRIVIAL_IDF,
    );
    const ongoing = (c: string) => c.startsWith('O') && (abortive || !ABORTIVE_OUTCOME.test(c));
    // A subcategory whose note takes the condition's own category ("Any condition in I10": O10.0) is
    // where the tabular puts it; a title found by words goes first only for a word that subcategory
    // lacks ("gestational" hypertension, O13).
    const own = ownCategoryRoute(icd, d.code);
    const ownWords = new Set(tokenize(own ? (icd.entries[icd.byCode.get(own) ?? -1]?.description ?? '') : ''));
    const named = rank(run, q, m.text, ongoing).find(
      (h) =>
        h.score >= 0.7 &&
        strong.every((t) => h.matched.includes(t)) &&
        (own === undefined || h.matched.some((t) => !ownWords.has(t) && !PREGNANCY_WORDS.has(t) && strong.includes(t))),
    );
    const sub = named ? undefined : (own ?? routeFor(icd, d.code));
    const code = named?.code ?? (sub ? (excludedToObstetric(run, sub, q.tokens, strong) ?? inPregnancyLeaf(run, sub)) : undefined);
    if (!code || !isBillable(icd, code) || !run.allowed(code)) {
      out.push(d);
      continue;
    }
    const keep = keepsCondition(icd, code, d.code);
    // A side asked about the condition's own code is moot when the obstetric code has none (and the condition's code is not kept).
    if (!keep && !codedBySide(icd, code)) run.issues = run.issues.filter((i) => i.order !== d.order || i.kind !== 'laterality');
    // So is a question about an axis of the condition's code (acute or chronic cystitis) that no code of
    // the obstetric category distinguishes (infections of bladder in pregnancy).
    if (!keep)
      run.issues = run.issues.filter((i) => i.order !== d.order || i.kind !== 'specificity' || obstetricAxis(icd, code, i.options));
    out.push({
      ...recoded(
        run.codeSets,
        d,
        code,
        `In an ongoing pregnancy the condition is coded to chapter 15 first (guideline I.C.15.a.1): ${code}${named ? ` names "${named.matchedText}"` : ` (the tabular's "${sub}" takes conditions of ${d.code.slice(0, 3)})`}${keep ? `; ${d.code} follows to identify the condition` : ''}.`,
      ),
      confidence: round(d.confidence * 0.95),
    });
    if (keep)
      out.push({
        ...d,
        order: d.order + 0.1,
        confidence: round(d.confidence * 0.95),
        rationale: `${d.rationale} Reported after ${code}, whose note asks for the specific condition.`,
      });
  }
  // With a pregnancy complication coded, the pregnancy is not incidental: Z33.1 excludes O00-O9A.
  if (!out.some((d) => d.code.startsWith('O'))) return out;
  return out.filter((d) => d.code !== INCIDENTAL_PREGNANCY || run.mentions.get(d.order)?.documentedCode !== undefined);
}
const INCIDENTAL_PREGNANCY = 'Z33.1';

/**
 * The routed subcategory's Excludes2 notes name obstetric categories for some of its conditions
 * (O99.4: "venous complications ... in pregnancy (O22.-)"): a condition those categories name goes there.
 */
function excludedToObstetric(run: CodingRun, subcategory: string, tokens: string[], strong: string[]): string | undefined {
  const patterns = notesFor(run.codeSets.icd, subcategory, 'ex2')
    .flatMap(([, p]) => p)
    .filter((p) => p.startsWith('O'));
  if (patterns.length === 0 || strong.length === 0) return undefined;
  const hit = rank(run, { tokens }, '', (c) => patterns.some((p) => matchesPattern(c, p)))[0];
  return hit && hit.score >= 0.6 && strong.some((t) => hit.matched.includes(t)) && /\bpregnancy\b/i.test(hit.description)
    ? hit.code
    : undefined;
}

/**
 * The "complicating pregnancy" code under a routed subcategory: the one whose title is the
 * subcategory's own, narrowed to pregnancy (O99.2 gives O99.28-, not obesity at O99.21-), at the
 * unspecified trimester until the weeks refine it.
 */
function inPregnancyLeaf(run: CodingRun, subcategory: string): string | undefined {
  const icd = run.codeSets.icd;
  const index = icd.byCode.get(subcategory);
  if (index === undefined) return undefined;
  const subWords = new Set(tokenize(icd.entries[index]?.description ?? ''));
  const candidates = billableDescendants(icd, index)
    .map((k) => icd.entries[k])
    .filter(
      (e): e is NonNullable<typeof e> =>
        e !== undefined &&
        /\bpregnancy\b/i.test(e.description) &&
        !/childbirth|puerperium/i.test(e.description) &&
        tokenize(e.description).every((t) => subWords.has(t) || TRIMESTER_WORDS.has(t)),
    );
  return (candidates.find((e) => /unspecified trimester/i.test(e.description)) ?? candidates[0])?.code;
}
const TRIMESTER_WORDS = new Set(['first', 'second', 'third', 'unspecified', 'trimester']);

/** Whether some title of the obstetric code's category carries a word an option of the question names. */
function obstetricAxis(icd: Icd10Cm, obstetric: string, options: ReadonlyArray<{ refine?: string }>): boolean {
  const index = icd.byCode.get(obstetric.slice(0, 3));
  if (index === undefined) return true;
  const words = new Set(billableDescendants(icd, index).flatMap((k) => tokenize(icd.entries[k]?.description ?? '')));
  return options.some((o) => tokenize(o.refine ?? '').some((t) => !isNeutral(t) && words.has(t)));
}

/** Whether the obstetric code's "use additional code" notes ask for the condition's own code. */
function keepsCondition(icd: Icd10Cm, obstetric: string, condition: string): boolean {
  if (citedPatterns(icd, obstetric).some((p) => matchesPattern(condition, p))) return true;
  // O23's note asks for the organism: an infectious disease of chapter 1 (candidiasis of vulva and
  // vagina, B37.31) is that organism's code, kept beside the genitourinary infection in pregnancy.
  if (obstetric.startsWith('O23') && /^[AB]/.test(condition) && citedPatterns(icd, obstetric).some((p) => /^B9[5-7]/.test(p))) return true;
  return notesFor(icd, obstetric, 'ua').some(
    ([text, patterns]) =>
      patterns.length === 0 && /\b(specific condition|identify the (injury|condition|disease)|the condition)\b/i.test(text),
  );
}
