/**
 * What an auditor sees in a record that makes the engine's choice of codes fragile even when every
 * code matched well: the record says something the claim does not explain, or a code carries a value
 * the record never stated. Each check sends the encounter to a coder (straight-through.ts); none
 * changes a code. They read titles and the record's words, never a list of diseases:
 *
 * - an organism the record names as found (a culture grew it, a test was positive) that no code on
 *   the claim names (the tabular's "use additional code (B95-B97) to identify the infectious agent");
 * - a code that is its family's unspecified member where the classification has a code for each
 *   value of an axis (type, severity, trimester: "Unspecified atrial fibrillation" beside
 *   "Paroxysmal atrial fibrillation"), so a value the record does not state decides the code
 *   (guideline I.A.9: unspecified codes when the record lacks the detail; a coder confirms it does);
 * - a code whose title asserts the classification's default ("not intractable", "uncomplicated",
 *   "without complications") while the record speaks of the condition failing treatment or being
 *   uncontrolled, words the tabular lists under the other value ("refractory", "poorly controlled");
 * - a word of the code's own statement that qualifies the condition the code names ("pulmonary"
 *   hypertension) and that the classification titles other codes with, left out of the chosen code;
 * - a word of a code's own statement that no code drawn from it explains, while the code's category
 *   titles other codes with it or a close runner-up of the same condition explains it ("COPD with
 *   acute exacerbation" coded as COPD unspecified; "threatened" miscarriage coded as a miscarriage);
 * - a diagnosis line the engine found no code for at all (code-encounter.ts).
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import { COMMENTARY_MARK } from './commentary.ts';
import { EntryKind, type Icd10Cm } from './icd10cm.ts';
import { derivedOnce } from './memo.ts';
import { categoryWords } from './review-signals.ts';
import { NARROW_SITE_FAMILIES, SITE_FAMILIES } from './search.ts';
import { textsOfEntry, titleConditionParts, titleConditionWords } from './title-facts.ts';
import { ENCOUNTER_WORDS } from './ranking.ts';
import { coreTokens, expandWithGroups, isNeutral, LATERALITY_WORDS, stemOf, tokenize } from './text.ts';
import { TREATMENT_DID_NOT_WORK } from './treatment-response.ts';

/** Organisms as a record names them, and the words a code's title uses for them. */
const ORGANISMS: ReadonlyArray<[RegExp, RegExp]> = [
  [/\b(mssa|mrsa|staph\w*|s\.? aureus)\b/i, /staphylococc|methicillin/i],
  [/\b(strep\w*|gas|gbs)\b/i, /streptococc/i],
  [/\b(e\.? ?coli|escherichia)\b/i, /escherichia coli|e\. coli/i],
  [/\bpseudomonas\b/i, /pseudomonas/i],
  [/\bklebsiella\b/i, /klebsiella/i],
  [/\b(enterococc\w*|vre)\b/i, /enterococc/i],
  [/\bproteus\b/i, /proteus/i],
  [/\b(h\.? ?pylori|helicobacter)\b/i, /helicobacter/i],
  [/\b(c\.? ?diff\w*|clostridi\w*)\b/i, /clostridi/i],
  [/\b(rsv|respiratory syncytial)\b/i, /respiratory syncytial/i],
  // "Influenza due to unidentified influenza virus" (J11) does not name the virus the test found.
  [/\b(influenza|flu):? ?(?:type )?[ab]\b/i, /(?<!un)identified\b[^,]*influenza/i],
];
/** A clause that reports an organism as found: a culture or test grew it or was positive for it. */
const FOUND = /\b(grew|growing|grows|cultured?|cx|isolated?|positive|\+|pos|confirmed|identified|infection|due to)\b/i;
/** A clause that reports it as not found or not yet known. */
const NOT_FOUND = /\b(negative|neg|no|not|pending|awaited|ruled out|without|denies)\b/i;

/** The B95-B97 agent codes: a code of them names an organism whatever its title's wording. */
const AGENT_CODE = /^B9[5-7]/;

/** An organism a statement of the record reports as found: the statement, what it names, and how titles name it. */
export interface OrganismFound {
  statement: string;
  name: string;
  titled: RegExp;
}

/** A species name after a genus ("Strep pneumoniae", "Staph aureus"). */
const SPECIES = /^\.?\s+(pneumoniae|aureus|pyogenes|agalactiae|influenzae|faecalis|faecium|aeruginosa|coli|epidermidis)\b/i;

/** The comma-separated part of a statement that holds position `at`. */
function clauseAt(s: string, at: number): string {
  const start = s.lastIndexOf(',', at) + 1;
  const end = s.indexOf(',', at);
  return s.slice(start, end < 0 ? undefined : end);
}

/** The organisms the record reports as found (a culture grew it, a test was positive), each with its first statement. */
export function organismsFound(statements: readonly string[]): OrganismFound[] {
  const out: OrganismFound[] = [];
  for (const [named, titled] of ORGANISMS) {
    for (const s of statements) {
      const m = named.exec(s);
      // The part of the statement between commas that names it: "flu A positive, B neg" finds A.
      const part = m ? clauseAt(s, m.index) : '';
      if (m && FOUND.test(part) && !NOT_FOUND.test(part)) {
        const species = SPECIES.exec(s.slice(m.index + m[0].length));
        out.push({ statement: s, name: species ? `${m[0]}${species[0]}` : m[0], titled });
        break;
      }
    }
  }
  return out;
}

/** The carrier codes (Z22): a patient who carries an organism, colonised without infection. */
const CARRIER_CODE = /^Z22/;
/** A statement about carrying an organism (a screening swab, colonisation), not an infection it caused. */
const CARRIAGE = /\b(carrier|carriage|coloni[sz]\w*|screen\w*|swab)\b/i;

/**
 * An organism the record reports as found and no code on the claim names. A carrier code (Z22) names
 * it only when the record speaks of carrying it: an organism a culture grew from an infection is the
 * infection's agent (B95-B97), and "carrier of MRSA" beside "cellulitis due to MRSA" is another fact.
 */
export function organismUncoded(statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): boolean {
  if (diagnoses.some((d) => AGENT_CODE.test(d.code))) return false;
  return organismsFound(statements).some(
    (o) => !diagnoses.some((d) => o.titled.test(d.description) && (!CARRIER_CODE.test(d.code) || CARRIAGE.test(o.statement))),
  );
}

/**
 * Words that name a value on an axis the classification codes by (type, severity, acuity, trimester,
 * side: "Carpal tunnel syndrome, right upper limb" beside "..., unspecified upper limb").
 */
const AXIS_VALUES = new Set(
  tokenize(
    'mild moderate severe paroxysmal persistent permanent chronic acute subacute intermittent first second third systolic diastolic right left bilateral unilateral',
  ),
);
/** A stage and its value ("Chronic kidney disease, stage 3a", "Pressure ulcer of sacral region, stage 2"). */
const STAGE_VALUE = /^(stage|[1-5][a-c]?)$/;
/** A duration and its value ("loss of consciousness of 30 minutes or less", "... of 1 hour to 5 hours 59 minutes"). */
const DURATION_VALUE = /^(\d+|minutes?|hours?|less|more|greater)$/;
/**
 * An axis a title names as unspecified ("unspecified stage", "unspecified severity", "of unspecified
 * duration"): the axis's name is no word of the condition, and a member may put only its value in
 * its place ("Unspecified dementia, unspecified severity", "Unspecified dementia, mild").
 */
const UNSPECIFIED_AXIS = /\bunspecified (stage|severity|duration|side|laterality|acuity|type|trimester)\b/gi;

const memberCache = new WeakMap<Icd10Cm, Map<string, boolean>>();

/**
 * The code is its family's unspecified member: its title says "unspecified", and a code of the same
 * block is titled by the same words plus only values of an axis ("Unspecified protein-calorie
 * malnutrition", "Moderate protein-calorie malnutrition"; "Chronic kidney disease, unspecified",
 * "Chronic kidney disease, stage 4"; "Pressure ulcer of sacral region, unspecified stage", "...,
 * stage 2"; "Concussion with loss of consciousness of unspecified duration", "... of 30 minutes or
 * less"; "Osteoarthritis of knee, unspecified", "Bilateral primary osteoarthritis of knee" is not one:
 * "primary" is no value). Whether or not the engine asked, the value decides the code, so a
 * coder sees it: a query the engine did not send is what a coder would send. Signs, symptoms and
 * factors (R, Z) are coded as documented.
 */
export function unspecifiedAxisMember(icd: Icd10Cm, diagnoses: readonly CodedDiagnosis[]): boolean {
  return diagnoses.some((d) => !/^[RZ]/.test(d.code) && /\bunspecified\b/i.test(d.description) && hasValuedSibling(icd, d.code));
}

function hasValuedSibling(icd: Icd10Cm, code: string): boolean {
  return derivedOnce(memberCache, icd, code, () => {
    const own = icd.byCode.get(code);
    if (own === undefined) return false;
    const title = icd.entries[own]?.description ?? '';
    const mine = titleConditionWords(icd, own);
    const mineWords = [...mine];
    // The axis a title names as unspecified need not be named by its members ("unspecified severity", "mild").
    const unnamed = new Set([...title.matchAll(UNSPECIFIED_AXIS)].flatMap((m) => tokenize(m[1] ?? '')));
    let block = own;
    while ((icd.entries[block]?.kind ?? EntryKind.Chapter) !== EntryKind.Block && (icd.entries[block]?.parent ?? -1) >= 0)
      block = icd.entries[block]?.parent ?? -1;
    const stack = [...(icd.children.get(block) ?? [])];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      stack.push(...(icd.children.get(i) ?? []));
      if (i === own) continue;
      // (Their words as parts: a 7th-character code's are its parent's and its suffix's, each read once.)
      const theirs = titleConditionParts(icd, i);
      if (!mineWords.every((t) => unnamed.has(t) || theirs.some((words) => words.has(t)))) continue;
      const added = theirs.flatMap((words) => [...words].filter((t) => !mine.has(t)));
      const value = (t: string) => AXIS_VALUES.has(t) || STAGE_VALUE.test(t) || (unnamed.has('duration') && DURATION_VALUE.test(t));
      if (added.length > 0 && added.every(value)) return true;
    }
    return false;
  });
}

/** A title's default value on an axis: the classification's code when the record says nothing. */
const DEFAULT_VALUE = /\b(not intractable|uncomplicated|without complications?)\b/i;
/**
 * The record speaks of the condition resisting treatment or being uncontrolled: the tabular's own
 * inclusion terms for "intractable" (pharmacoresistant, treatment resistant, refractory, poorly
 * controlled) and the way notes say it ("despite", "failed", "not improved").
 */
const RESISTS_TREATMENT = new RegExp(
  String.raw`\b(refractory|intractable|pharmaco-?resistant|(treatment|drug|medication)[- ]resistant|poorly controlled|uncontrolled|not (well )?controlled|inadequately controlled|${TREATMENT_DID_NOT_WORK})\b`,
  'i',
);
const SAID_NOT_INTRACTABLE = /\b(not|non-?)\s*intractable\b/gi;

/** A code asserting its family's default ("not intractable") while the record says the condition resists treatment. */
export function defaultAgainstRecord(statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): boolean {
  if (!diagnoses.some((d) => DEFAULT_VALUE.test(d.description))) return false;
  return statements.some((s) => RESISTS_TREATMENT.test(s.replace(SAID_NOT_INTRACTABLE, ' ')));
}

/** Words a statement can put before a condition that say nothing of which condition it is. */
const NOT_A_QUALIFIER = new Set<string>([...LATERALITY_WORDS, ...ENCOUNTER_WORDS, ...tokenize('history current new known')]);

const pairCache = new WeakMap<Icd10Cm, Map<string, Set<string>>>();
/** The categories with a title or inclusion term that has the two words side by side. */
export function categoriesTitling(icd: Icd10Cm, first: string, second: string): Set<string> {
  return derivedOnce(pairCache, icd, `${first} ${second}`, () => {
    const categories = new Set<string>();
    const b = new Set(icd.postings.get(second) ?? []);
    for (const i of icd.postings.get(first) ?? []) {
      if (!b.has(i)) continue;
      const text = icd.texts[i];
      const tokens = text?.tokens ?? [];
      if (tokens.some((t, k) => t === first && tokens[k + 1] === second))
        categories.add((icd.entries[text?.entry ?? -1]?.code ?? '').slice(0, 3));
    }
    return categories;
  });
}

const codeWordsCache = new WeakMap<Icd10Cm, Map<string, Set<string>>>();
/** The words of a code's title and inclusion terms, and of those of the codes above it in its category. */
export function codeWords(icd: Icd10Cm, code: string): Set<string> {
  return derivedOnce(codeWordsCache, icd, code, () => {
    const words = new Set<string>();
    for (let i = icd.byCode.get(code) ?? -1; i >= 0 && (icd.entries[i]?.code.length ?? 0) >= 3; i = icd.entries[i]?.parent ?? -1) {
      for (const w of tokenize(icd.entries[i]?.description ?? '')) words.add(w);
      for (const ti of textsOfEntry(icd, i)) for (const w of icd.texts[ti]?.tokens ?? []) words.add(w);
    }
    return words;
  });
}

/**
 * A code leaves out a word of its own statement that qualifies the condition it names and that moves
 * the condition to another category of the classification: "pulmonary hypertension" (I27) coded as
 * essential hypertension (I10). The statement's words as written (an abbreviation's expansion is the
 * engine's reading, not the record's); the condition word one the code's title must explain
 * (coreTokens). Factors (Z) are coded as documented.
 */
export function qualifierUnused(icd: Icd10Cm, diagnoses: readonly CodedDiagnosis[]): boolean {
  return diagnoses.some((d) => {
    if (d.code.startsWith('Z')) return false;
    const own = new Set([...codeWords(icd, d.code), ...tokenize(d.description)]);
    const condition = new Set(coreTokens(d.description));
    const category = d.code.slice(0, 3);
    return d.evidence.some((e) => {
      const tokens = tokenize(e.text);
      return tokens.some((t, k) => {
        const next = tokens[k + 1];
        if (next === undefined || !condition.has(next) || own.has(t) || isNeutral(t) || NOT_A_QUALIFIER.has(t) || /^\d/.test(t))
          return false;
        // An adjective of a word the title has ("femoral" neck, "neck of femur") qualifies nothing new.
        if ([...own].some((w) => w.slice(0, 3) === t.slice(0, 3))) return false;
        return [...categoriesTitling(icd, t, next)].some((c) => c !== category);
      });
    });
  });
}

/** Words that say when or whether, not which condition. */
const NOT_A_DETAIL = new Set<string>([...NOT_A_QUALIFIER, ...tokenize('status post hx history')]);
/** Runner-up codes read for a statement: the ones the coder sees first. */
const RIVALS_READ = 3;

const sharesCondition = (a: readonly string[], b: readonly string[]) => a.some((w) => b.some((v) => stemOf(v) === stemOf(w)));

/**
 * A word of a code's own statement that no code drawn from the statement explains, and that the
 * classification codes by next to it: a value other codes of the chosen code's category are titled
 * with ("COPD with acute exacerbation" coded J44.9, while J44.1 is titled "with (acute) exacerbation"),
 * or a word a runner-up code of the same condition explains ("threatened" miscarriage coded O03.9, the
 * runner-up O20.0 "Threatened abortion"). The statement is read up to its commentary ("- continue
 * metformin"); an expansion of an abbreviation counts as one word; a limb word a code's "upper limb"
 * stands for is explained; before a word the code explains, a value must be titled in the category
 * next to that word ("peripheral" polyneuropathy is not a value of E11). Factors (Z) are coded as
 * documented.
 */
export function statementWordUnused(icd: Icd10Cm, diagnoses: readonly CodedDiagnosis[]): boolean {
  const explaining = new Map<string, { words: Set<string>; categories: Set<string>; rivals: Array<Set<string>> }>();
  for (const d of diagnoses) {
    const words = [...codeWords(icd, d.code), ...tokenize(d.description)];
    const core = coreTokens(d.description);
    const rivals = d.alternatives
      .slice(0, RIVALS_READ)
      .filter((a) => sharesCondition(core, coreTokens(a.description)))
      .map((a) => new Set([...codeWords(icd, a.code), ...tokenize(a.description)]));
    for (const e of d.evidence) {
      const s = explaining.get(e.text) ?? { words: new Set<string>(), categories: new Set<string>(), rivals: [] };
      for (const w of words) s.words.add(w);
      s.categories.add(d.code.slice(0, 3));
      s.rivals.push(...rivals);
      explaining.set(e.text, s);
    }
  }
  return diagnoses.some((d) => {
    const text = d.evidence[0]?.text;
    const s = text === undefined ? undefined : explaining.get(text);
    if (d.code.startsWith('Z') || text === undefined || s === undefined) return false;
    const prefixes = new Set([...s.words].map(stemOf));
    const explainedWord = (t: string) => s.words.has(t) || (t.length >= 5 && prefixes.has(stemOf(t)));
    const part = text.split(COMMENTARY_MARK).find((p) => tokenize(expandWithGroups(p).text).some(explainedWord));
    if (part === undefined) return false;
    const { text: expanded, groups } = expandWithGroups(part);
    const explained = (t: string) =>
      explainedWord(t) ||
      groups.some((g) => g.includes(t) && g.some(explainedWord)) ||
      [NARROW_SITE_FAMILIES.get(t), SITE_FAMILIES.get(t)].some((f) => f !== undefined && f.every(explainedWord));
    const valueOfCategory = (t: string, next: string | undefined) =>
      [...s.categories].some(
        (c) => categoryWords(icd, c).has(t) && (next === undefined || !explained(next) || categoriesTitling(icd, t, next).has(c)),
      );
    const tokens = tokenize(expanded);
    return tokens.some((t, k) => {
      if (explained(t) || isNeutral(t) || NOT_A_DETAIL.has(t) || /^\d/.test(t) || t.length < 2) return false;
      return valueOfCategory(t, tokens[k + 1]) || s.rivals.some((r) => r.has(t));
    });
  });
}
