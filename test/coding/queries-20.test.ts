// Queries a coder sends that the engine did not (issue 10 item 5, session 20). Examples written for
// this test (tuned on writer-set-38/-42 and the older writer sets).
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

describe('a condition stated without an element the history describes is asked, coded with the element open', () => {
  const run = answeredBy(codeSets, { ageYears: 34, sex: 'F' });
  const migraine =
    'HPI: Headaches for years, 6 a month. About half an hour before the pain she sees flashing lights and a zig-zag line that fades as the headache begins.\nA/P: Migraine without aura, not intractable. Start propranolol.';
  it('migraine "without aura" with an aura described: migraine, unspecified until answered; the answer codes it', () => {
    const first = run(['Migraine without aura'], migraine);
    expect(first.clarification?.question).toMatch(/aura/);
    expect(first.clarification?.options).toEqual(expect.arrayContaining(['Migraine with aura', 'Migraine without aura']));
    expect(diagnosisCodes(first)).toEqual(['G43.909']);
    const question = first.clarification?.question as string;
    expect(diagnosisCodes(run(['Migraine without aura'], migraine, [{ question, option: 'Migraine with aura' }]))).toEqual(['G43.109']);
    const carried = 'She has migraine with aura; the "without aura" was a template carry-over.';
    expect(diagnosisCodes(run(['Migraine without aura'], migraine, [{ question, freeText: carried }]))).toEqual(['G43.109']);
  });
  it('concussion "w/o LOC" with a loss of consciousness witnessed: LOC status unknown until answered', () => {
    const note =
      'Hit his head on the ice at hockey yesterday; his coach says he was knocked out for a few seconds.\nA: concussion w/o LOC.\nP: rest.';
    const first = run(['Concussion'], note, [], 16);
    expect(first.clarification?.question).toMatch(/loss of consciousness/);
    expect(diagnosisCodes(first)).toEqual(['S06.0XAA']);
    const question = first.clarification?.question as string;
    const answered = run(['Concussion'], note, [{ question, freeText: 'Brief loss of consciousness, under 30 minutes.' }], 16);
    expect(diagnosisCodes(answered)).toEqual(['S06.0X1A']);
  });
  it('not asked: the element denied where it is described, only in the family history, or named as present', () => {
    const asks = (dx: string[], notes: string) => /aura|loss of consciousness/.test(run(dx, notes).clarification?.question ?? '');
    expect(asks(['Migraine without aura'], 'HPI: throbbing headaches, no aura, no visual changes.\nA: Migraine without aura.')).toBe(false);
    expect(asks(['Migraine without aura'], 'FH: mother with migraine with aura.\nA: Migraine without aura.')).toBe(false);
    expect(asks(['Concussion without loss of consciousness'], 'Fell off bike, denies LOC, no vomiting.\nA: concussion w/o LOC.')).toBe(
      false,
    );
    expect(asks(['Migraine with aura'], 'HPI: sees zigzag lines before the pain.\nA: Migraine with aura.')).toBe(false);
  });
});

describe('an acute myocardial infarction with no type is asked (I21.9 until answered)', () => {
  const run = answeredBy(codeSets, { ageYears: 63, sex: 'M' });
  const note =
    'Post-hospital visit. Admitted 12 days ago with chest pain and a rising troponin; a stent was placed in the RCA.\nA/P: Recent MI - aspirin and clopidogrel, cardiac rehab.';
  it('asks STEMI (by wall), NSTEMI or another type; the answer by name or abbreviation codes it', () => {
    const first = run(['Recent MI'], note);
    expect(diagnosisCodes(first)).toContain('I21.9');
    expect(first.clarification?.question).toMatch(/type of the myocardial infarction/);
    expect(first.clarification?.options).toEqual(expect.arrayContaining(['Non-ST elevation (NSTEMI) myocardial infarction']));
    const question = first.clarification?.question as string;
    expect(diagnosisCodes(run(['Recent MI'], note, [{ question, freeText: 'NSTEMI (type 1).' }]))).toContain('I21.4');
    expect(
      diagnosisCodes(run(['Recent MI'], note, [{ question, option: 'ST elevation (STEMI) myocardial infarction of inferior wall' }])),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^I21\.1/)]));
  });
  it('not asked: the type stated (here or in another statement), an old infarction', () => {
    const asks = (dx: string[], notes: string) => /myocardial infarction/.test(run(dx, notes).clarification?.question ?? '');
    expect(asks(['NSTEMI'], note)).toBe(false);
    expect(asks(['Recent MI'], `${note}\nHospital course: NSTEMI, treated with PCI.`)).toBe(false);
    expect(asks(['History of MI'], 'MI in 2015, stable. Continue aspirin.')).toBe(false);
  });
});

describe('hematuria with no kind, worked up by the plan, is asked (R31.9 until answered)', () => {
  const run = answeredBy(codeSets, { ageYears: 66, sex: 'M' });
  const note =
    'Urinalysis at his physical: 12 RBC/hpf, repeated twice. No dysuria, no flank pain.\nA/P: Hematuria - CT urogram and cystoscopy with urology.';
  it('asks gross or microscopic; the answer codes R31.0 or R31.2-', () => {
    const first = run(['Hematuria'], note);
    expect(diagnosisCodes(first)).toEqual(['R31.9']);
    expect(first.clarification?.question).toMatch(/kind of hematuria/);
    const question = first.clarification?.question as string;
    expect(diagnosisCodes(run(['Hematuria'], note, [{ question, option: 'Asymptomatic microscopic hematuria' }]))).toEqual(['R31.21']);
    expect(diagnosisCodes(run(['Hematuria'], note, [{ question, freeText: 'Gross hematuria, he saw red urine twice.' }]))).toEqual([
      'R31.0',
    ]);
  });
  it('not asked: the kind stated, or a dipstick finding the plan only repeats', () => {
    const asks = (dx: string[], notes: string) => /hematuria/.test(run(dx, notes).clarification?.question ?? '');
    expect(asks(['Microscopic hematuria'], note)).toBe(false);
    expect(asks(['Blood in urine'], 'Dipstick positive for blood. No visible blood. Repeat urinalysis with microscopy.')).toBe(false);
  });
});

describe('diabetes in pregnancy of no stated type is asked gestational or pre-existing (O24.91- until answered)', () => {
  const run = answeredBy(codeSets, { ageYears: 31, sex: 'F' });
  const note =
    'Prenatal visit, 30w2d. Diabetes on insulin: NPH 12 units at bedtime, fastings 85-98.\nA: diabetes in pregnancy, 30 weeks.\nP: continue insulin, NST weekly from 32 weeks.';
  it('codes unspecified diabetes in pregnancy of the trimester; the answer codes its type', () => {
    const first = run(['Diabetes in pregnancy on insulin', '30 weeks'], note);
    expect(diagnosisCodes(first)).toContain('O24.913');
    expect(diagnosisCodes(first)).not.toContain('O24.414');
    expect(first.clarification?.question).toMatch(/gestational or pre-existing/);
    const question = first.clarification?.question as string;
    const gestational = run(['Diabetes in pregnancy on insulin', '30 weeks'], note, [
      { question, freeText: 'Gestational diabetes, diagnosed at 26 weeks on a 3-hour GTT; insulin-requiring.' },
    ]);
    expect(diagnosisCodes(gestational)).toContain('O24.414');
  });
  it('not asked: the type stated anywhere, or no pregnancy', () => {
    const asks = (dx: string[], notes: string) => /gestational or pre-existing/.test(run(dx, notes).clarification?.question ?? '');
    expect(asks(['Gestational diabetes on insulin', '30 weeks'], note)).toBe(false);
    expect(asks(['Diabetes in pregnancy on insulin', '30 weeks'], `${note}\nPMH: type 2 diabetes since 2019.`)).toBe(false);
    expect(asks(['Diabetes on insulin'], 'Diabetes on insulin, A1c 7.1, continue.')).toBe(false);
  });
});

describe('a nontraumatic rotator cuff tear with no extent is asked complete or incomplete', () => {
  const run = answeredBy(codeSets, { ageYears: 60, sex: 'M' });
  const note =
    'Shoulder pain with overhead reaching for 5 months, no injury. MRI reviewed: supraspinatus tendon tear.\nP: physical therapy.';
  it('asks the extent; the answer codes M75.11- or M75.12-', () => {
    const first = run(['Rotator cuff tear, nontraumatic'], note);
    expect(first.clarification?.question).toMatch(/extent of the rotator cuff tear/);
    const question = first.clarification?.question as string;
    const answered = run(['Rotator cuff tear, nontraumatic'], note, [{ question, option: 'Incomplete (partial-thickness) tear' }]);
    expect(diagnosisCodes(answered)[0]).toMatch(/^M75\.11/);
  });
  it('not asked: the extent stated', () => {
    const asks = (dx: string[], notes: string) => /extent of the rotator cuff/.test(run(dx, notes).clarification?.question ?? '');
    expect(asks(['Complete rotator cuff tear, right shoulder'], note)).toBe(false);
    expect(asks(['Rotator cuff tear, right shoulder'], `${note} Impression: full-thickness supraspinatus tear.`)).toBe(false);
  });
});
