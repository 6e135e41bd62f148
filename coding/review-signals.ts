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
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import { currentUse, INJECTABLE_NON_INSULIN, INSULIN, ORAL_ANTIDIABETIC } from './additional.ts';
import { clausesOf } from './context.ts';

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
const SHORT_COURSE = /\b(burst|taper\w*|course|pack|dose ?pack|x ?\d+ ?(days?|d)|for \d+ (days?|weeks?)|once|single dose|prn|as needed)\b/i;

/** The long-term drugs the record names as current (Z79 code the drug points at, and the drug as written). */
export function currentLongTermDrugs(statements: readonly string[]): Array<{ code: string; drug: string }> {
  const out: Array<{ code: string; drug: string }> = [];
  for (const [pattern, code] of LONG_TERM_DRUGS) {
    for (const s of statements) {
      const m = currentUse(s, pattern);
      if (m && !SHORT_COURSE.test(s)) {
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

/** The record's statements the signals read: each diagnosis line and each clause of the notes. */
export function recordStatements(documentation: { notes: string; diagnoses: ReadonlyArray<{ description: string }> }): string[] {
  return [...documentation.diagnoses.map((d) => d.description), ...clausesOf(documentation.notes)];
}
