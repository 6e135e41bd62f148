// Session 11 (coding-11a): codes a coder would not add, and office visits described in words.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { pregnancyStatus } from '../../coding/pregnancy.ts';
import { officeVisitByLevel } from '../../coding/procedures.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const visit = (procedures: DocumentedProcedure[]) =>
  codeEncounter(
    codingInput(
      {
        notes: 'Sinus congestion for ten days. Acute maxillary sinusitis, amoxicillin.',
        diagnoses: [{ description: 'Acute maxillary sinusitis' }],
        procedures,
      },
      { ageYears: 41, sex: 'M' },
    ),
    codeSets(),
  ).procedures.map((p) => p.code);

describe('an office visit described in words is coded at the level of decision making it names', () => {
  it('reads patient status and level from abbreviations (CPT E/M: 99202-99205 new, 99212-99215 established)', () => {
    expect(officeVisitByLevel('est pt visit low')).toBe('99213');
    expect(officeVisitByLevel('Office visit est pt, low complexity')).toBe('99213');
    expect(officeVisitByLevel('new pt moderate MDM')).toBe('99204');
    expect(officeVisitByLevel('Established patient, straightforward medical decision making')).toBe('99212');
    expect(officeVisitByLevel('return visit, high complexity, established')).toBe('99215');
    expect(officeVisitByLevel('New patient office visit level 3')).toBe('99203');
  });

  it('reads nothing when the status, the level or the visit is missing, or two levels are named', () => {
    expect(officeVisitByLevel('office visit, moderate')).toBeUndefined();
    expect(officeVisitByLevel('est pt visit')).toBeUndefined();
    expect(officeVisitByLevel('new pt visit, low to moderate')).toBeUndefined();
    expect(officeVisitByLevel('Low-dose CT lung screening')).toBeUndefined();
  });

  it('codes an undocumented visit line to that level, never to the other patient status', () => {
    expect(visit([{ description: 'Office visit est pt, low complexity' }])).toEqual(['99213']);
    expect(visit([{ description: 'est pt office visit low MDM' }])).toEqual(['99213']);
    expect(visit([{ description: 'new pt visit, mod MDM' }])).toEqual(['99204']);
  });

  it('keeps a code the physician wrote', () => {
    expect(visit([{ description: 'est pt visit low', code: '99214' }])).toEqual(['99214']);
  });
});

const dx = (notes: string, diagnoses: string[], ageYears = 30, sex: 'F' | 'M' = 'F') =>
  codeEncounter(
    codingInput({ notes, diagnoses: diagnoses.map((description) => ({ description })) }, { ageYears, sex }),
    codeSets(),
  ).diagnoses.map((d) => d.code);

describe('pregnancy: what the record states about it now', () => {
  it('a pregnancy the patient plans, prevents or tests for is not an ongoing pregnancy', () => {
    expect(pregnancyStatus(['On isotretinoin; two forms of contraception, not planning a pregnancy.']).antepartum).toBe(false);
    expect(pregnancyStatus(['Stop the drug three months before any planned pregnancy.']).antepartum).toBe(false);
    expect(pregnancyStatus(['Urine pregnancy test ordered before starting.']).antepartum).toBe(false);
    expect(pregnancyStatus(['Pregnant at 12 weeks, planning a home birth.']).antepartum).toBe(true);
  });

  it('a plan for after the delivery does not end a pregnancy whose current weeks are stated', () => {
    expect(pregnancyStatus(['Gestational age today 30w2d.', 'Postpartum: glucose tolerance test 6 weeks after delivery.']).antepartum).toBe(
      true,
    );
    expect(pregnancyStatus(['Delivered at 39 weeks, postpartum day 2.']).antepartum).toBe(false);
  });

  it('a skin disease in a woman who avoids pregnancy stays in its own chapter', () => {
    const codes = dx(
      'Chronic plaque psoriasis on methotrexate, plaques thinner. Uses an IUD; not planning pregnancy. Stop methotrexate before any planned pregnancy.',
      ['Psoriasis vulgaris'],
    );
    expect(codes).toContain('L40.0');
    expect(codes.filter((c) => c.startsWith('O'))).toEqual([]);
  });

  it('the pregnant state (Z33.1) is not coded beside a pregnancy complication, even with a plan for after delivery', () => {
    const codes = dx(
      'G2P1, gestational age today 29w3d. Gestational diabetes, diet controlled, log at goal. Postpartum: 2-hour glucose tolerance test 6 weeks after delivery.',
      ['Gestational diabetes, diet controlled', 'Pregnancy 29 weeks 3 days'],
    );
    expect(codes).toContain('O24.410');
    expect(codes).not.toContain('Z33.1');
  });
});

describe('weeks of gestation', () => {
  it('a plan timed by weeks ("no testing needed before 40 weeks") is not the gestation today', () => {
    const r = codeEncounter(
      codingInput(
        {
          notes:
            'G2P1 at 27 weeks by LMP. Gestational diabetes on diet, fasting values at goal. No antenatal testing needed before 40 weeks if growth stays normal.',
          diagnoses: [{ description: 'Gestational diabetes, diet controlled' }],
        },
        { ageYears: 29, sex: 'F' },
      ),
      codeSets(),
    );
    expect(r.diagnoses.map((d) => d.code)).toEqual(['O24.410', 'Z3A.27']);
    expect(r.clarification).toBeUndefined();
  });
});

describe('a second condition read from the words a statement has left over names its own condition', () => {
  it('the pregnancy and trimester words of "cystitis in pregnancy" are not another obstetric condition', () => {
    const codes = dx('G1 at 30 weeks, burning with urination, urine nitrite positive. Acute cystitis in pregnancy, nitrofurantoin.', [
      'Acute cystitis in pregnancy, third trimester',
      '30 weeks gestation',
    ]);
    expect(codes).toEqual(['O23.13', 'Z3A.30']);
  });

  it('"complicating pregnancy" left over from a thyroid condition is not eclampsia', () => {
    const codes = dx('G2 at 20 weeks. Known hypothyroidism, TSH high, levothyroxine increased.', [
      'Hypothyroidism complicating pregnancy, second trimester',
    ]);
    // Chapter 15 first with the stated trimester, the condition's own code after it (O99.28 asks for it).
    expect(codes).toEqual(['O99.282', 'E03.9', 'Z3A.20']);
  });

  it('a second condition the statement names is still coded', () => {
    const codes = dx('Type 2 diabetes, A1c 7.4. Hyperlipidemia on statin.', ['Type 2 diabetes and hyperlipidemia']);
    expect(codes).toEqual(expect.arrayContaining(['E11.9', 'E78.5']));
  });
});
