// Session twenty-five: what the visit itself adds to the claim or rules out (coding/immunization-encounter.ts,
// coding/procedure-coding.ts namesTheVaccine, coding/gestational-age.ts agesOfThisVisit). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import type { CodingInput } from '../../domain/coding.ts';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codingInput, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const visit = (
  notes: string,
  diagnoses: Array<{ description: string; code?: string }>,
  procedures: DocumentedProcedure[],
  patient: CodingInput['patient'] = { ageYears: 29, sex: 'M' },
) => codeEncounter(codingInput({ notes, diagnoses, procedures }, patient), codeSets());

describe('a vaccine given at the visit', () => {
  const notes = 'Dog bite R forearm, two puncture wounds, irrigated, left open. Last tetanus unknown: Tdap given.';
  const lines = [{ description: 'Dog bite R forearm' }];

  it("adds the encounter for immunization (Z23) after the visit's own diagnoses, and the vaccine lines point at it", () => {
    const r = visit(notes, lines, [
      { description: 'Tdap', code: '90715' },
      { description: 'Vaccine admin', code: '90471' },
    ]);
    const codes = diagnosisCodes(r);
    expect(codes.at(-1)).toBe('Z23');
    expect(codes[0]).toMatch(/^S51\./);
    const pointer = codes.indexOf('Z23') + 1;
    for (const code of ['90715', '90471']) expect(r.procedures.find((p) => p.code === code)?.diagnosisPointers).toContain(pointer);
  });

  it('is coded once when a line already names the immunization', () => {
    const r = visit(
      notes,
      [...lines, { description: 'Encounter for immunization', code: 'Z23' }],
      [{ description: 'Tdap', code: '90715' }],
    );
    expect(diagnosisCodes(r).filter((c) => c === 'Z23')).toHaveLength(1);
  });

  it('no vaccine, no Z23', () => {
    expect(diagnosisCodes(visit(notes.replace('Tdap given.', 'Tdap up to date.'), lines, []))).not.toContain('Z23');
  });
});

describe('a drug line sharing only amounts with a vaccine', () => {
  it('is not read as the vaccine ("Albuterol 2.5 mg unit dose" is no 2-dose hepatitis B vaccine)', () => {
    const r = visit(
      'Wheezing; albuterol neb given in office.',
      [{ description: 'Asthma exacerbation' }],
      [{ description: 'Nebulizer treatment', code: '94640' }, { description: 'Albuterol 2.5 mg unit dose' }],
      { ageYears: 11, sex: 'F' },
    );
    expect(r.procedures.map((p) => p.code)).not.toContain('90739');
    expect(diagnosisCodes(r)).not.toContain('Z23');
  });
});

describe('a prenatal flow sheet', () => {
  it("reads the earlier visits' rows as earlier ages, not as a conflict with today's", () => {
    const notes = [
      'Date: 11/19/2026   GA: 26w0d by LMP c/w 9 wk US',
      ' Date      GA     Wt     BP      FHR',
      ' 10/22     22w0d  156    108/66  148',
      ' 11/19     26w0d  159    112/68  144',
      'A/P: IUP at 26w0d, uncomplicated. RTC 2 wks.',
    ].join('\n');
    const r = visit(notes, [{ description: 'Supervision of normal pregnancy, second trimester' }], [], { ageYears: 27, sex: 'F' });
    expect(diagnosisCodes(r)).toContain('Z3A.26');
    expect(r.clarification?.question ?? '').not.toMatch(/weeks of gestation/i);
  });
});

describe("a written visit code of the other patient status than the note's", () => {
  it("is corrected to the stated status's code, the written code offered beside, and sent to a coder", () => {
    const cases: Array<[string, string, string, string]> = [
      [
        'New patient, establishing care after a move; never seen in our group. Annual physical, exam normal.',
        'Preventive visit',
        '99395',
        '99385',
      ],
      ['Last seen by me 14 months ago for a physical. Sharp chest pain for 2 days. MDM moderate.', 'Office visit', '99203', '99213'],
    ];
    for (const [notes, line, written, offered] of cases) {
      const r = visit(notes, [{ description: 'Visit' }], [{ description: line, code: written }], { ageYears: 30, sex: 'F' });
      const coded = r.procedures.find((p) => p.code === offered);
      expect(coded?.alternatives[0]?.code, written).toBe(written);
      expect(r.documentedCodes).toContainEqual(expect.objectContaining({ code: written, outcome: 'changed', codedAs: [offered] }));
      expect(r.straightThrough.reasons).toContain('documented-code-changed');
    }
  });

  it('a status seen more than three years ago is new; a note stating none is no correction', () => {
    const old = visit(
      'Last seen here 4 years ago. Annual physical.',
      [{ description: 'Visit' }],
      [{ description: 'Preventive', code: '99395' }],
    );
    expect(old.procedures[0]?.code).toBe('99385');
    expect(old.procedures[0]?.alternatives[0]?.code).toBe('99395');
    const silent = visit('Annual physical, exam normal.', [{ description: 'Visit' }], [{ description: 'Preventive', code: '99395' }]);
    expect(silent.edits.map((e) => e.rule)).not.toContain('DOCUMENTED_CODE_CORRECTED');
    expect(silent.procedures[0]?.code).toBe('99395');
  });
});

describe('an examination the physician says found nothing', () => {
  it('keeps its "without abnormal findings" code however the physician abbreviates it', () => {
    const r = visit(
      'Annual physical. 45F est pt. Mammo 2026 nl. Colonoscopy due - referral placed. BMI 24.1, exam WNL.\nA: routine adult exam, no abnl findings',
      [{ description: 'Routine adult exam w/o abnormal findings', code: 'Z00.00' }],
      [{ description: 'Periodic preventive est 40-64', code: '99396' }],
      { ageYears: 45, sex: 'F' },
    );
    expect(diagnosisCodes(r)).toEqual(['Z00.00']);
  });
});
