/**
 * A vaccine given at the visit makes it, besides whatever else it is for, an encounter for
 * immunization: Z23 (guideline I.C.21.c.2, a secondary code when the vaccine is given during a visit
 * for something else, as a tetanus booster after a laceration or the shots of a well-child visit).
 * The vaccine and its administration lines point at it. Added once, after the record's own
 * diagnoses, only when a vaccine product is on the claim and no line already codes the encounter.
 */
import type { CodedDiagnosis, CodedProcedure } from '../domain/coding.ts';
import type { CodeSets } from './code-sets.ts';
import { describeIcd } from './coding-run.ts';
import { isVaccineProduct } from './procedure-lines.ts';

export const IMMUNIZATION_ENCOUNTER = 'Z23';
/** Immunization administration: with counselling (90460-90461), without (90471-90474), COVID-19 (90480), Medicare's G0008-G0010. */
const ADMINISTRATION = /^(9046[01]|9047[1-4]|90480|G000[89]|G0010)$/;
/** As sure as the vaccine line the code follows from. */
const CONFIDENCE = 0.95;
/** A claim line points at no more than four diagnoses. */
const MAX_POINTERS = 4;

export function withImmunization(
  codeSets: CodeSets,
  allowed: (code: string) => boolean,
  diagnoses: readonly CodedDiagnosis[],
  procedures: readonly CodedProcedure[],
): { diagnoses: CodedDiagnosis[]; procedures: CodedProcedure[] } {
  const unchanged = { diagnoses: [...diagnoses], procedures: [...procedures] };
  const vaccines = procedures.filter((p) => isVaccineProduct(codeSets.catalog.byCode.get(p.code)));
  if (vaccines.length === 0 || !allowed(IMMUNIZATION_ENCOUNTER)) return unchanged;
  const existing = diagnoses.findIndex((d) => d.code === IMMUNIZATION_ENCOUNTER);
  const added: CodedDiagnosis[] =
    existing >= 0
      ? []
      : [
          {
            system: 'ICD-10-CM',
            code: IMMUNIZATION_ENCOUNTER,
            description: describeIcd(codeSets, IMMUNIZATION_ENCOUNTER),
            confidence: CONFIDENCE,
            rationale: `A vaccine was given at the visit (${vaccines.map((v) => v.code).join(', ')}): encounter for immunization, guideline I.C.21.c.2.`,
            evidence: vaccines.flatMap((v) => v.evidence),
            alternatives: [],
          },
        ];
  const pointer = (existing >= 0 ? existing : diagnoses.length) + 1;
  const pointing = (p: CodedProcedure) => isVaccineProduct(codeSets.catalog.byCode.get(p.code)) || ADMINISTRATION.test(p.code);
  return {
    diagnoses: [...diagnoses, ...added],
    procedures: procedures.map((p) =>
      pointing(p) && !p.diagnosisPointers.includes(pointer)
        ? { ...p, diagnosisPointers: [pointer, ...p.diagnosisPointers].slice(0, MAX_POINTERS) }
        : p,
    ),
  };
}
