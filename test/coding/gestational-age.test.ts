// The pregnancy's age today (coding/gestational-age.ts): which weeks a prenatal note gives are the
// gestational age, one Z3A code per claim, and an age stated two ways held for the physician.
// Records written for this test in their own words (tuned on).
import { describe, expect, it } from 'vitest';
import type { ClarificationAnswer } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { gestationalAgesIn } from '../../coding/gestational-age.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const pregnant = (diagnoses: string[], notes: string, answers: ClarificationAnswer[] = []) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 31, sex: 'F' }, { answers }), codeSets());
const weeksIn = (statement: string) => gestationalAgesIn(statement).map((a) => a.weeks);

describe('which weeks are the gestational age', () => {
  it('an age written as one: "NwMd", EGA, "weeks gestation", "IUP at", "she is N weeks M days"', () => {
    expect(weeksIn('GA today 33w4d')).toEqual([33]);
    expect(weeksIn('G2P1001, EGA 24w0d by LMP c/w 9-wk US')).toEqual([24]);
    expect(weeksIn('Intrauterine pregnancy at 19 weeks')).toEqual([19]);
    expect(weeksIn('37 weeks gestation, reactive NST')).toEqual([37]);
    expect(weeksIn('She is 15 weeks 5 days by her dating scan')).toEqual([15]);
    expect(weeksIn('Threatened abortion at 9 weeks 2 days')).toEqual([9]);
  });

  it('not the scan that dated the pregnancy, a test or event the weeks time, an earlier pregnancy, a duration', () => {
    expect(weeksIn('EDD 03/02/2027 by 7-week ultrasound')).toEqual([]);
    expect(weeksIn('by 11 wk US')).toEqual([]);
    expect(weeksIn('Glucola at 26 weeks 131 (elevated), 3-hour pending')).toEqual([]);
    expect(weeksIn('Hgb 10.9 at 28 weeks, prenatal vitamin with iron')).toEqual([]);
    expect(weeksIn('G1 2021 NSVD at 40 weeks, preeclampsia at 36 weeks')).toEqual([]);
    expect(weeksIn('In her previous pregnancy she had cholestasis at 34 weeks')).toEqual([]);
    expect(weeksIn('Gestational diabetes diagnosed at 27 weeks gestation')).toEqual([]);
    expect(weeksIn('Prenatal visit again in 2 weeks')).toEqual([]);
    expect(weeksIn('Growth scan of this pregnancy planned at 35 weeks')).toEqual([]);
    expect(weeksIn('Free T4 at 15 weeks was 1.2, prenatal vitamin daily')).toEqual([]);
    expect(weeksIn('Serial growth testing from 34 weeks if pregnancy-induced hypertension')).toEqual([]);
    expect(weeksIn('Repeat pregnancy ultrasound scheduled at 32 weeks')).toEqual([]);
    expect(weeksIn('nausea of pregnancy for about 3 weeks')).toEqual([]);
  });
});

describe('the Z3A code and the trimester follow the age the record states', () => {
  it('an age beside a dating scan and an earlier delivery: the age, not the scan or the delivery', () => {
    const r = pregnant(
      ['Supervision of normal pregnancy, multigravida'],
      'Routine prenatal visit. G3P2 (2019 SVD at 39 weeks, 2022 SVD at 38 weeks). EGA 30w5d by LMP c/w 8-wk US. FHT 140s. No complaints.',
    );
    expect(diagnosisCodes(r)).toEqual(['Z34.83', 'Z3A.30']);
  });

  it('one Z3A code per claim, from the age stated, not from a test the weeks time', () => {
    const r = pregnant(
      ['Iron deficiency anemia in pregnancy', 'Urinary tract infection in pregnancy'],
      'Prenatal labs: Hgb 9.6 at 24 weeks. Pregnant, 25 weeks today. Dysuria, nitrite positive. Ferrous sulfate daily, cephalexin.',
    );
    expect(diagnosisCodes(r).filter((c) => c.startsWith('Z3A'))).toEqual(['Z3A.25']);
    expect(r.clarification?.question ?? '').not.toMatch(/weeks of gestation/);
  });

  it('the age stated two ways across trimesters: held for the physician, weeks and trimester not specified until answered', () => {
    const diagnoses = ['Cystitis due to Klebsiella in pregnancy', 'IUP at 25 weeks'];
    const notes =
      'Dysuria for three days. GA today 28w3d by first-trimester ultrasound. Urine culture Klebsiella pneumoniae. Nitrofurantoin.';
    const first = pregnant(diagnoses, notes);
    expect(diagnosisCodes(first)).toContain('Z3A.00');
    expect(diagnosisCodes(first)).toContain('O23.10');
    expect(first.clarification?.question).toMatch(/weeks of gestation/);
    expect(first.clarification?.question).toMatch(/IUP at 25 weeks/);
    expect(first.clarification?.question).toMatch(/28w3d/);
    expect(first.straightThrough.eligible).toBe(false);

    const answered = pregnant(diagnoses, notes, [
      {
        question: first.clarification?.question ?? '',
        option: 'Other (please specify)',
        freeText: 'She is 28 weeks 3 days; the 25-week line was old.',
      },
    ]);
    expect(diagnosisCodes(answered)).toContain('Z3A.28');
    expect(diagnosisCodes(answered)).toContain('O23.13');
    expect(diagnosisCodes(answered)).not.toContain('Z3A.00');
  });
});

describe('weeks written short ("32w") time tests, plans and past deliveries as "32 weeks" would', () => {
  it('is no age beside a scan, a result, a planned visit or a past delivery', () => {
    expect(weeksIn('Growth US at 32w')).toEqual([]);
    expect(weeksIn('Cervical length at 24w 3.6 cm')).toEqual([]);
    expect(weeksIn('anatomy US at 20w scheduled')).toEqual([]);
    expect(weeksIn('History of spontaneous preterm delivery (34w)')).toEqual([]);
    expect(weeksIn('h/o PTB at 33w')).toEqual([]);
  });

  it('is an age with a pregnancy word, written with days, or as a whole diagnosis line', () => {
    expect(weeksIn('G3P0111 at 28w2d by 8-wk US')).toEqual([28]);
    expect(weeksIn('IUP 28w')).toEqual([28]);
    expect(weeksIn('28w')).toEqual([28]);
  });

  it('a span of something else is no age ("3 weeks of diet adherence"), "26 weeks of gestation" is', () => {
    expect(weeksIn('GDM above target despite 3 weeks of diet adherence in this pregnancy')).toEqual([]);
    expect(weeksIn('26 weeks of gestation')).toEqual([26]);
  });

  it('so a prenatal note that times its tests by the week is coded at its one age, with no query', () => {
    const r = pregnant(
      ['Gestational diabetes on insulin', 'Hypothyroidism in pregnancy', '28 wks'],
      'G3P0111 at 28w2d by 8-wk US. GDM on NPH. Growth US at 32w. Cervical length at 24w 3.6 cm. History of spontaneous preterm delivery (34w). Consent at 36w visit.',
    );
    expect(diagnosisCodes(r)).toContain('Z3A.28');
    expect(r.clarification?.question ?? '').not.toMatch(/weeks of gestation/);
  });
});

describe('an age stated plainly in one place and loosely in another is still two ages', () => {
  it('a diagnosis line with weeks of gestation against a prenatal note giving other weeks: asked', () => {
    const r = pregnant(
      ['Urinary tract infection in pregnancy, 17 weeks gestation'],
      'Prenatal follow-up, 21 weeks. Frequency and urgency. Cephalexin.',
    );
    expect(r.clarification?.question).toMatch(/weeks of gestation/);
    expect(diagnosisCodes(r)).toContain('Z3A.00');
  });

  it("the patient's own estimate against the chart's weeks: asked", () => {
    const r = pregnant(
      ['Hyperemesis gravidarum'],
      'Pregnant, she thinks about 9 weeks. Chart: 11 weeks gestation by dating scan. Vomiting daily.',
    );
    expect(r.clarification?.question).toMatch(/weeks of gestation/);
  });
});

describe('chapter 15 for an infection whose organism is coded beside it', () => {
  it('"cystitis due to E. coli in pregnancy" is an infection of bladder in pregnancy (O23.1-) with B96.20, not O99.89 with N30', () => {
    const r = pregnant(['Acute cystitis due to E. coli in pregnancy'], 'Pregnant at 22 weeks. Dysuria, culture E. coli. Cephalexin.');
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['O23.12', 'B96.20', 'Z3A.22']));
    expect(diagnosisCodes(r).some((c) => c.startsWith('O99.8') || c.startsWith('N30'))).toBe(false);
  });
});
