// A condition "with a history of" another states the condition now and the other as past: each is
// read alone (coding/context.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { assertionsOf } from '../../coding/context.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (diagnoses: Array<{ description: string; code?: string }>, notes: string): string[] =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 78, sex: 'F' }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe('a condition with a history of another', () => {
  it('osteoporosis with a history of a healed vertebral fracture: M81.0 with Z87.310, not the history alone', () => {
    const notes = 'Denosumab given for postmenopausal osteoporosis. Hx L2 compression fx 2019, healed.';
    expect(codes([{ description: 'Osteoporosis w/ hx vertebral fx', code: 'M80.08XA' }], notes)).toEqual(['M81.0', 'Z87.310']);
  });

  it('the condition is affirmed and the other is a personal history', () => {
    expect(assertionsOf('diagnoses', 'Asthma with history of intubation')).toEqual([
      { text: 'Asthma', assertion: 'affirmed' },
      { text: 'intubation', assertion: 'personal-history' },
    ]);
  });

  it('not when the words before name no condition, nor for the supervision of a pregnancy with a history', () => {
    expect(assertionsOf('diagnoses', 'Patient with history of CHF').map((a) => a.assertion)).toEqual(['personal-history']);
    expect(assertionsOf('diagnoses', 'Supervision of high risk pregnancy with history of preterm labor').map((a) => a.assertion)).toEqual([
      'affirmed',
    ]);
    expect(codes([{ description: 'History of compression fracture' }], 'Bone density follow-up.')).toEqual(['Z87.310']);
  });
});
