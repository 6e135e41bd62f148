// A routine examination coded for the other age group becomes the patient's (Z00.0- for 18 and over,
// Z00.12- for children), with or without findings as written. Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: Array<{ description: string; code?: string }>, ageYears: number, notes = '') =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears, sex: 'M' }), codeSets());
const codes = (...args: Parameters<typeof run>) =>
  run(...args)
    .diagnoses.map((d) => d.code)
    .sort();

describe('a routine examination of the patient’s age group', () => {
  it('an adult examination code for a teenager is the child health examination, no age query left', () => {
    const r = run([{ description: 'Annual physical', code: 'Z00.00' }], 15, 'Well visit. Growth and development normal. No concerns.');
    expect(r.diagnoses.map((d) => d.code)).toContain('Z00.129');
    expect(r.diagnoses.map((d) => d.code)).not.toContain('Z00.00');
    expect(JSON.stringify(r)).not.toMatch(/AGE_CONFLICT/);
  });

  it('a child examination code for an adult is the adult examination, its findings kept', () => {
    expect(codes([{ description: 'Well child check with abnormal findings', code: 'Z00.121' }], 19)).toContain('Z00.01');
    expect(codes([{ description: 'Well child check', code: 'Z00.129' }], 22)).toContain('Z00.00');
  });

  it('leaves a code of the right age group, and an infant’s examination, as written', () => {
    expect(codes([{ description: 'Routine adult exam', code: 'Z00.00' }], 18)).toContain('Z00.00');
    expect(codes([{ description: 'Well child check', code: 'Z00.129' }], 17)).toContain('Z00.129');
    expect(codes([{ description: 'Routine exam', code: 'Z00.00' }], 0)).not.toContain('Z00.129');
  });
});
