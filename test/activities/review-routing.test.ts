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
    confidence: 0.97,
    straightThrough: { eligible: true, reasons: [], threshold: 0.9, thresholdSource: 'test' },
    documentedCodes: [{ system: 'CPT', code: '99392', line: 'procedures[0]', outcome: 'kept', reason: 'documented' }],
    ...overrides,
  };
}

describe('routing to a coder', () => {
  it('lets a result the engine finds eligible, that keeps the physician’s codes, through', () => {
    expect(reviewReasons(result(), [])).toEqual([]);
  });

  it('routes a physician code the result rewrote (99392 → 99395) or dropped, naming each', () => {
    const rewritten = result({
      straightThrough: {
        eligible: false,
        reasons: ['documented-code-changed', 'documented-code-dropped'],
        threshold: 0.9,
        thresholdSource: 'test',
      },
      documentedCodes: [
        { system: 'CPT', code: '99392', line: 'procedures[0]', outcome: 'changed', codedAs: ['99395'], reason: 'age band' },
        { system: 'CPT', code: '17110', line: 'procedures[1]', outcome: 'dropped', reason: 'no catalog match' },
      ],
    });
    const reasons = reviewReasons(rewritten, []);
    expect(reasons).toEqual([expect.objectContaining({ kind: 'documented_code_changed', codes: ['99392', '17110'] })]);
    expect(reasons[0]!.detail).toContain('99392 (procedures[0]) was changed to 99395');
    expect(reasons[0]!.detail).toContain('17110 (procedures[1]) was dropped');
    expect(documentedCodesNotKept(result())).toEqual([]);
  });

  it('routes low confidence, no diagnosis and unmatched procedures with the figures, and payer rules', () => {
    const unsure = result({
      confidence: 0.81,
      straightThrough: { eligible: false, reasons: ['low-confidence', 'unmatched-procedure'], threshold: 0.9, thresholdSource: 'test' },
    });
    const [low] = reviewReasons(unsure, []);
    expect(low).toMatchObject({ kind: 'low_confidence' });
    expect(low!.detail).toContain('confidence 0.81 < 0.9');
    expect(low!.detail).toContain('matches no catalog entry');
    // Edit failures and open clarifications are the workflow's to route, not repeated here.
    const editOnly = result({
      straightThrough: { eligible: false, reasons: ['edit-failed', 'open-clarification'], threshold: 0.9, thresholdSource: 'test' },
    });
    expect(reviewReasons(editOnly, [])).toEqual([]);
    expect(reviewReasons(result(), [{ code: '99392', note: 'audited' }])).toEqual([
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
      { section: 'procedures', text: 'established', span: { field: 'procedures[0].description', start: 18, end: 29 } },
    ]);
    expect(spans[0]).toEqual({ section: 'notes', text: 'Mild Eczema', start: 40, end: 51 });
    expect(documentation.notes.slice(spans[0]!.start, spans[0]!.end)).toBe('Mild Eczema');
    expect(spans[1]).toEqual({ section: 'diagnoses', text: 'child health', entry: 0, start: 8, end: 20 });
    expect(spans[2]).toMatchObject({ section: 'testResults', entry: 0, start: 0 });
    expect(spans[3]).toEqual({ section: 'notes', text: 'Physician answer: Type 2' });
    expect(spans[4]).toEqual({ section: 'procedures', text: 'established', entry: 0, start: 18, end: 29 });
    expect(documentation.procedures[0]!.description.slice(18, 29)).toBe('established');
  });
});
