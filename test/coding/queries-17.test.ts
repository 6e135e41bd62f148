// Queries a coder would send (issue 10 item 5), session 17: two statements of one condition that the
// classification codes apart, and a statement the engine took as evidence of the code it conflicts
// with. Examples written for this test in their own words (tuned on).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes = '', patient = { ageYears: 63, sex: 'F' as const }) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, patient), codeSets());

describe('two statements of one condition that the classification codes apart are asked', () => {
  it('a list line the assessment states in full keeps the conflict of type its statements carry', () => {
    const r = run(
      ['Diabetic retinopathy'],
      [
        'Past medical history (copied forward): Diabetes mellitus type 1; hypertension.',
        'Fundus: scattered microaneurysms both eyes, no macular thickening on OCT.',
        'Assessment: Type 2 diabetes mellitus with mild nonproliferative diabetic retinopathy without macular edema, both eyes. Continue glargine.',
      ].join('\n'),
    );
    expect(r.diagnoses.some((d) => d.code.startsWith('E11.329'))).toBe(true);
    expect(r.clarification?.question).toMatch(/type 1/i);
    expect(r.clarification?.reason).toMatch(/type 1 vs type 2|type 2 vs type 1/);
  });
});

describe('what the guidelines settle is not asked', () => {
  it('abuse and dependence of one substance both documented: only dependence, no Excludes1 query (I.C.5.b.1)', () => {
    const r = run(
      ['Alcohol abuse', 'Alcohol dependence', 'Alcoholic fatty liver'],
      'Old problem list carries alcohol abuse; today drinking a pint of vodka daily, morning shakes, failed attempts to cut down: alcohol dependence. Referred to addiction medicine.',
    );
    const codes = r.diagnoses.map((d) => d.code);
    expect(codes).toContain('F10.20');
    expect(codes).not.toContain('F10.10');
    expect(r.clarification?.reason ?? '').not.toMatch(/EXCLUDES1/);
  });

  it('use beside abuse of another substance is no hierarchy: both stay', () => {
    const r = run(['Cannabis abuse', 'Alcohol dependence'], 'Daily cannabis, heavy drinking with withdrawal tremor last month.');
    const codes = r.diagnoses.map((d) => d.code);
    expect(codes.some((c) => c.startsWith('F12.1'))).toBe(true);
    expect(codes.some((c) => c.startsWith('F10.2'))).toBe(true);
  });
});

describe('never ask what the record states', () => {
  it('a single-letter side after the condition ("Otitis externa, R") is the side: coded, not asked', () => {
    const r = run(
      ['Acute otitis externa, R'],
      'Ear pain for 3 days after swimming; canal swollen with debris, TM not seen. Ciprofloxacin drops.',
    );
    expect(r.diagnoses[0]?.code).toMatch(/^H60\.\d\d?1$/);
    expect(r.clarification?.question ?? '').not.toMatch(/side/);
  });

  it('a result flagged L after its unit, or a culture resistant (R) to a drug, is no side', () => {
    const r = run(['Vitamin D deficiency'], 'Vitamin D 14 ng/mL L. Start ergocalciferol weekly.');
    expect(r.diagnoses[0]?.code).toBe('E55.9');
    const c = run(
      ['Cellulitis of right forearm'],
      'Cellulitis right forearm, culture grew MRSA (clinda R, doxy S); doxycycline started. Margin receding.',
    );
    expect(c.clarification?.question ?? '').not.toMatch(/side/);
  });
});

describe('a record that shows a treatment failing asks what it changes', () => {
  it('headache days written "HA" going on despite preventives: the intractability is asked', () => {
    const r = run(
      ['Migraine'],
      'Migraine follow-up. About 10 HA days a month despite propranolol and then topiramate. Start a CGRP antibody.',
    );
    expect(r.clarification?.question).toMatch(/intractab/);
  });
});
