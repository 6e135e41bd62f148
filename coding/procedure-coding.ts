/**
 * Procedures: each documented procedure coded against the customer's catalog (the physician's own
 * code when the catalog has it, else the best description match) and pointed at the diagnoses it
 * treats; an unmatched one becomes a finding for a coder.
 */
import type { CodedDiagnosis, CodedProcedure, EditFinding, RecordSection } from '../domain/coding.ts';
import { round, type CodingRun } from './coding-run.ts';
import { matchProcedure, procedureTokens } from './procedures.ts';
import { tokenize } from './text.ts';

export function codeProcedures(run: CodingRun, diagnoses: CodedDiagnosis[], edits: EditFinding[]): CodedProcedure[] {
  const out: CodedProcedure[] = [];
  for (const p of run.input.documentation.procedures) {
    const documented = p.code?.trim().toUpperCase();
    const known = documented ? run.codeSets.catalog.byCode.get(documented) : undefined;
    const matches = matchProcedure(run.codeSets.catalog, p.description);
    const best = known ? { procedure: known, score: 0.97, matched: [] as string[] } : matches[0];
    if (!best || best.score < 0.35) {
      edits.push({
        rule: 'UNMATCHED_PROCEDURE', severity: 'warning', codes: documented ? [documented] : [],
        message: `A documented procedure${documented ? ` (code ${documented})` : ''} matches no entry of the procedure catalog; a coder must assign it.`,
        source: `Procedure catalog ${run.codeSets.versions['procedure-catalog']}`, needsDocumentation: false,
      });
      continue;
    }
    const proc = best.procedure;
    const procTokens = new Set([...procedureTokens(p.description), ...proc.tokens]);
    const isVisit = /^992\d\d$|^G04(38|39)$/.test(proc.code);
    const relevance = diagnoses.map((d, i) => ({
      pointer: i + 1,
      overlap: isVisit ? 0 : tokenize(`${d.description} ${d.evidence.map((e) => e.text).join(' ')}`).filter((t) => procTokens.has(t)).length,
    }));
    const related = relevance.filter((r) => r.overlap > 0).sort((a, b) => b.overlap - a.overlap || a.pointer - b.pointer);
    const pointers = (related.length ? related : relevance).slice(0, 4).map((r) => r.pointer).sort((a, b) => a - b);
    const section: RecordSection = 'procedures';
    out.push({
      system: proc.system, code: proc.code, description: proc.description,
      confidence: round(best.score), units: p.units ?? 1, modifiers: p.modifiers ?? [], diagnosisPointers: pointers.length ? pointers : [],
      evidence: [{ section, text: p.description }],
      alternatives: (known ? [] : matches.slice(1, 4)).map((a) => ({
        system: a.procedure.system, code: a.procedure.code, description: a.procedure.description, confidence: round(a.score),
        rationale: `Catalog description shares "${a.matched.join(' ')}".`, evidence: [{ section, text: p.description }],
      })),
      rationale: known
        ? `Code ${proc.code} documented with the procedure and found in the procedure catalog.`
        : `Documented procedure matched the catalog entry ${proc.code} on "${best.matched.join(' ')}"${documented ? ` (documented code ${documented} is not in the catalog)` : ''}.`,
    });
  }
  return out;
}
