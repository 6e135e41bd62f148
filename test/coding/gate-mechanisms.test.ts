// Straight-through reasons by mechanism (issue 10 item 2): a code whose details came from another
// statement, a presumed combination, notes with no assessment, a close code of another family, each
// send the encounter to a coder whatever its confidence. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { straightThroughDecision } from '../../coding/straight-through.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = (doc: Partial<EncounterDocumentation>) => codeEncounter(codingInput(doc, { ageYears: 58, sex: 'M' }), codeSets());

describe('gate reasons read from the coding', () => {
  it('a side read from the exam rather than the diagnosis is detail-inferred', () => {
    const r = code({
      diagnoses: described(['Carpal tunnel syndrome']),
      notes: 'Exam: positive Tinel sign at the left wrist, carpal tunnel.',
    });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['G56.02']);
    expect(r.straightThrough.reasons).toContain('detail-inferred');
  });

  it('a side the diagnosis states while the notes describe both sides of the site is detail-inferred', () => {
    const r = code({
      diagnoses: described(['Primary osteoarthritis of right knee']),
      notes: 'Right knee crepitus and effusion. Left knee normal range of motion.',
    });
    expect(r.straightThrough.reasons).toContain('detail-inferred');
  });

  it('the side stated by the diagnosis alone is not', () => {
    const r = code({ diagnoses: described(['Primary osteoarthritis of right knee']), notes: 'Knee pain with stairs.' });
    expect(r.straightThrough.reasons).not.toContain('detail-inferred');
  });

  it('hypertension combined with a CKD stage from another line is presumed', () => {
    const r = code({ diagnoses: described(['Essential hypertension', 'CKD stage 3b']) });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['I12.9', 'N18.32']);
    expect(r.straightThrough.reasons).toContain('combination-presumed');
  });

  it('notes with no diagnosis list and no assessment or plan go to a coder', () => {
    const r = code({ notes: 'Patient seen for sore throat and fever for two days. Rapid strep positive. Amoxicillin prescribed.' });
    expect(r.straightThrough.reasons).toContain('no-assessment');
    const assessed = code({ notes: 'Sore throat two days.\nAssessment: Streptococcal pharyngitis. Plan: amoxicillin.' });
    expect(assessed.straightThrough.reasons).not.toContain('no-assessment');
  });

  it('each new reason stops straight-through on its own', () => {
    const config = { threshold: 0.5, targetPrecision: 0.98, calibration: [], source: 'test' };
    const base = { confidence: 1, diagnoses: [{} as never], edits: [], documentedCodes: [], clarificationOpen: false };
    expect(straightThroughDecision({ ...base, presumed: true }, config).reasons).toEqual(['combination-presumed']);
    expect(straightThroughDecision({ ...base, inferred: true }, config).reasons).toEqual(['detail-inferred']);
    expect(straightThroughDecision({ ...base, noAssessment: true }, config).reasons).toEqual(['no-assessment']);
    expect(straightThroughDecision({ ...base, competingFamilies: true }, config).reasons).toEqual(['competing-families']);
  });
});
