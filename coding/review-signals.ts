/**
 * What in a record makes a code set a coder's call even when every code matched well: decisions the
 * guidelines leave to the coder's reading of the whole record, not to the match of one statement.
 * Each signal sends the encounter to a coder (straight-through.ts); none changes a code.
 *
 * - A long-term drug the record names as current, of a class with its own Z79 code, and no Z79 code
 *   on the claim (guideline I.C.21.c.3: status codes for long-term drug therapy; whether the drug is
 *   long-term and reported is decided from the whole record).
 * - A history or follow-up context: a history, follow-up or aftercare code on the list, or a
 *   neoplasm coded while the record speaks of completed treatment, remission or surveillance
 *   (guideline I.C.2.d and I.C.21.c.4/c.8: current condition, history of it, or follow-up after
 *   completed treatment turn on facts a coder weighs).
 * - A preventive examination coded "without abnormal findings" while the record names a finding
 *   (guideline I.C.21.c.13: with or without abnormal findings, and the findings coded beside it).
 * - A Z79 code on the claim with no current drug of its class in the record (I.C.21.c.3: the status
 *   code follows the drug; a code for another class is a wrong code, whatever its match score).
 * - A sign or symptom code beside a diagnosis of the same body system (I.B.5: integral symptoms are
 *   not coded; whether this one is integral is the coder's reading).
 * - An injury code whose title leaves out a documented word that other codes of its category are
 *   titled by (fracture type, part of the bone: I.C.19.c, code to the documented specificity).
 * - A mental or behavioural disorder coded as unspecified ("Depression, unspecified", "Anxiety
 *   disorder, unspecified"): chapter 5 codes by the disorder, the episode (single, recurrent), the
 *   severity and remission, and notes that say "depression" or "anxiety" usually give more (a
 *   screening score, a prior episode, the symptoms of another disorder) that a coder reads or asks.
 * - An adult BMI of 40 or more recorded and no weight diagnosis on the claim (guideline I.B.14: the
 *   BMI is reported only with the provider's associated weight diagnosis; whether the provider
 *   documented one, or must be asked, is the coder's question).
 * - A condition coded from the diagnosis list while the notes say the visit did not address it
 *   ("Anxiety - stable, not addressed today", "per PCP"): guideline IV.J codes the conditions that
 *   require or affect the care of this visit, and the list and the note disagree about this one.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import type { Icd10Cm } from './icd10cm.ts';
import { ENCOUNTER_WORDS } from './ranking.ts';
import { COUNT, coreTokens, expandAbbreviations, isNeutral, LATERALITY_WORDS, stemOf, tokenize } from './text.ts';
import { bmiCode, currentUse, INJECTABLE_NON_INSULIN, INSULIN, ORAL_ANTIDIABETIC } from './additional.ts';
import { clausesOf } from './context.ts';
import { withoutOthersAsNeeded } from './long-term-drugs.ts';
import { denialBefore } from './denial.ts';
import { derivedOnce } from './memo.ts';
import { saysNotAddressed } from './sections.ts';

/** Drugs, by class, whose long-term use has a Z79 code of its own (the code each points at). */
const LONG_TERM_DRUGS: ReadonlyArray<[RegExp, string]> = [
  [
    /\b(warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|savaysa|enoxaparin|lovenox|anticoagula\w+)\b/i,
    'Z79.01',
  ],
  [/\b(clopidogrel|plavix|prasugrel|effient|ticagrelor|brilinta|antiplatelets?)\b/i, 'Z79.02'],
  [/\b(aspirin|asa \d+|baby aspirin)\b/i, 'Z79.82'],
  [INSULIN, 'Z79.4'],
  [ORAL_ANTIDIABETIC, 'Z79.84'],
  [INJECTABLE_NON_INSULIN, 'Z79.85'],
  [/\b(prednisone|prednisolone|methylprednisolone|dexamethasone|hydrocortisone tablets?)\b/i, 'Z79.52'],
  [/\b(fluticasone|budesonide|beclomethasone|mometasone inhaler|advair|symbicort|breo|inhaled (cortico)?steroids?|ics)\b/i, 'Z79.51'],
  [
    /\b(oxycodone|hydrocodone|morphine|hydromorphone|methadone|buprenorphine|fentanyl patch|percocet|norco|vicodin|tramadol|opioids?)\b/i,
    'Z79.891',
  ],
  [
    /\b(methotrexate|tacrolimus|cyclosporine|mycophenolate|azathioprine|adalimumab|humira|etanercept|infliximab|tofacitinib|immunosuppress\w+)\b/i,
    'Z79.6',
  ],
  [/\b(tamoxifen|raloxifene|anastrozole|letrozole|exemestane|aromatase inhibitors?)\b/i, 'Z79.81'],
  [/\b(alendronate|fosamax|risedronate|ibandronate|bisphosphonates?)\b/i, 'Z79.83'],
  [/\b(meloxicam|naproxen|ibuprofen|diclofenac|celecoxib|nsaids?) (daily|chronically|long[- ]term|every day)\b/i, 'Z79.1'],
  [/\b(estradiol|conjugated estrogens|premarin|hormone replacement|hrt)\b/i, 'Z79.890'],
];

/** A course with an end (a burst, a taper, so many days): not long-term therapy. */
const SHORT_COURSE = new RegExp(
  String.raw`\b(burst|taper\w*|course|pack|dose ?pack|x ?\d+ ?(days?|d)|(?:for|x) (?:${COUNT}) (days?|weeks?)|once|single dose|prn|as needed)\b`,
  'i',
);

/** The long-term drugs the record names as current (Z79 code the drug points at, and the drug as written). */
export function currentLongTermDrugs(statements: readonly string[]): Array<{ code: string; drug: string }> {
  const out: Array<{ code: string; drug: string }> = [];
  for (const [pattern, code] of LONG_TERM_DRUGS) {
    for (const s of statements) {
      const m = currentUse(s, pattern);
      // Another item's "as needed" ("triple inhaler daily, albuterol PRN") says nothing of this drug's course.
      if (m && !SHORT_COURSE.test(withoutOthersAsNeeded(s, pattern))) {
        out.push({ code, drug: m[0] });
        break;
      }
    }
  }
  return out;
}

/** A long-term drug is named as current and the claim has no Z79 code: whether to report it is the coder's. */
export function longTermDrugUndecided(statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): boolean {
  if (diagnoses.some((d) => d.code.startsWith('Z79'))) return false;
  return currentLongTermDrugs(statements).length > 0;
}

/** Codes that say "history of", "follow-up after" or "aftercare": they rest on whether treatment is complete. */
const HISTORY_OR_FOLLOW_UP = /^(Z08|Z09|Z85|Z86|Z87\.[0-7]|Z92|Z48|Z51)/;
const NEOPLASM = /^(C|D0|D3|D4)/;
const TREATMENT_DONE =
  /\b(completed|finished|s\/p|status post|post) (\w+ ){0,2}(chemo\w*|radiation|radiotherapy|treatment|therapy|resection|mastectomy|lumpectomy|colectomy|surgery)\b|\b(in remission|no evidence of (disease|recurrence)|ned\b|surveillance|no recurrence|recurrence[- ]free|cancer[- ]free|disease[- ]free)\b/i;

/** The list rests on history versus current versus follow-up: a history/follow-up code, or a neoplasm beside "treatment completed". */
export function historyContext(statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): boolean {
  if (diagnoses.some((d) => HISTORY_OR_FOLLOW_UP.test(d.code))) return true;
  return diagnoses.some((d) => NEOPLASM.test(d.code)) && statements.some((s) => TREATMENT_DONE.test(s));
}

const WITHOUT_FINDINGS = /without abnormal findings/i;
/** Words that name a finding at an examination (a reading, a result, something felt or heard). */
const FINDING_WORDS =
  /\b(abnormal\w*|elevated|high|low|raised|positive|murmur|mass|lump|nodule|enlarged|tender(ness)?|rash|lesion|finding|found|noted|deficien\w*|overweight|obes\w*|\d{3}\/\d{2,3})\b/i;
const NO_FINDING = /\b(no|without|denies|negative|normal|unremarkable|within normal limits|wnl)\b[^,;.]*$/i;

/** A preventive examination coded without abnormal findings while the record names one: the coder reads which. */
export function preventiveWithFindings(
  statements: readonly string[],
  flaggedResults: number,
  diagnoses: readonly CodedDiagnosis[],
): boolean {
  if (!diagnoses.some((d) => WITHOUT_FINDINGS.test(d.description))) return false;
  if (flaggedResults > 0) return true;
  return statements.some((s) => {
    const m = FINDING_WORDS.exec(s);
    return m !== null && !NO_FINDING.test(s.slice(0, m.index));
  });
}

const WITH_FINDINGS = /\bwith (?:other )?abnormal findings/i;

/**
 * An examination coded "with abnormal findings" and nothing else but factors (Z) beside it: the
 * finding the code says the examination found is on no line (guideline I.C.21.c.13 codes it as an
 * additional code), or the examination found nothing and the code is the wrong one of its pair.
 */
export function abnormalFindingsUncoded(diagnoses: readonly CodedDiagnosis[]): boolean {
  return diagnoses.some((d) => WITH_FINDINGS.test(d.description)) && diagnoses.every((d) => d.code.startsWith('Z'));
}

/** The record's statements the signals read: each diagnosis line and each clause of the notes. */
export function recordStatements(documentation: { notes: string; diagnoses: ReadonlyArray<{ description: string }> }): string[] {
  return [...documentation.diagnoses.map((d) => d.description), ...clausesOf(documentation.notes)];
}

/** A Z79 code on the claim that no current drug named in the record stands for. */
export function longTermDrugUnsupported(statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): boolean {
  const named = new Set(currentLongTermDrugs(statements).map((d) => d.code));
  return diagnoses.some((d) => d.code.startsWith('Z79') && !named.has(d.code));
}

/**
 * The body system a code belongs to: its chapter, the eye and the ear apart; for a sign or symptom
 * of chapter 18 the system its block is about (R00-R09 heart and lungs, R10-R19 digestive...), none
 * for general symptoms (fever, fatigue) that belong to no system.
 */
function bodySystem(code: string): string | undefined {
  const letter = code[0] ?? '';
  const n = Number(code.slice(1, 3));
  if (letter === 'H') return n < 60 ? 'eye' : 'ear';
  if (letter !== 'R') return letter === 'D' && n >= 50 ? 'blood' : letter;
  if (n <= 9) return n <= 3 ? 'I' : 'J';
  if (n <= 19) return 'K';
  if (n <= 23) return 'L';
  if (n <= 29) return 'M';
  if (n <= 39 || (n >= 80 && n <= 82)) return 'N';
  return undefined;
}

/** A sign or symptom: chapter 18, or a title of pain, discomfort or disturbance in an organ chapter (ocular pain, otalgia). */
const SYMPTOM_TITLE =
  /^(\w+ )?(pain|ache|discomfort|disturbances?|otalgia|swelling|effusion|redness|itching|stiffness)\b|\b(pain|disturbances?) (in|of)\b/i;
/** A sign or symptom code (chapter 18, or a pain or disturbance titled in an organ chapter). */
export const isSymptom = (d: CodedDiagnosis): boolean =>
  d.code.startsWith('R') || (!/^[STVWXYZ]/.test(d.code) && SYMPTOM_TITLE.test(d.description));

/** A symptom code and a diagnosis of the same body system are both on the claim. */
export function symptomBesideDiagnosis(diagnoses: readonly CodedDiagnosis[]): boolean {
  const symptoms = diagnoses.filter(isSymptom);
  const others = diagnoses.filter((d) => !isSymptom(d) && !/^[VWXYZ]/.test(d.code));
  return symptoms.some((s) => {
    const system = bodySystem(s.code);
    return system !== undefined && others.some((o) => bodySystem(o.code) === system);
  });
}

/** Words a documented injury can use that say nothing of its type or part. */
const NOT_A_DETAIL = new Set<string>([...LATERALITY_WORDS, ...ENCOUNTER_WORDS]);

/**
 * An injury code (S, T) whose title leaves out a documented word of the injury's own statement that
 * titles other codes of the same category: "comminuted" coded to an unspecified fracture.
 */
export function injuryDetailUnused(icd: Icd10Cm, diagnoses: readonly CodedDiagnosis[]): boolean {
  return diagnoses.some((d) => {
    if (!/^[ST]/.test(d.code)) return false;
    const stated = d.evidence[0]?.text;
    if (!stated) return false;
    const own = new Set(tokenize(d.description));
    const category = categoryWords(icd, d.code.slice(0, 3));
    return tokenize(expandAbbreviations(stated)).some((t) => !own.has(t) && !NOT_A_DETAIL.has(t) && category.has(t));
  });
}

/** The entries of a category: the category and every code below it, the 7th-character codes left out. */
export function categoryEntries(icd: Icd10Cm, category: string): number[] {
  const out: number[] = [];
  const root = icd.byCode.get(category);
  const stack = root === undefined ? [] : [root];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const e = icd.entries[i];
    if (!e || e.code.length > 7) continue;
    out.push(i);
    stack.push(...(icd.children.get(i) ?? []));
  }
  return out;
}

const categoryCache = new WeakMap<Icd10Cm, Map<string, Set<string>>>();
/** The words of every title in a category (its codes below the 7th character). */
export function categoryWords(icd: Icd10Cm, category: string): Set<string> {
  return derivedOnce(
    categoryCache,
    icd,
    category,
    () => new Set(categoryEntries(icd, category).flatMap((i) => tokenize(icd.entries[i]?.description ?? ''))),
  );
}

/**
 * A code drawn from a diagnosis line whose condition a clause of the notes says the visit did not
 * address (sections.ts saysNotAddressed): every word the line names the condition by is in that clause.
 */
export function listedNotAddressed(notes: string, diagnoses: readonly CodedDiagnosis[]): boolean {
  const unaddressed = clausesOf(notes)
    .filter(saysNotAddressed)
    .map((c) => new Set([...tokenize(c), ...tokenize(expandAbbreviations(c))]));
  if (unaddressed.length === 0) return false;
  return diagnoses.some((d) =>
    d.evidence.some((e) => {
      if (e.section !== 'diagnoses') return false;
      const condition = tokenize(expandAbbreviations(e.text)).filter((t) => !isNeutral(t) && t.length > 2);
      return condition.length > 0 && unaddressed.some((words) => condition.every((t) => words.has(t)));
    }),
  );
}

/** Substance use disorders (F10-F19): "unspecified" there names the use, not the disorder. */
const SUBSTANCE_USE = /^F1\d/;

/** A chapter 5 code, substance use apart, that is its disorder's unspecified member. */
export function mentalDisorderUnspecified(diagnoses: readonly CodedDiagnosis[]): boolean {
  return diagnoses.some((d) => d.code.startsWith('F') && !SUBSTANCE_USE.test(d.code) && /\bunspecified\b/i.test(d.description));
}

/** Codes that report a weight diagnosis or the BMI itself (obesity E66, BMI Z68). */
const WEIGHT_DIAGNOSIS = /^(E66|Z68)/;

/** An adult BMI of 40 or more (Z68.4-) in a statement of the record, and no weight diagnosis or BMI code on the claim. */
export function bmiWithoutWeightDiagnosis(statements: readonly string[], ageYears: number, diagnoses: readonly CodedDiagnosis[]): boolean {
  if (diagnoses.some((d) => WEIGHT_DIAGNOSIS.test(d.code))) return false;
  return statements.some((s) => bmiCode(s, ageYears)?.code.startsWith('Z68.4') === true);
}

/** Titles that say the condition did not come from an injury, or that the record did not say it did. */
const NOT_FROM_INJURY = /\b(not specified as traumatic|nontraumatic|non-traumatic|atraumatic)\b/i;
/** A statement that tells of an injury: a fall, a blow, a collision, a twist. */
const INJURY_TOLD =
  /\b(fall|falls|fell|fallen|injur(y|ies|ed)|trauma|traumatic|hit|struck|mva|mvc|collision|twist(ed|ing)?|foosh|(on|onto) (an |her |his )?outstretched)\b/i;
/** A denial anywhere earlier in the statement (not ruling out: that is of the thing ruled out, not of an injury told after it). */
const DENIED_BEFORE = denialBefore({ reach: 'statement', rulingOut: false });

/**
 * A code titled as not from an injury ("Complete rotator cuff tear or rupture not specified as
 * traumatic") while a statement of the record tells of one ("worse after a fall on an outstretched
 * arm"): whether the condition is the injury's (chapter 19, S46.01-) is the physician's to say and
 * the coder's to ask (guideline I.C.19, I.C.13.d: a condition from an injury is coded as the injury).
 */
export function nontraumaticAfterInjury(statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): boolean {
  if (!diagnoses.some((d) => NOT_FROM_INJURY.test(d.description))) return false;
  return statements.some((s) => {
    const m = INJURY_TOLD.exec(s);
    return m !== null && !DENIED_BEFORE.test(s.slice(0, m.index));
  });
}

/** A fracture code that is its category's member for a fracture of no stated type ("Unspecified fracture of the lower end of radius"). */
const FRACTURE_TYPE_UNSTATED = /^unspecified fracture\b/i;

/**
 * A fracture coded with no type while its category codes each type (Colles, Smith, torus, Barton,
 * transverse, comminuted...): the imaging report or the physician usually says which, and a coder
 * reads it or asks (guideline I.C.19.c: a fracture is coded to the documented type and site; I.A.9.a:
 * the unspecified member only when the record gives no more). Sends the encounter to a coder.
 */
export function fractureTypeUnstated(diagnoses: readonly CodedDiagnosis[]): boolean {
  return diagnoses.some((d) => d.code.startsWith('S') && FRACTURE_TYPE_UNSTATED.test(d.description));
}

/** A title word naming this few entries is a particular part (pisiform, styloid), not a region or a kind. */
const PARTICULAR_PART_POSTINGS = 30;
/** Injury title words that are the classification's defaults or kinds, not a part the record must name. */
const INJURY_DEFAULT_WORDS = new Set(tokenize('displaced nondisplaced fracture closed'));

/**
 * An injury code (S, T) whose title names a particular part ("Displaced fracture of pisiform, right
 * wrist") that no statement of the record names: the part was read into a word of the record ("wrist")
 * rather than documented, and another part's code may be the right one (a torus fracture of the
 * distal radius). Guideline I.C.19.c: injuries are coded to the documented site. Read from the title's
 * words before its first comma; a word titling many entries (ligament, shaft) is no particular part.
 */
export function injuryPartUnstated(icd: Icd10Cm, statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): boolean {
  const named = new Set(statements.flatMap((s) => tokenize(expandAbbreviations(s)).map(stemOf)));
  return diagnoses.some((d) => {
    if (!/^[ST]/.test(d.code)) return false;
    const head = d.description.replace(/\([^)]*\)/g, ' ').split(',')[0] ?? '';
    return coreTokens(head).some(
      (w) =>
        w.length > 3 &&
        !NOT_A_DETAIL.has(w) &&
        !INJURY_DEFAULT_WORDS.has(w) &&
        !isNeutral(w) &&
        (icd.postings.get(w)?.length ?? 0) <= PARTICULAR_PART_POSTINGS &&
        !named.has(stemOf(w)),
    );
  });
}
