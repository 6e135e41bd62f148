/**
 * The acute kidney injury row of the clinical-validation table (result-contradicts.ts asks it): an
 * acute kidney failure (N17.-) beside serum creatinine values of the same statement that meet neither
 * KDIGO creatinine criterion (a rise of 0.3 mg/dL or more within 48 hours, or to 1.5 times the baseline
 * or more within 7 days). Read only when the statement gives a single baseline value and at least one
 * other value, all in mg/dL: then no two of its values differ by 0.3 or more and none reaches 1.5 times
 * the lowest, whatever their timing, so no window meets a criterion. A baseline given as a range, a
 * value in micromoles, or a statement of oliguria or dialysis (the urine-output criterion, a treated
 * injury) is not read against the diagnosis. The physician is asked to confirm it, not overruled.
 */
import type { Validation } from './clinical-validations.ts';

const CREATININE = /\b(?:creatinine|creat|cr|scr)\b/i;
/** The one baseline value ("baseline 1.30", "baseline Cr of 1.1"), not a range ("baseline 1.25-1.32"). */
const BASELINE =
  /\bbaseline\s*(?:(?:serum\s+)?(?:creatinine|creat|cr|scr)\s*)?(?:of|was|is|=|:|~)?\s*(\d{1,2}\.\d{1,2})(?!\d|\s*(?:-|\u2013|to)\s*\d)/i;
/** Another test's name: the creatinine's values end where it begins ("..., today 1.38 mg/dL; eGFR 53"). */
const OTHER_TEST = /\b(?:e?gfr|bun|urea|potassium|k|sodium|na|bicarb\w*|hco3|glucose|hgb|hemoglobin|uacr|acr|cystatin)\b/i;
/** Statements that bear on the injury otherwise than through creatinine. */
const OTHER_EVIDENCE = /(?<!\b(?:no|neg|negative for|denies|without)\s+)\b(?:oligur\w*|anuri\w*|(?:hemo)?dialysis|hd|crrt)\b/i;
/** mg/dL: a creatinine between these is a plausible value, not a date or a count. */
const LOWEST = 0.2;
const HIGHEST = 20;

/** The baseline and the other creatinine values one statement gives, when they can be read reliably. */
export function creatinineValues(statement: string): { baseline: number; values: number[] } | undefined {
  const at = CREATININE.exec(statement);
  if (!at || /\b(?:umol|µmol|μmol|micromol\w*)\b/i.test(statement)) return undefined;
  let text = statement.slice(at.index + at[0].length);
  const other = OTHER_TEST.exec(text);
  if (other) text = text.slice(0, other.index);
  const baseline = BASELINE.exec(text);
  if (!baseline?.[1]) return undefined;
  const rest = text.slice(0, baseline.index) + ' '.repeat(baseline[0].length) + text.slice(baseline.index + baseline[0].length);
  const values = [...rest.matchAll(/(?<![\d./])(\d{1,2}\.\d{1,2})(?![\d/]|\s*(?:-|\u2013)\s*\d)/g)].map((m) => Number(m[1]));
  const all = [Number(baseline[1]), ...values];
  if (values.length === 0 || all.some((v) => v < LOWEST || v > HIGHEST)) return undefined;
  return { baseline: Number(baseline[1]), values };
}

/** Whether the values meet neither KDIGO creatinine criterion, whatever their timing. */
function belowKdigo(statement: string): boolean {
  const read = creatinineValues(statement);
  if (!read) return false;
  const all = [read.baseline, ...read.values];
  const [low, high] = [Math.min(...all), Math.max(...all)];
  return high - low < 0.3 - 1e-9 && high < 1.5 * low;
}

export const KIDNEY_INJURY_VALIDATIONS: readonly Validation[] = [
  {
    // Acute kidney failure (N17.-) beside creatinine values meeting no KDIGO criterion.
    codedAs: /^N17\./,
    test: CREATININE,
    negative: belowKdigo,
    positive: (s) => OTHER_EVIDENCE.test(s),
  },
];
