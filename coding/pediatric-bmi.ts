/**
 * A BMI code for an adult on a patient under 20: Z68.1-Z68.45 are for adults 20 and over (the
 * tabular's note at Z68); a child's or adolescent's BMI is coded by its percentile for age (Z68.5-).
 * The adult code takes the pediatric code a statement of the record gives (a percentile, or the
 * share of the 95th percentile); with none, it is dropped, since its value says nothing of the
 * percentile.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { bmiCode } from './additional.ts';
import { recordStatements } from './review-signals.ts';

const ADULT_BMI = /^Z68\.(?:1|2\d|3\d|4\d)$/;

/** Step: an adult BMI code under age 20 becomes the pediatric code the record supports, or goes. */
export function pediatricBmi(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const age = run.input.patient.ageYears;
  if (age >= 20 || !drafts.some((d) => ADULT_BMI.test(d.code))) return drafts;
  const found = recordStatements(run.input.documentation)
    .map((s) => bmiCode(s, age))
    .find((b) => b?.code.startsWith('Z68.5') === true && run.allowed(b.code));
  const kept = drafts.filter((d) => !ADULT_BMI.test(d.code) || (found !== undefined && !drafts.some((e) => e.code === found.code)));
  return kept.map((d) =>
    ADULT_BMI.test(d.code) && found
      ? recoded(run.codeSets, d, found.code, `An adult BMI code is for ages 20 and over; the record gives ${found.what}: ${found.code}.`)
      : d,
  );
}
