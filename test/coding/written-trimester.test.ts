// A written pregnancy code whose trimester the documented weeks of gestation contradict is coded with
// the weeks' trimester and reported as changed for a coder (coding/written-trimester.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 31, sex: 'F' });
const changed = (r: ReturnType<typeof coded>) => r.documentedCodes.filter((d) => d.outcome === 'changed').map((d) => d.code);

describe('a written trimester against the weeks of gestation', () => {
  it('28w0d is the third trimester: a written second-trimester code is changed', () => {
    const r = coded('Routine OB visit 28w0d, G2P1. FHT 145, fundal height 28.', [
      { description: 'Supervision of other normal pregnancy, second trimester', code: 'Z34.82' },
      { description: '28 weeks gestation', code: 'Z3A.28' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['Z34.83', 'Z3A.28']);
    expect(changed(r)).toEqual(['Z34.82']);
  });

  it('a written third trimester at 13 weeks is the first', () => {
    const r = coded('OB visit, G1P0 at 13w2d. Nausea improving.', [
      { description: 'Supervision of normal first pregnancy, third trimester', code: 'Z34.03' },
      { description: '13 weeks', code: 'Z3A.13' },
    ]);
    expect(diagnosisCodes(r)).toContain('Z34.01');
  });

  it('27w6d is still the second trimester: kept', () => {
    const r = coded('Routine OB visit 27w6d, G2P1. Doing well.', [
      { description: 'Supervision of other normal pregnancy, second trimester', code: 'Z34.82' },
      { description: '27 weeks gestation', code: 'Z3A.27' },
    ]);
    expect(diagnosisCodes(r)).toContain('Z34.82');
    expect(changed(r)).toEqual([]);
  });

  it('the notes also state the written trimester: left as written', () => {
    const r = coded('Routine OB visit 28w1d, G2P1. A: normal pregnancy, 2nd trimester.', [
      { description: 'Supervision of other normal pregnancy, second trimester', code: 'Z34.82' },
      { description: '28 weeks gestation', code: 'Z3A.28' },
    ]);
    expect(diagnosisCodes(r)).toContain('Z34.82');
  });
});
