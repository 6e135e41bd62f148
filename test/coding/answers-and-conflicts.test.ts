// The physician's free-text answer read as documentation (what it takes back, bare assent and
// supporting values left out); diabetes control stated two ways is asked; "uncontrolled" asks what it
// means; a symptom excluded by the diagnosis that explains it is dropped, not asked. Examples
// written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { answerAsDocumentation } from '../../coding/clarification.ts';
import { editClarifications } from '../../coding/clarification-issues.ts';
import type { CodingRun, DiagnosisDraft } from '../../coding/coding-run.ts';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 58, sex: 'F' });
const codes = diagnosisCodes;

describe('a free-text answer is documentation', () => {
  it('leaves out what it takes back, bare assent and supporting values', () => {
    expect(answerAsDocumentation('Type 2; the type 1 entry was an error')).toBe('Type 2');
    expect(answerAsDocumentation('CKD stage 4, eGFR 24')).toBe('CKD stage 4');
    expect(answerAsDocumentation('yes, anemia due to the chemotherapy')).toBe('anemia due to the chemotherapy');
    expect(answerAsDocumentation('Moderate persistent with acute exacerbation')).toBe('Moderate persistent with acute exacerbation');
    expect(answerAsDocumentation('yes')).toBe('yes');
  });

  it('a type conflict answered in free text re-codes to the type and asks nothing more', () => {
    const notes = 'Problem list: Type 1 diabetes mellitus. Hypertension.\nAssessment: Type 2 diabetes mellitus on metformin.';
    const r = run(['Type 2 diabetes mellitus'], notes);
    expect(r.clarification?.question).toMatch(/type of diabetes/);
    const answered = run(['Type 2 diabetes mellitus'], notes, [
      { question: r.clarification?.question ?? '', option: 'Other (please specify)', freeText: 'Type 2; the type 1 entry was an error' },
    ]);
    expect(codes(answered)).toContain('E11.9');
    expect(codes(answered)).not.toContain('E10.9');
    expect(answered.clarification).toBeUndefined();
  });

  it('a stage answered with its eGFR re-codes to the stage', () => {
    const r = run(['CKD'], 'Follow-up of kidney function.');
    const answered = run(['CKD'], 'Follow-up of kidney function.', [
      { question: r.clarification?.question ?? '', option: 'Other (please specify)', freeText: 'CKD stage 4, eGFR 24' },
    ]);
    expect(codes(answered)).toEqual(['N18.4']);
  });
});

describe('diabetes control', () => {
  it('assessment "well controlled" and plan "poorly controlled" is asked; the answer decides', () => {
    const notes = 'Assessment: Type 2 diabetes, well controlled.\nPlan: poorly controlled diabetes, increase metformin.';
    const r = run(['Type 2 diabetes mellitus'], notes);
    expect(r.clarification?.question).toMatch(/control of the diabetes/);
    const answered = run(['Type 2 diabetes mellitus'], notes, [
      { question: r.clarification?.question ?? '', option: 'Diabetes with hyperglycemia (poorly controlled)' },
    ]);
    expect(codes(answered)).toContain('E11.65');
    expect(answered.clarification).toBeUndefined();
  });

  it('"uncontrolled" asks hyperglycemia or hypoglycemia; one statement of control asks nothing', () => {
    expect(run(['Uncontrolled type 2 diabetes']).clarification?.options).toEqual(
      expect.arrayContaining(['Diabetes with hyperglycemia', 'Diabetes with hypoglycemia']),
    );
    expect(run(['Type 2 diabetes mellitus, well controlled']).clarification).toBeUndefined();
  });
});

it('a symptom excluded by the diagnosis that explains it is dropped, not asked', () => {
  const draft = (code: string, order: number): DiagnosisDraft => ({
    system: 'ICD-10-CM',
    code,
    description: code,
    confidence: 1,
    order,
    alternatives: [],
    evidence: [],
    rationale: '',
  });
  const fakeRun = { input: { answers: [] } } as unknown as CodingRun;
  const edit = {
    rule: 'EXCLUDES1',
    severity: 'error' as const,
    message: 'x',
    source: 'test',
    codes: ['J45.909', 'R06.2'],
    needsDocumentation: true,
  };
  const out = editClarifications(fakeRun, [draft('J45.909', 0), draft('R06.2', 1)], [edit]);
  expect(out.diagnoses.map((d) => d.code)).toEqual(['J45.909']);
  expect(out.issues).toEqual([]);
  const twoDiseases = { ...edit, codes: ['E10.9', 'E11.9'] };
  expect(editClarifications(fakeRun, [draft('E10.9', 0), draft('E11.9', 1)], [twoDiseases]).issues).toHaveLength(1);
});
