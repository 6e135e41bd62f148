/**
 * Pregnancy details the record states elsewhere refine the pregnancy code chosen for a diagnosis:
 * the trimester follows the documented weeks of gestation (first < 14 weeks, second 14 to < 28,
 * third from 28), and a record of an ongoing pregnancy (weeks stated, no delivery) chooses the
 * "in pregnancy" code over "in childbirth" / "in the puerperium".
 */
import { billableDescendants, isBillable, type Icd10Cm } from './icd10cm.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { withoutCompletedGravidity } from './gravidity.ts';
import { agesOfThisVisit, valueAge, weeksOfGestationCode, type GestationalAge } from './gestational-age.ts';

export type Trimester = 'first' | 'second' | 'third';

export interface PregnancyStatus {
  weeks?: number;
  trimester?: Trimester;
  /** Where it was read. */
  source?: string;
  /** The record describes a pregnancy still ongoing (not delivered, not postpartum). */
  antepartum: boolean;
}

const STATED_TRIMESTER = /\b(first|1st|second|2nd|third|3rd)\s+trimester\b/i;
const DELIVERED =
  /\b(postpartum|post-partum|puerper\w*|delivered|delivery (was|on)|after delivery|status post (c-section|cesarean|delivery)|s\/p (c-section|cesarean|delivery)|in labou?r)\b/i;
const PREGNANT = /\b(pregnant|pregnancy|gestation\w*|prenatal|antenatal|iup|g\d+\s*p\d+)\b/i;
/**
 * A pregnancy the statement does not say is happening: one planned, prevented, avoided or tested for
 * ("not planning pregnancy", "before any planned pregnancy", "pregnancy test ordered").
 */
const NO_PREGNANCY_NOW =
  /\b(?:(?:not\s+)?(?:planning|planned|plans?\s+for|trying\s+for|desires?|wants?|avoid\w*|prevent\w*|before|future|any|next|possible|potential)\s+(?:a\s+|any\s+|future\s+|planned\s+)*pregnan\w*|pregnancy\s+(?:test\w*|prevention|planning|avoidance|intention)|(?:if|could\s+become|may\s+become|becomes?|(?:trying|planning|hoping|wanting|wants?|plans?)\s+to\s+(?:get|become))\s+pregnant|(?:if|when|should)\s+(?:a\s+)?pregnancy\s+(?:is\s+)?(?:suspected|occurs|happens|planned)|not\s+pregnant)\b/gi;
/** The current gestational age written out ("26w1d", "gestational age today", "at 30 weeks"). */
const CURRENT_GESTATION = /\b\d{1,2}\s*w\s*[0-6]\s*d\b|\bgestational age\b|\bat \d{1,2}\s*(weeks?|wks?)\b/i;
/** A delivery the statement reports as past ("delivered", "postpartum day 2"), not one a plan is timed by ("6 weeks after delivery"). */
const DELIVERED_PAST =
  /\b(delivered|delivery (was|on)|status post (c-section|cesarean|delivery)|s\/p (c-section|cesarean|delivery)|postpartum (day|week|visit|check)|\d+\s*(days?|weeks?|wks?)\s*post-?partum|in labou?r)\b/i;

export function trimesterOfWeeks(weeks: number): Trimester {
  return weeks < 14 ? 'first' : weeks < 28 ? 'second' : 'third';
}

export function statedTrimester(text: string): Trimester | undefined {
  const w = STATED_TRIMESTER.exec(text)?.[1]?.toLowerCase();
  if (!w) return undefined;
  return w.startsWith('f') || w === '1st' ? 'first' : w.startsWith('s') || w === '2nd' ? 'second' : 'third';
}

/** What the record's statements say about an ongoing pregnancy. */
export function pregnancyStatus(statements: readonly string[]): PregnancyStatus {
  const status: PregnancyStatus = { antepartum: false };
  let delivered = false;
  let deliveredPast = false;
  let currentWeeks = false;
  let pregnant = false;
  for (const s of statements) {
    if (DELIVERED.test(s)) delivered = true;
    if (DELIVERED_PAST.test(s)) deliveredPast = true;
    if (CURRENT_GESTATION.test(s)) currentWeeks = true;
    if (PREGNANT.test(withoutCompletedGravidity(s).replace(NO_PREGNANCY_NOW, ' '))) pregnant = true;
    const t = statedTrimester(s);
    if (t && !status.trimester) {
      status.trimester = t;
      status.source = s;
    }
  }
  // The pregnancy's age: one value, or, stated two ways, only the trimester they share (the query
  // on the weeks is gestation-conflict.ts's).
  // Every age a statement gives counts for agreement; the stated ones first for the value.
  const ages = agesOfThisVisit(statements);
  if (ages.length > 0) {
    pregnant = true;
    const first = valueAge(ages) as GestationalAge;
    if (new Set(ages.map((a) => weeksOfGestationCode(a.weeks))).size === 1) status.weeks = first.weeks;
    const trimesters = new Set(ages.map((a) => trimesterOfWeeks(a.weeks)));
    // The weeks of this visit date the pregnancy; a trimester written elsewhere (a problem list entered
    // weeks ago) does not outweigh them. The diagnosis' own trimester still does (refinePregnancyCode).
    if (trimesters.size === 1) {
      status.trimester = trimesterOfWeeks(first.weeks);
      status.source = first.statement;
    } else {
      // Ages of different trimesters: the trimester is what the weeks query settles, whatever word
      // one of the statements gives it ("13w6d (first trimester)" beside "14w2d").
      delete status.trimester;
      delete status.source;
    }
  }
  // The current weeks of gestation stated: only a delivery reported as past ends that pregnancy.
  status.antepartum = pregnant && !(ages.length === 0 && !currentWeeks ? delivered : deliveredPast);
  return status;
}

const norm = (d: string) =>
  d
    .toLowerCase()
    .replace(/\bthe\s+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The code in the same category whose title is `wanted` (compared without "the"). */
function codeTitled(icd: Icd10Cm, code: string, wanted: string): { code: string; description: string } | undefined {
  const i = icd.byCode.get(code);
  const entry = i === undefined ? undefined : icd.entries[i];
  if (!entry) return undefined;
  // Up to the three-character category.
  let top = i as number;
  while ((icd.entries[top]?.code.replace('.', '').length ?? 0) > 3) {
    const p = icd.entries[top]?.parent ?? -1;
    if (p < 0) break;
    top = p;
  }
  const target = norm(wanted);
  for (const k of billableDescendants(icd, top)) {
    const e = icd.entries[k];
    if (e && norm(e.description) === target) return { code: e.code, description: e.description };
  }
  return undefined;
}

/**
 * The refined code for a pregnancy code, or undefined when nothing changes. `ownText` is the
 * diagnosis' own wording: a trimester or phase it states itself is kept.
 */
export function refinePregnancyCode(
  icd: Icd10Cm,
  code: string,
  description: string,
  ownText: string,
  status: PregnancyStatus,
): { code: string; description: string; why: string } | undefined {
  if (!/^O|^Z3[3-6]/.test(code)) return undefined;
  let desc = description;
  const why: string[] = [];
  if (
    status.antepartum &&
    /\bin (the )?puerperium\b|\bin childbirth\b/i.test(desc) &&
    !/puerper|postpartum|childbirth|deliver|labou?r/i.test(ownText)
  ) {
    desc = desc.replace(/\bin (the )?puerperium\b|\bin childbirth\b/i, 'in pregnancy');
    why.push('the record describes an ongoing pregnancy');
  }
  // The trimester the statement itself states, else the one the record gives.
  const own = statedTrimester(ownText);
  const trimester = own ?? status.trimester;
  if (trimester) {
    const m = /\b(unspecified|first|second|third) trimester\b/i.exec(desc);
    if (m && m[1]?.toLowerCase() !== trimester) {
      desc = desc.replace(m[0], `${trimester} trimester`);
      why.push(
        own
          ? `${own} trimester stated ("${ownText}")`
          : `${trimester} trimester from ${status.weeks !== undefined ? `${status.weeks} weeks of gestation` : 'the record'} ("${status.source ?? ''}")`,
      );
    }
  }
  if (desc === description) return undefined;
  const found = codeTitled(icd, code, desc);
  return found ? { ...found, why: why.join('; ') } : undefined;
}

export const FIRST_PREGNANCY = /\b(g1(\s*p0)?|primigravida|primigravid|first pregnancy|nulliparous|nullip)\b/i;
export const LATER_PREGNANCY = /\b(g([2-9]|1\d)\s*p?\d*|multigravida|multigravid|multiparous|multip|second pregnancy|third pregnancy)\b/i;

/**
 * Supervision of a normal pregnancy is coded first (Z34.0-) or other (Z34.8-) pregnancy from the
 * gravidity the record states; unspecified (Z34.9-) only when it states none. (A step.)
 */
export function withGravidity(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const text = [doc.notes, ...doc.diagnoses.map((d) => d.description)].join(' \n ');
  const first = FIRST_PREGNANCY.exec(text);
  const later = LATER_PREGNANCY.exec(text);
  const stated = first && !later ? first : later && !first ? later : undefined;
  if (!stated) return drafts;
  const family = stated === first ? '0' : '8';
  const icd = run.codeSets.icd;
  return drafts.map((d) => {
    if (!/^Z34\.[089]/.test(d.code) || d.code[4] === family) return d;
    const code = `Z34.${family}${d.code.slice(5)}`;
    if (!isBillable(icd, code) || !run.allowed(code)) return d;
    return recoded(run.codeSets, d, code, `Gravidity documented ("${stated[0]}"): ${code}.`);
  });
}

/** Step: pregnancy codes follow the trimester and phase the record states elsewhere (weeks of gestation). */
export function withPregnancyDetails(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const status = pregnancyStatus([...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)]);
  if (!status.antepartum && !status.trimester) return drafts;
  return drafts.map((d) => {
    const m = run.mentions.get(d.order);
    // A written code keeps its trimester; one moved to chapter 15 (pregnancy-chapter.ts) takes the record's.
    // A written "unspecified trimester" states none: the record's weeks give it (guideline I.C.15.a.5,
    // unspecified trimester only when the record cannot tell).
    if (m?.documentedCode !== undefined && m.documentedCode === d.code && !/\bunspecified trimester\b/i.test(d.description)) return d;
    const refined = refinePregnancyCode(run.codeSets.icd, d.code, d.description, m?.original ?? '', status);
    if (!refined || !run.allowed(refined.code)) return d;
    return recoded(run.codeSets, d, refined.code, `Refined to ${refined.code}: ${refined.why}.`);
  });
}
