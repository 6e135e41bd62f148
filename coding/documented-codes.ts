/**
 * What became of each code the physician wrote: kept (on the claim as written), changed (the line
 * is coded, but as another code) or dropped (nothing on the claim for it). A change or a drop is
 * never silent: it is reported here and keeps the encounter from going straight through. A written
 * procedure code a rule corrected (procedure-corrections.ts) is changed, with that rule's reason, even
 * when the corrected line still carries the written code (another number of units beside an add-on).
 */
import type { CodedDiagnosis, CodedProcedure, DocumentedCodeOutcome } from '../domain/coding.ts';
import type { EncounterDocumentation } from '../domain/encounter.ts';
import { procedureSystem, writtenProcedureCode, type ProcedureCatalog } from './procedures.ts';
import { normalizeIcdCode } from './icd10cm.ts';
import type { ProcedureCorrection } from './procedure-corrections.ts';

const fromLine = (line: string, section: 'diagnoses' | 'procedures') => (e: { section: string; text: string }) =>
  e.section === section && e.text === line;

export function documentedCodeOutcomes(
  doc: EncounterDocumentation,
  diagnoses: CodedDiagnosis[],
  procedures: CodedProcedure[],
  catalog?: ProcedureCatalog,
  corrections?: ReadonlyMap<object, ProcedureCorrection>,
): DocumentedCodeOutcome[] {
  const out: DocumentedCodeOutcome[] = [];
  doc.diagnoses.forEach((d, i) => {
    if (!d.code?.trim()) return;
    const code = normalizeIcdCode(d.code);
    const line = `diagnoses[${i}]`;
    if (diagnoses.some((c) => c.code === code)) {
      out.push({ system: 'ICD-10-CM', code, line, outcome: 'kept', reason: 'On the claim as documented.' });
      return;
    }
    const codedAs = diagnoses.filter((c) => c.evidence.some(fromLine(d.description, 'diagnoses'))).map((c) => c.code);
    out.push(
      codedAs.length
        ? {
            system: 'ICD-10-CM',
            code,
            line,
            outcome: 'changed',
            codedAs,
            reason: `The line "${d.description}" is coded ${codedAs.join(', ')} instead of the documented ${code}.`,
          }
        : {
            system: 'ICD-10-CM',
            code,
            line,
            outcome: 'dropped',
            reason: `Nothing on the claim comes from the line "${d.description}" with the documented ${code}.`,
          },
    );
  });
  doc.procedures.forEach((p, i) => {
    const code = writtenProcedureCode(p, catalog);
    if (!code) return;
    const line = `procedures[${i}]`;
    const system = procedureSystem(code);
    // A written code a rule of the code set corrected (procedure-corrections.ts): changed, with the rule's reason.
    const corrected = corrections?.get(p);
    if (corrected?.written === code) {
      out.push({ system, code, line, outcome: 'changed', codedAs: corrected.codedAs, reason: corrected.reason });
      return;
    }
    if (procedures.some((c) => c.code === code)) {
      out.push({ system, code, line, outcome: 'kept', reason: 'On the claim as documented.' });
      return;
    }
    const codedAs = procedures.filter((c) => c.evidence.some(fromLine(p.description, 'procedures'))).map((c) => c.code);
    out.push(
      codedAs.length
        ? {
            system,
            code,
            line,
            outcome: 'changed',
            codedAs,
            reason: `The procedure "${p.description}" is coded ${codedAs.join(', ')} instead of the documented ${code}.`,
          }
        : {
            system,
            code,
            line,
            outcome: 'dropped',
            reason: `No procedure line on the claim for "${p.description}" with the documented ${code}.`,
          },
    );
  });
  return out;
}
