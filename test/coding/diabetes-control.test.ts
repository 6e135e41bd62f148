// "Uncontrolled" and "poorly controlled" are read of the diabetes when the statement says them of it,
// a comma between allowed ("DM2, uncontrolled"), never across another condition named between
// ("Type 2 diabetes, hypertension, uncontrolled"), nor from another condition's own line.
// Records written for this test.
import { describe, expect, it } from 'vitest';
import { controlOfDiabetes, saysOfDiabetes } from '../../coding/diabetes-control.ts';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 57, sex: 'F' });
const uncontrolledAsked = (r: ReturnType<typeof run>) => /meaning of "uncontrolled"/.test(r.clarification?.question ?? '');

describe('a control word said of the diabetes', () => {
  const uncontrolled = controlOfDiabetes('uncontrolled');
  it("after a comma, with only the diabetes's qualifiers between", () => {
    expect(saysOfDiabetes(uncontrolled, 'DM2, uncontrolled')).toBe(true);
    expect(saysOfDiabetes(uncontrolled, 'Diabetes mellitus, type 2, insulin-requiring, uncontrolled')).toBe(true);
    expect(saysOfDiabetes(uncontrolled, 'Uncontrolled type 2 diabetes')).toBe(true);
  });

  it("past the diabetes's own complications", () => {
    expect(saysOfDiabetes(uncontrolled, 'Type 2 diabetes with CKD stage 3, uncontrolled')).toBe(true);
    expect(saysOfDiabetes(controlOfDiabetes('poorly controlled'), 'T2DM with diabetic polyneuropathy, poorly controlled')).toBe(true);
  });

  it('not across another condition', () => {
    expect(saysOfDiabetes(uncontrolled, 'Type 2 diabetes, hypertension, uncontrolled')).toBe(false);
    expect(saysOfDiabetes(uncontrolled, 'Type 2 diabetes with hypertension, uncontrolled')).toBe(false);
    expect(saysOfDiabetes(uncontrolled, 'Diabetes; asthma, uncontrolled')).toBe(false);
  });
});

describe('uncontrolled diabetes is asked what it means', () => {
  it('asked when a comma stands between the diabetes and "uncontrolled"', () => {
    expect(uncontrolledAsked(run(['DM2, uncontrolled']))).toBe(true);
    expect(uncontrolledAsked(run(['Type 2 diabetes mellitus, uncontrolled']))).toBe(true);
  });

  it('not asked when "uncontrolled" is another condition\'s', () => {
    expect(uncontrolledAsked(run(['Type 2 diabetes, hypertension, uncontrolled']))).toBe(false);
    expect(uncontrolledAsked(run(['Type 2 diabetes mellitus', 'Asthma, uncontrolled']))).toBe(false);
  });
});

describe('poorly controlled diabetes is diabetes with hyperglycemia', () => {
  it('with a comma between', () => {
    expect(diagnosisCodes(run(['Diabetes mellitus type 2, poorly controlled']))).toContain('E11.65');
  });

  it("not from another condition's control, on its own line or named after the diabetes", () => {
    const lines = diagnosisCodes(run(['Type 2 diabetes mellitus', 'Essential hypertension, poorly controlled']));
    expect(lines).not.toContain('E11.65');
    expect(lines).toContain('I10');
    expect(diagnosisCodes(run(['Type 2 diabetes, hypertension poorly controlled']))).not.toContain('E11.65');
  });
});
