/**
 * Diabetes "with" (guideline I.A.15 and I.C.4.a): the conditions the Alphabetic Index lists under
 * "Diabetes, with" are linked to the diabetes unless the physician documents another cause, and are
 * coded as the diabetes category's complication code (as many as the record documents). A site code
 * the tabular asks for (the L97 ulcer site and depth, the CKD stage, gastroparesis) stays beside it;
 * a code the combination includes (polyneuropathy, hyperglycemia, peripheral angiopathy) goes. The
 * "without complications" code (.9) never stays beside a complication code of the same diabetes.
 */
import { newDraft, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { isBillable } from './icd10cm.ts';
import { rank } from './ranking.ts';
import { buildQuery, type SearchHit } from './search.ts';
import { tabularSiteWords } from './head-words.ts';
import { expandAbbreviations } from './text.ts';
import { controlOfDiabetes, saysOfDiabetes } from './diabetes-control.ts';

/** Control words the index reads as hyperglycemia (Diabetes, poorly controlled: code to Diabetes, by type, with hyperglycemia). */
const CONTROL_WORDS = 'poorly controlled|inadequately controlled|out of control';
const CONTROL = new RegExp(String.raw`\b(?:${CONTROL_WORDS})\b`, 'i');

/** Diabetes categories: due to an underlying condition, drug-induced, type 1, type 2, other specified. */
const DIABETES = /^E(0[89]|1[013])\./;
const isDiabetes = (code: string) => DIABETES.test(code);

export interface DiabetesLink {
  name: string;
  /** Codes of a condition coded on its own that the link takes in. */
  codes: readonly string[];
  /** Or the words of a statement that name the condition (checked on the diabetes statement itself too). */
  words?: RegExp;
  /** Or words of control that name it when said of the diabetes ("DM2, poorly controlled": diabetes-control.ts). */
  control?: RegExp;
  /** The complication subcode after the category ("621": E11.621). */
  suffix: string;
  /** The condition's own code stays (the tabular's "use additional code" for the site or stage). */
  keep: boolean;
}

/**
 * In order of precedence where two could name the same words (polyneuropathy before neuropathy NOS).
 * Written from the Alphabetic Index's "Diabetes, with" subterms and the tabular's notes at E11.6-.
 */
export const DIABETES_LINKS: readonly DiabetesLink[] = [
  { name: 'foot ulcer', codes: ['L97.4', 'L97.5'], suffix: '621', keep: true },
  { name: 'other skin ulcer', codes: ['L97.1', 'L97.2', 'L97.3', 'L97.8', 'L97.9', 'L98.4'], suffix: '622', keep: true },
  { name: 'chronic kidney disease', codes: ['N18.'], suffix: '22', keep: true },
  {
    name: 'polyneuropathy',
    codes: ['G62.9', 'G60.9', 'G62.8'],
    words:
      /\b(poly ?neuropath\w*|peripheral neuropath\w*|peripheral sensory neuropath\w*|distal (symmetric )?(sensory )?(poly)?neuropath\w*)\b/i,
    suffix: '42',
    keep: false,
  },
  {
    name: 'autonomic neuropathy',
    codes: ['G90.09', 'G90.9'],
    words: /\bautonomic (poly)?neuropath\w*\b/i,
    suffix: '43',
    keep: false,
  },
  { name: 'gastroparesis', codes: ['K31.84'], suffix: '43', keep: true },
  { name: 'neuropathy', codes: ['G58.9', 'G64'], words: /\bneuropath(y|ies)\b/i, suffix: '40', keep: false },
  { name: 'retinopathy', codes: ['H35.00'], words: /\bretinopathy\b/i, suffix: '319', keep: false },
  {
    name: 'peripheral angiopathy',
    codes: ['I73.9'],
    words: /\b(peripheral (arterial|artery|vascular) disease|peripheral angiopathy|pad|pvd)\b/i,
    suffix: '51',
    keep: false,
  },
  { name: 'osteomyelitis', codes: ['M86.'], suffix: '69', keep: true },
  { name: 'periodontal disease', codes: ['K05.'], suffix: '630', keep: true },
  {
    name: 'hyperglycemia',
    codes: ['R73.9'],
    words: /\bhyperglycemi\w*/i,
    control: controlOfDiabetes(CONTROL_WORDS),
    suffix: '65',
    keep: false,
  },
  { name: 'hypoglycemia', codes: ['E16.0', 'E16.1', 'E16.2'], words: /\bhypoglycemi\w*\b/i, suffix: '649', keep: false },
];

/** The physician attributes the condition to something else ("ulcer due to venous stasis", "not diabetic"). */
const OTHER_CAUSE =
  /\b(due to|secondary to|caused by|from|related to|attributed to)\b(?![^,;]*\bdiabet)|\b(non-?diabetic|not (due|related) to (the )?diabet\w*|unrelated to (the )?diabet\w*|\w+-induced|alcoholic|hereditary|toxic|venous|stasis|(?<!non-?)pressure|decubitus)\b/i;
/**
 * A diabetes statement that names its type or cause (anything else takes the type documented
 * elsewhere), read with its abbreviations written out ("DM2", "DM II", "T2DM").
 */
const TYPE_WORDS =
  /\btype\s*(1|2|i|ii|one|two)\b|\biddm\b|\bniddm\b|due to|induced|secondary|gestational|pancreatectomy|postprocedural|other specified/i;
const typeStated = (text: string) => TYPE_WORDS.test(expandAbbreviations(text));
/**
 * Diabetes "due to an underlying condition", "drug or chemical induced" and "other specified" (E08,
 * E09, E13) need the record to name what caused it (guideline I.C.4.a: with the type not documented
 * the default is E11; E13 is for a stated cause such as pancreatectomy or a drug).
 */
const CAUSED_CATEGORY = /^E(0[89]|13)\./;
const CAUSE_NAMED =
  /\b(due to|secondary|induced|caused by|from|after|post-?\w*ectomy|steroid|glucocorticoid|cystic fibrosis|pancrea\w*|hemochromatosis|cushing\w*|genetic|monogenic|mody)\b/i;

const statement = (d: DiagnosisDraft) => d.evidence[0]?.text ?? d.description;
const codeMatches = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code === p || code.startsWith(p));
/**
 * The link a draft of another condition names, when its record does not give it another cause. A
 * factor (chapter 21: the insulin a "use additional code" note added from the diabetes line itself)
 * names no complication, whatever words its statement holds.
 */
function linkOf(d: DiagnosisDraft): DiabetesLink | undefined {
  if (isDiabetes(d.code) || d.code.startsWith('Z') || OTHER_CAUSE.test(statement(d))) return undefined;
  // The words the physician used decide first ("neuropathy" coded G62.9 is diabetic neuropathy NOS, E11.40).
  const said = (l: DiabetesLink) => l.words?.test(statement(d)) || (l.control !== undefined && saysOfDiabetes(l.control, statement(d)));
  return DIABETES_LINKS.find(said) ?? DIABETES_LINKS.find((l) => codeMatches(d.code, l.codes));
}

/** The links the diabetes statement names itself ("type 2 diabetes with peripheral neuropathy"). */
function ownLinks(d: DiagnosisDraft): DiabetesLink[] {
  const text = d.evidence.map((e) => e.text).join(' ');
  // A control word of a statement naming the diabetes is its own when said of it, not of another
  // condition named between ("Type 2 diabetes, hypertension poorly controlled").
  const controlled = (l: DiabetesLink) =>
    l.control !== undefined &&
    d.evidence.some((e) =>
      /\bdiabet/i.test(expandAbbreviations(e.text)) ? saysOfDiabetes(l.control as RegExp, e.text) : CONTROL.test(e.text),
    );
  return DIABETES_LINKS.filter((l) => (l.words !== undefined && l.words.test(text)) || controlled(l));
}

/**
 * Whether `code` is the unspecified code of the complication family `wanted` is in (E11.40 for
 * E11.42), or the diabetic nephropathy (.21) beside the diabetic chronic kidney disease (.22): one
 * kidney complication, which the CKD code names with its stage (N18.-) once the CKD is stated.
 */
const lessSpecific = (code: string, wanted: string) =>
  code !== wanted &&
  ((code.length === 6 && code.endsWith('0') && code.slice(0, 5) === wanted.slice(0, 5)) ||
    (code.slice(3) === '.21' && wanted.slice(3) === '.22'));

/**
 * Step: diabetes codes take the documented type (a "diabetic retinopathy" line beside "type 2
 * diabetes" is type 2), the conditions linked by "with" become complication codes, and the
 * "without complications" code goes when any complication of the same diabetes is coded.
 */
export function diabetesWith(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  let out = withDocumentedType(run, drafts);
  const diabetes = out.find((d) => isDiabetes(d.code));
  if (!diabetes) return out;
  const category = diabetes.code.slice(0, 3);
  const added: DiagnosisDraft[] = [];
  const dropped = new Set<DiagnosisDraft>();
  const have = (code: string) => out.some((d) => d.code === code) || added.some((d) => d.code === code);
  const add = (code: string, link: DiabetesLink, from: DiagnosisDraft | undefined) => {
    if (!isBillable(run.codeSets.icd, code) || have(code)) return;
    const documented = from === undefined || /\bdiabet|\bdm\b/i.test(statement(from));
    const evidence = from ? [...diabetes.evidence, ...from.evidence] : [...diabetes.evidence];
    added.push(
      newDraft(run.codeSets, code, {
        confidence: Math.min(diabetes.confidence, from?.confidence ?? 1),
        order: (from?.order ?? diabetes.order) - 0.25,
        evidence,
        rationale: from
          ? `Diabetes (${diabetes.code}) with ${link.name} (${from.code}, "${statement(from)}"): ${documented ? 'the record links them' : 'ICD-10-CM presumes the link ("with", guideline I.A.15)'}; coded ${code}${link.keep ? `, ${from.code} kept for the site, depth or stage` : `, which includes ${from.code}`}.`
          : `The diabetes statement ("${statement(diabetes)}") names ${link.name}: coded ${code}.`,
        ...(documented ? {} : { presumed: `diabetes with ${link.name}` }),
      }),
    );
  };
  for (const d of out) {
    if (isDiabetes(d.code)) {
      for (const link of ownLinks(d)) add(`${d.code.slice(0, 3)}.${link.suffix}`, link, undefined);
      continue;
    }
    const link = linkOf(d);
    if (!link) continue;
    const code = `${category}.${link.suffix}`;
    add(code, link, d);
    if (!link.keep && have(code)) dropped.add(d);
  }
  if (added.length === 0 && !out.some((d) => isDiabetes(d.code) && d.code.endsWith('.9'))) return withUlcerSite(run, out);
  out = [...out.filter((d) => !dropped.has(d)), ...added];
  return withUlcerSite(run, withoutUncomplicated(out));
}

/** Diabetes with a foot ulcer (.621) or another skin ulcer (.622). */
const WITH_ULCER = /^E(0[89]|1[013])\.62[12]$/;
/** The codes the tabular asks for beside it: "use additional code to identify site of ulcer (L97.4-, L97.5-)" or L97.1-L97.9, L98.41-L98.49. */
const ULCER_SITE = (code: string) => code.startsWith('L97') || code.startsWith('L98.4');
const ULCER_SITE_FOUND = 0.6;

/**
 * A diabetic ulcer stated with its site ("diabetic foot ulcer L heel") is two codes: the diabetes
 * with the ulcer and the non-pressure chronic ulcer by site, side and depth (the tabular's note at
 * E11.621/E11.622). Searched from the statement's words as a non-pressure chronic ulcer, since a
 * diabetic ulcer is one; a site its statements do not name may be named where the note describes the
 * ulcer ("ulcer L plantar 1st MTP head"), else it is left to the ulcer's own search. The
 * ulcer is one condition however many statements name it ("Type 2 diabetes with foot ulcer" and
 * "Diabetic foot ulcer, right heel"): each is read on its own, and the one that names the site gives it.
 */
/**
 * The tabular's part of the foot for the places a wound exam names, as the Alphabetic Index sends
 * them, with the side: the heel and midfoot (L97.4-), or "other part of foot" (L97.5-) for the toes,
 * the sole and the forefoot. The words to search by and the subcategory a match must be in.
 */
function footPart(text: string): { words: string; subcategory: string } | undefined {
  const side = /\b(?:l|lt|left)\b/i.test(text) ? 'left ' : /\b(?:r|rt|right)\b/i.test(text) ? 'right ' : '';
  if (/\b(?:heel|midfoot|calcane\w*)\b/i.test(text)) return { words: `${side}heel and midfoot`, subcategory: 'L97.4' };
  if (
    /\b(?:plantar|sole|toes?|hallux|forefoot|metatarsal\w*|mtp|met head|ball of (?:the )?foot|dorsum of (?:the )?foot|dorsal foot)\b/i.test(
      text,
    )
  )
    return { words: `other part of ${side}foot`, subcategory: 'L97.5' };
  return undefined;
}

function withUlcerSite(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => ULCER_SITE(d.code))) return drafts;
  const ulcer = drafts.find((d) => WITH_ULCER.test(d.code));
  if (!ulcer) return drafts;
  const sites = tabularSiteWords(run.codeSets.icd);
  const named = (hit: SearchHit) =>
    hit.score >= ULCER_SITE_FOUND && hit.matched.some((t) => sites.has(t) && !['foot', 'lower', 'limb'].includes(t));
  const evidence = drafts.filter((d) => WITH_ULCER.test(d.code)).flatMap((d) => d.evidence);
  // The ulcer's own statements first, then the note's description of it ("ulcer L plantar 1st MTP head x 5 wk").
  const described = run.notes.filter((n) => n.assertion === 'affirmed' && /\bulcer/i.test(n.original)).map((n) => n.original);
  const statements = [...new Set([...evidence.map((e) => e.text), ...described].filter((t) => /\bulcer/i.test(t)))];
  for (const text of statements) {
    const part = footPart(text);
    const hit = rank(run, buildQuery(`${text} ${part?.words ?? ''} non-pressure chronic ulcer`), text, ULCER_SITE)[0];
    if (!hit || !(named(hit) || (part && hit.code.startsWith(part.subcategory)))) continue;
    return [
      ...drafts,
      newDraft(run.codeSets, hit.code, {
        confidence: Math.min(ulcer.confidence, hit.score),
        order: ulcer.order + 0.25,
        evidence: evidence.filter((e) => e.text === text),
        rationale: `"Use additional code to identify site of ulcer" at ${ulcer.code}: the statement ("${text}") names the site, coded "${hit.matchedText}".`,
      }),
    ];
  }
  return drafts;
}

/**
 * A diabetes code of the same category that is less specific than another one coded (.9 "without
 * complications" beside any complication; E11.40 beside E11.42; E11.21 beside E11.22) goes; its evidence stays with the
 * specific code.
 */
function withoutUncomplicated(drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const diabetes = drafts.filter((d) => isDiabetes(d.code));
  const redundant = diabetes.filter((d) =>
    diabetes.some((e) => e !== d && e.code.slice(0, 3) === d.code.slice(0, 3) && (d.code.endsWith('.9') || lessSpecific(d.code, e.code))),
  );
  if (redundant.length === 0) return drafts;
  return drafts
    .filter((d) => !redundant.includes(d))
    .map((d) => {
      const replaced = redundant.find((r) => r.code.slice(0, 3) === d.code.slice(0, 3));
      if (!replaced || !isDiabetes(d.code) || d.order <= replaced.order) return d;
      // The complication code takes the place of the diabetes statement in the list.
      return { ...d, order: replaced.order, evidence: [...replaced.evidence, ...d.evidence.filter((e) => !replaced.evidence.includes(e))] };
    });
}

/**
 * Diabetes codes of a statement that names no type take the type another statement documents
 * (one type only; two documented types are a conflict asked elsewhere).
 */
function withDocumentedType(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const typed = new Set(drafts.filter((d) => isDiabetes(d.code) && typeStated(statement(d))).map((d) => d.code.slice(0, 3)));
  if (typed.size > 1) return drafts;
  // No type stated anywhere: a caused category no statement names a cause for is the default, E11.
  const documented = [...typed][0];
  const category = documented ?? 'E11';
  return drafts.map((d) => {
    if (!isDiabetes(d.code) || d.code.startsWith(category) || typeStated(statement(d))) return d;
    if (!documented && (!CAUSED_CATEGORY.test(d.code) || CAUSE_NAMED.test(d.evidence.map((e) => e.text).join(' ')))) return d;
    const code = `${category}${d.code.slice(3)}`;
    if (!isBillable(run.codeSets.icd, code)) return d;
    const why = documented
      ? `The type of diabetes is documented by another statement: ${code} in place of ${d.code}.`
      : `No statement names a type of diabetes or a cause for ${d.code.slice(0, 3)}: the default type 2 (guideline I.C.4.a.2), ${code} in place of ${d.code}.`;
    return recoded(run.codeSets, d, code, why);
  });
}
