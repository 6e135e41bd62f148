// An obstetric formula whose outcomes account for every pregnancy ("G2P2", "G4P3013") is her
// obstetric history, not a pregnancy now: her conditions keep their own chapters (no O codes, no
// Z3A). A formula with more pregnancies than outcomes still places a pregnancy. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';
import { withoutCompletedGravidity } from '../../coding/gravidity.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 44, sex: 'F' });

describe('gravidity and parity', () => {
  it('a formula whose births account for every pregnancy places no pregnancy', () => {
    const note = '44 y/o G2P2 here for blood pressure follow-up. BP 148/92 on lisinopril. Continue lisinopril.';
    expect(codes(['Hypertension'], note)).toEqual(['I10']);
  });

  it('a four-digit parity counts term, preterm and abortions', () => {
    const note = 'G4P3013, tubal ligation 2015. Hypothyroidism stable on levothyroxine, TSH 2.0.';
    expect(codes(['Hypothyroidism'], note)).toEqual(['E03.9']);
  });

  it('a formula with a pregnancy still to come out is kept', () => {
    expect(withoutCompletedGravidity('G3P2 at 20 weeks')).toBe('G3P2 at 20 weeks');
    expect(withoutCompletedGravidity('G3P2002 at 20 weeks')).toBe('G3P2002 at 20 weeks');
    expect(withoutCompletedGravidity('G2P2, on OCP').trim()).toBe(', on OCP');
  });
});
