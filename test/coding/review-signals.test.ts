// Straight-through reasons from decisions a coder makes on the whole record (issue 10 item 2): a
// current long-term drug with no Z79 decision, a history/follow-up context, a preventive
// examination without findings while the record names one. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { currentLongTermDrugs, historyContext, preventiveWithFindings } from '../../coding/review-signals.ts';
import { straightThroughDecision } from '../../coding/straight-through.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = (doc: Partial<EncounterDocumentation>, age = 67) => codeEncounter(codingInput(doc, { ageYears: age, sex: 'F' }), codeSets());
const dx = (code: string, description = code) => ({
  system: 'ICD-10-CM' as const,
  code,
  description,
  confidence: 1,
  alternatives: [],
  evidence: [],
  rationale: '',
});

describe('long-term drug with no Z79 decision', () => {
  it('a current anticoagulant beside no condition it is taken for goes to a coder', () => {
    const r = code({
      diagnoses: described(['Acute bronchitis']),
      notes: 'Medications: apixaban 5 mg twice daily, diltiazem.\nAssessment: acute bronchitis. Plan: fluids, rest.',
    });
    expect(r.diagnoses.map((d) => d.code)).not.toContain('Z79.01');
    expect(r.straightThrough.reasons).toContain('long-term-drug-undecided');
  });

  it('beside the condition it is taken for, the anticoagulant is coded (long-term-drugs.ts) and nothing is undecided', () => {
    const r = code({
      diagnoses: described(['Paroxysmal atrial fibrillation']),
      notes:
        'Medications: apixaban 5 mg twice daily, diltiazem.\nAssessment: paroxysmal atrial fibrillation, rate controlled. Plan: continue apixaban.',
    });
    expect(r.diagnoses.map((d) => d.code)).toContain('Z79.01');
    expect(r.straightThrough.reasons).not.toContain('long-term-drug-undecided');
  });

  it('a stopped drug, a short course, or a Z79 code already on the claim does not', () => {
    expect(currentLongTermDrugs(['Apixaban stopped last month'])).toEqual([]);
    expect(currentLongTermDrugs(['Prednisone burst 40 mg x 5 days'])).toEqual([]);
    expect(currentLongTermDrugs(['Continue tacrolimus 2 mg twice daily'])).toEqual([{ code: 'Z79.6', drug: 'tacrolimus' }]);
    const r = code({ diagnoses: described(['Type 2 diabetes mellitus']), notes: 'Assessment: type 2 diabetes. Plan: continue metformin.' });
    expect(r.diagnoses.map((d) => d.code)).toContain('Z79.84');
    expect(r.straightThrough.reasons).not.toContain('long-term-drug-undecided');
  });
});

describe('history or follow-up context', () => {
  it('a history code on the list goes to a coder', () => {
    expect(historyContext([], [dx('Z85.3')])).toBe(true);
    expect(historyContext([], [dx('I10')])).toBe(false);
  });

  it('an active neoplasm code beside completed treatment or surveillance goes to a coder', () => {
    expect(historyContext(['Completed adjuvant chemotherapy in 2024', 'no evidence of recurrence'], [dx('C18.7')])).toBe(true);
    expect(historyContext(['Cycle 3 of chemotherapy today'], [dx('C18.7')])).toBe(false);
  });
});

describe('preventive examination with a finding', () => {
  const exam = dx('Z00.00', 'Encounter for general adult medical examination without abnormal findings');
  it('a finding word or a flagged result stops straight-through', () => {
    expect(preventiveWithFindings(['Blood pressure 158/96 on two readings'], 0, [exam])).toBe(true);
    expect(preventiveWithFindings(['Annual physical'], 1, [exam])).toBe(true);
    expect(preventiveWithFindings(['Annual physical', 'Exam normal, no abnormal findings'], 0, [exam])).toBe(false);
  });

  it('goes through the coded encounter', () => {
    const r = code(
      {
        diagnoses: described(['Annual physical examination']),
        notes: 'Annual physical. Blood pressure 150/95 today, recheck in 2 weeks.',
        procedures: [{ description: 'Preventive visit, established, 40-64', code: '99396' }],
      },
      52,
    );
    expect(r.diagnoses.map((d) => d.code)).toEqual(['Z00.00']);
    // The shipped calibration reaches no threshold, so 'low-confidence' stands beside any reason.
    expect(r.straightThrough.reasons.filter((x) => x !== 'low-confidence')).toEqual(['preventive-with-findings']);
  });
});

it('each new reason stops straight-through on its own', () => {
  const config = { threshold: 0.5, targetPrecision: 0.98, calibration: [], source: 'test' };
  const base = { confidence: 1, diagnoses: [dx('I10')], edits: [], documentedCodes: [], clarificationOpen: false };
  expect(straightThroughDecision({ ...base, longTermDrugUndecided: true }, config).reasons).toEqual(['long-term-drug-undecided']);
  expect(straightThroughDecision({ ...base, historyContext: true }, config).reasons).toEqual(['history-context']);
  expect(straightThroughDecision({ ...base, preventiveWithFindings: true }, config).reasons).toEqual(['preventive-with-findings']);
});
