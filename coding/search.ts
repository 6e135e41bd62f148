/**
 * Ranking ICD-10-CM codes for a piece of documentation: inverted-index lookup, then a score that
 * rewards covering the documented words (weighted by rarity) and penalises unexplained detail in the
 * code title (a code more specific than the record supports) and opposite laterality.
 *
 * Over 300 lines because the index and the scorer are tuned together; apart, their coupling would
 * be hidden.
 */
import { EntryKind, isExtension, matchesPattern, notesFor, type Icd10Cm } from './icd10cm.ts';
import { expandAbbreviations, isNeutral, LATERALITY_WORDS, lateralityOf, tokenize, type Laterality } from './text.ts';
import { derivedOnce } from './memo.ts';
import { indexedTitleFacts, titleFacts, titleRuledOut, type TitleFacts } from './title-facts.ts';

export interface SearchQuery {
  tokens: string[];
  laterality?: Laterality;
  /** The documentation names an "other part" of a site (a forehead is "other part of head"): an "other" title is not held against it. */
  otherPart?: boolean;
  /** The documentation itself says "without"/"no" somewhere: title negations are not held against it. */
  negated?: boolean;
  /**
   * Words the documentation rules out inside the diagnosis phrase ("GERD without esophagitis",
   * "migraine w/o aura"): a title that rules them out too explains them; one that asserts them is
   * a different condition.
   */
  excluded?: string[];
  /**
   * The words before the phrase's first preposition ("aftercare" in "aftercare following knee
   * replacement", "endometriosis" in "endometriosis of the sigmoid colon"): the phrase's head.
   */
  head?: string[];
}

export interface SearchHit {
  entry: number;
  code: string;
  description: string;
  score: number;
  /** The query words the code explains. */
  matched: string[];
  /** The text that matched (description or inclusion term). */
  matchedText: string;
}

/**
 * Anatomic sites and the broader region the tabular codes them under when it has no code for the
 * site itself (cellulitis of the forearm: "upper limb"; family history of colon cancer: "digestive
 * organs"). Keys and values are tokens (stemmed).
 */
const UPPER_LIMB = ['upper', 'limb'];
const LOWER_LIMB = ['lower', 'limb'];
const DIGESTIVE = ['digestive', 'organ'];
export const SITE_FAMILIES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...['arm', 'forearm', 'elbow', 'wrist', 'hand', 'finger', 'thumb', 'shoulder', 'palm'].map((t): [string, readonly string[]] => [
    t,
    UPPER_LIMB,
  ]),
  ...['leg', 'thigh', 'calf', 'knee', 'ankle', 'foot', 'feet', 'toe', 'heel', 'shin', 'hip', 'sole'].map(
    (t): [string, readonly string[]] => [t, LOWER_LIMB],
  ),
  ...[
    'colon',
    'rectum',
    'rectal',
    'stomach',
    'gastric',
    'esophagu',
    'esophageal',
    'pancrea',
    'pancreatic',
    'liver',
    'bowel',
    'intestine',
    'intestinal',
    'anal',
    'anu',
    'gallbladder',
    'duodenum',
  ].map((t): [string, readonly string[]] => [t, DIGESTIVE]),
  ...['uterus', 'uterine', 'cervix', 'cervical', 'endometrial', 'endometrium', 'vulva', 'vagina', 'penis', 'testicular'].map(
    (t): [string, readonly string[]] => [t, ['genital', 'organ']],
  ),
  ...['ureter', 'urethra', 'renal'].map((t): [string, readonly string[]] => [t, ['urinary', 'tract']]),
  // Screening and history of a lung or bronchus neoplasm are titled by "respiratory organs" (Z12.2, Z80.1-).
  ...['lung', 'bronchu', 'bronchial', 'trachea'].map((t): [string, readonly string[]] => [t, ['respiratory', 'organ']]),
  // Back regions as the tabular titles them: "lower back" (S39.012, L89.13-) for the lumbar region,
  // "sacral region" (L89.15-, whose inclusion terms are coccyx and tailbone) for the sacrum.
  ...['lumbar', 'lumbosacral'].map((t): [string, readonly string[]] => [t, ['lower', 'back']]),
  ...['sacrum', 'coccyx', 'coccygeal', 'tailbone'].map((t): [string, readonly string[]] => [t, ['sacral']]),
  // The back and the flank are parts of the trunk where a category has no code for them (skin of
  // trunk, C44.5-; melanocytic nevi of trunk, D22.5).
  ...['back', 'flank'].map((t): [string, readonly string[]] => [t, ['trunk']]),
]);

/**
 * Narrower regions tried before the broad one: a toe or the heel is coded under "ankle and foot" in
 * the musculoskeletal chapter (gout of the great toe: M10.07-), a finger under "hand".
 */
export const NARROW_SITE_FAMILIES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...['toe', 'heel', 'sole', 'metatarsal', 'hallux'].map((t): [string, readonly string[]] => [t, ['foot']]),
  ...['finger', 'thumb', 'palm', 'knuckle'].map((t): [string, readonly string[]] => [t, ['hand']]),
]);

const familiesOf = (t: string): Array<readonly string[]> =>
  [NARROW_SITE_FAMILIES.get(t), SITE_FAMILIES.get(t)].filter((f): f is readonly string[] => f !== undefined);

/** "without X", "no X", "not X" inside a phrase: up to three words, to the next comma or conjunction. */
const IN_PHRASE_NEGATION = /\b(?:without|no|not)\s+((?:(?!with\b|and\b|or\b|but\b)[a-z0-9-]+\s*){1,3})/g;

/** Negated words about earlier occurrences, not about the condition stated. */
const EARLIER_ONES = /^(?:prior|previous|past|earlier|other|similar)\b/i;

/**
 * An organism a test ruled out: "strep negative", "rapid influenza test negative", "negative for
 * COVID-19". The organism is excluded from the phrase (acute pharyngitis with a negative strep test is
 * J02.9, not J02.0). Only organisms: "ER negative" and "Rh negative" name a status the code is titled by.
 */
const ORGANISM = String.raw`streptococcal|influenza|covid(?:-19)?|sars-cov-2|rsv|respiratory syncytial virus|mono(?:spot)?|ebv|epstein-barr|chlamydia|gonorrh(?:o)?ea|gc|pertussis|mrsa|c\.? diff(?:icile)?|clostridi(?:um|oides) difficile|h\.? pylori|helicobacter pylori|norovirus|rotavirus|adenovirus`;
const ORGANISM_RULED_OUT = new RegExp(
  String.raw`\b(?:rapid\s+)?(${ORGANISM})\s+(?:(?:rapid\s+)?(?:antigen\s+|pcr\s+|swab\s+|culture\s+)?(?:tests?|screens?|testing)\s+)?(?:was\s+|is\s+)?(?:negative|neg)\b|\b(?:negative|neg)\s+(?:for\s+|rapid\s+)?(${ORGANISM})\b`,
  'g',
);

/** A documented BMI value is coded by its range (Z68), not searched as words: its digits match unrelated codes. */
const BMI_PHRASE =
  /\b(?:bmi|body mass index)\s*(?:of|is|was|=|:|at)?\s*\d{1,2}(?:\.\d+)?\s*(?:kg\/m\^?2)?(?:\s*(?:th|st|nd|rd)?\s*(?:%ile|percentile|pctl))?(?:\s*for age)?/gi;

/**
 * Where a pain or sensation spreads ("chest pain radiating to the left arm", "back pain going down the
 * right leg") is not its site: the condition is coded at the site it is felt first.
 */
const RADIATION =
  /\b(?:radiat\w*|spread\w*|shoot\w*|going|goes|travel\w*|extend\w*)\s+(?:in)?to\b(?:(?!\b(?:and|with|but)\b)[^,.;])*|\b(?:radiat\w*|shoot\w*|going|goes)\s+(?:down|up|through|across|toward|around)\b(?:(?!\b(?:and|with|but)\b)[^,.;])*/gi;

/**
 * Where a phrase's head ends: its first preposition of place or sequence ("of", "in", "following").
 * "With", "due to" and "secondary to" join two conditions (both are coded), so they end no head.
 */
const PHRASE_HEAD_END = /\b(?:of|in|on|at|to|following|after)\b|[,;(]/;

/** The query for a text; `withHead` marks the words of the phrase's head (for a mention's own search only). */
export function buildQuery(text: string, withHead = false): SearchQuery {
  const expanded = expandAbbreviations(text.replace(BMI_PHRASE, ' ').replace(RADIATION, ' '));
  const excluded = new Set<string>();
  const kept = expanded
    .replace(ORGANISM_RULED_OUT, (_m, before?: string, after?: string) => {
      for (const t of tokenize(before ?? after ?? '')) if (!isNeutral(t)) excluded.add(t);
      return ' , ';
    })
    .replace(IN_PHRASE_NEGATION, (_m, words: string) => {
      // "No prior episodes", "no previous attacks" deny earlier ones, not a kind of this one: the words
      // leave the phrase, excluding no title that names them ("single episode").
      if (EARLIER_ONES.test(words)) return ' , ';
      // A side after the negated words is the condition's side ("w/o macular edema, left eye"), not negated.
      const sides = tokenize(words).filter((t) => (LATERALITY_WORDS as readonly string[]).includes(t));
      for (const t of tokenize(words)) if (!isNeutral(t) && !sides.includes(t)) excluded.add(t);
      return ` , ${sides.join(' ')} `;
    });
  const tokens = withFractureDefaults([...new Set(tokenize(kept).filter((t) => !isNeutral(t) && !excluded.has(t)))]);
  const laterality = lateralityOf(tokens);
  const q: SearchQuery = laterality ? { tokens, laterality } : { tokens };
  const at = withHead ? PHRASE_HEAD_END.exec(kept) : null;
  if (at && at.index > 0) q.head = tokenize(kept.slice(0, at.index)).filter((t) => tokens.includes(t));
  if (/\b(without|not|no)\b/i.test(expanded)) q.negated = true;
  if (/\bother parts? of\b/i.test(expanded)) q.otherPart = true;
  if (excluded.size) q.excluded = [...excluded];
  return q;
}

/**
 * Displacement is an axis of some fracture codes only (the types and parts the tabular splits by
 * it): a title without it neither explains nor misses the record's "displaced"/"nondisplaced".
 */
const DISPLACEMENT = ['displaced', 'nondisplaced'] as const;

/** Long bones whose fracture with no part stated is coded to the shaft: the tabular has no "part unspecified" code for them. */
const SHAFT_BY_DEFAULT = new Set(['tibia', 'fibula', 'ulna', 'radius', 'humerus']);
/** Words that name a part (or a kind of fracture that stands for one) of a long bone. */
const BONE_PARTS = new Set(
  tokenize(
    'shaft midshaft diaphysis neck head end upper lower malleolus malleolar bimalleolar trimalleolar condyle condylar bicondylar epicondyle supracondylar plateau spine tuberosity tubercle styloid olecranon coronoid physeal physis epiphysis metaphysis pilon plafond trochlea capitellum surgical anatomical greater lesser torus buckle greenstick stress pathological',
  ),
);

/** The classification's default for a fracture query: a long bone with no part stated is its shaft (index: Fracture, tibia (shaft)). */
function withFractureDefaults(tokens: string[]): string[] {
  if (!tokens.includes('fracture')) return tokens;
  const out = [...tokens];
  if (tokens.some((t) => SHAFT_BY_DEFAULT.has(t)) && !tokens.some((t) => BONE_PARTS.has(t))) out.push('shaft');
  return out;
}

/** Limbs a title names after a side (", left leg"). */
const LIMBS = new Set(['arm', 'leg']);

/** Sum of the rarity of the words a query must explain. */
export function queryWeight(icd: Icd10Cm, q: SearchQuery): number {
  return q.tokens.reduce((s, t) => s + (icd.idf.get(t) ?? 0), 0);
}

/** Every word of the texts (titles and inclusion terms) of one 3-character category, computed once per category. */
const wordsByCategory = new WeakMap<Icd10Cm, Map<string, ReadonlySet<string>>>();
export function categoryTextWords(icd: Icd10Cm, category: string): ReadonlySet<string> {
  return derivedOnce(wordsByCategory, icd, category, () => {
    const set = new Set<string>();
    for (const ti of textsOfCategory(icd, category)) for (const t of icd.texts[ti]?.tokens ?? []) set.add(t);
    return set;
  });
}

/**
 * What scoring needs of a query, worked out once per search rather than once per scored text: its
 * words as a set, each word's rarity and region families, and the weight to explain with and
 * without the displacement words.
 */
interface PreparedQuery {
  q: SearchQuery;
  words: ReadonlySet<string>;
  idf: readonly number[];
  families: ReadonlyArray<ReadonlyArray<readonly string[]>>;
  totalWeight: number;
  /** The weight when the title names no displacement (its "displaced"/"nondisplaced" neither explain nor miss). */
  weightWithoutDisplacement: number;
  displacementStated: boolean;
}

function prepare(icd: Icd10Cm, q: SearchQuery, totalWeight: number): PreparedQuery {
  let weightWithoutDisplacement = totalWeight;
  for (const t of DISPLACEMENT) if (q.tokens.includes(t)) weightWithoutDisplacement -= icd.idf.get(t) ?? 0;
  return {
    q,
    words: new Set(q.tokens),
    idf: q.tokens.map((t) => icd.idf.get(t) ?? 0),
    families: q.tokens.map(familiesOf),
    totalWeight,
    weightWithoutDisplacement,
    displacementStated: DISPLACEMENT.some((t) => q.tokens.includes(t)),
  };
}

/** What a title naming "other ..." weighs when the record says no "other" (the unspecified code is preferred). */
const OTHER_FACTOR = 0.97;

/** Words of a header every leaf shares in meaning, whichever of them names them: not a site. */
const SITE_NEUTRAL: ReadonlySet<string> = new Set(['personal', 'history', 'malignant', 'neoplasm', 'benign']);

/** The words the search reads "carcinoma", "cancer" and "malignancy" as. */
const MALIGNANT_NEOPLASM: ReadonlySet<string> = new Set(['malignant', 'neoplasm']);

/** `inherited`: words of the subcategories above a leaf, which its own title leaves out. */
function scoreText(
  icd: Icd10Cm,
  pq: PreparedQuery,
  entry: number,
  facts: TitleFacts,
  inherited?: ReadonlySet<string>,
): { score: number; matched: string[] } {
  const { q, words: qset } = pq;
  const have = inherited ?? facts.words;
  const namesDisplacement = inherited ? DISPLACEMENT.some((t) => have.has(t)) : facts.namesDisplacement;
  const totalWeight = namesDisplacement ? pq.totalWeight : pq.weightWithoutDisplacement;
  // Words the title rules out ("without aura") are not a match for the same word in the record.
  // (Words the record itself rules out are in q.excluded, not in q.tokens.)
  const ruledOut = facts.ruledOut;
  const matched: string[] = [];
  let weight = 0;
  for (let i = 0; i < q.tokens.length; i++) {
    const t = q.tokens[i] as string;
    if (have.has(t) && !ruledOut.has(t)) {
      matched.push(t);
      weight += pq.idf[i] as number;
    }
  }
  // A site the title names only by its region ("forearm" under "upper limb") counts a little less,
  // and the region words of the title are explained by it.
  // Each region counts once, for its rarest documented site word.
  let regionWords: Set<string> | undefined;
  let regionWeight: Map<readonly string[], number> | undefined;
  let siteWords: ReadonlySet<string> | undefined;
  for (let i = 0; i < q.tokens.length; i++) {
    const t = q.tokens[i] as string;
    if (have.has(t)) continue;
    const families = pq.families[i] as ReadonlyArray<readonly string[]>;
    if (families.length === 0) continue;
    // Only where the category has no code for the site itself (a finger laceration is not "of hand").
    siteWords ??= categoryTextWords(icd, icd.entries[entry]?.code.slice(0, 3) ?? '');
    if (siteWords.has(t)) continue;
    for (const family of families) {
      if (family.every((f) => have.has(f) && !ruledOut.has(f))) {
        regionWeight ??= new Map();
        regionWords ??= new Set();
        regionWeight.set(family, Math.max(regionWeight.get(family) ?? 0, 0.9 * (pq.idf[i] as number)));
        for (const f of family) regionWords.add(f);
        break;
      }
    }
  }
  if (regionWeight) for (const w of regionWeight.values()) weight += w;
  // A title naming a carcinoma by the histology the record names ("basal cell carcinoma" for the
  // record's basal cell carcinoma, searched as "basal cell malignant neoplasm") names the record's
  // malignant neoplasm too: its carcinoma is that neoplasm, so the histology's member is not
  // outscored by the unspecified one, whose title says "malignant neoplasm" in so many words. Only
  // where the title also meets the record's site, not its side alone (the skin's squamous cell carcinoma is not the lung's).
  const histology = facts.histology;
  const carcinomaNamed =
    histology !== undefined &&
    histology.every((t) => qset.has(t)) &&
    (regionWeight !== undefined || matched.some((t) => !histology.includes(t) && !(LATERALITY_WORDS as readonly string[]).includes(t)));
  if (carcinomaNamed)
    for (let i = 0; i < q.tokens.length; i++) {
      const t = q.tokens[i] as string;
      if (MALIGNANT_NEOPLASM.has(t) && !have.has(t)) {
        matched.push(t);
        weight += pq.idf[i] as number;
      }
    }
  // Ruled-out words: explained by a title that rules them out, contradicted by one that names them.
  let contradicted = false;
  let agrees = false;
  if (q.excluded?.length) {
    for (const t of q.excluded) {
      if (ruledOut.has(t)) agrees = true;
      else if (have.has(t)) contradicted = true;
    }
  }
  // A code whose title rules out what the record states, every word of it ("hypertensive heart and
  // chronic kidney disease without heart failure" for a record that names the heart failure), is
  // another code, whichever of its texts matched (its inclusion term "... NOS" too).
  const ownRuledOut = titleRuledOut(icd, entry);
  if (ownRuledOut.size > 0 && [...ownRuledOut].every((t) => qset.has(t))) contradicted = true;
  const queryCoverage = totalWeight > 0 ? weight / totalWeight : 0;
  // A fracture not stated displaced or nondisplaced is coded displaced (guideline I.C.19.c.1): the
  // title's "displaced" is then the default, neither evidence nor unexplained detail.
  const core = pq.displacementStated ? facts.core : facts.coreWithoutDisplaced;
  // ", right arm" after the shaft of a long bone the record names ("Unspecified fracture of shaft of
  // humerus, right arm") is the side of that bone: the limb word says which side, not another site.
  const boneNamed = q.laterality !== undefined && core.includes('shaft') && core.some((t) => SHAFT_BY_DEFAULT.has(t) && qset.has(t));
  let explained = 0;
  for (let i = 0; i < core.length; i++) {
    const t = core[i] as string;
    if (
      qset.has(t) ||
      regionWords?.has(t) ||
      (boneNamed && LIMBS.has(t) && core[i - 1] === q.laterality) ||
      (carcinomaNamed && t === 'carcinoma')
    )
      explained++;
  }
  const titleCoverage = core.length ? explained / core.length : 0.5;
  let score = 0.65 * queryCoverage + 0.35 * titleCoverage;
  const codeSide = facts.side;
  if (q.laterality && codeSide) score = codeSide === q.laterality ? score + 0.08 : score * 0.6;
  // "Other ..." codes are for documented detail the classification does not name: prefer "unspecified".
  // (Not "other part of" a region the record names a part of only through that region: the back is an
  // other part of the trunk.)
  if (
    (inherited ? have.has('other') : facts.namesOther) &&
    !qset.has('other') &&
    !q.otherPart &&
    !(facts.namesOtherPart && regionWords !== undefined)
  )
    score *= OTHER_FACTOR;
  // ...and the record's "other parts of" (the face's cheek, chin, forehead) is not the unspecified part.
  if (q.otherPart && facts.namesUnspecifiedPart) score *= 0.97;
  if (contradicted) score *= 0.5;
  else if (agrees) score += 0.03;
  return { score, matched };
}

const textsByCategory = new WeakMap<Icd10Cm, Map<string, number[]>>();

/** The indexed texts of one 3-character category (built once per code set). */
function textsOfCategory(icd: Icd10Cm, category: string): readonly number[] {
  let map = textsByCategory.get(icd);
  if (!map) {
    map = new Map();
    icd.texts.forEach((t, ti) => {
      const cat = icd.entries[t.entry]?.code.slice(0, 3) ?? '';
      const list = map?.get(cat);
      if (list) list.push(ti);
      else map?.set(cat, [ti]);
    });
    textsByCategory.set(icd, map);
  }
  return map.get(category) ?? [];
}

/**
 * The texts that share a word with the query: from the postings, or, for a search inside one
 * category, from that category's texts alone (the same texts, at a fraction of the cost).
 */
function candidateTexts(icd: Icd10Cm, lookup: ReadonlySet<string>, categories: readonly string[] | undefined): Iterable<number> {
  if (categories !== undefined) {
    // In the order the postings would give them (by the first query word they contain, then index),
    // so ties between two texts of one code resolve as in a full search.
    const order = new Map([...lookup].map((t, i) => [t, i]));
    const firstWord = (ti: number) => Math.min(...(icd.texts[ti]?.tokens ?? []).map((t) => order.get(t) ?? Infinity));
    return categories
      .flatMap((category) => textsOfCategory(icd, category))
      .map((ti) => ({ ti, first: firstWord(ti) }))
      .filter((x) => x.first !== Infinity)
      .sort((a, b) => a.first - b.first || a.ti - b.ti)
      .map((x) => x.ti);
  }
  const seen = new Set<number>();
  for (const token of lookup) for (const ti of icd.postings.get(token) ?? []) seen.add(ti);
  return seen;
}

/** The 3-character categories that hold codes a list of code patterns ("N18.-", "E08..E13") can match. */
export function categoriesOf(icd: Icd10Cm, patterns: readonly string[]): string[] {
  textsOfCategory(icd, '');
  const all = [...(textsByCategory.get(icd)?.keys() ?? [])];
  // Each pattern read once (not once per category): a range of categories, one category, or a prefix.
  const tests = patterns.map((p): ((cat: string) => boolean) => {
    const range = p.split('..');
    if (range.length === 2) {
      const lo = plainCode(range[0] ?? '').slice(0, 3);
      const hi = plainCode(range[1] ?? '').slice(0, 3);
      return (cat) => cat >= lo && cat <= hi;
    }
    const pp = plainCode(p);
    const category = pp.slice(0, 3);
    return pp.length >= 3 ? (cat) => cat === category : (cat) => cat.startsWith(pp);
  });
  return all.filter((cat) => tests.some((test) => test(cat)));
}

/** A code or pattern without its dots and dashes. */
function plainCode(code: string): string {
  return code.replace(/[.-]/g, '');
}

export interface SearchOptions {
  limit?: number;
  filter?: (code: string) => boolean;
  /** Only codes of these 3-character categories (a much cheaper search when the filter allows few). */
  categories?: readonly string[];
}

/** Ranked hits (one per code, best text), best first. */
export function searchIcd(icd: Icd10Cm, q: SearchQuery, opts: SearchOptions = {}): SearchHit[] {
  const pq = prepare(icd, q, queryWeight(icd, q));
  const limit = opts.limit ?? 10;
  const lookup = new Set(q.tokens);
  for (const t of q.tokens) for (const f of familiesOf(t).flat()) if ((icd.postings.get(f)?.length ?? 0) > 0) lookup.add(f);
  // Per code, once per search (a code has several texts): whether the filter lets it through, and
  // the small preference an "unspecified" title gets; NaN for a code filtered out.
  const bonusOf = new Map<number, number>();
  const scored = new Map<number, SearchHit | undefined>();
  const hitOf = (ti: number): SearchHit | undefined => {
    if (scored.has(ti)) return scored.get(ti);
    const hit = scoreIndexedText(icd, pq, ti, bonusOf, opts.filter);
    scored.set(ti, hit);
    return hit;
  };
  const candidates = [...candidateTexts(icd, lookup, opts.categories)];
  const floor = scoreFloor(icd, pq, candidates, limit, hitOf);
  const best = new Map<number, SearchHit>();
  for (let i = 0; i < candidates.length; i++) {
    if ((floor.bounds[i] as number) < floor.score) continue;
    const hit = hitOf(candidates[i] as number);
    if (!hit) continue;
    const prev = best.get(hit.entry);
    if (!prev || prev.score < hit.score) best.set(hit.entry, hit);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, limit);
}

/** One indexed text scored for a search (its code's score by this text), or undefined when its code is filtered out. */
function scoreIndexedText(
  icd: Icd10Cm,
  pq: PreparedQuery,
  ti: number,
  bonusOf: Map<number, number>,
  filter: ((code: string) => boolean) | undefined,
): SearchHit | undefined {
  const text = icd.texts[ti];
  const entry = text && icd.entries[text.entry];
  if (!text || !entry) return undefined;
  let bonus = bonusOf.get(text.entry);
  if (bonus === undefined) {
    bonus = filter && !filter(entry.code) ? NaN : /unspecified/i.test(entry.description) ? 0.001 : 0;
    bonusOf.set(text.entry, bonus);
  }
  if (Number.isNaN(bonus)) return undefined;
  const { score: raw, matched } = scoreText(icd, pq, text.entry, indexedTitleFacts(icd, ti));
  const score = (entry.kind === EntryKind.Billable ? raw : raw * 0.98) + bonus;
  return { entry: text.entry, code: entry.code, description: entry.description, score, matched, matchedText: text.text };
}

/**
 * The most a text can score for a query, from its distinct words alone (no title facts read): all
 * the query weight its words could explain (each word it has, each region family it names in full),
 * a whole title covered, and every bonus scoreText and searchIcd can add. Never below the text's
 * score (a small margin covers the order of floating-point sums).
 */
function scoreBound(pq: PreparedQuery, tokens: readonly string[]): number {
  const total = Math.min(pq.totalWeight, pq.weightWithoutDisplacement);
  if (!(total > 0)) return Infinity;
  const { q } = pq;
  let weight = 0;
  for (let i = 0; i < q.tokens.length; i++) {
    const idf = pq.idf[i] as number;
    if (tokens.includes(q.tokens[i] as string)) weight += idf;
    else if ((pq.families[i] as ReadonlyArray<readonly string[]>).some((family) => family.every((f) => tokens.includes(f))))
      weight += 0.9 * idf;
  }
  // 0.35 a whole title covered, 0.08 the side agreeing, 0.03 a ruled-out word agreeing, 0.001 "unspecified".
  return 0.65 * (weight / total) + 0.35 + 0.08 + 0.03 + 0.001 + 1e-9;
}

const MAX_BOUNDED_LIMIT = 64;

/**
 * Which texts a search need not score: a text whose bound (scoreBound) is below the score of the
 * `limit`-th best code cannot change the hits, since that score only rises as more texts are
 * scored. The texts are scored from the highest bound down until the next bound is below the
 * `limit`-th best code's score; on an injury region's search that leaves thousands of texts that
 * share only a side or a limb word with the query unread (their title facts are read once per code
 * set, the cost of a cold search). searchIcd then scores the others in the candidates' own order,
 * so ties resolve as before.
 */
function scoreFloor(
  icd: Icd10Cm,
  pq: PreparedQuery,
  candidates: readonly number[],
  limit: number,
  hitOf: (ti: number) => SearchHit | undefined,
): { bounds: Float64Array; score: number } {
  const bounds = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) bounds[i] = scoreBound(pq, icd.texts[candidates[i] as number]?.tokens ?? []);
  // (The best codes are kept in a short sorted list: a search for more codes than that scores every text.)
  if (limit <= 0 || limit > MAX_BOUNDED_LIMIT) return { bounds, score: -Infinity };
  const order = [...bounds.keys()].sort((a, b) => (bounds[b] as number) - (bounds[a] as number));
  // The best `limit` codes so far, best first, each at its best text's score.
  const top: Array<{ entry: number; score: number }> = [];
  const floor = () => (top.length < limit ? -Infinity : (top[limit - 1] as { score: number }).score);
  for (const i of order) {
    if ((bounds[i] as number) < floor()) break;
    const hit = hitOf(candidates[i] as number);
    if (!hit) continue;
    const held = top.find((t) => t.entry === hit.entry);
    if (held) held.score = Math.max(held.score, hit.score);
    else if (hit.score > floor()) top.push({ entry: hit.entry, score: hit.score });
    else continue;
    top.sort((a, b) => b.score - a.score);
    if (top.length > limit) top.pop();
  }
  return { bounds, score: floor() };
}

/**
 * Leaves under an entry (billable codes, or 6-character leaves that take a 7th character), each with
 * the inclusion terms of the subcategories between the entry and the leaf: an inclusion term applies
 * to every code below it (L89.15 "pressure ulcer of coccyx" covers each stage of L89.15-).
 */
function leavesUnder(icd: Icd10Cm, index: number): Array<{ leaf: number; terms: string[] }> {
  const out: Array<{ leaf: number; terms: string[] }> = [];
  const stack: Array<{ leaf: number; terms: string[] }> = [{ leaf: index, terms: [] }];
  while (stack.length) {
    const item = stack.pop() as { leaf: number; terms: string[] };
    const kids = (icd.children.get(item.leaf) ?? []).filter((k) => {
      const e = icd.entries[k];
      return e !== undefined && !isExtension(icd.entries, e);
    });
    if (kids.length === 0) {
      out.push(item);
      continue;
    }
    for (const k of kids) {
      const inc = icd.children.get(k)?.length ? (icd.notes[icd.entries[k]?.code ?? '']?.inc ?? []) : [];
      stack.push({ leaf: k, terms: inc.length ? [...item.terms, ...inc] : item.terms });
    }
  }
  return out;
}

/**
 * The most specific billable code under a hit that the documentation supports: the best-scoring
 * leaf, ties going to the least detailed title (usually the "unspecified" one), among the leaves
 * `allowed` lets through; then the 7th character.
 */
export function mostSpecificBillable(
  icd: Icd10Cm,
  hit: SearchHit,
  q: SearchQuery,
  context: string,
  allowed: (code: string) => boolean = () => true,
): SearchHit {
  let chosen = hit;
  const entry = icd.entries[hit.entry];
  if (entry && entry.kind !== EntryKind.Billable) {
    const pq = prepare(icd, q, queryWeight(icd, q));
    let bestLeaf: SearchHit | undefined;
    let bestCore = Infinity;
    const fromHit = tokenize(hit.matchedText);
    const leaves = leavesUnder(icd, hit.entry);
    // A leaf given the record's site only by the header above it, while a sibling's own title names
    // that site ("history of lung cancer": Z85.12 trachea has "lung" only from Z85.1's "trachea,
    // bronchus and lung", Z85.118 names it), is another site of the header's list.
    const namedByOwnTitle = new Set(
      leaves.flatMap(({ leaf }) => [...titleFacts(icd, icd.entries[leaf]?.description ?? '').words].filter((t) => pq.words.has(t))),
    );
    const noUnspecified = leaves.length > 1 && !leaves.some(({ leaf }) => /\bunspecified\b/i.test(icd.entries[leaf]?.description ?? ''));
    for (const { leaf, terms } of leaves) {
      const e = icd.entries[leaf];
      if (!e || !allowed(e.code)) continue;
      const inherited = terms.length ? [...fromHit, ...terms.flatMap((t) => tokenize(t))] : fromHit;
      const texts = [e.description, ...(icd.notes[e.code]?.inc ?? [])];
      for (const t of texts) {
        const facts = titleFacts(icd, t);
        const have = inherited.length ? new Set([...facts.words, ...inherited]) : undefined;
        const scored = scoreText(icd, pq, leaf, facts, have);
        const { matched } = scored;
        const borrowed = inherited.some((w) => namedByOwnTitle.has(w) && !facts.words.has(w) && !isNeutral(w) && !SITE_NEUTRAL.has(w));
        // A leaf titled for a histology the record does not name (a carcinoid tumor) is not the
        // record's neoplasm while a sibling is the "other" one.
        const unnamedHistology = facts.words.has('carcinoid') && !pq.words.has('carcinoid');
        // Where no leaf is the unspecified one, the "other" leaf is the header's default (Z85.118 for a
        // lung cancer that is no carcinoid): the scorer's preference for "unspecified" does not apply.
        const otherIsDefault = noUnspecified && facts.namesOther && !pq.words.has('other') && !q.otherPart ? 1 / OTHER_FACTOR : 1;
        const score = scored.score * (borrowed ? 0.96 : 1) * (unnamedHistology ? 0.9 : 1) * otherIsDefault;
        const coreSize = facts.core.length;
        if (!bestLeaf || score > bestLeaf.score + 1e-9 || (Math.abs(score - bestLeaf.score) <= 1e-9 && coreSize < bestCore)) {
          bestLeaf = { entry: leaf, code: e.code, description: e.description, score, matched, matchedText: t };
          bestCore = coreSize;
        }
      }
    }
    if (bestLeaf) chosen = { ...bestLeaf, score: Math.max(bestLeaf.score, hit.score * 0.95) };
  }
  return withSeventhCharacter(icd, chosen, context, q.laterality);
}

export type EncounterPhase = 'initial' | 'subsequent' | 'delayed healing' | 'nonunion' | 'malunion' | 'sequela';

const INJURY_WORDS = String.raw`fracture|sprain|strain|laceration|injury|burn|dislocation|wound|contusion|bite`;
/**
 * A follow-up the clause plans rather than one this visit is: a time ahead or a condition later in the
 * clause ("F/u sports med 1-2 wk if not improving", "f/u ortho as needed"); a time since the injury
 * ("f/u 2 weeks after the fall", "6 wks post injury") is not one.
 */
const FOLLOW_UP_PLANNED = String.raw`(?![^.;\n]*\b(?:if|prn|as needed|unless|should)\b)(?![^.;\n]*\b\d+(?:\s*-\s*\d+)?\s*(?:d|days?|wks?|weeks?|mos?|months?)\b(?!\s*(?:ago|after|post|out|since|s\/p|from|status)\b))`;
/**
 * A fracture's operation done ("s/p ORIF", "post IM nail", "after hemiarthroplasty"): the surgery
 * was its active treatment, and the care since is the healing or recovery phase (guideline
 * I.C.19.a: 7th character D "after the patient has completed active treatment"), at a nursing
 * facility, at home or in the office.
 */
const FRACTURE_OPERATED = String.raw`\b(?:s\/p|status post|post|after)\s+(?:\w+\s+){0,3}?(?:orif|open reduction|(?:internal |intramedullary |im |percutaneous )?(?:fixation|nail(?:ing)?|pinning)|crpp|hemiarthroplasty|(?:total |partial )?(?:hip |knee |shoulder )?arthroplasty|kyphoplasty|vertebroplasty)\b`;
const PHASES: Array<[EncounterPhase, RegExp]> = [
  ['sequela', /\b(sequela[e]?|late effects?|residual (of|from))\b/i],
  ['nonunion', /\bnon-?union\b/i],
  ['malunion', /\bmal-?union\b/i],
  ['delayed healing', /\b(delayed|slow|poor) (bone )?(healing|union)\b|\bhealing (is )?delayed\b/i],
  // "First visit for this injury", "new injury": the encounter of active treatment (guideline I.C.19.a).
  [
    'initial',
    /\binitial (encounter|visit|evaluation)\b|\bfirst (visit|encounter|evaluation|presentation)\b(?! (?:after|since|following)\b)|\bnew (injury|fracture)\b/i,
  ],
  [
    'subsequent',
    new RegExp(
      String.raw`\bsubsequent (encounter|visit)\b|\b(routine|normal|expected|good|uneventful) healing\b|\bhealing (well|as expected|normally|appropriately|routinely|nicely)\b|\bwell[- ]heal(ed|ing)\b|^\s*(?:follow[- ]?up|f\/u)\b(?!\s+(in|with|as|prn|if|appointment|scheduled|needed|arranged|post-?op\w*|\d+|pcp|pmd|ortho\w*|podiatry|primary|provider|dr|doctor|clinic|specialist|sports medicine|his|her|their)\b)${FOLLOW_UP_PLANNED}|\b(?:follow[- ]?up|f\/u) (of|for|visit|evaluation|exam)\b|\b(here|returns?|seen|presents?|back|comes in)( today)? (for|in) (a |her |his |their )?(?:follow[- ]?up|f\/u)\b|\b(${INJURY_WORDS})s?\b([^.;:\n]{0,40}?(,|\s-+|\())?\s*(?:follow[- ]?up|f\/u)\b(?!\s+(in|with|as|prn|if|appointment|scheduled|needed|arranged|post-?op\w*|\d+|pcp|pmd|ortho\w*|podiatry|primary|provider|dr|doctor|clinic|specialist|sports medicine|his|her|their)\b)${FOLLOW_UP_PLANNED}|\brecheck of\b|^\s*re-?check\b(?!\s+(in|with|as|prn|if|appointment|scheduled|needed|arranged)\b)|\bcast (check|change|removal)\b|(?<!\b(?:(?:follow[- ]?up|f\/u)|return|rtc|come back)\b[^.;\n]{0,24})\b(suture|stitch|staple)s? removal\b|\bremoval of (the )?(sutures|stitches|staples|cast|splint)\b|\baftercare\b|(?<!\b(?:rtc|return\w*|plan\w*|schedul\w*|in|next|then|see|recheck|needs?)\b[^.;:\n]{0,16})\b\d+\s*-?\s*(wks?|weeks?|mos?|months?|days?)\.?\s+(?:follow[- ]?up|f\/u)\b|\bwound (re-?)?check\b|\b(fracture|fx)(,|\s-+)?\s+healing\b(?!\s+(poorly|slowly|delayed))|\bhealing (fracture|fx)\b|${FRACTURE_OPERATED}`,
      'i',
    ),
  ],
];

/**
 * The encounter phase a text states (7th character: A/D/S, and G/K/P for fractures). The lines of
 * `context` are read in order, the first one that states a phase decides: the condition's own
 * wording first, then what the rest of the record says about it.
 */
export function encounterPhase(context: string): EncounterPhase | undefined {
  for (const line of context.split('\n')) {
    for (const [phase, re] of PHASES) if (FAILED_HEALING.has(phase) ? healingStated(line, re) : re.test(line)) return phase;
  }
  return undefined;
}

const FAILED_HEALING = new Set<EncounterPhase>(['nonunion', 'malunion', 'delayed healing']);
/**
 * Words before a delayed healing, nonunion or malunion in its clause that do not state it: a denial,
 * a risk, a condition, a past one or a suspicion ("no nonunion", "r/o delayed union", "risk of
 * nonunion", "possible nonunion"; an uncertain diagnosis is not coded at a visit, guideline IV.H).
 */
const HEALING_UNSAID =
  /\b(no|not|without|negative for|rule[sd]? out|r\/o|risks?|prevent\w*|avoid\w*|if|unless|history of|hx of|h\/o|possible|possibly|probable|suspect\w*|concern\w* (for|of)|question of|vs\.?|versus)\b[^,;:()]*$/i;
/** A delayed healing, nonunion or malunion followed by its risk or a question mark ("nonunion risk", "delayed union?"). */
const HEALING_RISK_AFTER = /^\s*\?|^\W*(risk|rate)\b/i;

/** Whether a line states the failed healing `words` name at some occurrence not taken back (the clause part after a dash read alone). */
function healingStated(line: string, words: RegExp): boolean {
  for (const m of line.matchAll(new RegExp(words.source, 'gi'))) {
    const before =
      line
        .slice(0, m.index)
        .split(/\s[-\u2013\u2014]+\s/)
        .pop() ?? '';
    if (!HEALING_UNSAID.test(before) && !HEALING_RISK_AFTER.test(line.slice(m.index + m[0].length))) return true;
  }
  return false;
}

/** An open (compound) fracture, as the record words it; "open reduction" is a procedure, not the fracture. */
const OPEN_FRACTURE =
  /\b(?:open|compound)\s+(?:(?:[a-z-]+\s+){0,4})?(?:fracture|fx)\b|\b(?:fracture|fx)\b[^.;]{0,40}?\b(?:open|compound)\b(?!\s+reduction)|\bgustilo\b|\bbone (?:exposed|protruding)\b/i;
const GUSTILO_III = /\b(?:type|grade|gustilo)\s+(?:iii|3)\s*[abc]?\b/i;

function openFracture(context: string): boolean {
  const text = context.replace(/\bopen reduction\b/gi, ' ');
  return OPEN_FRACTURE.test(text) && !/\bclosed\s+(?:[a-z-]+\s+){0,4}?fracture\b/i.test(text);
}

/**
 * For codes that need a 7th character: the documented encounter phase, else the first (initial)
 * one. A 7th character that is the side (the eye of E11.32-, E11.35-: 1 right, 2 left, 3 bilateral,
 * 9 unspecified) is the side the record states, else the unspecified one.
 */
export function withSeventhCharacter(icd: Icd10Cm, hit: SearchHit, context: string, side?: Laterality): SearchHit {
  const kids = (icd.children.get(hit.entry) ?? []).filter((k) => {
    const e = icd.entries[k];
    return e !== undefined && isExtension(icd.entries, e);
  });
  if (kids.length === 0) return hit;
  const suffix = (k: number) => icd.entries[k]?.description.slice(hit.description.length).toLowerCase() ?? '';
  const sided = kids.some((k) => lateralityOf(tokenize(suffix(k))) !== undefined);
  if (sided) {
    const pick =
      kids.find((k) => side !== undefined && lateralityOf(tokenize(suffix(k))) === side) ??
      kids.find((k) => /\bunspecified\b/.test(suffix(k)));
    const e = pick === undefined ? undefined : icd.entries[pick];
    if (e && pick !== undefined) return { ...hit, entry: pick, code: e.code, description: e.description };
  }
  const phase = encounterPhase(context);
  const wants =
    phase === 'delayed healing' || phase === 'nonunion' || phase === 'malunion' ? [phase, 'subsequent'] : phase ? [phase] : ['initial'];
  // A stage the 7th character carries (glaucoma: mild, moderate, severe, indeterminate stage) when the record states it.
  const staged = kids.find((k) => {
    const value = /^\W*(mild|moderate|severe|indeterminate) stage\b/.exec(suffix(k))?.[1];
    return value !== undefined && new RegExp(`\\b${value}\\b`, 'i').test(context);
  });
  // Open or closed (closed by default, guideline I.C.19.c.1): an open fracture of unstated Gustilo
  // type is type I or II, the first open character the tabular lists.
  const open = openFracture(context);
  const gustiloIII = open && GUSTILO_III.test(context);
  const fits = (k: number) => {
    const s = suffix(k);
    if (!s.includes('fracture')) return true;
    if (!open) return !s.includes('open');
    return s.includes('open') && (!gustiloIII || s.includes('iiia'));
  };
  let pick: number | undefined = staged;
  for (const want of staged === undefined ? wants : []) {
    pick = kids.find((k) => suffix(k).includes(want) && fits(k)) ?? kids.find((k) => suffix(k).includes(want));
    if (pick !== undefined) break;
  }
  pick ??= kids[0];
  const e = pick === undefined ? undefined : icd.entries[pick];
  if (!e || pick === undefined) return hit;
  return { ...hit, entry: pick, code: e.code, description: e.description };
}

/**
 * Encounter codes that history categories name in their own "code first" notes (Z85 "code first any
 * follow-up examination after treatment of malignant neoplasm (Z08)"): the pair is reported together,
 * so the encounter code asks for the history as a "use additional code" note would.
 */
const pairedByCodeFirst = new WeakMap<Icd10Cm, Map<string, string[]>>();
function historyCitingCodeFirst(icd: Icd10Cm, code: string): string[] {
  let map = pairedByCodeFirst.get(icd);
  if (!map) {
    map = new Map();
    for (const [category, notes] of Object.entries(icd.notes)) {
      if (!category.startsWith('Z')) continue;
      for (const [, patterns] of notes.cf ?? []) {
        for (const p of patterns) if (p.startsWith('Z')) map.set(p, [...(map.get(p) ?? []), `${category}-`]);
      }
    }
    pairedByCodeFirst.set(icd, map);
  }
  return [...map.entries()].filter(([p]) => matchesPattern(code, p)).flatMap(([, cats]) => cats);
}

type CitedCodes = { filter: (c: string) => boolean; categories: readonly string[] } | undefined;

/**
 * The answer of useAdditionalFilter per code, once per process: it depends on the code set only,
 * and scanning every category for the note's patterns was ~2 % of the worker's CPU when it was
 * recomputed for each draft of each encounter.
 */
const citedByCode = new WeakMap<Icd10Cm, Map<string, CitedCodes>>();

/** The codes a "use additional code" note of a code asks for (or a history's paired "code first" note), as a filter and as the categories to search. */
export function useAdditionalFilter(icd: Icd10Cm, code: string): CitedCodes {
  let byCode = citedByCode.get(icd);
  if (!byCode) citedByCode.set(icd, (byCode = new Map()));
  if (byCode.has(code)) return byCode.get(code);
  const patterns = [...notesFor(icd, code, 'ua').flatMap(([, p]) => p), ...historyCitingCodeFirst(icd, code)];
  const cited =
    patterns.length === 0
      ? undefined
      : { filter: (c: string) => patterns.some((p) => matchesPattern(c, p)), categories: categoriesOf(icd, patterns) };
  byCode.set(code, cited);
  return cited;
}
