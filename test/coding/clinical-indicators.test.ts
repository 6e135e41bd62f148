// Queries a coder sends that the engine did not (issue 10, item 5): a result outside its range
// that the plan treats with no condition named (clinical indicators without a diagnosis), and a
// treated condition beside a drug that can cause it with no link stated. Each answered through the
// ordinary answer path. Examples written for this test (tuned on; test/coding/query-set-10.json).
import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { answeredBy, codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const patient = { ageYears: 63, sex: 'F' as const };
function coded(
  dx: string[],
  notes: string,
  testResults: TestResult[] = [],
  answers: Array<{ question: string; option?: string; freeText?: string }> = [],
) {
  return codeEncounter(codingInput({ notes, diagnoses: described(dx), testResults }, patient, { answers }), codeSets());
}
const asksDiagnosis = (r: ReturnType<typeof coded>) => /clarify the diagnosis, if any/.test(r.clarification?.question ?? '');
const potassium = (value: string, flag: string): TestResult => ({ name: 'Potassium', value, unit: 'mmol/L', flag });

describe('a treated abnormal result with no diagnosis is asked', () => {
  it('potassium 3.0 flagged low and potassium chloride started: asked; the answer is coded (E87.6)', () => {
    const notes = 'BP controlled on amlodipine. Start potassium chloride 20 mEq daily.';
    const first = coded(['Essential hypertension'], notes, [potassium('3.0', 'L')]);
    expect(asksDiagnosis(first)).toBe(true);
    expect(first.clarification?.options).toEqual(
      expect.arrayContaining(['Hypokalemia', 'Other (please specify)', 'Clinically undetermined']),
    );
    expect(first.straightThrough.eligible).toBe(false);
    const question = first.clarification?.question as string;
    const answered = coded(['Essential hypertension'], notes, [potassium('3.0', 'L')], [{ question, freeText: 'Hypokalemia' }]);
    expect(diagnosisCodes(answered)).toEqual(['I10', 'E87.6']);
    expect(answered.clarification).toBeUndefined();
    const none = coded(
      ['Essential hypertension'],
      notes,
      [potassium('3.0', 'L')],
      [{ question, option: 'No associated diagnosis (abnormal result only)' }],
    );
    expect(diagnosisCodes(none)).toEqual(['I10']);
  });

  it('a value stated in the notes past its limit counts as the flag; hemoglobin and ferritin with iron are one question', () => {
    const first = coded(['Gastroesophageal reflux disease'], 'Hemoglobin 9.4, ferritin 6. Start ferrous sulfate 325 mg daily.');
    expect(asksDiagnosis(first)).toBe(true);
    expect(first.clarification?.question).toMatch(/Hemoglobin 9\.4.*ferritin 6/);
    const again = coded(
      ['Gastroesophageal reflux disease'],
      'Hemoglobin 9.4, ferritin 6. Start ferrous sulfate 325 mg daily.',
      [],
      [{ question: first.clarification?.question as string, option: 'Iron deficiency anemia' }],
    );
    expect(diagnosisCodes(again)).toEqual(['K21.9', 'D50.9']);
    expect(again.clarification).toBeUndefined();
  });

  it('not asked: a flagged result nobody treats, a supplement beside a normal result, a diagnosis that explains it, the condition named', () => {
    expect(asksDiagnosis(coded(['Essential hypertension'], 'BP controlled. Continue amlodipine.', [potassium('3.4', 'L')]))).toBe(false);
    expect(
      asksDiagnosis(coded(['Chronic diastolic heart failure'], 'Continue furosemide with potassium chloride.', [potassium('4.2', 'N')])),
    ).toBe(false);
    expect(asksDiagnosis(coded(['Hypokalemia'], 'Start potassium chloride 20 mEq daily for 5 days.', [potassium('3.1', 'L')]))).toBe(false);
    expect(asksDiagnosis(coded(['Essential hypertension'], 'Low potassium: start potassium chloride.', [potassium('3.1', 'L')]))).toBe(
      false,
    );
    expect(asksDiagnosis(coded(['Type 2 diabetes mellitus'], 'Glucose 245. Increase metformin.'))).toBe(false);
    expect(asksDiagnosis(coded(['Hypothyroidism'], 'TSH 8.9. Increase levothyroxine to 100 mcg daily.'))).toBe(false);
    // A dose is no result: "vitamin D3 2000" is the drug, not a level.
    expect(asksDiagnosis(coded(['Osteopenia'], 'Continue vitamin D3 2000 units daily.'))).toBe(false);
  });
});

describe('a treated condition beside a drug that can cause it', () => {
  const run = answeredBy(codeSets, patient);
  it('hypokalemia on hydrochlorothiazide is asked; yes gives the adverse-effect T code', () => {
    const notes = 'On hydrochlorothiazide 25 mg daily. Potassium 3.1. Start potassium chloride.';
    const first = run(['Hypokalemia', 'Essential hypertension'], notes);
    expect(first.clarification?.question).toMatch(/whether the condition is due to hydrochlorothiazide/);
    const again = run(['Hypokalemia', 'Essential hypertension'], notes, [
      { question: first.clarification?.question as string, freeText: 'Yes, due to the hydrochlorothiazide' },
    ]);
    expect(diagnosisCodes(again)).toContain('T50.2X5A');
  });
  it('hypomagnesemia on omeprazole is asked; a linked statement is not', () => {
    expect(run(['Hypomagnesemia'], 'On omeprazole 40 mg daily. Start magnesium oxide.').clarification?.question).toMatch(
      /due to omeprazole/,
    );
    expect(run(['Hypomagnesemia due to omeprazole'], 'Start magnesium oxide.').clarification?.question ?? '').not.toMatch(
      /due to omeprazole/,
    );
  });
  it('the drug written as the kind of the condition ("statin myalgia", "lisinopril cough") is the link: not asked, the T code added', () => {
    const statin = run(
      ['Statin myalgia'],
      'Aching thighs since rosuvastatin was raised to 20 mg. CK normal. Hold rosuvastatin for two weeks.',
    );
    expect(statin.clarification).toBeUndefined();
    expect(diagnosisCodes(statin)).toEqual(['M79.10', 'T46.6X5A']);
    const cough = run(['Lisinopril cough'], 'Dry cough for two months on lisinopril 10 mg. Switch to losartan.');
    expect(cough.clarification).toBeUndefined();
    expect(diagnosisCodes(cough)).toContain('T46.4X5A');
    // Plural "myalgias" beside a statement that links them is linked too.
    expect(run(['Myalgias'], 'Myalgias - adverse effect of atorvastatin. Stop atorvastatin.').clarification).toBeUndefined();
    // A drug only taken beside the condition is still asked.
    expect(run(['Myalgia'], 'On atorvastatin 40 mg daily. Aching shoulders for a month.').clarification?.question).toMatch(/atorvastatin/);
  });
});

describe('a drug stopped for the result it causes is its treatment', () => {
  const sodium = (value: string, flag: string): TestResult => ({ name: 'Sodium', value, unit: 'mmol/L', flag });

  it('sodium 127 flagged low and chlorthalidone stopped: asked; the answer with its cause is coded (E87.1, T50.2X5A)', () => {
    const notes =
      'Hypertension follow-up, on chlorthalidone and losartan. Plan: discontinue chlorthalidone, recheck electrolytes in a week.';
    const first = coded(['Essential hypertension'], notes, [sodium('127', 'L')]);
    expect(asksDiagnosis(first)).toBe(true);
    expect(first.clarification?.options).toEqual(expect.arrayContaining(['Hyponatremia']));
    const question = first.clarification?.question as string;
    const answered = coded(
      ['Essential hypertension'],
      notes,
      [sodium('127', 'L')],
      [{ question, freeText: 'Hyponatremia due to chlorthalidone taken as prescribed.' }],
    );
    expect(diagnosisCodes(answered).sort()).toEqual(['E87.1', 'I10', 'T50.2X5A']);
  });

  it('potassium 5.9 in the notes and lisinopril held: asked', () => {
    expect(
      asksDiagnosis(coded(['Type 2 diabetes mellitus'], 'Potassium 5.9 on this morning labs. Hold lisinopril, repeat BMP Friday.')),
    ).toBe(true);
  });

  it('not asked: the drug stopped while the result is normal, or the drug continued', () => {
    expect(asksDiagnosis(coded(['Essential hypertension'], 'Stop HCTZ, start amlodipine.', [sodium('139', 'N')]))).toBe(false);
    expect(asksDiagnosis(coded(['Essential hypertension'], 'Sodium 133. Continue HCTZ, recheck in 3 months.'))).toBe(false);
  });
});
