// Tobacco use stated current and former, no relapse told, is asked; no status code until answered
// (coding/tobacco-status-conflict.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 49, sex: 'F' });
const lines = [
  { description: 'Hypertension', code: 'I10' },
  { description: 'Tobacco dependence', code: 'F17.210' },
];

describe('tobacco status stated two ways', () => {
  const notes = 'HPI: smokes about 10 cigarettes a day.\nAssessment: HTN - stable. Ex-smoker, quit 2018.';

  it('is asked, and the status code waits for the answer', () => {
    const result = code(notes, lines);
    expect(result.clarification?.question).toMatch(/tobacco status/);
    expect(result.diagnoses.map((d) => d.code)).toEqual(['I10']);
  });

  it('an answer of former codes Z87.891', () => {
    const question = code(notes, lines).clarification?.question ?? '';
    const answered = code(notes, lines, [{ question, freeText: 'Former smoker, quit in 2018.' }]);
    expect(answered.diagnoses.map((d) => d.code).sort()).toEqual(['I10', 'Z87.891']);
  });

  it('a relapse told, or a former status marked as copied, is no conflict', () => {
    const relapse = 'HPI: former smoker, relapsed in March, now smokes 10 cigarettes a day.\nAssessment: HTN - stable.';
    expect(code(relapse, lines).clarification).toBeUndefined();
    const copied = 'Social history: former smoker (copied from prior note). Today smokes 10 cigarettes a day.\nAssessment: HTN - stable.';
    expect(code(copied, lines).clarification).toBeUndefined();
  });

  it('a wish to quit, or a drug stopped in a year, is no former smoking', () => {
    const wish = 'HPI: smokes about 10 cigarettes a day, wants to quit smoking.\nAssessment: HTN - stable.';
    expect(code(wish, lines).clarification).toBeUndefined();
    const drug = 'HPI: smokes about 10 cigarettes a day.\nMeds: atenolol - stopped 2024.\nAssessment: HTN - stable.';
    expect(code(drug, lines).clarification).toBeUndefined();
  });
});
