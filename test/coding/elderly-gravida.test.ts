// Supervision of a pregnancy stated of advanced maternal age: O09.51-/O09.52-, not Z34
// (coding/elderly-gravida.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const at = (ageYears: number) => recordCoder(codeSets, { ageYears, sex: 'F' });

describe('advanced maternal age stated beside supervision of a normal pregnancy', () => {
  it('other pregnancy, second trimester: O09.522', () => {
    const r = at(39)('G4P3 at 18w2d. FHT 145. Genetic counseling for AMA, declines amnio.\nA: IUP 18 wks, doing well.', [
      { description: 'Supervision of other normal pregnancy, second trimester', code: 'Z34.82' },
      { description: '18 weeks', code: 'Z3A.18' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['O09.522', 'Z3A.18']);
  });

  it('first pregnancy: O09.51- of the trimester', () => {
    const r = at(37)('G1P0 at 8w5d by LMP.\nA: primigravida of advanced maternal age, early IUP.', [
      { description: 'Normal first pregnancy, first trimester', code: 'Z34.01' },
    ]);
    expect(diagnosisCodes(r)[0]).toBe('O09.511');
  });

  it('not for an age alone, nor AMA meaning against medical advice, nor a young patient', () => {
    const lines = [{ description: 'Supervision of other normal pregnancy, second trimester', code: 'Z34.82' }];
    expect(diagnosisCodes(at(38)('G2P1 at 20w0d. Doing well.', lines))[0]).toBe('Z34.82');
    expect(diagnosisCodes(at(38)('G2P1 at 20w0d. Last visit she left the ED AMA after triage.', lines))[0]).toBe('Z34.82');
    expect(diagnosisCodes(at(28)('G2P1 at 20w0d. Not AMA. Doing well.', lines))[0]).toBe('Z34.82');
  });
});
