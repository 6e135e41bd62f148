// Session twenty-six: repairs of one class in one anatomic group are one code of their added lengths
// (coding/wound-repair.ts checkRepairsAdded; corrected when each wound's length is stated). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { writtenProcedures } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const notes =
  'Two cuts on a fence.\n#1 R forearm, 2.0 cm laceration through dermis.\n#2 R hand dorsum, 1.5 cm laceration, superficial.\nBoth closed with simple interrupted sutures, single layer.\nA/P: simple lacerations R forearm and R hand - repaired.';
const diagnoses = [
  { description: 'Laceration R forearm', code: 'S51.811A' },
  { description: 'Laceration R hand', code: 'S61.411A' },
];
const coded = (procedures: Array<{ description: string; code: string; units?: number }>) =>
  codeEncounter(codingInput({ notes, diagnoses, procedures }, { ageYears: 24, sex: 'M' }), codeSets());

describe('simple repairs of one group written as two codes', () => {
  it('are corrected to the code of the added lengths, the written codes offered, and go to a coder', () => {
    const r = coded([
      { description: 'Simple repair 2.5 cm or less', code: '12001' },
      { description: 'Simple repair 2.5 cm or less, second wound', code: '12001' },
    ]);
    expect(r.procedures.map((p) => p.code)).toEqual(['12002']);
    expect(r.procedures[0]?.alternatives[0]?.code).toBe('12001');
    expect(r.procedures[0]?.rationale).toMatch(/3\.5 cm/);
    expect(writtenProcedures(r).map((d) => [d.outcome, d.codedAs])).toEqual([
      ['changed', ['12002']],
      ['changed', ['12002']],
    ]);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('so are two units of one code', () => {
    const r = coded([{ description: 'Simple repair', code: '12001', units: 2 }]);
    expect(r.procedures.map((p) => [p.code, p.units])).toEqual([['12002', 1]]);
  });

  it('without a length for each wound they only go to a coder', () => {
    const r = codeEncounter(
      codingInput(
        {
          notes: 'Two cuts on the R forearm, both closed with simple sutures.',
          diagnoses,
          procedures: [{ description: 'Simple repair', code: '12001', units: 2 }],
        },
        { ageYears: 24, sex: 'M' },
      ),
      codeSets(),
    );
    expect(r.procedures.map((p) => p.code)).toEqual(['12001']);
    expect(r.edits.some((e) => e.source?.includes('lengths of one class'))).toBe(true);
  });

  it('one repair code for the added length is no finding', () => {
    const r = coded([{ description: 'Simple repair 3.5 cm total, forearm and hand', code: '12002' }]);
    expect(r.edits.some((e) => e.source?.includes('lengths of one class'))).toBe(false);
    expect(writtenProcedures(r).map((d) => d.outcome)).toEqual(['kept']);
  });
});
