// Queries a coder would send (issue 10 item 5), session 12, and guideline conventions the engine
// lacked. Examples written for this test in their own words (tuned on).
import { describe, expect, it } from 'vitest';
import type { ClarificationAnswer, CodingInput } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (
  diagnoses: string[],
  notes = '',
  answers: ClarificationAnswer[] = [],
  patient: CodingInput['patient'] = { ageYears: 58, sex: 'M' },
) => codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, patient, { answers }), codeSets());
const pregnant = (diagnoses: string[], notes: string, answers: ClarificationAnswer[] = []) =>
  run(diagnoses, notes, answers, { ageYears: 29, sex: 'F' });

describe('weeks of gestation not stated (chapter 15 "use additional code from category Z3A ... if known")', () => {
  const notes = 'Pregnant. Burning with urination for two days, urinalysis positive for nitrite. Cephalexin for a week.';

  it('an ongoing pregnancy with neither weeks nor trimester: Z3A.00 and the weeks are asked', () => {
    const r = pregnant(['Urinary tract infection in pregnancy'], notes);
    expect(diagnosisCodes(r)).toEqual(['O23.40', 'Z3A.00']);
    expect(r.clarification?.question).toMatch(/weeks of gestation/);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('an answer giving the weeks sets the Z3A code and the trimester', () => {
    const first = pregnant(['Urinary tract infection in pregnancy'], notes);
    const answered = pregnant(['Urinary tract infection in pregnancy'], notes, [
      {
        question: first.clarification?.question ?? '',
        option: 'Other (please specify)',
        freeText: 'About 23 weeks by her first ultrasound.',
      },
    ]);
    expect(diagnosisCodes(answered)).toEqual(['O23.42', 'Z3A.23']);
    expect(answered.clarification).toBeUndefined();
  });

  it('weeks or a trimester stated anywhere in the record: nothing asked', () => {
    expect(
      pregnant(['Urinary tract infection in pregnancy'], notes.replace('Pregnant.', 'Pregnant at 23 weeks.')).clarification,
    ).toBeUndefined();
    const trimester = pregnant(['Urinary tract infection in pregnancy'], notes.replace('Pregnant.', 'Pregnant, third trimester.'));
    expect(trimester.clarification).toBeUndefined();
    expect(diagnosisCodes(trimester)).toEqual(['O23.43']);
  });

  it('a puerperal condition takes no weeks of gestation', () => {
    const r = pregnant(['Puerperal mastitis'], 'Delivered three weeks ago. Red, tender right breast, febrile. Dicloxacillin.');
    expect(diagnosisCodes(r)).not.toContain('Z3A.00');
    expect(r.clarification?.question ?? '').not.toMatch(/weeks of gestation/);
  });
});

describe('intractable migraine and epilepsy (the tabular note at G40/G43: equivalent terms)', () => {
  it('"refractory", "pharmacoresistant", "poorly controlled" beside the condition are intractable, nothing asked', () => {
    const refractory = run(['Migraine without aura'], 'Migraine without aura, refractory to three preventives. Start a CGRP antibody.');
    expect(diagnosisCodes(refractory)).toEqual(['G43.019']);
    expect(refractory.clarification).toBeUndefined();
    expect(diagnosisCodes(run(['Pharmacoresistant epilepsy'], 'Seizures weekly. Epilepsy surgery referral.'))).toEqual(['G40.919']);
    expect(diagnosisCodes(run(['Poorly controlled diabetes mellitus type 2'], 'A1c 9.4.'))).not.toContain('G40.919');
  });

  it('attacks going on despite treatment, with none of those words: the intractability is asked', () => {
    const notes = 'Headaches 15 days a month despite six months of topiramate; amitriptyline was not tolerated. Start erenumab.';
    const r = run(['Migraine without aura'], notes);
    expect(diagnosisCodes(r)).toEqual(['G43.009']);
    expect(r.clarification?.question).toMatch(/intractab/);
    const answered = run(['Migraine without aura'], notes, [
      { question: r.clarification?.question ?? '', option: 'Other (please specify)', freeText: 'Yes, pharmacoresistant migraine.' },
    ]);
    expect(diagnosisCodes(answered)).toEqual(['G43.019']);
    expect(answered.clarification).toBeUndefined();
  });

  it('a migraine that responds to treatment is not asked about', () => {
    const r = run(['Migraine with aura'], 'Two attacks a month, each relieved by rizatriptan within an hour.');
    expect(diagnosisCodes(r)).toEqual(['G43.109']);
    expect(r.clarification).toBeUndefined();
  });
});

describe('"LOC" that is a level of consciousness', () => {
  it('an altered or decreased LOC is no loss of consciousness', () => {
    const r = run(['Concussion with altered LOC'], 'Tackled at practice today; altered LOC for a few minutes per the trainer, now alert.');
    expect(diagnosisCodes(r).join(' ')).not.toMatch(/S06\.0X[1-9]/);
    expect(diagnosisCodes(run(['Concussion with brief LOC'], 'Fell off his bike today and struck his head.'))).toEqual(['S06.0X1A']);
  });
});

describe('long-term drug therapy worded otherwise (guideline I.C.21.c.3)', () => {
  it('the drug moved to is the current therapy, the one moved off is neither therapy nor a cause', () => {
    const cad = diagnosisCodes(run(['Coronary artery disease'], 'Stable. Switched from aspirin to clopidogrel last month after a stent.'));
    expect(cad).toContain('Z79.02');
    expect(cad).not.toContain('Z79.82');
    expect(cad.filter((c) => c.startsWith('T39'))).toEqual([]);
    const af = diagnosisCodes(run(['Atrial fibrillation'], 'Rate controlled. Changed from warfarin to apixaban; no bleeding.'));
    expect(af).toContain('Z79.01');
    const dm = diagnosisCodes(
      run(['Type 2 diabetes mellitus'], 'A1c 8.1. Switched from glipizide to insulin glargine 14 units at bedtime.'),
    );
    expect(dm).toContain('Z79.4');
    expect(dm).not.toContain('Z79.84');
  });
});

describe('a therapy said to be over (guideline I.C.21.c.3: long-term use is current use)', () => {
  it('"completed five years of letrozole in 2023" is no current aromatase inhibitor, whatever its date', () => {
    const r = run(['History of breast cancer'], 'Completed five years of letrozole in 2023; no evidence of disease.', [], {
      ageYears: 70,
      sex: 'F',
    });
    expect(diagnosisCodes(r)).toContain('Z85.3');
    expect(diagnosisCodes(r)).not.toContain('Z79.811');
  });
});
