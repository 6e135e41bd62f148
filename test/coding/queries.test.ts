// Queries for the gaps the tabular needs (type, acuity), not for the engine's own score ties;
// uncertain diagnoses coded by their symptoms. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';
import type { TestResult } from '../../domain/encounter.ts';

const codeSets = useCodeSets();

const run = (diagnoses: string[], notes = '', testResults: TestResult[] = [], answers: Array<{ question: string; option: string }> = []) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses), testResults }, { ageYears: 71, sex: 'F' }, { answers }), codeSets());

describe('documentation gaps are queried', () => {
  it('heart failure with no type asks for the type (not for a side)', () => {
    const r = run(['CHF, stable on diuretics']);
    expect(r.diagnoses[0]?.code).toBe('I50.9');
    expect(r.clarification?.question).toMatch(/type of heart failure/);
    const answered = run(
      ['CHF, stable on diuretics'],
      '',
      [],
      [{ question: r.clarification?.question ?? '', option: 'Diastolic (preserved ejection fraction) heart failure' }],
    );
    expect(answered.diagnoses[0]?.code).toMatch(/^I50\.3/);
  });

  it('a type stated in the notes needs no query', () => {
    const r = run(['Heart failure'], 'Echo last month: chronic diastolic dysfunction, HFpEF.');
    expect(r.diagnoses[0]?.code).toMatch(/^I50\.3/);
    expect(r.clarification?.question ?? '').not.toMatch(/type of heart failure/);
  });

  it('anemia with iron studies but no type is queried; plain anemia is not', () => {
    const iron = run(['Anemia'], 'Fatigue.', [{ name: 'Ferritin', value: '7', unit: 'ng/mL', flag: 'L' }]);
    expect(iron.clarification?.question).toMatch(/type of anemia/);
    expect(run(['Anemia'], 'Hgb 10.4, repeat in a month.').clarification).toBeUndefined();
  });
});

describe('no query for an engine tie when the record is clear', () => {
  it('cellulitis of a limb site with its side is coded without asking', () => {
    expect(run(['Cellulitis of right lower leg']).clarification).toBeUndefined();
  });
});

describe('uncertain diagnosis in the office: the symptoms are coded', () => {
  it('vomiting and loose stools with a probable gastroenteritis', () => {
    const r = run(['Probable viral gastroenteritis'], 'Two days of emesis and loose stools, tolerating fluids.');
    expect(r.diagnoses.map((d) => d.code)).toEqual(expect.arrayContaining(['R11.10', 'R19.7']));
    expect(r.diagnoses.some((d) => d.code.startsWith('A08'))).toBe(false);
  });
});
