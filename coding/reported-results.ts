/**
 * A positive condition for straight-through billing (issue 10 item 2): a code that leaves its
 * condition unspecified, or a sign or symptom billed as the visit's reason, goes to billing unseen
 * only on a record that reports no test or imaging result. Where the record reports results (an
 * x-ray read, a urinalysis, a hemoglobin, a culture), what they show is what a coder weighs against
 * such a code: the type or cause the code leaves open, a condition the physician did not name
 * (pneumonia on the overread of an "acute bronchitis"), or a question for the physician (microscopic
 * or gross hematuria, menopausal status). The engine may not code from results (guideline III.B),
 * and it cannot tell which results bear on the code, so such a record goes to a coder.
 *
 * A result is reported when a clause names a test and says what it found (a value, a finding word,
 * a colon before the read); a test only ordered, scheduled, pending or performed reports nothing.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import { clausesOf } from './context.ts';
import { isSymptom } from './review-signals.ts';

/** Tests and imaging by the names records write them in (any case). */
const TEST_NAMES = [
  'x-?rays?',
  'cxr',
  'mri',
  'mra',
  'ultrasound',
  'sonogram',
  'tvus',
  'echo',
  'echocardiogram',
  'eeg',
  'ekg',
  'ecg',
  'urinalysis',
  'dipstick',
  'cultures?',
  'biopsy',
  'pathology',
  'labs?',
  'cbc',
  'bmp',
  'cmp',
  'tsh',
  'a1c',
  'hba1c',
  'hgb',
  'hemoglobin',
  'ferritin',
  'lfts?',
  'psa',
  'dexa',
  'duplex',
  'spirometry',
  'pfts?',
  'inr',
  'egfr',
  'creatinine',
  'potassium',
  'sodium',
  'magnesium',
  'glucose',
  'ldl',
  'rbc',
  'wbc',
  'platelets',
  'antibody',
  'rna',
  'pcr',
  'swab',
  'rapid strep',
  'mammogram',
  'colonoscopy',
  'egd',
  'imaging',
  'radiology',
  'overread',
  'films?',
  'scan',
  'lmp',
  'bnp',
  'troponin',
  'd-dimer',
  'esr',
  'crp',
  'b12',
  'uacr',
  'microalbumin',
  'cortisol',
  'lipids?',
  'vitamin d',
  '25-oh d',
  '25-hydroxy vitamin d',
];
/** Abbreviations that are tests only in capitals ("US", not "us"; "K 3.1", not "k"). */
const TEST_ABBREVIATIONS = ['XR', 'CT', 'CTA', 'US', 'UA', 'K', 'Na', 'Cr', 'Mg', 'Hb', 'ALT', 'AST', 'TTE'];
const TEST = new RegExp(`\\b(?:${TEST_NAMES.join('|')})\\b`, 'gi');
const TEST_ABBREVIATION = new RegExp(`\\b(?:${TEST_ABBREVIATIONS.join('|')})\\b`, 'g');
/** What a clause says a test found: a value, a read after a colon, a finding word. */
const FOUND =
  /\d|:|\b(?:shows?|showed|showing|positive|negative|pos|neg|normal|abnormal|elevated|low|high|read|overread|revealed?|demonstrat\w*|consistent|concerning|suggest\w*|noted|found|grew|growing|detectable|undetectable|reactive|nonreactive|clear|unremarkable|with|w\/)\b/i;
/** A test not yet resulted: ordered, scheduled, pending, to be repeated, due in so many weeks ("labs in 6 weeks"). */
const NOT_RESULTED =
  /\b(?:ordered|scheduled|pending|planned|to be|will|order|recheck|repeat|draw|drawn|obtain|due)\b|\b(?:in|labs?)\s+\d+\s*(?:wks?|weeks?|mo|mos|months?|yrs?|years?)\b/i;

/**
 * Tests that measure a condition itself, by the categories of that condition: a TSH beside
 * hypothyroidism, an LDL beside hyperlipidemia, a ferritin beside iron deficiency anemia monitor the
 * coded condition and leave nothing open about it. Not the hemoglobin of an unspecified anemia: its
 * cause is what the code leaves open.
 */
const MARKERS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^tsh$/, ['E02', 'E03', 'E05', 'E06', 'E89.0']],
  [/^(?:lipids?|ldl)$/, ['E78']],
  [/^ferritin$/, ['D50']],
  [/^(?:vitamin d|25-oh d|25-hydroxy vitamin d)$/, ['E55']],
  [/^(?:a1c|hba1c|glucose)$/, ['E08', 'E09', 'E10', 'E11', 'E13', 'R73']],
  [/^(?:egfr|creatinine|cr)$/, ['N18']],
  [/^platelets$/, ['D69']],
];

/** The test measures one of the coded conditions itself (MARKERS). */
function measuresCoded(test: string, diagnoses: readonly CodedDiagnosis[]): boolean {
  const name = test.toLowerCase();
  return MARKERS.some(([re, categories]) => re.test(name) && diagnoses.some((d) => categories.some((c) => d.code.startsWith(c))));
}

/**
 * The notes or the structured results report what a test or imaging study found, other than a
 * measure of a coded condition itself.
 */
export function reportsResults(
  documentation: { notes: string; testResults: ReadonlyArray<{ name: string; flag?: string | undefined }> },
  diagnoses: readonly CodedDiagnosis[] = [],
): boolean {
  const bears = (test: string) => !measuresCoded(test, diagnoses);
  if (documentation.testResults.some((t) => t.flag !== undefined && t.flag !== '' && bears(t.name))) return true;
  return clausesOf(documentation.notes).some((c) => {
    if (!FOUND.test(c) || NOT_RESULTED.test(c)) return false;
    const tests = [...c.matchAll(TEST), ...c.matchAll(TEST_ABBREVIATION)].map((m) => m[0]);
    return tests.some(bears);
  });
}

const UNSPECIFIED = /\b(?:unspecified|not specified)\b/i;

/** A code titled as leaving its condition (or a part of it) unspecified. */
export const isUnspecified = (d: CodedDiagnosis): boolean => UNSPECIFIED.test(d.description);

/** Which of the two kinds of code the positive condition asks a result-free record for, if any is on the claim. */
export function openBesideResults(
  documentation: Parameters<typeof reportsResults>[0],
  diagnoses: readonly CodedDiagnosis[],
): { unspecified: boolean; symptom: boolean } {
  const unspecified = diagnoses.some(isUnspecified);
  const symptom = diagnoses.some(isSymptom);
  if ((!unspecified && !symptom) || !reportsResults(documentation, diagnoses)) return { unspecified: false, symptom: false };
  return { unspecified, symptom };
}

/** The record's test results as statements a step can read beside the notes ("Rapid flu A/B: A positive, B negative"). */
export const resultStatements = (testResults: ReadonlyArray<{ name: string; value: string }>): string[] =>
  testResults.map((t) => `${t.name}: ${t.value}`);
