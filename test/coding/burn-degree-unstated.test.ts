// A burn coded with a degree no statement of the physician names is asked its degree, unspecified
// degree until answered (coding/burn-degree-unstated.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 33, sex: 'M' });

describe('a burn degree no statement names', () => {
  const notes = 'Touched a hot exhaust pipe an hour ago. L forearm 4 x 2 cm red, tender, a few small blisters.\nA: burn of left forearm.';
  const line = [{ description: 'Burn left forearm', code: 'T22.212A' }];

  it('the written degree is asked and held unspecified', () => {
    const result = code(notes, line);
    expect(result.diagnoses.map((d) => d.code)).toEqual(['T22.012A']);
    expect(result.clarification?.question).toMatch(/degree/);
  });

  it('an answer naming the degree codes it', () => {
    const question = code(notes, line).clarification?.question ?? '';
    const answered = code(notes, line, [{ question, freeText: 'Second degree burn.' }]);
    expect(answered.diagnoses.map((d) => d.code)).toEqual(['T22.212A']);
  });

  it('a degree the physician states leaves the written code alone', () => {
    const stated = notes.replace('A: burn', 'A: partial thickness burn');
    const result = code(stated, line);
    expect(result.diagnoses.map((d) => d.code)).toEqual(['T22.212A']);
    expect(result.clarification?.question ?? '').not.toMatch(/degree \(depth\)/);
  });
});
