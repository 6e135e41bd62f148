// Heart failure whose type or acuity two statements give differently is asked; one statement naming
// the type where another says only "heart failure" is not a conflict. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes: string) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 74, sex: 'F' }), codeSets());

describe('heart failure stated two ways', () => {
  it('systolic in the history and diastolic in the assessment is asked', () => {
    const r = run(
      ['Heart failure'],
      'HPI: chronic systolic heart failure, EF 30%.\nAssessment: acute diastolic heart failure exacerbation.',
    );
    expect(r.clarification?.question).toMatch(/type of heart failure/);
  });

  it('acute in one place and chronic in another is asked; acute on chronic agrees with chronic', () => {
    expect(
      run(['Systolic heart failure'], 'HPI: chronic systolic heart failure.\nAssessment: acute systolic heart failure.').clarification
        ?.question,
    ).toMatch(/acuity of the heart failure/);
    const agreeing = run(
      ['Systolic heart failure'],
      'HPI: chronic systolic heart failure.\nAssessment: acute on chronic systolic heart failure.',
    );
    expect(agreeing.clarification?.question ?? '').not.toMatch(/acuity of the heart failure/);
  });

  it('a type stated once beside a bare "heart failure" is that type, not a conflict', () => {
    const r = run(['Heart failure'], 'HPI: heart failure with preserved ejection fraction, echo with diastolic dysfunction.');
    expect(r.diagnoses.map((d) => d.code)).toContain('I50.30');
    expect(r.clarification?.question ?? '').not.toMatch(/type of heart failure/);
  });
});
