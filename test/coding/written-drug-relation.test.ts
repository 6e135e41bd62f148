// A written condition beside a current drug known to cause it, the record relating neither way
// (coding/written-drug-relation.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 81, sex: 'M' });
const RELATION = /whether the condition is due to/;
const lines = [
  { description: 'Hyponatremia', code: 'E87.1' },
  { description: 'Generalized anxiety disorder', code: 'F41.1' },
];
const record = (assessment: string) =>
  `Follow-up for anxiety. Escitalopram 10 mg daily begun three weeks ago.\nNa 128 today (was 137 in spring). Euvolemic on exam.\nA/P: ${assessment}\nGAD - improving.`;

describe('no relation stated', () => {
  it('asks the relation; the written code stands meanwhile', () => {
    const r = coder(record('Hyponatremia - hold escitalopram, fluid restriction, BMP in 4 days.'), lines);
    expect(r.clarification?.question).toMatch(RELATION);
    expect(r.clarification?.question).toMatch(/escitalopram/i);
    expect(diagnosisCodes(r)).toContain('E87.1');
    expect(r.straightThrough.eligible).toBe(false);
  });
});

describe('the physician relates them, or gives another cause', () => {
  it('asks nothing', () => {
    for (const assessment of [
      'Hyponatremia due to escitalopram - stop it.',
      'Hyponatremia, not related to escitalopram; from heavy beer intake.',
      'Hyponatremia secondary to poor solute intake.',
    ]) {
      const r = coder(record(assessment), lines);
      expect(r.clarification?.question ?? '').not.toMatch(RELATION);
    }
  });
});
