// A physician's code is read against the record like any line (guideline I.B.2): when a statement
// of the same condition that the visit addresses says more than the code's title (both sides, a
// side the code contradicts, "intractable" beside "not intractable"), that statement is coded and
// the change is reported. A statement about something else ("prior fracture" beside "without
// current pathological fracture") changes nothing. Records are written for these tests.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

function coded(line: { description: string; code: string }, notes: string, sex: 'F' | 'M' = 'F') {
  const result = codeEncounter(codingInput({ notes, diagnoses: [line] }, { ageYears: 58, sex }), codeSets());
  return { codes: result.diagnoses.map((d) => d.code), outcome: result.documentedCodes[0]?.outcome };
}

describe('a written code the assessment states more specifically', () => {
  it('takes "intractable" from the assessment over a written not-intractable code', () => {
    const note =
      'Headache clinic. Daily headaches most of the month despite three preventives.\nA/P:\n1. Chronic migraine without aura, intractable, without status migrainosus - start erenumab.';
    const r = coded({ description: 'Chronic migraine', code: 'G43.709' }, note);
    expect(r.codes).toEqual(['G43.719']);
    expect(r.outcome).toBe('changed');
  });

  it('takes both sides from the assessment over a one-sided written code', () => {
    const note =
      'Knee pain, worse on the left this month.\nAssessment: Primary osteoarthritis of both knees, left worse.\nPlan: PT, topical diclofenac.';
    expect(coded({ description: 'L knee OA', code: 'M17.12' }, note).codes).toEqual(['M17.0']);
  });

  it('keeps the written code when the assessment says the same', () => {
    const note = 'Assessment: Chronic migraine without aura, not intractable - continue propranolol.';
    const r = coded({ description: 'Chronic migraine', code: 'G43.709' }, note);
    expect(r.codes).toEqual(['G43.709']);
    expect(r.outcome).toBe('kept');
  });

  it('keeps the written code when the other statement is about a past event, not the title it denies', () => {
    const note =
      'Assessment: Age-related osteoporosis without current pathological fracture, on alendronate.\nPlan: given prior fragility fracture of the wrist, continue alendronate; recheck DEXA in 2 years.';
    const r = coded({ description: 'Age-related osteoporosis without current pathological fracture', code: 'M81.0' }, note);
    expect(r.codes).toContain('M81.0');
    expect(r.codes.some((c) => c.startsWith('M80'))).toBe(false);
  });
});
