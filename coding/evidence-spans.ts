/**
 * Evidence spans: each quote of the record a code rests on gets the field it comes from and its
 * character offsets there, so a coder's screen can highlight it. Quotes are found in their own
 * section (a note clause in the notes, a diagnosis line in the diagnoses); a physician's answer is
 * not a quote and gets no span.
 */
import type { CodingResult, Evidence, RecordSpan } from '../domain/coding.ts';
import type { EncounterDocumentation } from '../domain/encounter.ts';

interface Field {
  field: string;
  text: string;
}

function fieldsOf(doc: EncounterDocumentation): Record<Evidence['section'], Field[]> {
  return {
    notes: [{ field: 'notes', text: doc.notes }],
    diagnoses: doc.diagnoses.map((d, i) => ({ field: `diagnoses[${i}].description`, text: d.description })),
    procedures: doc.procedures.map((p, i) => ({ field: `procedures[${i}].description`, text: p.description })),
    testResults: doc.testResults.map((t, i) => ({ field: `testResults[${i}].name`, text: t.name })),
  };
}

/**
 * The first place the quote occurs, in its own section first, then in the other written sections (a
 * statement found in either the diagnoses or the notes); a test result ("name value unit (flag)") is
 * quoted by its name.
 */
function locate(fields: Record<Evidence['section'], Field[]>, e: Evidence): RecordSpan | undefined {
  if (e.section === 'testResults') {
    const f = fields.testResults.find((t) => t.text && e.text.startsWith(`${t.text} `));
    return f ? { field: f.field, start: 0, end: f.text.length } : undefined;
  }
  const order: Array<Evidence['section']> = [e.section, ...(['notes', 'diagnoses', 'procedures'] as const).filter((s) => s !== e.section)];
  for (const section of order) {
    for (const f of fields[section]) {
      const start = e.text ? f.text.indexOf(e.text) : -1;
      if (start >= 0) return { field: f.field, start, end: start + e.text.length };
    }
  }
  return undefined;
}

/** The result with a span on every evidence item that quotes the record (the result is not modified). */
export function withEvidenceSpans(doc: EncounterDocumentation, result: CodingResult): CodingResult {
  const fields = fieldsOf(doc);
  const found = new Map<string, RecordSpan | undefined>();
  const spanned = (evidence: Evidence[]): Evidence[] =>
    evidence.map((e) => {
      const key = `${e.section}\u0000${e.text}`;
      if (!found.has(key)) found.set(key, locate(fields, e));
      const span = found.get(key);
      return span ? { ...e, span } : e;
    });
  return {
    ...result,
    diagnoses: result.diagnoses.map((d) => ({
      ...d,
      evidence: spanned(d.evidence),
      alternatives: d.alternatives.map((a) => ({ ...a, evidence: spanned(a.evidence) })),
    })),
    procedures: result.procedures.map((p) => ({
      ...p,
      evidence: spanned(p.evidence),
      alternatives: p.alternatives.map((a) => ({ ...a, evidence: spanned(a.evidence) })),
    })),
  };
}
