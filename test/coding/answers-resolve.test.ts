// A free-text answer re-codes the encounter: the value it names replaces the open detail and every
// other documented detail stays; results quoted as support and what it says is absent are left out.
// The type of diabetes is the guideline's default unless the record points elsewhere; a stage stated
// as the condition itself ("ESRD") is not asked; the engine's own weak match goes to a coder. Examples
// written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import type { ClarificationAnswer } from '../../domain/coding.ts';
import { answerAsDocumentation, optionNamedBy, OTHER_OPTION } from '../../coding/clarification.ts';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 61, sex: 'M' });
const codes = diagnosisCodes;
const freeText = (question: string | undefined, text: string): ClarificationAnswer[] => [
  { question: question ?? '', option: OTHER_OPTION, freeText: text },
];

describe('the option a free-text answer names', () => {
  const stages = ['1', '2', '3a', '3b', '4', '5'].map((s) => ({ label: `Stage ${s}`, refine: `stage ${s}` }));
  const esrd = { label: 'End stage renal disease', refine: 'end stage renal disease' };
  const acuity = [
    { label: 'Acute', refine: 'acute' },
    { label: 'Chronic', refine: 'chronic' },
    { label: 'Acute on chronic', refine: 'acute on chronic' },
  ];

  it('names a value once what the answer says is absent is left out', () => {
    expect(optionNamedBy([...stages, esrd], 'CKD stage 5, not on dialysis yet')?.label).toBe('Stage 5');
    expect(optionNamedBy([...stages, esrd], 'ESRD')?.label).toBe('End stage renal disease');
    expect(optionNamedBy(acuity, 'It is acute on chronic')?.label).toBe('Acute on chronic');
    expect(optionNamedBy(acuity, 'not acute, chronic')?.label).toBe('Chronic');
    expect(
      optionNamedBy(
        [
          { label: 'Right', refine: 'right' },
          { label: 'Left', refine: 'left' },
        ],
        'Left shoulder.',
      )?.label,
    ).toBe('Left');
  });

  it('names nothing when two values are named or none', () => {
    expect(optionNamedBy(stages, 'somewhere between stage 3b and stage 4')).toBeUndefined();
    expect(optionNamedBy(stages, 'see the nephrology letter')).toBeUndefined();
  });

  it('a bare denial names the option that says no', () => {
    const relation = [{ label: 'Yes: Alcohol-induced chronic pancreatitis', refine: 'alcoholic' }, { label: 'No: not due to alcohol use' }];
    expect(optionNamedBy(relation, 'No.')?.label).toBe('No: not due to alcohol use');
  });

  it('results given as support are not documentation of the condition', () => {
    expect(answerAsDocumentation('It is type 2, the GAD antibodies were negative')).toBe('It is type 2');
    expect(answerAsDocumentation('Acute pancreatitis confirmed by CT')).toBe('Acute pancreatitis confirmed by CT');
  });
});

describe('answers re-code what the record states', () => {
  it('a type conflict answered with a supporting result codes the type and asks nothing more', () => {
    const notes = 'Problem list: type 1 diabetes. On metformin only.\nAssessment: type 2 diabetes mellitus, stable.';
    const r = run(['Diabetes mellitus'], notes);
    expect(r.clarification?.question).toMatch(/type of diabetes/);
    const answered = run(
      ['Diabetes mellitus'],
      notes,
      freeText(r.clarification?.question, 'It is type 2, the GAD antibodies were negative'),
    );
    expect(codes(answered)).toContain('E11.9');
    expect(codes(answered).some((c) => c.startsWith('F41'))).toBe(false);
    expect(answered.clarification).toBeUndefined();
  });

  it('a stage answered in free text with what is absent codes the stage only', () => {
    const r = run(['Chronic kidney disease'], 'Kidney function reviewed.');
    const answered = run(
      ['Chronic kidney disease'],
      'Kidney function reviewed.',
      freeText(r.clarification?.question, 'CKD stage 5, not on dialysis yet'),
    );
    expect(codes(answered)).toEqual(['N18.5']);
  });

  it('end-stage renal disease chosen codes N18.6, not a hypertensive combination the record lacks', () => {
    const r = run(['Chronic kidney disease'], 'Kidney function reviewed.');
    const answered = run(['Chronic kidney disease'], 'Kidney function reviewed.', [
      { question: r.clarification?.question ?? '', option: 'End stage renal disease' },
    ]);
    expect(codes(answered)).toEqual(['N18.6']);
  });
});

describe('no question where the record or the guideline already answers', () => {
  it('ESRD stated in the notes is the stage of the listed CKD', () => {
    const r = run(['Hypertension', 'Chronic kidney disease'], 'ESRD on hemodialysis three times a week.');
    expect(r.clarification).toBeUndefined();
    expect(codes(r)).toEqual(expect.arrayContaining(['I12.0', 'N18.6', 'Z99.2']));
    expect(codes(r)).not.toContain('N18.9');
  });

  it('diabetes without a type on oral drugs is E11 by default, not asked', () => {
    const r = run(['Diabetes mellitus'], 'Diabetes on metformin 500 mg twice daily, A1c 7.1.');
    expect(codes(r)).toContain('E11.9');
    expect(r.clarification).toBeUndefined();
    expect(r.straightThrough.reasons).toContain('detail-inferred');
  });

  it('diabetes without a type in a record pointing at type 1 is asked', () => {
    const r = run(['Diabetes mellitus'], 'Diabetes since childhood, on an insulin pump. Islet cell antibodies positive at onset.');
    expect(r.clarification?.question).toMatch(/type of diabetes/);
  });
});
