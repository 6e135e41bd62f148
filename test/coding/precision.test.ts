// Codes that must not appear: one documented word must not bring in a second, unrelated code, and
// chapter-specific codes (pregnancy, newborn) need that context in the record. Wording is our own.
import { describe, expect, it } from 'vitest';
import type { CodingInput } from '../../domain/coding.ts';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const input = (doc: Partial<EncounterDocumentation>, patient: CodingInput['patient'] = { ageYears: 60, sex: 'F' }) =>
  codingInput(doc, patient);
const dx = (...descriptions: string[]) => ({ diagnoses: descriptions.map((description) => ({ description })) });
const codes = (doc: Partial<EncounterDocumentation>, patient?: CodingInput['patient']) =>
  codeEncounter(input(doc, patient), codeSets()).diagnoses.map((d) => d.code);

describe('secondary matches need real support', () => {
  it('a leftover qualifier word does not become a second diagnosis', () => {
    const r = codes(dx('Type 1 diabetes mellitus with diabetic peripheral neuropathy'));
    // Peripheral neuropathy is indexed to polyneuropathy: diabetic polyneuropathy E10.42 (coding/diabetes.ts).
    expect(r).toEqual(['E10.42']);
    expect(r.some((c) => c.startsWith('I73'))).toBe(false);
  });

  it('words an abbreviation expanded to are consumed with it ("colon" is "large intestine")', () => {
    const r = codes(dx('History of tubular adenoma of the colon'));
    expect(r).toEqual(['Z86.0101']);
    expect(r.some((c) => c.startsWith('Z85'))).toBe(false);
  });

  it('a two-condition phrase still yields both codes', () => {
    expect(codes(dx('type 2 diabetes with chronic kidney disease stage 3a'))).toEqual(['E11.22', 'N18.31']);
  });
});

describe('qualifiers that change the code', () => {
  it('a condition after an operation is coded postprocedural, without a "following ..." code from another chapter', () => {
    const r = codes(dx('Hypoparathyroidism following parathyroidectomy'));
    expect(r).toEqual(['E89.2']);
    expect(r.some((c) => c.startsWith('O'))).toBe(false);
  });

  it('a former smoker is a history of nicotine dependence, not a disease of the palate', () => {
    for (const wording of ['Ex-smoker', 'Previous cigarette smoker']) {
      const r = codeEncounter(input(dx(wording)), codeSets());
      expect(
        r.diagnoses.map((d) => d.code),
        wording,
      ).toEqual(['Z87.891']);
      expect(r.clarification, wording).toBeUndefined();
    }
  });

  it('a well-baby check is a routine child health examination, not a developmental or skin disorder', () => {
    const r = codes(dx('Well-baby check'), { ageYears: 1, sex: 'M' });
    expect(r).toEqual(['Z00.129']);
  });
});

describe('pregnancy and newborn codes need that context', () => {
  it('no obstetric code for a patient whose record says nothing about pregnancy', () => {
    expect(codes(dx('Cervical incompetence'), { ageYears: 30, sex: 'F' })).toEqual(['N88.3']);
    expect(codes(dx('Cervical incompetence'), { ageYears: 30, sex: 'F' })).not.toContain('O34.30');
  });

  it('obstetric codes remain available when the record is about a pregnancy', () => {
    const r = codes(
      { notes: 'Currently pregnant; seen in the antenatal clinic.', ...dx('Cervical incompetence') },
      { ageYears: 30, sex: 'F' },
    );
    expect(r[0]).toMatch(/^O34\.3/);
  });
});

describe('symptom coding for an uncertain diagnosis', () => {
  it('a test that was only ordered is not coded as an abnormal finding', () => {
    const r = codes(
      { notes: 'Palpitations on and off for a week. Holter monitor and echocardiogram ordered.', ...dx('Possible arrhythmia') },
      { ageYears: 52, sex: 'M' },
    );
    expect(r).toContain('R00.2');
    expect(r).not.toContain('R93.1');
  });
});

describe('examination codes: with or without abnormal findings', () => {
  it('a new diagnosis made at the check-up gives the "with abnormal findings" code', () => {
    const r = codes(dx('Yearly physical', 'Hyperlipidemia, newly diagnosed'), { ageYears: 50, sex: 'M' });
    expect(r).toContain('Z00.01');
    expect(r).not.toContain('Z00.00');
  });

  it('a flagged result counts as an abnormal finding; a stated normal exam keeps "without"', () => {
    const flagged = codeEncounter(
      input(
        { ...dx('Routine physical exam'), testResults: [{ name: 'Fasting glucose', value: '131', unit: 'mg/dL', flag: 'H' }] },
        { ageYears: 50, sex: 'M' },
      ),
      codeSets(),
    );
    expect(flagged.diagnoses.map((d) => d.code)).toContain('Z00.01');
    expect(
      codes({ notes: 'Exam unremarkable, no abnormal findings.', ...dx('Routine physical exam') }, { ageYears: 50, sex: 'M' }),
    ).toEqual(['Z00.00']);
  });
});

describe('procedure descriptions in other words', () => {
  it('matches reworded lab descriptions to the catalog', () => {
    const r = codeEncounter(
      input({
        ...dx('Hyperlipidemia'),
        procedures: [
          { description: 'lipid profile, fasting' },
          { description: 'urine dipstick, no microscopy' },
          { description: 'brain MRI, no contrast' },
        ],
      }),
      codeSets(),
    );
    expect(r.procedures.map((p) => p.code)).toEqual(['80061', '81002', '70551']);
  });
});
