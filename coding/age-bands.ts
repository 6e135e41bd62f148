/**
 * Procedure codes that exist per age band: preventive medicine visits, new patient (99381-99387)
 * and established patient (99391-99397), each for infants, 1-4, 5-11, 12-17, 18-39, 40-64 and 65+
 * years. A banded code is checked against the patient's age as an edit, and a visit coded from its
 * description takes the band of the patient's age.
 */
import type { EditFinding } from '../domain/coding.ts';

const BANDS: ReadonlyArray<{ lo: number; hi: number; label: string }> = [
  { lo: 0, hi: 0, label: 'under 1 year' },
  { lo: 1, hi: 4, label: '1 to 4 years' },
  { lo: 5, hi: 11, label: '5 to 11 years' },
  { lo: 12, hi: 17, label: '12 to 17 years' },
  { lo: 18, hi: 39, label: '18 to 39 years' },
  { lo: 40, hi: 64, label: '40 to 64 years' },
  { lo: 65, hi: Infinity, label: '65 years and over' },
];
/** The first code of each banded series; the band is the last digit minus one. */
const SERIES = ['99381', '99391'];

function seriesOf(code: string): { first: number; band: number } | undefined {
  if (!/^\d{5}$/.test(code)) return undefined;
  for (const first of SERIES.map(Number)) {
    const band = Number(code) - first;
    if (band >= 0 && band < BANDS.length) return { first, band };
  }
  return undefined;
}

const bandOfAge = (ageYears: number) => BANDS.findIndex((b) => ageYears >= b.lo && ageYears <= b.hi);

/** The code of the same series for the patient's age, or undefined when the code is not age-banded. */
export function codeForAge(code: string, ageYears: number): string | undefined {
  const s = seriesOf(code);
  const band = bandOfAge(ageYears);
  return s && band >= 0 ? String(s.first + band) : undefined;
}

/** An age-banded procedure code whose band does not hold the patient's age. */
export function ageBandEdits(procedures: ReadonlyArray<{ code: string }>, ageYears: number): EditFinding[] {
  const out: EditFinding[] = [];
  for (const p of procedures) {
    const s = seriesOf(p.code);
    const wanted = codeForAge(p.code, ageYears);
    if (!s || !wanted || wanted === p.code) continue;
    out.push({
      rule: 'AGE_BAND',
      severity: 'error',
      message: `${p.code} is for patients ${BANDS[s.band]?.label}; the patient is ${ageYears} (the code of that series for this age is ${wanted}).`,
      source: 'Preventive medicine age bands (99381-99397)',
      codes: [p.code],
      needsDocumentation: false,
    });
  }
  return out;
}

/** The ages a banded code is for ("40 to 64 years"), or undefined when the code is not age-banded. */
export function bandLabel(code: string): string | undefined {
  const s = seriesOf(code);
  return s ? BANDS[s.band]?.label : undefined;
}

/** The patient status an age-banded preventive code is for, or undefined when the code is not one. */
export function preventiveStatus(code: string): 'new' | 'established' | undefined {
  const s = seriesOf(code);
  return s ? (s.first === 99381 ? 'new' : 'established') : undefined;
}

/**
 * The code of the patient's status in the series pair (99381-99387 new, 99391-99397 established), same
 * band; undefined when the code is not age-banded.
 */
export function codeForStatus(code: string, status: 'new' | 'established'): string | undefined {
  const s = seriesOf(code);
  if (!s) return undefined;
  return String((status === 'new' ? 99381 : 99391) + s.band);
}
