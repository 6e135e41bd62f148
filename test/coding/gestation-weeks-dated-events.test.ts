// Weeks that date something other than the pregnancy's present age (a past scan or test, a past
// pregnancy's delivery, a drug stopped, a condition's onset, a plan, a postpartum count) are no
// second age: no weeks-of-gestation query beside the age the record states (coding/gestational-age.ts,
// coding/gestation-conflict.ts). Two present ages still disagree. Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { gestationalAgesIn } from '../../coding/gestational-age.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const visit = (diagnoses: string[], notes: string) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 29, sex: 'F' }), codeSets());
const weeksIn = (statement: string) => gestationalAgesIn(statement).map((a) => a.weeks);
const WEEKS_QUERY = /weeks of gestation/;

describe('weeks that date a past scan, test or event are not the age', () => {
  it('a scan or test written with its days ("Anatomy scan 19w6d") dates the scan', () => {
    expect(weeksIn('Anatomy scan 19w6d: four-chamber heart seen, placenta fundal')).toEqual([]);
    expect(weeksIn('Dating ultrasound 11w3d, CRL consistent with LMP')).toEqual([]);
    expect(weeksIn('Hgb at 27w5d 10.8')).toEqual([]);
  });

  it('a past delivery, a drug stopped or started, a condition named at the weeks', () => {
    expect(weeksIn('Previous caesarean at 38 weeks for breech')).toEqual([]);
    expect(weeksIn('Prior LTCS at 39 wk, desires repeat')).toEqual([]);
    expect(weeksIn('sertraline discontinued at 10 wk by patient choice')).toEqual([]);
    // A condition named "gestational" does not state the age (only a context age, the value when nothing else is).
    expect(gestationalAgesIn('Gestational hypertension at 35 wks, labetalol').map((a) => a.strength)).toEqual(['context']);
  });

  it('a plan and a postpartum count', () => {
    expect(weeksIn('Pregnant; recheck at 28 weeks')).toEqual([]);
    expect(weeksIn('Pregnant; return at 32 wk for growth')).toEqual([]);
    expect(weeksIn('G2P2 3 wks s/p vaginal delivery')).toEqual([]);
    expect(weeksIn('G2P2 1 wk pp, doing well')).toEqual([]);
  });

  it("but an age stated as today's still is one (negative cases)", () => {
    expect(weeksIn('US today 24w2d, cephalic')).toEqual([24]);
    expect(weeksIn('By her LMP she was 31 weeks 4 days at this visit')).toEqual([31]);
    expect(weeksIn('Intrauterine pregnancy at 27w1d')).toEqual([27]);
    expect(weeksIn('She is at 33 weeks, gestational hypertension')).toEqual([33]);
  });
});

describe('a prenatal note full of dated events codes its one present age, nothing asked', () => {
  it('scan, dating scan, earlier delivery, drug stopped and plan beside "G2P1 at 26w4d"', () => {
    const r = visit(
      ['Supervision of normal pregnancy, second pregnancy'],
      [
        'G2P1001 at 26w4d by LMP.',
        'Anatomy scan 19w6d normal, posterior placenta.',
        'Dating ultrasound 11w3d consistent with LMP.',
        'Previous caesarean at 38 weeks for breech.',
        'Sertraline discontinued at 10 wk by patient choice, mood stable.',
        'Plan: glucose challenge and recheck at 28 weeks.',
      ].join('\n'),
    );
    expect(diagnosisCodes(r)).toContain('Z3A.26');
    expect(diagnosisCodes(r)).not.toContain('Z3A.00');
    expect(r.clarification?.question ?? '').not.toMatch(WEEKS_QUERY);
  });

  it('two present ages that disagree are still asked', () => {
    const r = visit(
      ['Supervision of normal pregnancy, second pregnancy'],
      'GA today 26w4d by LMP. Anatomy scan 19w6d normal.\nA: Intrauterine pregnancy at 29 weeks, routine care.',
    );
    expect(diagnosisCodes(r)).toContain('Z3A.00');
    expect(r.clarification?.question).toMatch(WEEKS_QUERY);
  });
});

describe('a postpartum visit: the pregnancy has ended, so no weeks of gestation', () => {
  const note = [
    'POSTPARTUM VISIT. 27 yo G2P2, 3 wks s/p vaginal delivery at 37 weeks.',
    'Pregnancy c/b gestational hypertension at 35 wks; BP normal since discharge, off labetalol.',
    'A: Routine postpartum exam, normal. Gestational hypertension resolved.',
  ].join('\n');

  it("no Z3A code and no weeks query from the delivery's weeks or the weeks since it", () => {
    const r = visit(['Routine postpartum follow-up', 'Gestational hypertension'], note);
    expect(diagnosisCodes(r)).toContain('Z39.2');
    expect(diagnosisCodes(r).filter((c) => c.startsWith('Z3A'))).toEqual([]);
    expect(r.clarification?.question ?? '').not.toMatch(WEEKS_QUERY);
  });

  it('not even from a gestational age at birth written as an age', () => {
    const r = visit(['Routine postpartum follow-up', 'Gestational hypertension'], `${note}\nGA at birth 37w2d.`);
    expect(diagnosisCodes(r)).toContain('Z39.2');
    expect(diagnosisCodes(r).filter((c) => c.startsWith('Z3A'))).toEqual([]);
  });

  it('a prenatal visit with the same condition keeps its Z3A code (negative case)', () => {
    const r = visit(['Gestational hypertension'], 'G2P1 at 35w2d. BP 146/94, no proteinuria. Labetalol started.');
    expect(diagnosisCodes(r)).toContain('Z3A.35');
  });
});
