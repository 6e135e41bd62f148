/**
 * A routine examination coded for the other age group: the general adult examination (Z00.0-) is for
 * patients of 18 and over, the routine child health examination (Z00.12-) for children from 29 days
 * to 17 years (the tabular's titles and the Medicare Code Editor's age edits, restrictions.ts). A
 * claim that writes one for the other's age names the same visit in the wrong group: it is coded as
 * the examination of the patient's age, with or without abnormal findings as written (Z00.01 to
 * Z00.121, Z00.00 to Z00.129, and back). A child under a year stays as written: the newborn
 * examinations (Z00.11-) are told apart by days of age, which the record's age in years does not give.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

/** Each examination code and the same examination, with the same findings, of the other age group. */
const OTHER_AGE_GROUP: Readonly<Record<string, string>> = {
  'Z00.00': 'Z00.129',
  'Z00.01': 'Z00.121',
  'Z00.129': 'Z00.00',
  'Z00.121': 'Z00.01',
};
const ADULT_AGE = 18;

/** The examination's age group, and whether the patient is in it. */
const fitsAge = (code: string, age: number): boolean => (code.startsWith('Z00.0') ? age >= ADULT_AGE : age < ADULT_AGE);

/** Step: a routine examination code of the other age group becomes the patient's. */
export function preventiveExamForAge(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const age = run.input.patient.ageYears;
  if (!Number.isFinite(age) || age < 1) return drafts;
  return drafts.map((d) => {
    const other = OTHER_AGE_GROUP[d.code];
    if (!other || fitsAge(d.code, age) || !fitsAge(other, age) || drafts.some((o) => o.code === other) || !run.allowed(other)) return d;
    const group = other.startsWith('Z00.0')
      ? 'general adult medical examination (18 and over)'
      : 'routine child health examination (to 17)';
    return recoded(
      run.codeSets,
      d,
      other,
      `The patient is ${age}: the examination is the ${group}, ${other}, in place of ${d.code}, its findings as written.`,
    );
  });
}
