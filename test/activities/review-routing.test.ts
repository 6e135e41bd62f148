/** Which engine results go to a coder, and where the evidence sits in the record (plain functions). */
import { describe, expect, it } from 'vitest';
import { documentedCodesNotKept, reviewReasons } from '../../activities/review-routing.ts';
import { locateEvidence } from '../../domain/evidence.ts';
import type { CodingResult } from '../../domain/coding.ts';
import type { EncounterDocumentation } from '../../domain/encounter.ts';

const documentation: EncounterDocumentation = {
  notes: 'Well child visit. Age 3. Growth normal. Mild Eczema on both arms.',
  diagnoses: [{ description: 'Routine child health exam', code: 'Z00.129' }],
  procedures: [{ description: 'Preventive visit, established, age 1-4', code: '99392' }],
  testResults: [{ name: 'Hemoglobin', value: '11.9', unit: 'g/dL' }],
};

function result(overrides: Partial<CodingResult> = {}): CodingResult {
  const base = { description: '', rationale: '', evidence: [], alternatives: [] };
  return {
    diagnoses: [{ ...base, system: 'ICD-10-CM', code: 'Z00.129', confidence: 0.95 }],
    procedures: [{ ...base, system: 'CPT', code: '99392', confidence: 0.97, units: 1, modifiers: [], diagnosisPointers: [1] }],
    edits: [],
    codeSetVersions: {},
    ...overrides,
  };
}

describe('routing to a coder', () => {
  it('lets a confident result that keeps the physician’s codes through', () => {
    expect(reviewReasons(result(), documentation, [])).toEqual([]);
  });

  it('routes a physician code the result rewrote (99392 → 99395), matching ICD codes with or without the dot', () => {
    const base = result();
    const rewritten = result({ procedures: [{ ...base.procedures[0]!, code: '99395' }] });
    expect(documentedCodesNotKept(rewritten, documentation)).toEqual([expect.objectContaining({ kind: 'documented_code_changed', codes: ['99392'] })]);
    const undotted = { ...documentation, diagnoses: [{ description: 'Routine child health exam', code: 'z00129' }] };
    expect(documentedCodesNotKept(result(), undotted)).toEqual([]);
  });

  it('routes low confidence (engine decision first, else the floor), no diagnosis, and payer rules', () => {
    const base = result();
    const unsure = result({ diagnoses: [{ ...base.diagnoses[0]!, confidence: 0.4 }] });
    expect(reviewReasons(unsure, documentation, []).map((r) => r.kind)).toEqual(['low_confidence']);
    expect(reviewReasons(result({ diagnoses: [] }), documentation, []).map((r) => r.kind)).toContain('low_confidence');
    const engineSaysNo = { ...result(), straightThrough: { bill: false, confidence: 0.81, threshold: 0.9, reasons: ['calibrated'] } } as CodingResult;
    expect(reviewReasons(engineSaysNo, documentation, [])[0]!.detail).toContain('0.81 < 0.9');
    const engineSaysYes = { ...unsure, straightThrough: { bill: true } } as CodingResult;
    expect(reviewReasons(engineSaysYes, documentation, [])).toEqual([]);
    expect(reviewReasons(result(), documentation, [{ code: '99392', note: 'audited' }])).toEqual([
      { kind: 'payer_rule', detail: 'the payer asks a coder to review 99392 (audited)', codes: ['99392'] },
    ]);
  });
});

describe('evidence spans', () => {
  it('finds each quote with its offsets, per section and entry; keeps unfound quotes without offsets', () => {
    const spans = locateEvidence(documentation, [
      { section: 'notes', text: 'mild eczema' },
      { section: 'diagnoses', text: 'child health' },
      { section: 'testResults', text: 'Hemoglobin 11.9' },
      { section: 'notes', text: 'Physician answer: Type 2' },
    ]);
    expect(spans[0]).toEqual({ section: 'notes', text: 'Mild Eczema', start: 40, end: 51 });
    expect(documentation.notes.slice(spans[0]!.start, spans[0]!.end)).toBe('Mild Eczema');
    expect(spans[1]).toEqual({ section: 'diagnoses', text: 'child health', entry: 0, start: 8, end: 20 });
    expect(spans[2]).toMatchObject({ section: 'testResults', entry: 0, start: 0 });
    expect(spans[3]).toEqual({ section: 'notes', text: 'Physician answer: Type 2' });
  });
});
