// "Use additional code to identify severity of ulcer (L97.-)" at a leg vessel code with ulcer: the L97
// code of the side and site the code names, with the depth the wound description states (coding/ulcer-severity.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = (code: string, description: string, notes: string) =>
  codeEncounter(codingInput({ notes, diagnoses: [{ code, description }] }, { ageYears: 70, sex: 'M' }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe('the ulcer a varicose vein code names', () => {
  it('varicose veins of the right leg with ulcer of the ankle, fat layer exposed: I83.013 with L97.312', () => {
    expect(
      coded('I83.013', 'Varicose veins R leg with ulcer of ankle', 'Ulcer R medial ankle 2 x 2 cm, subcutaneous fat exposed, no bone.'),
    ).toEqual(['I83.013', 'L97.312']);
  });

  it('a depth the note denies is not the depth: bone denied, skin breakdown only', () => {
    expect(coded('I83.022', 'Varicose veins L leg with calf ulcer', 'Shallow ulcer, limited to skin breakdown, no exposed bone.')).toEqual([
      'I83.022',
      'L97.221',
    ]);
  });

  it('varicose veins without ulcer add no ulcer code', () => {
    expect(coded('I83.92', 'Varicose veins of left leg', 'Aching legs, skin intact. Compression stockings.')).toEqual(['I83.92']);
  });

  it('an ulcer of unspecified site names no L97 site: nothing added', () => {
    expect(coded('I83.029', 'Varicose veins L leg with ulcer', 'Ulcer, fat layer exposed.').filter((c) => c.startsWith('L97'))).toEqual([]);
  });
});
