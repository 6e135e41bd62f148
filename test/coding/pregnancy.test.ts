// Weeks of gestation stated in the record choose the trimester and the pregnancy phase. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';
import { trimesterOfWeeks } from '../../coding/pregnancy.ts';

const codeSets = useCodeSets();

const codes = codesFor(codeSets, { ageYears: 29, sex: 'F' });

describe('pregnancy details from the notes', () => {
  it('trimester boundaries follow the classification (14 and 28 weeks)', () => {
    expect([13, 14, 27, 28].map(trimesterOfWeeks)).toEqual(['first', 'second', 'second', 'third']);
  });

  it('the weeks give the trimester of the supervision code and the Z3A code', () => {
    expect(codes(['Prenatal care, normal first pregnancy'], 'Primigravida, 19 weeks by dates, feels well.')).toEqual(
      expect.arrayContaining(['Z34.02', 'Z3A.19']),
    );
  });

  it('a trimester the diagnosis states itself is kept', () => {
    expect(codes(['Supervision of normal first pregnancy, third trimester'], 'Seen at 19 weeks gestation last month.')).toContain('Z34.03');
  });

  it('an ongoing pregnancy chooses "in pregnancy" over the puerperium', () => {
    expect(codes(['Gestational diabetes'], 'Currently 33 weeks pregnant; glucose log reviewed.')).toEqual(
      expect.arrayContaining(['O24.419', 'Z3A.33']),
    );
  });
});

describe('pre-eclampsia as records write it', () => {
  it('one word, with or without severe features, and the age written "34w2d" or "G1 at 34 weeks"', () => {
    expect(codes(['Preeclampsia without severe features'], 'G1 at 34w2d. BP 146/94, P/C ratio 0.4.')).toContain('O14.03');
    expect(codes(['Preeclampsia with severe features'], 'G2P1 at 35 weeks, BP 164/112.')).toContain('O14.13');
    expect(codes(['Mild preeclampsia'], 'G1 at 36 weeks. Induction planned.')).toContain('O14.03');
  });

  it('a gestational age in weeks and days is a pregnancy now', () => {
    expect(codes(['Iron deficiency anemia'], '29w4d, Hgb 9.8, ferritin 6. Start ferrous sulfate.')).toEqual(['O99.013', 'D50.9', 'Z3A.29']);
  });
});
