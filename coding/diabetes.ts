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

/** Diabetes categories: due to an underlying condition, drug-induced, type 1, type 2, other specified. */
const DIABETES = /^E(0[89]|1[013])\./;
const isDiabetes = (code: string) => DIABETES.test(code);

export interface DiabetesLink {
  name: string;
  /** Codes of a condition coded on its own that the link takes in. */
  codes: readonly string[];
  /** Or the words of a statement that name the condition (checked on the diabetes statement itself too). */
  words?: RegExp;
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
    words: /\b(hyperglycemi\w*|poorly controlled|inadequately controlled|out of control)\b/i,
    suffix: '65',
    keep: false,
  },
  { name: 'hypoglycemia', codes: ['E16.0', 'E16.1', 'E16.2'], words: /\bhypoglycemi\w*\b/i, suffix: '649', keep: false },
];

/** The physician attributes the condition to something else ("ulcer due to venous stasis", "not diabetic"). */
const OTHER_CAUSE =
  /\b(due to|secondary to|caused by|from|related to|attributed to)\b(?![^,;]*\bdiabet)|\b(non-?diabetic|not (due|related) to (the )?diabet\w*|unrelated to (the )?diabet\w*|\w+-induced|alcoholic|hereditary|toxic|venous|stasis|(?<!non-?)pressure|decubitus)\b/i;
/** A diabetes statement that names its type or cause (anything else takes the type documented elsewhere). */
const TYPE_STATED =
  /\btype\s*(1|2|i|ii|one|two)\b|\bt[12]dm\b|\biddm\b|\bniddm\b|due to|induced|secondary|gestational|post-?pancreatectomy/i;

const statement = (d: DiagnosisDraft) => d.evidence[0]?.text ?? d.description;
const codeMatches = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code === p || code.startsWith(p));
/** The link a draft of another condition names, when its record does not give it another cause. */
function linkOf(d: DiagnosisDraft): DiabetesLink | undefined {
  if (isDiabetes(d.code) || OTHER_CAUSE.test(statement(d))) return undefined;
  // The words the physician used decide first ("neuropathy" coded G62.9 is diabetic neuropathy NOS, E11.40).
  return DIABETES_LINKS.find((l) => l.words?.test(statement(d))) ?? DIABETES_LINKS.find((l) => codeMatches(d.code, l.codes));
}

/** The links the diabetes statement names itself ("type 2 diabetes with peripheral neuropathy"). */
function ownLinks(d: DiagnosisDraft): DiabetesLink[] {
  const text = d.evidence.map((e) => e.text).join(' ');
  return DIABETES_LINKS.filter((l) => l.words !== undefined && l.words.test(text));
}

/** Whether `code` is the unspecified code of the complication family `wanted` is in (E11.40 for E11.42). */
const lessSpecific = (code: string, wanted: string) =>
  code !== wanted && code.length === 6 && code.endsWith('0') && code.slice(0, 5) === wanted.slice(0, 5);

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
  if (added.length === 0 && !out.some((d) => isDiabetes(d.code) && d.code.endsWith('.9'))) return out;
  out = [...out.filter((d) => !dropped.has(d)), ...added];
  return withoutUncomplicated(out);
}

/**
 * A diabetes code of the same category that is less specific than another one coded (.9 "without
 * complications" beside any complication; E11.40 beside E11.42) goes; its evidence stays with the
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
  const typed = new Set(drafts.filter((d) => isDiabetes(d.code) && TYPE_STATED.test(statement(d))).map((d) => d.code.slice(0, 3)));
  if (typed.size !== 1) return drafts;
  const [category] = [...typed] as [string];
  return drafts.map((d) => {
    if (!isDiabetes(d.code) || d.code.startsWith(category) || TYPE_STATED.test(statement(d))) return d;
    const code = `${category}${d.code.slice(3)}`;
    if (!isBillable(run.codeSets.icd, code)) return d;
    return recoded(run.codeSets, d, code, `The type of diabetes is documented by another statement: ${code} in place of ${d.code}.`);
  });
}
