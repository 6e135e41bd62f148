// Record-wide facts are read once per run, not once per diagnosis (issue 10: coding time grows at
// most linearly with the record). Counted, not timed.
import { describe, expect, it } from 'vitest';
import { perRecord, recordSays, type CodingRun } from '../../coding/coding-run.ts';
import type { CodeSets } from '../../coding/code-sets.ts';
import { codingInput } from '../../testkit/coding-input.ts';

const runOf = (notes: string): CodingRun => ({
  input: codingInput({ notes, diagnoses: [{ description: 'iron deficiency anemia' }] }, { ageYears: 40, sex: 'F' }),
  codeSets: {} as CodeSets,
  notes: [],
  issues: [],
  allowed: () => true,
  mentions: new Map(),
  memo: new Map(),
});

describe('perRecord', () => {
  it('computes a fact once for a run and the copies its steps make of it', () => {
    const run = runOf('Ferritin low.');
    let computed = 0;
    const fact = () => perRecord(run, 'fact', () => ++computed);
    expect([fact(), fact(), perRecord({ ...run, issues: [] }, 'fact', () => ++computed)]).toEqual([1, 1, 1]);
    expect(computed).toBe(1);
    // Another record is another run: its facts are its own.
    expect(perRecord(runOf('Ferritin low.'), 'fact', () => ++computed)).toBe(2);
  });

  it('tests a pattern against the whole record once, with the answer the record gives', () => {
    const run = runOf('Ferritin low, on oral iron.');
    let tests = 0;
    const pattern = /\bferritin\b/i;
    const counted = Object.assign(pattern, {
      test(this: RegExp, s: string) {
        tests += 1;
        return RegExp.prototype.test.call(this, s);
      },
    });
    expect([recordSays(run, counted), recordSays(run, counted), recordSays({ ...run }, counted)]).toEqual([true, true, true]);
    expect(tests).toBe(1);
    expect(recordSays(runOf('No labs today.'), /\bferritin\b/i)).toBe(false);
  });
});
