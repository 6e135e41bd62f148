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
