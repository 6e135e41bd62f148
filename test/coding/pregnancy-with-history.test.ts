// Supervision of a pregnancy "with history of" a past event is today's pregnancy (coding/context.ts,
// the O09 titles), and a statement telling that history gives today's age only in a part of its own
// that says "now" (coding/gestational-age.ts), so an age stated two ways is asked. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 29, sex: 'F' });
const WEEKS = /weeks of gestation/;

describe('supervision of pregnancy with a history', () => {
  it('codes the O09 supervision code, not the personal history', () => {
    const r = code('G2P1001, h/o preterm delivery at 32 wks.\nToday 22w3d by LMP c/w 8 wk US.\nA/P: continue progesterone.', [
      { description: 'Supervision of high risk pregnancy w/ hx of preterm labor' },
    ]);
    expect(diagnosisCodes(r)).toContain('O09.212');
    expect(diagnosisCodes(r)).toContain('Z3A.22');
    expect(diagnosisCodes(r)).not.toContain('Z87.51');
  });

  it('asks the weeks when the history statement gives another current age', () => {
    const r = code('HPI: currently 20w1d by early US.\nA/P: Pregnancy w/ h/o preterm labor, currently 21w4d, CL normal.', [
      { description: 'Supervision of pregnancy w/ hx of preterm labor' },
    ]);
    expect(r.clarification?.question).toMatch(WEEKS);
    expect(diagnosisCodes(r)).toContain('Z3A.00');
  });

  it('ages of two trimesters hold the unspecified trimester, whatever trimester word one of them gives', () => {
    const r = code('HPI: currently 14w1d by 8 wk US.\nA/P: Pregnancy w/ h/o preterm labor, currently 13w5d (first trimester).', [
      { description: 'Supervision of pregnancy w/ hx of preterm labor' },
    ]);
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['O09.219', 'Z3A.00']));
  });

  it('ages of one trimester keep it', () => {
    const r = code('HPI: currently 20w1d by early US.\nA/P: Pregnancy w/ h/o preterm labor, currently 21w4d (second trimester).', [
      { description: 'Supervision of pregnancy w/ hx of preterm labor' },
    ]);
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['O09.212', 'Z3A.00']));
  });

  it('the weeks of the past delivery are no current age', () => {
    const r = code('HPI: currently 20w1d by early US.\nA/P: Pregnancy w/ h/o preterm delivery, 31 weeks, cerclage discussed.', [
      { description: 'Supervision of pregnancy w/ hx of preterm labor' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(WEEKS);
    expect(diagnosisCodes(r)).toContain('Z3A.20');
  });

  it('a history of preterm labor outside pregnancy stays a personal history', () => {
    const r = code('Not pregnant, contraception visit.\nA/P: OCP refill.', [{ description: 'History of preterm labor' }]);
    expect(diagnosisCodes(r)).toContain('Z87.51');
  });
});
