// No query for a detail the record already states elsewhere. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const run = (notes: string, diagnoses: string[]) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 64, sex: 'M' }), codeSets());

describe('details stated elsewhere in the record', () => {
  it('the CKD stage on another diagnosis line: no stage query for the combination diagnosis', () => {
    const r = run('', ['Diabetic CKD due to type 2 diabetes', 'CKD stage 2']);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['E11.22', 'N18.2']);
    expect(r.clarification).toBeUndefined();
  });

  it('the CKD stage in the notes refines the code and nothing is asked', () => {
    const r = run('Nephrology letter: CKD is stage 3a.', ['Chronic kidney disease']);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['N18.31']);
    expect(r.diagnoses[0]?.rationale).toMatch(/stage 3a/);
    expect(r.clarification).toBeUndefined();
  });

  it('the diabetes type in the notes is used instead of the default', () => {
    const r = run('Type 1 diabetes since age 9.', ['Diabetes']);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['E10.9']);
    expect(r.clarification).toBeUndefined();
  });

  it('still asks when no statement gives the detail', () => {
    const r = run('Kidney function reviewed, creatinine unchanged.', ['Chronic kidney disease']);
    expect(r.clarification?.question).toMatch(/stage/);
  });
});
