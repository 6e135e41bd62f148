// An axis value the record gives in one statement and not another is coded; two statements giving
// different values are asked; a complaint's unstated side is not asked. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import type { ClarificationAnswer } from '../../domain/coding.ts';
import { answeredBy, codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 62, sex: 'M' });
const codes = diagnosisCodes;

describe('an axis value stated in one part of the record', () => {
  it('one statement naming the acuity or severity, the others none: that value is coded, nothing asked', () => {
    const dvt = run(
      ['DVT of left femoral vein'],
      'HPI: DVT of the left femoral vein found last week.\nAssessment: chronic DVT of left femoral vein.',
    );
    expect(codes(dvt)).toContain('I82.512');
    expect(dvt.clarification?.question ?? '').not.toMatch(/acuity/);
    const dementia = run(['Dementia'], 'Moderate dementia, needs help with dressing and bathing.', [], 80);
    expect(codes(dementia)).toContain('F03.B0');
    expect(dementia.clarification).toBeUndefined();
  });

  it('acute in one statement and chronic in another is asked; the answer codes the value it names', () => {
    const notes = 'HPI: known chronic pancreatitis, on enzymes.\nAssessment: acute pancreatitis, lipase 1200.';
    const first = run(['Pancreatitis'], notes);
    expect(first.clarification?.question).toMatch(/acuity of the condition/);
    expect(first.clarification?.reason).toMatch(/chronic vs acute/);
    const again = run(['Pancreatitis'], notes, [{ question: first.clarification?.question as string, freeText: 'Chronic' }]);
    expect(codes(again)).toContain('K86.1');
    expect(again.clarification?.question ?? '').not.toMatch(/acuity/);
  });

  it('an exacerbation of a chronic disease, or acute on chronic, is no conflict; nor is "chronic" of another condition', () => {
    expect(run(['AECOPD'], 'Known COPD. COPD flare: prednisone.').clarification).toBeUndefined();
    const htn = run(['Hypertension'], 'Hypertension and chronic kidney disease stage 3a follow-up.');
    expect(codes(htn)).not.toContain('I87.309');
  });
});

describe('the side of a complaint', () => {
  it('knee pain without a side is coded as documented; osteoarthritis of the knee without a side is asked', () => {
    const pain = run(['Knee pain'], 'Knee pain for two weeks after a long hike.');
    expect(codes(pain)).toContain('M25.569');
    expect(pain.clarification).toBeUndefined();
    expect(run(['Osteoarthritis of knee'], 'Knee pain worse with stairs.').clarification?.question).toMatch(/side affected/);
  });
});

describe('a fracture encounter type stated two ways', () => {
  const notes =
    'Left distal radius fracture, cast in place, healing well.\nPlan: initial encounter for the fracture, reduction done in ED yesterday.';

  it('initial encounter in one statement and healing in another is asked; the answer sets the 7th character', () => {
    const first = run(['Fracture of left distal radius'], notes, [], 70);
    expect(first.clarification?.reason).toMatch(/documented two ways/);
    const again = run(
      ['Fracture of left distal radius'],
      notes,
      [{ question: first.clarification?.question as string, option: 'Initial encounter (active treatment)' }],
      70,
    );
    expect(codes(again)).toContain('S52.502A');
    expect(again.clarification).toBeUndefined();
  });

  it('one encounter type stated, whichever, is coded without a query', () => {
    const healing = run(['Fracture of left distal radius'], 'Left distal radius fracture, routine healing, cast in place.', [], 70);
    expect(codes(healing)).toContain('S52.502D');
    expect(healing.clarification).toBeUndefined();
  });
});

describe('weeks of gestation stated two ways', () => {
  const notes = 'Pregnant, 22 weeks by LMP. Ultrasound today dates the pregnancy at 26 weeks. Routine prenatal visit.';
  const pregnant = (n: string, answers: ClarificationAnswer[] = []) =>
    codeEncounter(
      codingInput({ notes: n, diagnoses: described(['Supervision of normal pregnancy']) }, { ageYears: 29, sex: 'F' }, { answers }),
      codeSets(),
    );

  it('is asked, and the weeks the answer names set the Z3A code', () => {
    const first = pregnant(notes);
    expect(first.clarification?.question).toMatch(/weeks of gestation/);
    const again = pregnant(notes, [{ question: first.clarification?.question as string, freeText: '26 weeks by ultrasound' }]);
    expect(again.diagnoses.map((d) => d.code)).toContain('Z3A.26');
    expect(again.clarification).toBeUndefined();
  });

  it('one value stated is coded without a query', () => {
    const r = pregnant('Pregnant at 22 weeks gestation. Routine prenatal visit.');
    expect(r.diagnoses.map((d) => d.code)).toContain('Z3A.22');
    expect(r.clarification).toBeUndefined();
  });
});

describe('an acuity written after the condition', () => {
  const run = answeredBy(useCodeSets(), { ageYears: 58, sex: 'F' });
  it('"hepatitis C, chronic, untreated" in the history gives the line "Hepatitis C" its acuity (B18.2), and the gate sends it to a coder', () => {
    const r = run(['Hypertension', 'Hepatitis C'], 'HPI: known hepatitis C, chronic, untreated. Also hypertension.');
    expect(diagnosisCodes(r)).toContain('B18.2');
    expect(r.straightThrough.reasons).toContain('detail-inferred');
  });
});
