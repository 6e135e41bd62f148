// A condition the assessment addresses that no code on the claim is of (coding/assessed-uncoded.ts).
// Records are our own wording; nothing here changes a code.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const reasons = (notes: string, diagnoses: Array<{ description: string; code: string }>) =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 64, sex: 'M' }), codeSets()).straightThrough.reasons;

describe('an assessed condition of a category no code is of', () => {
  it('a condition taken up in the assessment and left off the diagnosis list goes to a coder', () => {
    // With a status or a continuing plan ("stable, continue") assessed-conditions.ts codes it; a
    // workup alone does not say it is managed, so it stays uncoded and a coder decides.
    const notes =
      'Cough and wheeze for a week.\nAssessment:\n1. Asthma exacerbation - prednisone burst.\n2. Hypothyroidism - recheck TSH today.';
    expect(reasons(notes, [{ description: 'Mild intermittent asthma with exacerbation', code: 'J45.21' }])).toContain(
      'assessed-condition-uncoded',
    );
  });

  it('an assessment that names only what is coded, or a symptom beside it, is no reason', () => {
    const notes = 'Cough and wheeze for a week.\nAssessment:\n1. Asthma exacerbation, wheezing - prednisone burst.';
    expect(reasons(notes, [{ description: 'Mild intermittent asthma with exacerbation', code: 'J45.21' }])).not.toContain(
      'assessed-condition-uncoded',
    );
  });

  it('an immunity or vaccination statement is no reason', () => {
    const notes = 'Cough and wheeze for a week.\nAssessment:\n1. Asthma exacerbation - prednisone burst.\n2. Tetanus up to date.';
    expect(reasons(notes, [{ description: 'Mild intermittent asthma with exacerbation', code: 'J45.21' }])).not.toContain(
      'assessed-condition-uncoded',
    );
  });

  it('a condition the assessment denies is no reason', () => {
    const notes = 'Cough for a week.\nAssessment:\n1. Asthma exacerbation - prednisone burst.\n2. No hypothyroidism, TSH normal.';
    expect(reasons(notes, [{ description: 'Mild intermittent asthma with exacerbation', code: 'J45.21' }])).not.toContain(
      'assessed-condition-uncoded',
    );
  });
});
