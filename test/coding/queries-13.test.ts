// Queries a coder would send (issue 10 item 5), session 13: a type the tabular codes by and the
// record leaves open, a 7th character that is a stage, a diabetes type its own treatment contradicts;
// and words that were read as another condition. Examples written for this test in their own words (tuned on).
import { describe, expect, it } from 'vitest';
import type { ClarificationAnswer, CodingInput } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (
  diagnoses: string[],
  notes = '',
  answers: ClarificationAnswer[] = [],
  patient: CodingInput['patient'] = { ageYears: 66, sex: 'F' },
) => codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, patient, { answers }), codeSets());
const answering = (r: ReturnType<typeof run>, freeText: string): ClarificationAnswer[] => [
  { question: r.clarification?.question ?? '', option: 'Other (please specify)', freeText },
];

describe('atrial fibrillation with no type: the type changes the code (I48.0, I48.1-, I48.2- vs I48.91)', () => {
  const notes = 'Known atrial fibrillation for years. Heart rate 70s on diltiazem. Stays on rivaroxaban, no bleeding.';

  it('an established arrhythmia with no type is asked its type', () => {
    const r = run(['Atrial fibrillation'], notes);
    expect(diagnosisCodes(r)).toEqual(['I48.91', 'Z79.01']);
    expect(r.clarification?.question).toMatch(/type of the condition/);
    expect(r.clarification?.options).toEqual(expect.arrayContaining(['Paroxysmal atrial fibrillation', 'Persistent atrial fibrillation']));
  });

  it('the answer codes the type', () => {
    const first = run(['Atrial fibrillation'], notes);
    const answered = run(['Atrial fibrillation'], notes, answering(first, 'Permanent; rhythm control abandoned.'));
    expect(diagnosisCodes(answered)).toEqual(['I48.21', 'Z79.01']);
    expect(answered.clarification).toBeUndefined();
  });

  it('one found at this visit has no course yet: I48.91, nothing asked', () => {
    const r = run(
      ['Atrial fibrillation'],
      'Palpitations since yesterday. Today the ECG shows atrial fibrillation at 110. Starting apixaban.',
    );
    expect(diagnosisCodes(r)).toContain('I48.91');
    expect(r.clarification).toBeUndefined();
  });

  it('a stated type is not asked', () => {
    const r = run(['Paroxysmal atrial fibrillation'], notes);
    expect(diagnosisCodes(r)[0]).toBe('I48.0');
    expect(r.clarification).toBeUndefined();
  });
});

describe('a 7th character that is a stage, left open by a diagnosis written in the tabular words', () => {
  it('bilateral primary open-angle glaucoma with no stage is asked its stage', () => {
    const notes = 'Pressures 21 and 19 on latanoprost nightly in both eyes. Nerve cupping unchanged. Continue drops.';
    const r = run(['Primary open-angle glaucoma, bilateral'], notes);
    expect(diagnosisCodes(r)).toEqual(['H40.1130']);
    expect(r.clarification?.question).toMatch(/stage of the condition/);
    const answered = run(['Primary open-angle glaucoma, bilateral'], notes, answering(r, 'Moderate stage in both eyes.'));
    expect(diagnosisCodes(answered)).toEqual(['H40.1132']);
    expect(answered.clarification).toBeUndefined();
  });

  it('a stage stated is not asked', () => {
    const r = run(['Primary open-angle glaucoma, bilateral, severe stage'], 'Continue timolol and latanoprost.');
    expect(diagnosisCodes(r)).toEqual(['H40.1133']);
    expect(r.clarification).toBeUndefined();
  });
});

describe('type 1 diabetes with only non-insulin therapy named (clinical validation of the type)', () => {
  const notes = 'Sugars in the 150s at home. A1c 7.6. Takes glipizide 5 mg daily, nothing else for the diabetes. Continue.';

  it('is asked the type; E10 stands until answered', () => {
    const r = run(['Type 1 diabetes mellitus'], notes);
    expect(diagnosisCodes(r)).toEqual(['E10.9', 'Z79.84']);
    expect(r.clarification?.question).toMatch(/type of diabetes mellitus/);
    expect(r.clarification?.options).toEqual(expect.arrayContaining(['Type 1 diabetes mellitus', 'Type 2 diabetes mellitus']));
  });

  it('an answer naming type 2 recodes the same complication in E11', () => {
    const first = run(['Type 1 diabetes mellitus with hyperglycemia'], notes);
    expect(diagnosisCodes(first)[0]).toBe('E10.65');
    const answered = run(
      ['Type 1 diabetes mellitus with hyperglycemia'],
      notes,
      answering(first, 'Type 2; the type 1 was entered in error.'),
    );
    expect(diagnosisCodes(answered)).toEqual(['E11.65', 'Z79.84']);
    expect(answered.clarification).toBeUndefined();
  });

  it('insulin named anywhere (a pump included) is no conflict; nor is insulin in type 2', () => {
    expect(
      run(['Type 1 diabetes mellitus'], 'On an insulin pump; metformin for insulin resistance. A1c 7.1.').clarification,
    ).toBeUndefined();
    expect(run(['Type 2 diabetes mellitus'], 'Glargine 24 units at night and metformin. A1c 7.9.').clarification).toBeUndefined();
  });

  it('a measured value is no type: "A1c 7.2" beside type 1 raises no Excludes1 conflict with type 2', () => {
    const r = run(['Type 1 diabetes mellitus'], 'Type 1 diabetes mellitus on basal-bolus insulin, A1c 7.2 today.');
    expect(diagnosisCodes(r)).toEqual(['E10.9']);
    expect(r.clarification).toBeUndefined();
  });
});

describe('a level of consciousness is no level of anything else', () => {
  it('decreased level of consciousness is R40.4, never hypoglycemia level 1 (E16.A1)', () => {
    const r = run(['Decreased level of consciousness'], 'Family found him harder to rouse this morning. Glucose 118. Sent for imaging.');
    expect(diagnosisCodes(r)).toContain('R40.4');
    expect(diagnosisCodes(r)).not.toContain('E16.A1');
  });
});

describe('what is not in conflict and not a cause', () => {
  it('a stage the record calls former ("progressed from stage 4") is superseded, not asked', () => {
    const notes =
      'Problem list: CKD stage 4 (entered 2023).\nAssessment: CKD stage 5, not on dialysis; eGFR now 13, progressed from stage 4 this year. Fistula referral.';
    const r = run(['Chronic kidney disease stage 5'], notes);
    expect(diagnosisCodes(r)).toEqual(['N18.5']);
    expect(r.clarification).toBeUndefined();
  });

  it('two current stages with no change stated are still asked', () => {
    const r = run(['Chronic kidney disease stage 3b'], 'Problem list: CKD stage 4.\nAssessment: CKD stage 3b, eGFR 38, stable.');
    expect(r.clarification?.question).toMatch(/stage of the chronic kidney disease/);
  });

  it('secondary hyperparathyroidism of renal origin is no endocrine cause of the hypertension', () => {
    const r = run(
      ['Hypertension', 'Secondary hyperparathyroidism of renal origin'],
      'BP 150/84 on amlodipine, increase dose. PTH 280 with CKD; start calcitriol.',
    );
    expect(r.clarification?.question ?? '').not.toMatch(/endocrine/);
    expect(diagnosisCodes(r)).toContain('N25.81');
  });
});
