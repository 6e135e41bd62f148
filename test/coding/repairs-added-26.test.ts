// Session twenty-six: repairs of one class in one anatomic group are one code of their added lengths
// (coding/wound-repair.ts checkRepairsAdded). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

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
  it('go to a coder with the code of the added lengths', () => {
    const r = coded([
      { description: 'Simple repair 2.5 cm or less', code: '12001' },
      { description: 'Simple repair 2.5 cm or less, second wound', code: '12001' },
    ]);
    const finding = r.edits.find((e) => e.source?.includes('lengths of one class'));
    expect(finding?.codes).toContain('12002');
    expect(finding?.message).toMatch(/3\.5 cm/);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('so do two units of one code', () => {
    const r = coded([{ description: 'Simple repair', code: '12001', units: 2 }]);
    expect(r.edits.some((e) => e.source?.includes('lengths of one class'))).toBe(true);
  });

  it('one repair code for the added length is no finding', () => {
    const r = coded([{ description: 'Simple repair 3.5 cm total, forearm and hand', code: '12002' }]);
    expect(r.edits.some((e) => e.source?.includes('lengths of one class'))).toBe(false);
  });
});
