// Written pregnancy codes of unspecified trimester take the trimester of the record's weeks
// (coding/pregnancy.ts), and no Z79.4/Z79.84 beside gestational diabetes (gestational-diabetes-control.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 31, sex: 'F' });

describe('a written code of unspecified trimester', () => {
  it('takes the trimester the weeks give', () => {
    const r = coded('Routine OB 30w4d, G3P2. Doing well. FHT 150.', [
      { description: 'Supervision of other normal pregnancy', code: 'Z34.80' },
      { description: '30 weeks', code: 'Z3A.30' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['Z34.83', 'Z3A.30']);
  });

  it('a written trimester the weeks agree with stays as written', () => {
    const r = coded('Routine OB 30w4d, G3P2. Doing well.', [
      { description: 'Supervision of other normal pregnancy, third trimester', code: 'Z34.83' },
      { description: '30 weeks', code: 'Z3A.30' },
    ]);
    expect(diagnosisCodes(r)).toContain('Z34.83');
  });
});

describe('long-term drug codes beside gestational diabetes', () => {
  it('Z79.4 is dropped beside O24.414', () => {
    const r = coded('OB 33w0d, G2P1. GDM on NPH 10 units qHS, fasting 88-94.\nA: GDM A2, stable.', [
      { description: 'Gestational diabetes, insulin controlled', code: 'O24.414' },
      { description: 'Long-term insulin use', code: 'Z79.4' },
      { description: '33 weeks', code: 'Z3A.33' },
    ]);
    expect(diagnosisCodes(r)).not.toContain('Z79.4');
    expect(diagnosisCodes(r)).toContain('O24.414');
  });

  it('kept beside pre-existing type 2 diabetes in pregnancy', () => {
    const r = coded('OB 20w0d, G2P1. Type 2 DM on insulin glargine 20 units daily.\nA: T2DM in pregnancy, continue glargine.', [
      { description: 'Pre-existing type 2 diabetes in pregnancy, second trimester', code: 'O24.112' },
      { description: 'Long-term insulin use', code: 'Z79.4' },
      { description: '20 weeks', code: 'Z3A.20' },
    ]);
    expect(diagnosisCodes(r)).toContain('Z79.4');
  });
});
