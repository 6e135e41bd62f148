// Readings of record wording fixed alongside set 80's categories: a planned "f/u PCP" is no
// subsequent encounter (search.ts), a list number is no "type 1" (exclusive-conflicts.ts), weeks in
// parentheses after a first prenatal visit are not today's age (gestational-age.ts), a plan's "if
// migrainous" affirms no migraine (uncertain-in-assessment.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { gestationalAgesIn } from '../../coding/gestational-age.ts';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 40, sex: 'M' });

describe('record readings', () => {
  it('a sprain with "f/u PCP 1 wk" in its plan stays an initial encounter', () => {
    const result = code('Rolled L ankle today.\nA/P: L ankle sprain - ACE wrap, crutches, f/u PCP 1 wk.', [
      { description: 'Sprain of left ankle', code: 'S93.402A' },
    ]);
    expect(result.diagnoses.map((d) => d.code)).toEqual(['S93.402A']);
  });

  it('a sprain seen in follow-up is still a subsequent encounter', () => {
    const result = code('L ankle sprain follow-up, improving.\nA/P: L ankle sprain - home exercises.', [
      { description: 'Sprain of left ankle', code: 'S93.402A' },
    ]);
    expect(result.diagnoses.map((d) => d.code)).toEqual(['S93.402D']);
  });

  it('"A/P: 1) T2DM" raises no type 1 against type 2 question', () => {
    const result = code('A/P: 1) T2DM - A1c 7.0, continue metformin.', [{ description: 'Type 2 diabetes', code: 'E11.9' }]);
    expect(result.clarification).toBeUndefined();
  });

  it('weeks in parentheses after the first prenatal visit are not an age; an age in parentheses after the pregnancy still is', () => {
    expect(gestationalAgesIn('First prenatal BP (10 wk) not available')).toEqual([]);
    expect(gestationalAgesIn('IUP (24w3d), doing well').map((a) => a.weeks)).toEqual([24]);
  });

  it('a listed migraine the assessment only weighs is coded as the headache, a conditional plan notwithstanding', () => {
    const notes =
      'A: Headache - ? tension-type vs migraine. No red flags.\nP: diary, naproxen prn, consider triptan if migrainous features.';
    const weighed = code(notes, [{ description: 'Migraine', code: 'G43.909' }]);
    expect(weighed.diagnoses.map((d) => d.code)).toEqual(['R51.9']);
    const affirmed = code('A: Migraine without aura - sumatriptan prn.', [{ description: 'Migraine', code: 'G43.909' }]);
    expect(affirmed.diagnoses.map((d) => d.code)).not.toContain('R51.9');
  });
});
