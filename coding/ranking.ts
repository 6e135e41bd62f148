/**
 * Searching the code set for one mention: the filters a mention brings (history codes for a history,
 * status codes only with their own support), ranked billable hits, and whether a hit is supported by
 * more than one shared word.
 *
 * Over 300 lines because the filters and the rank adjustments read the same mention facts and the
 * same hits in one pass; apart, each would derive them again.
 */
import type { CodeSets } from './code-sets.ts';
import { perRecord, type CodingRun } from './coding-run.ts';
import { beforeUncertainty, type Mention } from './context.ts';
import { tabularSiteWords } from './head-words.ts';
import { matchesPattern, type Icd10Cm } from './icd10cm.ts';
import {
  buildQuery,
  encounterPhase,
  mostSpecificBillable,
  NARROW_SITE_FAMILIES,
  searchIcd,
  SITE_FAMILIES,
  type SearchHit,
  type SearchOptions,
  type SearchQuery,
} from './search.ts';
import { coreTokens, expandAbbreviations, isNeutral, LATERALITY_WORDS, tokenize } from './text.ts';

/** Words that choose a 7th character (encounter, healing) rather than name a condition. */
export const ENCOUNTER_WORDS = new Set([
  'initial',
  'subsequent',
  'encounter',
  'routine',
  'healing',
  'delayed',
  'sequela',
  'closed',
  'open',
  'nonunion',
  'malunion',
]);
/** Words rarer than this (inverse document frequency) carry meaning; commoner ones ("right", "other") do not. */
export const TRIVIAL_IDF = 3;

/**
 * A hit found for words left over from a better match (or for a bare symptom phrase) stands only
 * when more than one meaningful documented word supports it, or when the record explains the whole
 * core of the text it matched: one shared word ("peripheral", "following") is not a diagnosis.
 */
export function wellSupported(
  icd: CodeSets['icd'],
  hit: SearchHit,
  queryTokens: readonly string[],
  groups: readonly string[][] = [],
): boolean {
  const strong = hit.matched.filter(
    (t) =>
      !isNeutral(t) &&
      !(LATERALITY_WORDS as readonly string[]).includes(t) &&
      !ENCOUNTER_WORDS.has(t) &&
      (icd.idf.get(t) ?? 0) >= TRIVIAL_IDF,
  );
  // The words one expansion produced count once ("following surgery" is one qualifier).
  const units = new Set(
    strong.map((t) => {
      const g = groups.findIndex((grp) => grp.includes(t));
      return g >= 0 ? `#${g}` : t;
    }),
  );
  if (units.size >= 2) return true;
  const q = new Set(queryTokens);
  const core = coreTokens(hit.matchedText);
  return core.length > 0 && core.every((t) => q.has(t));
}

/** Where a title's condition ends and what qualifies it begins ("of", "due to", "with", ...). */
const TITLE_QUALIFIER = /\b(?:of|in|to|at|on|for|due|with|without|following|by|from|complicating|after|affecting|prior|NOS)\b/i;

/** Where a framing title ("Encounter for ...", "Long term (current) use of ...") names what it frames. */
const FRAMED = /\b(?:of|for)\b/i;

/** Title heads that frame another condition, named after "of" ("Long term (current) use of tamoxifen", "Presence of pseudophakia"). */
const FRAME_HEADS = new Set(tokenize('use presence supervision encounter status history absence loss'));

/**
 * The words that name a title's condition: the last word of each noun phrase before its first
 * qualifier that is not a site word ("Increased secretion of glucagon": secretion; "Tingling skin":
 * tingling; "Hypo-osmolality and hyponatremia": both), and what its parentheses give as the same
 * thing ("(NSTEMI)"). Undefined for a title whose head frames the condition named after "of".
 */
function titleHeads(icd: Icd10Cm, title: string): Set<string> | undefined {
  const sites = tabularSiteWords(icd);
  const heads = new Set<string>();
  for (const p of title.matchAll(/\(([^)]*)\)/g)) for (const t of tokenize(p[1] ?? '')) heads.add(t);
  const plain = title.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(',')[0] ?? '';
  const clause = plain.split(TITLE_QUALIFIER)[0] ?? '';
  for (const phrase of clause.split(/\b(?:and|or)\b|\//i)) {
    // A Latin adjective after its noun ("diabetes mellitus", "cervix uteri") leaves the noun the head.
    const words = tokenize(phrase).filter((t, i, all) => i < all.length - 1 || !POSTPOSITIVE.has(t));
    const at = words
      .map((t, i) => [t, i] as const)
      .reverse()
      .find(([t]) => !sites.has(t) && !SKIN.has(t)) ?? [words[words.length - 1], words.length - 1];
    const [head, i] = at;
    if (head && FRAME_HEADS.has(head)) {
      // The framed condition is what follows "of"/"for" ("Encounter for examinations prior to ..." frames examinations).
      const framed = FRAMED.exec(plain);
      const inner =
        framed && framed.index + framed[0].length < plain.length
          ? titleHeads(icd, plain.slice(framed.index + framed[0].length))
          : undefined;
      // What its parentheses give still names it ("Presence of cardioverter-defibrillator (ICD)").
      return inner && new Set([...heads, ...inner]);
    }
    if (head) heads.add(head);
    // A general noun takes its condition from the word before it ("Pregnant state", "Anxiety state").
    const before = words[i - 1];
    if (head && LIGHT_HEADS.has(head) && before) heads.add(before);
  }
  return heads;
}

/** The skin is where a title's condition is ("Tingling skin"), though the index also heads titles with it. */
const SKIN = new Set(tokenize('skin'));

/** Nouns that name no condition of their own: the word before them does. */
const LIGHT_HEADS = new Set(tokenize('state condition disease disorder syndrome'));

const POSTPOSITIVE = new Set(tokenize('mellitus uteri vulgaris positive'));

/** Words a record uses for a title's condition noun ("heroin overdose" names "Poisoning by heroin"). */
const SAME_CONDITION: ReadonlyMap<string, readonly string[]> = new Map(
  [
    ['overdose', 'poisoning'],
    ['od', 'poisoning'],
    ['toxicity', 'poisoning'],
    ['intoxication', 'poisoning'],
    ['ingestion', 'poisoning'],
    // A visit's own words for the examination its encounter title names ("annual GYN exam").
    ['exam', 'examination check'],
    ['physical', 'examination check'],
    ['checkup', 'examination check'],
    ['wellness', 'examination check'],
  ].map(([word, heads]) => [word as string, tokenize(heads as string)]),
);

/** The same word in another form ("unsteady", "unsteadiness"): the stemmer keeps their common start. */
const sameWord = (a: string, b: string) => a === b || (a.length >= 6 && b.length >= 6 && a.slice(0, 6) === b.slice(0, 6));

/**
 * Whether the words (the hit's matched words and the query's) name the condition of the hit's title,
 * its head in any form; a title that frames a condition named after "of" is not judged.
 */
export function namesTitleHead(icd: CodeSets['icd'], hit: SearchHit, tokens: readonly string[]): boolean {
  const words = [...hit.matched, ...tokens].flatMap((t) => [t, ...(SAME_CONDITION.get(t) ?? [])]);
  const names = (text: string) => {
    const heads = titleHeads(icd, text);
    return heads === undefined || heads.size === 0 || words.some((t) => [...heads].some((h) => sameWord(t, h)));
  };
  // The code's own title as well as the text that matched (an inclusion term: "Panic attack" under "Panic disorder").
  if (names(hit.matchedText) || names(hit.description)) return true;
  // A matched word the title lacks came from an inclusion term above it (B02 "shingles" over "Zoster
  // NOS"; O98's "the listed conditions when complicating the pregnant state"): judged by that term.
  const own = new Set(tokenize(hit.matchedText));
  const inherited = hit.matched.filter((t) => !own.has(t));
  return (
    inherited.length > 0 &&
    inclusionTermsAbove(icd, hit.code).some((text) => inherited.some((t) => tokenize(text).includes(t)) && names(text))
  );
}

/** The inclusion terms of a code's categories and subcategories, the code's own first. */
function inclusionTermsAbove(icd: CodeSets['icd'], code: string): string[] {
  const out: string[] = [];
  for (let c = code; c.length >= 3; c = c.slice(0, -1).replace(/\.$/, '')) {
    const notes = icd.notes[c];
    if (notes) out.push(...(notes.inc ?? []), ...(notes.inc2 ?? []));
  }
  return out;
}

/**
 * A hit one documented word supports when that word only qualifies the condition its title names
 * ("increased" in "Increased secretion of glucagon", "K" in "Deficiency of vitamin K", "accidental"
 * in "Asphyxiation due to hanging, accidental"): a coder reads the title's condition, and the record
 * names none of it. (The head in another form names it: "unsteady feet", "Unsteadiness on feet".)
 */
export function oneWordOfTitle(icd: CodeSets['icd'], hit: SearchHit, queryTokens: readonly string[]): boolean {
  return !wellSupported(icd, hit, queryTokens) && !namesTitleHead(icd, hit, queryTokens);
}

/**
 * Status, history and score codes that one shared word must not bring in: each needs its own
 * support in the documented text (an amputation for Z89, a malignancy for Z85, the scale's name for
 * a stroke-scale or coma-scale score, "BMI" for a body mass index code).
 */
// Not "mass", "lesion", "nodule" or "growth": the index codes them as findings by site (finding-index.ts).
// A nevus is one (a melanocytic nevus is a benign neoplasm of the skin, D22.-).
const NEOPLASM_WORDS =
  /\b(malignan\w*|cancer|carcinoma\w*|neoplas\w*|tumou?r|polyp|cyst\w*|lymphoma|leuka?emia|melanoma|sarcoma|myeloma|\w*blastoma|\w*oma|metasta\w*|mets|adenoma|carcinoid|dysplasia|in situ|myelodysplas\w*|neoplasm|nev(?:us|i)|naev(?:us|i))\b/i;
const NEEDS_SUPPORT: Array<[RegExp, RegExp]> = [
  // Chapter constraints: a neoplasm code needs a neoplasm ("right lower lobe" pneumonia is not
  // a lung cancer); an injury code needs an injury; hypertensive heart or kidney disease needs the
  // heart or the kidney named (I11-I13: guideline I.C.9.a).
  [/^(C|D[0-4])/, NEOPLASM_WORDS],
  [
    /^S/,
    /\b(injur\w*|strain\w*|sprain\w*|fractur\w*|fx|lacerat\w*|contusion|bruis\w*|abrasion|wound|puncture|bite|bitten|dislocat\w*|subluxation|avulsion|crush\w*|amputat\w*|concussion|trauma\w*|tear|torn|rupture\w*|foreign body|blister|burn\w*|hematoma|whiplash|fell|fall|struck|hit|cut|sting|superficial|open|closed|displaced|nondisplaced)\b/i,
  ],
  [/^I1[23]/, /\b(kidney|renal|nephr\w*|ckd|esrd|dialysis)\b/i],
  [/^I1[13]/, /\b(heart|cardiac|cardio\w*|chf|hf\w*|ventricular|congestive)\b/i],
  // A family the index reaches only through a named disease needs that disease: an ulcer of the toe is
  // no varicose vein (I83), a nodule no rheumatoid nodule (M05-M06).
  [/^I83/, /\b(varic\w*|varix|venous|stasis)\b/i],
  [/^M0[56]/, /\b(rheumatoid|ra)\b/i],
  [/^Z89/, /\b(amputat\w*|absen(ce|t)|missing|loss of|lost|disarticulat\w*|stump|removed)\b/i],
  [/^Z90/, /\b(\w+ectomy|absen(ce|t)|missing|removed|removal|resect\w*)\b/i],
  [
    /^Z85/,
    /\b(malignan\w*|cancer|carcinoma|neoplasm|tumou?r|lymphoma|leuka?emia|melanoma|sarcoma|myeloma|\w*blastoma|metasta\w*|seminoma|mesothelioma)\b/i,
  ],
  // An ectopic or molar pregnancy or an abortive outcome (O00-O08) needs one: a pregnancy is not one.
  [
    /^O0[0-8]/,
    /\b(ectopic|tubal|ovarian|abdominal|cornual|heterotopic|molar|hydatidiform|mole|miscarr\w*|abort\w*|blighted|products of conception|pregnancy loss|fetal demise|termination|anembryonic)\b/i,
  ],
  [/^Z02\.84/, /\bchild welfare\b/i],
  // An encounter for screening (Z12, Z13) needs the screening named: a cancer the record stages is the cancer.
  [
    /^Z1[23]/,
    /\b(screen\w*|mammo\w*|colonoscop\w*|cologuard|fit[\s-]dna|fobt|fit test|pap\w*|psa|ldct|low[\s-]dose ct|dexa|dxa|check|surveillance)\b/i,
  ],
  // A stress or pathological fracture (M84.3, M84.4) needs its kind named: a fracture is an injury (S, I.C.19).
  [/^M84\.3/, /\b(stress|fatigue|march|insufficiency)\b/i],
  [/^M84\.[4-6]/, /\b(patholog\w*|neoplas\w*|metasta\w*|tumou?r|cancer|malignan\w*|osteopor\w*)\b/i],
  // A pressure ulcer (L89) needs one named: a stage alone is also a cancer's ("NSCLC stage IV").
  [/^L89/, /\b(pressure|decubit\w*|bed\s?sores?|ulcer\w*|deep tissue|dti)\b/i],
  [/^R29\.7/, /\b(nihss|stroke scale)\b/i],
  [/^R40\.2[0-4]/, /\b(coma scale|gcs|glasgow)\b/i],
  [/^Z68/, /\b(bmi|body mass)\b/i],
  // A complication of a device, implant or graft (T82-T85) or of care (T80-T88) needs a complication:
  // "coronary stent status" is the stent's presence (Z95.5), not its stenosis.
  [
    /^T8[0-8]/,
    /\b(complicat\w*|malfunction\w*|failure|failed|(?:re)?stenos\w*|occlu\w*|thrombos\w*|embol\w*|infect\w*|leak\w*|displac\w*|dislodg\w*|break\w*|broken|erosion|rejection|reaction|mechanical|loosen\w*|fractur\w*|hemorrhag\w*|bleed\w*|pain|fibrosis|contracture|dehiscen\w*|disruption|seroma|shock|anaphyla\w*|overdose|poison\w*|due to|caused by)\b/i,
  ],
  // An encounter for fitting, adjusting or managing a device (Z44-Z46) needs that care named: a device
  // on the list ("Insulin pump status") is its presence (Z95-Z97, guideline I.C.21.c.3, status).
  [
    /^Z4[4-6]/,
    /\b(fit\w*|adjust\w*|titrat\w*|replac\w*|check\w*|interrogat\w*|(?:re)?program\w*|remov\w*|refill\w*|encounter|chang\w*|manag\w*|train\w*|instruct\w*|teach\w*|initiat\w*|start\w*|set[\s-]?up|battery|calibrat\w*|aftercare|malfunction\w*|trial)\b/i,
  ],
  // Repeated falls (R29.6, "tendency to fall") need more than one: a fall is the event an injury is from.
  [/^R29\.6/, /\b(repeat\w*|recurr\w*|frequent\w*|multiple|several|falls|tendency|prone|unsteady|falling)\b/i],
  // Hypothermia (T68) needs the cold named: "accidental" is the intent of a poisoning.
  [/^T68/, /\b(hypotherm\w*|cold|frozen|freez\w*|exposure)\b/i],
  // Occupational exposure (Z57) needs the work named: smoke at home is Z77.22.
  [/^Z57/, /\b(occupation\w*|work\w*|job|employ\w*|on the job|coworkers?|factory|plant|mine|miner|farm\w*|industr\w*)\b/i],
  // Immunization not carried out (Z28) needs the omission named: a vaccine given is an immunization
  // (Z23), whatever else the record's header says ("chronic care visit + flu shot").
  [
    /^Z28/,
    /\b(not (?:been )?(?:carried out|given|administered|done|received|vaccinated|immunized|up[\s-]to[\s-]date)|declin\w*|refus\w*|deferr?\w*|delay\w*|postpon\w*|unavailab\w*|shortage|out of stock|contraindicat\w*|hesitan\w*|unvaccinated|unimmuni[sz]ed|under[\s-]?immuni[sz]\w*|behind|incomplete|missed|overdue|lapsed|belief|religio\w*|objection)\b/i,
  ],
  // Palliative care (Z51.5) needs palliation named: "supportive care" of a cold is not hospice.
  [/^Z51\.5/, /\b(palliat\w*|hospice|comfort (care|measures)|end[\s-]of[\s-]life)\b/i],
];

const SECONDARY_NEOPLASM = /^C7[89]/;
const SPREAD_SUPPORT =
  /\b(secondar\w*|metasta\w*|mets|spread\w*|carcinomatosis|malignant (?:ascites|pleural effusion|effusion)|generali[sz]ed (?:cancer|malignan\w*))\b/i;

export function supportFilter(m: Mention): (code: string) => boolean {
  // The line as written, but not what it only suspects: "mass, suspicious for malignancy" names no malignancy.
  const original = m.assertion === 'affirmed' ? beforeUncertainty(m.original) : m.original;
  const text = `${original} ${expandAbbreviations(m.text)}`;
  const blocked = NEEDS_SUPPORT.filter(([, support]) => !support.test(text)).map(([code]) => code);
  // A secondary neoplasm needs its spread in the mention's own words: the primary of "breast cancer
  // metastatic to bone" (metastasis.ts) is coded from "breast cancer", its statement's "metastatic"
  // being the bone's.
  if (!SPREAD_SUPPORT.test(expandAbbreviations(m.text))) blocked.push(SECONDARY_NEOPLASM);
  return (c) => !blocked.some((re) => re.test(c));
}

/** Organs a removal names ("mastectomy"): a history of it is the organ's acquired absence (Z90, guideline I.C.21.c.3). */
const REMOVED_ORGANS: ReadonlyArray<[RegExp, string]> = [
  // A partial (segmental) mastectomy, a lumpectomy, leaves the breast: no acquired absence of it.
  [/(?<!\b(?:partial|segmental|quadrant)\s+)\bmastectom\w*/i, 'breast'],
  [/\b(total |radical |partial )?hysterectom\w*/i, 'uterus'],
  [/\bnephrectom\w*/i, 'kidney'],
  [/\b(hemi)?colectom\w*/i, 'other specified parts of digestive tract'],
  [/\bgastrectom\w*/i, 'stomach'],
  [/\bsplenectom\w*/i, 'spleen'],
  [/\bcholecystectom\w*/i, 'other specified parts of digestive tract'],
  [/\b(lobectom\w*|pneumonectom\w*)/i, 'lung'],
  [/\bprostatectom\w*/i, 'other genital organ'],
  [/\borchiectom\w*/i, 'other genital organ'],
  [/\b(salpingo-?)?oophorectom\w*/i, 'ovaries'],
  [/\blaryngectom\w*/i, 'larynx'],
  [/\bpancreatectom\w*/i, 'pancreas'],
  [/\bcystectom\w*/i, 'other parts of urinary tract'],
];
const REMOVAL = /\b(\w+ectom\w*|amputat\w*|removal|removed|resect\w*)\b/i;

/** A history of an organ's removal, as the acquired absence the tabular titles it. */
export function removedOrganText(text: string): string | undefined {
  for (const [re, organ] of REMOVED_ORGANS) if (re.test(text)) return `acquired absence of ${organ}`;
  return undefined;
}

export function historyFilter(m: Mention): ((code: string) => boolean) | undefined {
  if (m.assertion === 'personal-history') {
    // A removed organ or limb is its acquired absence (Z89, Z90), not a history of a disease.
    const removal = REMOVAL.test(m.text);
    // Status after a procedure that left a device, graft, opening or transplant ("s/p CABG", "history of
    // kidney transplant") is that status (Z93-Z99, guideline I.C.21.c.3).
    return (c) =>
      matchesPattern(c, 'Z85..Z88') ||
      matchesPattern(c, 'Z93..Z99') ||
      c.startsWith('Z91') ||
      c.startsWith('Z92') ||
      (removal && (c.startsWith('Z89') || c.startsWith('Z90')));
  }
  if (m.assertion === 'family-history') return (c) => matchesPattern(c, 'Z80..Z84');
  // An affirmed, current condition is not a history code ("gestational diabetes" is not Z86.32).
  if (m.assertion === 'affirmed' && !/\bhistory\b/.test(expandAbbreviations(m.text)))
    return (c) => c.charCodeAt(0) !== 90 /* Z */ || !/^Z8[0-7]|^Z92/.test(c);
  return undefined;
}

export function searchFilter(m: Mention): (code: string) => boolean {
  const history = historyFilter(m);
  const support = supportFilter(m);
  return history ? (c) => history(c) && support(c) : support;
}

export function queryText(m: Mention, extra: string[]): string {
  const absence = m.assertion === 'personal-history' ? removedOrganText(m.text) : undefined;
  if (absence) return `${absence} ${m.text.replace(/\b\w+ectom\w*\b/gi, ' ')} ${extra.join(' ')}`.replace(/\s+/g, ' ').trim();
  const prefix = m.assertion === 'personal-history' ? 'personal history ' : m.assertion === 'family-history' ? 'family history ' : '';
  return `${prefix}${m.text} ${extra.join(' ')}`.trim();
}

/** Injuries of the organs inside the chest (S26-S27) and the abdomen and pelvis (S36-S37). */
const INTERNAL_ORGAN_INJURY = /^S(2[67]|3[67])\./;
/** The words of an injury's kind, degree and size: what an injury of any site says. */
const INJURY_KIND = new Set(
  tokenize('laceration contusion injury wound puncture tear rupture avulsion superficial minor moderate major deep cm unspecified other'),
);

/** Ranked, resolved-to-billable hits for a query (inside the given 3-character categories only, when given). */
export function rank(
  run: CodingRun,
  q: SearchQuery,
  context: string,
  filter?: (c: string) => boolean,
  categories?: readonly string[],
): SearchHit[] {
  const allowed = filter ? (c: string) => run.allowed(c) && filter(c) : run.allowed;
  const opts: SearchOptions = { limit: 8, filter: allowed, ...(categories !== undefined ? { categories } : {}) };
  const hits = searchIcd(run.codeSets.icd, q, opts);
  const out: SearchHit[] = [];
  // The phrase's head decides when it names the condition ("aftercare following knee replacement" is
  // aftercare); otherwise any condition word of the phrase does.
  const anyCondition = conditionWords(q.tokens, run.codeSets.icd);
  // (A query rebuilt from other words keeps no head: every head word must still be searched for.)
  const head = q.head?.every((t) => q.tokens.includes(t)) ? q.head : [];
  const headCondition = conditionWords(head, run.codeSets.icd);
  const condition = headCondition.size > 0 ? headCondition : anyCondition;
  const congenital = CONGENITAL_SUPPORT.test(`${context} ${q.tokens.join(' ')}`);
  const organismNamed = q.tokens.some((t) => ORGANISM_WORD.test(t));
  const inSitu = q.tokens.includes('situ');
  for (const h of hits) {
    // A bare number ("42", "2") is not evidence for a code, nor are the words that only say a
    // condition is past ("personal history", "status post"): some word naming what it was must match.
    if (!h.matched.some((t) => !/^\d/.test(t) && !isNeutral(t) && !ASSERTION_TOKENS.has(t))) continue;
    // An injury of an organ inside the chest, abdomen or pelvis (S26-S27, S36-S37) needs the organ
    // named: "forehead laceration 1.5 cm" is not a laceration of the spleen by its "1 cm to 3 cm".
    if (INTERNAL_ORGAN_INJURY.test(h.code) && !h.matched.some((t) => !/^\d/.test(t) && !INJURY_KIND.has(t) && !isNeutral(t))) continue;
    // A code the classification titles congenital needs a record that says so ("kidney stone" is
    // not "congenital renal calculi").
    if (!congenital && (CONGENITAL_TITLE.test(h.matchedText) || CONGENITAL_TITLE.test(h.description))) continue;
    // A code whose title names what the record rules out is not it, whichever of its texts matched
    // ("elevated blood pressure without hypertension" is not I10 by its inclusion term "high blood pressure").
    if (q.excluded?.length && titleNames(h.description, q.excluded)) continue;
    // A code titled noninfective is not the condition of an organism the phrase names ("norovirus
    // gastroenteritis" is A08.11, not K52.9 by its inclusion term "gastroenteritis NOS").
    if (organismNamed && NONINFECTIVE_TITLE.test(h.description)) continue;
    // A neoplasm the record states in situ is not an invasive one (C00-C96): the neoplasm table gives
    // in situ its own column (D00-D09), whichever of the histology's words an invasive title shares.
    if (inSitu && /^C/.test(h.code) && !/\bin situ\b/i.test(h.description)) continue;
    const r = mostSpecificBillable(run.codeSets.icd, h, q, context, allowed);
    // A code that matched only where (site, side) and how (acute, chronic) but none of what the record
    // says is wrong is a word match: "acute gout of right toe" is gout, not an acute lymphangitis of the toe.
    const siteOnly = condition.size > 0 && !r.matched.some((t) => condition.has(t));
    const factor =
      (siteOnly ? SITE_ONLY_FACTOR : 1) *
      (!nosCovers(r.matchedText, q) && valueUnstated(r.description, q, context) ? UNSTATED_VALUE_FACTOR : 1);
    const found = factor === 1 ? r : { ...r, score: r.score * factor };
    if (!out.some((o) => o.code === found.code)) out.push(found);
  }
  return out.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

/** The title names one of the words (and does not itself rule it out: "without diagnosis of hypertension"). */
function titleNames(title: string, words: readonly string[]): boolean {
  const q = buildQuery(title);
  return words.some((w) => q.tokens.includes(w) && !q.excluded?.includes(w));
}

/** Words of the history/status prefix: they say when, not what ("S/p THA" is not a history of tuberculosis). */
const ASSERTION_TOKENS = new Set(tokenize('personal history family status post past'));
const CONGENITAL_TITLE = /\bcongenital\b/i;
const NONINFECTIVE_TITLE = /\bnoninfect\w*|\bnon-infect\w*/i;
/** A word naming an organism or an infection (stemmed tokens). */
const ORGANISM_WORD =
  /^(?:\w*vir(?:us|al|i)\w*|\w*bacter\w*|\w*cocc\w*|infect\w*|norwalk|salmonell\w*|shigell\w*|campylobact\w*|giardi\w*|cryptosporid\w*|amoeb\w*|ameb\w*|parasit\w*|clostridi\w*|e\.?coli|escherichia|yersinia|vibrio|helminth\w*|worm\w*|fung\w*|candid\w*)$/;
const CONGENITAL_SUPPORT =
  /\b(congenital\w*|born with|since birth|at birth|birth defect|from birth|hereditary|inherited|newborn|neonat\w*)\b/i;
const SITE_ONLY_FACTOR = 0.8;
const RECURRENT_TITLE = /\brecurrent\b(?<!not specified as recurrent)/i;
const RECURRENCE_STATED =
  /\b(?:recurr\w*|relaps\w*|repeated|episodes|(?:second|third|fourth|another|prior|previous|past|multiple)\s+(?:\w+\s+)?episodes?)\b/i;
/**
 * Earlier episodes the record denies, or an episode it calls the first ("MDD, moderate, no prior
 * episodes" is a single episode, F32.1): no recurrence stated.
 */
const RECURRENCE_DENIED =
  /\b(?:no|denies|denied|without|never had|negative for)\s+(?:any\s+)?(?:(?:prior|previous|past|other|earlier|similar)\s+)*(?:(?:major\s+)?(?:depressive|depression|mood)\s+)?(?:episodes?|recurrences?|relapses?)\b|\b(?:first|single|initial)\s+(?:major\s+)?(?:depressive\s+)?episode\b|\bnot\s+recurrent\b/gi;
/** The tabular's "NOS" inclusion term is the classification's own default for the bare words ("Concussion NOS": S06.0XA). */
const NOS = /\bNOS\b/;
function nosCovers(matchedText: string, q: SearchQuery): boolean {
  if (!NOS.test(matchedText)) return false;
  const words = new Set(tokenize(matchedText));
  return q.tokens.every((t) => isNeutral(t) || words.has(t));
}
const CURRENT_FRACTURE_TITLE = /\bwith current pathological fracture\b/i;
const EXACERBATION_TITLE = /\bexacerbation\b/i;
const STATUS_UNKNOWN_TITLE = /\bstatus unknown\b/i;
/** A duration the title names ("loss of consciousness of 30 minutes or less", "... of 1 hour to 5 hours 59 minutes"). */
const DURATION_TITLE = /\b\d+ (?:minutes?|hours?)\b/i;
const DURATION_STATED = /\b\d+\s*(?:s|sec|secs|seconds?|min|mins|minutes?|h|hr|hrs|hours?)\b|\b(?:seconds|minutes|hours)\b/i;
const UNKNOWN_STATED =
  /\b(?:unknown|unclear|uncertain|not known|unsure|unwitnessed|(?:does not|doesn't|cannot|can't) (?:recall|remember))\b/i;
const UNSTATED_VALUE_FACTOR = 0.8;

/**
 * A title names a value the classification never presumes and the record does not state, so its
 * sibling without it is the code: a recurrent course ("major depressive disorder" is the single
 * episode, index: Disorder, depressive, major F32.9; a hernia "not specified as recurrent"), read in
 * the condition's statement and the notes about it; a current pathological fracture (M80 vs M81: a
 * healed fracture in the history is Z87.310 beside M81), an exacerbation ("acute bronchitis in COPD"
 * is J44.0, which J44.1's Excludes2 names), read in the statement itself; a status the record calls
 * unknown and a duration it does not give ("concussion with LOC" is a loss of consciousness of
 * unspecified duration, S06.0X9), read in the statement and the notes about it.
 */
function valueUnstated(title: string, q: SearchQuery, context: string): boolean {
  if (RECURRENT_TITLE.test(title)) return !RECURRENCE_STATED.test(`${context} ${q.tokens.join(' ')}`.replace(RECURRENCE_DENIED, ' '));
  if (CURRENT_FRACTURE_TITLE.test(title)) return !q.tokens.includes('fracture');
  if (EXACERBATION_TITLE.test(title)) return !q.tokens.some((t) => t.startsWith('exacerbat') || t.startsWith('decompensat'));
  if (STATUS_UNKNOWN_TITLE.test(title)) return !UNKNOWN_STATED.test(`${context} ${q.tokens.join(' ')}`);
  if (DURATION_TITLE.test(title)) return !DURATION_STATED.test(context);
  return false;
}
/** Words that say where or how, not what: body sites, sides, acuity and encounter words. */
const NOT_CONDITION = new Set([
  ...[...SITE_FAMILIES.keys(), ...SITE_FAMILIES.values(), ...NARROW_SITE_FAMILIES.keys(), ...NARROW_SITE_FAMILIES.values()].flat(),
  ...['ear', 'eye', 'head', 'neck', 'back', 'chest', 'abdomen', 'abdominal', 'face', 'scalp', 'great', 'big', 'little', 'body'],
  ...['acute', 'chronic', 'subacute', 'exacerbation', 'recurrent', 'severe', 'mild', 'moderate'],
  ...LATERALITY_WORDS,
  ...ENCOUNTER_WORDS,
]);

/**
 * The query's words that name the condition itself: not a site, side, acuity or encounter word, nor
 * a word the tabular's titles use as a site (head-words.ts).
 */
export function conditionWords(tokens: readonly string[], icd: Icd10Cm): Set<string> {
  const sites = tabularSiteWords(icd);
  return new Set(tokens.filter((t) => !NOT_CONDITION.has(t) && !sites.has(t) && !isNeutral(t) && !/^\d/.test(t)));
}

/**
 * Words a title adds to its condition to say in which pregnancy it happens ("Hemorrhoids in pregnancy,
 * third trimester", "Eclampsia complicating pregnancy"): they qualify the condition, never name it.
 */
const PREGNANCY_QUALIFIERS = new Set(
  [
    'pregnancy',
    'pregnant',
    'gestation',
    'gestational',
    'trimester',
    'first',
    'second',
    'third',
    '1st',
    '2nd',
    '3rd',
    'complicating',
    'childbirth',
    'puerperium',
    'antepartum',
    'maternal',
  ].map((w) => tokenize(w)[0] ?? w),
);

/** A query's words without the pregnancy qualifiers: the condition it names, searched on its own. */
export const withoutPregnancyQualifiers = (tokens: readonly string[]) => tokens.filter((t) => !PREGNANCY_QUALIFIERS.has(t));

/**
 * Whether a hit's matched words name a condition at all: a word that is neither a site, a side, an
 * acuity, an encounter word nor a pregnancy qualifier. "Pregnancy, third trimester" matching
 * "Hemorrhoids in pregnancy, third trimester" names none; "ectopic pregnancy, right tube" does.
 */
export function namesACondition(icd: Icd10Cm, hit: Pick<SearchHit, 'matched'>): boolean {
  return [...conditionWords(hit.matched, icd)].some((t) => !PREGNANCY_QUALIFIERS.has(t));
}

/** The words of a text that can name what it is about: no side, encounter, neutral or trivial word. */
export function keyWords(icd: Icd10Cm, text: string): Set<string> {
  return new Set(
    tokenize(expandAbbreviations(text)).filter(
      (t) =>
        (icd.idf.get(t) ?? 0) >= TRIVIAL_IDF &&
        !(LATERALITY_WORDS as readonly string[]).includes(t) &&
        !ENCOUNTER_WORDS.has(t) &&
        !isNeutral(t),
    ),
  );
}

/** Clauses of the notes about the same condition: they share a meaningful word with the mention. */
export function relatedClauses(run: CodingRun, m: Mention): string[] {
  const key = keyWords(run.codeSets.icd, m.text);
  const { phaseOnly, byWord } = noteClauseIndex(run);
  const found = new Set(phaseOnly);
  for (const t of key) for (const i of byWord.get(t) ?? []) found.add(i);
  const out = new Set<string>();
  for (const i of [...found].sort((a, b) => a - b)) out.add(run.notes[i]?.original ?? '');
  return [...out];
}

/**
 * The notes' clauses by word, and those that only state which encounter this is ("First visit for
 * it.": about the visit's condition), read once per run.
 */
function noteClauseIndex(run: CodingRun): { phaseOnly: number[]; byWord: Map<string, number[]> } {
  return perRecord(run, 'noteClauseIndex', () => {
    const icd = run.codeSets.icd;
    const phaseOnly: number[] = [];
    const byWord = new Map<string, number[]>();
    run.notes.forEach((n, i) => {
      const tokens = tokenize(expandAbbreviations(n.original));
      const phase =
        encounterPhase(n.original) !== undefined &&
        conditionWords(
          tokens.filter((t) => t.length > 2),
          icd,
        ).size === 0;
      if (phase) phaseOnly.push(i);
      for (const t of new Set(tokens)) {
        const list = byWord.get(t);
        if (list) list.push(i);
        else byWord.set(t, [i]);
      }
    });
    return { phaseOnly, byWord };
  });
}
