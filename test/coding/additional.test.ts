// "Use additional code" notes: the cited code is added only when the record documents it.
// Wording is our own (not from the evaluation sets).
import { describe, expect, it } from 'vitest';
import type { CodingInput } from '../../domain/coding.ts';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const input = (doc: Partial<EncounterDocumentation>, patient: CodingInput['patient'] = { ageYears: 62, sex: 'M' }) =>
  codingInput(doc, patient);
const codes = (notes: string, diagnoses: string[], patient?: CodingInput['patient']) =>
  codeEncounter(input({ notes, diagnoses: diagnoses.map((description) => ({ description })) }, patient), codeSets()).diagnoses.map(
    (d) => d.code,
  );

describe('diabetes: drugs in use', () => {
  it('adds insulin and oral-drug codes when the notes name the drugs', () => {
    const r = codeEncounter(
      input({
        notes: 'Injects insulin degludec at bedtime; also takes glipizide with breakfast.',
        diagnoses: [{ description: 'Type 2 diabetes mellitus' }],
      }),
      codeSets(),
    );
    expect(r.diagnoses.map((d) => d.code)).toEqual(['E11.9', 'Z79.4', 'Z79.84']);
    expect(r.diagnoses[1]?.rationale).toMatch(/Use additional code.*E11\.9.*insulin/);
    expect(r.diagnoses[1]?.evidence[0]?.section).toBe('notes');
  });

  it('adds the injectable non-insulin code for a GLP-1 injection', () => {
    expect(codes('Weekly dulaglutide injections, tolerating well.', ['Type 2 diabetes mellitus'])).toEqual(['E11.9', 'Z79.85']);
  });

  it('does not add a drug code when the drug is not taken', () => {
    expect(codes('Insulin was discussed; he prefers diet and exercise for now.', ['Type 2 diabetes mellitus'])).toEqual(['E11.9']);
    expect(codes('Not on metformin because of kidney function.', ['Type 2 diabetes mellitus'])).toEqual(['E11.9']);
    expect(codes('Labs suggest insulin resistance.', ['Type 2 diabetes mellitus'])).toEqual(['E11.9']);
  });

  it('type 1 diabetes carries no insulin note, so no Z79.4', () => {
    expect(codes('On an insulin pump since childhood.', ['Type 1 diabetes mellitus'], { ageYears: 30, sex: 'F' })).toEqual(['E10.9']);
  });
});

describe('pregnancy: weeks of gestation', () => {
  it('adds the Z3A code for the documented week', () => {
    const r = codes(
      'Pregnant, 31 weeks by ultrasound. Glucose challenge failed; managing with meal plan only.',
      ['Gestational diabetes, diet controlled'],
      { ageYears: 29, sex: 'F' },
    );
    expect(r).toEqual(['O24.410', 'Z3A.31']);
  });

  it('a duration in weeks is not a week of gestation', () => {
    const r = codes('Pregnant. Thirst and fatigue for 2 weeks.', ['Gestational diabetes, diet controlled'], { ageYears: 29, sex: 'F' });
    // No weeks of gestation stated at all: Z3A.00 (weeks not specified), never Z3A.02.
    expect(r).toEqual(['O24.410', 'Z3A.00']);
  });
});

describe('tobacco', () => {
  it('history of tobacco dependence with a lung disease when the patient quit', () => {
    expect(codes('Gave up cigarettes six years ago. Breathing stable on inhalers.', ['Chronic obstructive lung disease'])).toEqual([
      'J44.9',
      'Z87.891',
    ]);
  });

  it('current smoking is coded as nicotine dependence, never-smokers get nothing', () => {
    expect(codes('Smokes a pack a day, counselled on quitting.', ['Chronic obstructive lung disease'])).toEqual(['J44.9', 'F17.210']);
    expect(codes('Never smoked. Breathing stable on inhalers.', ['Chronic obstructive lung disease'])).toEqual(['J44.9']);
  });

  it('no tobacco code for a condition whose notes do not cite one', () => {
    expect(codes('Gave up cigarettes six years ago.', ['Gastro-esophageal reflux disease'])).toEqual(['K21.9']);
  });
});

describe('screening for human papillomavirus with the gynecological examination (Z01.41-)', () => {
  const woman = { ageYears: 34, sex: 'F' } as const;
  it('an HPV test taken with the Pap', () => {
    expect(codes('Pelvic and breast exam normal. Pap w/ HPV cotest collected.', ['Annual gynecological exam'], woman)).toEqual([
      'Z01.419',
      'Z11.51',
    ]);
  });

  it('not a reflex test, one declined, or a past result', () => {
    expect(codes('Pelvic exam normal. Pap with reflex HPV sent.', ['Annual gynecological exam'], woman)).toEqual(['Z01.419']);
    expect(codes('Pelvic exam normal. Last Pap/HPV cotest 2023 negative, next due 2028.', ['Annual gynecological exam'], woman)).toEqual([
      'Z01.419',
    ]);
  });
});
