// The engine's output contract for the coder-review stage: encounter confidence, the straight-through
// decision with its reasons, evidence spans with offsets, and what became of the physician's codes.
import { describe, expect, it } from 'vitest';
import type { CodingInput, CodingResult, Evidence } from '../../domain/coding.ts';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { calibrated, straightThroughDecision, type StraightThroughConfig } from '../../coding/straight-through.ts';

const codeSets = useCodeSets();

const input = (doc: Partial<EncounterDocumentation>, patient: CodingInput['patient'] = { ageYears: 52, sex: 'M' }) =>
  codingInput(doc, patient);

function fieldText(doc: EncounterDocumentation, field: string): string {
  if (field === 'notes') return doc.notes;
  const m = /^(diagnoses|procedures|testResults)\[(\d+)\]\.(description|name)$/.exec(field);
  if (!m) throw new Error(`unexpected field ${field}`);
  const list = doc[m[1] as 'diagnoses' | 'procedures' | 'testResults'] as unknown as Array<Record<string, string>>;
  return list[Number(m[2])]?.[m[3] ?? ''] ?? '';
}

const allEvidence = (r: CodingResult): Evidence[] => [...r.diagnoses, ...r.procedures].flatMap((c) => c.evidence);

describe('evidence spans', () => {
  it('every span points at exactly the quoted text of the field it names', () => {
    const doc: EncounterDocumentation = {
      notes: 'Seen today for a cough of ten days. Temperature 38.4 C. Lungs: crackles at the right base.',
      diagnoses: [
        { description: 'Community acquired pneumonia, right lower lobe' },
        { description: 'Essential hypertension', code: 'I10' },
      ],
      procedures: [{ description: 'Chest x-ray, two views' }],
      testResults: [{ name: 'WBC', value: '14.2', unit: '10^3/uL', flag: 'H' }],
    };
    const r = codeEncounter(input(doc), codeSets());
    const spans = allEvidence(r).filter((e) => e.span);
    expect(spans.length).toBeGreaterThan(2);
    for (const e of spans) {
      const span = e.span!;
      expect(fieldText(doc, span.field).slice(span.start, span.end)).toBe(e.section === 'testResults' ? 'WBC' : e.text);
    }
  });
});

describe('documented codes', () => {
  it('a valid billable code the physician wrote is kept and says so', () => {
    const r = codeEncounter(input({ diagnoses: [{ description: 'Essential hypertension', code: 'I10' }] }), codeSets());
    expect(r.documentedCodes).toEqual([expect.objectContaining({ code: 'I10', line: 'diagnoses[0]', outcome: 'kept' })]);
    expect(r.straightThrough.reasons).not.toContain('documented-code-changed');
  });

  it('a documented code that is not the code the line gets is reported as changed and stops straight-through', () => {
    // A category header is not billable: the line is coded to a code below it, which a person must confirm.
    const r = codeEncounter(
      input({ diagnoses: [{ description: 'Type 2 diabetes mellitus with hyperglycemia', code: 'E11' }] }),
      codeSets(),
    );
    const outcome = r.documentedCodes[0];
    expect(outcome?.outcome).toBe('changed');
    expect(outcome?.codedAs?.[0]).toMatch(/^E11\./);
    expect(r.straightThrough.eligible).toBe(false);
    expect(r.straightThrough.reasons).toContain('documented-code-changed');
  });

  it('a documented procedure code the catalog does not know is dropped, never silently replaced', () => {
    const r = codeEncounter(
      input({
        diagnoses: [{ description: 'Essential hypertension' }],
        procedures: [{ description: 'Something the catalog has no entry for at all', code: 'ZZ999' }],
      }),
      codeSets(),
    );
    expect(r.documentedCodes).toEqual([expect.objectContaining({ code: 'ZZ999', outcome: 'dropped' })]);
    expect(r.straightThrough.reasons).toEqual(expect.arrayContaining(['documented-code-dropped', 'unmatched-procedure']));
  });
});

describe('encounter confidence and the straight-through decision', () => {
  it('confidence is a number between 0 and 1 and an open clarification is a reason', () => {
    const r = codeEncounter(input({ diagnoses: [{ description: 'Osteoarthritis of knee' }] }), codeSets());
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.clarification).toBeDefined();
    expect(r.straightThrough.eligible).toBe(false);
    expect(r.straightThrough.reasons).toContain('open-clarification');
  });

  it('nothing to code is never straight through', () => {
    const r = codeEncounter(input({ notes: 'Patient did not attend.' }), codeSets());
    expect(r.straightThrough.reasons).toContain('no-diagnosis');
  });

  it('the decision compares the calibrated confidence with the configured threshold', () => {
    const config: StraightThroughConfig = {
      threshold: 0.7,
      targetPrecision: 0.98,
      source: 'test',
      calibration: [
        { from: 0, confidence: 0.1 },
        { from: 0.5, confidence: 0.6 },
        { from: 0.9, confidence: 0.95 },
      ],
    };
    expect(calibrated(0.3, config)).toBe(0.1);
    expect(calibrated(0.89, config)).toBe(0.6);
    expect(calibrated(0.93, config)).toBe(0.95);
    const base = { diagnoses: [], edits: [], documentedCodes: [], clarificationOpen: false };
    expect(straightThroughDecision({ ...base, confidence: 0.6 }, config).reasons).toEqual(['no-diagnosis', 'low-confidence']);
    const ok = straightThroughDecision(
      {
        ...base,
        diagnoses: [{ system: 'ICD-10-CM', code: 'I10', description: '', confidence: 1, rationale: '', evidence: [], alternatives: [] }],
        confidence: 0.95,
      },
      config,
    );
    expect(ok).toEqual({ eligible: true, reasons: [], threshold: 0.7, thresholdSource: 'test' });
  });
});
