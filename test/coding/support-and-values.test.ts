// Status, history and score codes need their own support; documented values (BMI) are coded by range;
// denied histories are not histories; regions narrower than the limb; spelled lab names. Wording is our own.
import { describe, expect, it } from 'vitest';
import type { CodingInput } from '../../domain/coding.ts';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const input = (doc: Partial<EncounterDocumentation>, patient: CodingInput['patient'] = { ageYears: 55, sex: 'M' }) =>
  codingInput(doc, patient);
const dx = (...descriptions: string[]) => descriptions.map((description) => ({ description }));
const run = (doc: Partial<EncounterDocumentation>, patient?: CodingInput['patient']) => codeEncounter(input(doc, patient), codeSets());
const codes = (doc: Partial<EncounterDocumentation>, patient?: CodingInput['patient']) => run(doc, patient).diagnoses.map((d) => d.code);

describe('status and history codes need explicit support', () => {
  it('a toe named with a flare is not an absent toe', () => {
    const r = codes({ diagnoses: dx('acute gout attack (flare) of the left big toe') });
    expect(r[0]).toBe('M10.072');
    expect(r.some((c) => c.startsWith('Z89'))).toBe(false);
  });

  it('an adult check-up is not a child welfare examination', () => {
    const r = run({ diagnoses: dx('annual adult preventive exam') });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['Z00.00']);
    expect(r.clarification).toBeUndefined();
  });

  it('a history of falling is not a history of a malignancy', () => {
    const r = codes({ diagnoses: dx('hx of recurrent falls') }, { ageYears: 82, sex: 'F' });
    expect(r).toEqual(['Z91.81']);
  });

  it('a denied history is negated, not coded as history', () => {
    const r = codes(
      { diagnoses: dx('postmenopausal osteoporosis'), notes: 'Patient has no prior history of fragility fracture.' },
      { ageYears: 68, sex: 'F' },
    );
    expect(r.some((c) => c.startsWith('Z87.31'))).toBe(false);
  });
});

describe('documented values are coded by range, never by their digits', () => {
  it('adult BMI in the notes goes with obesity as its Z68 range', () => {
    const r = run({ diagnoses: dx('class 3 obesity'), notes: 'Weight reviewed; BMI is 43.8 kg/m2.' });
    const c = r.diagnoses.map((d) => d.code);
    expect(c).toContain('Z68.41');
    expect(c.some((x) => x.startsWith('R29.7'))).toBe(false);
  });

  it('a BMI on the diagnosis line does not make the condition ambiguous', () => {
    const r = run({ diagnoses: dx('morbid obesity with BMI 51') });
    const c = r.diagnoses.map((d) => d.code);
    expect(c).toContain('Z68.43');
    expect(c.some((x) => x.startsWith('E66'))).toBe(true);
    expect(r.clarification).toBeUndefined();
  });

  it('a child is coded by percentile, not by the adult ranges', () => {
    const c = codes({ diagnoses: dx('pediatric obesity'), notes: 'BMI 97th percentile for age.' }, { ageYears: 11, sex: 'F' });
    expect(c).toContain('Z68.54');
    expect(c.some((x) => /^Z68\.[1-4]/.test(x))).toBe(false);
  });

  it('a bare number never selects a score code', () => {
    const c = codes({ diagnoses: dx('hypertension 42') });
    expect(c.some((x) => x.startsWith('R29.7') || x.startsWith('R40.2'))).toBe(false);
  });
});

describe('wording that names the specific code', () => {
  it('"strep" is streptococcal', () => {
    expect(codes({ diagnoses: dx('strep pharyngitis') })).toEqual(['J02.0']);
  });
  it('poison oak dermatitis is dermatitis due to plants', () => {
    expect(codes({ diagnoses: dx('poison oak rash on both arms') })).toEqual(['L23.7']);
  });
  it('non-cardiac chest pain is other chest pain', () => {
    expect(codes({ diagnoses: dx('noncardiac chest pain') })).toEqual(['R07.89']);
  });
});

describe('procedures written with their usual abbreviation', () => {
  it('HbA1c and Hgb A1c are the glycated hemoglobin test', () => {
    for (const description of ['HbA1c', 'Hgb A1c drawn']) {
      const r = run({ diagnoses: dx('type 2 diabetes'), procedures: [{ description }] });
      expect(r.procedures[0]?.code).toBe('83036');
    }
  });
});
