// The one-line-per-set evaluation (scripts/eval-coding-sets.ts): which set files it reads, and that
// its totals are sums of counts, not averages of rates. Reports are made up here.
import { describe, expect, it } from 'vitest';
import { setFiles, setLine, totalsLine } from '../../scripts/eval-coding-sets.ts';
import type { EvalReport } from '../../scripts/eval-coding.ts';

function report(encounters: number, exact: number, through: number, rightThrough: number): EvalReport {
  return {
    encounters,
    expectedDiagnoses: encounters,
    top1: 0.5,
    top3: 0.5,
    exactSets: exact / encounters,
    extraCodes: 2,
    procedures: { expected: 10, correct: 9 },
    queries: { raised: 4, rate: 0.1, precision: 0.75, recall: 0.5, truePositives: 3, expected: 6 },
    answers: { total: 0, resolved: 0 },
    edits: { expected: 0, caught: 0 },
    straightThrough: { count: through, rate: through / encounters, precision: 0, exactAmongThem: rightThrough, neededQuery: 0 },
    gatesPassed: { count: through + 2, billable: rightThrough + 1 },
    reliability: [],
    scores: [],
    millisPerEncounter: 1,
    load: { millis: 0, heapUsedDeltaMB: 0, rssDeltaMB: 0 },
    misses: [],
  } as unknown as EvalReport;
}

describe('eval-coding-sets', () => {
  it('reads the labelled sets of test/coding, all of them or those whose names contain a word', () => {
    const all = setFiles([]);
    expect(all.length).toBeGreaterThan(60);
    expect(all.every((f) => f.endsWith('.json'))).toBe(true);
    expect(setFiles(['writer-set-79']).map((f) => f.split('/').pop())).toEqual(['writer-set-79.json']);
    expect(setFiles(['no-such-set'])).toEqual([]);
  });

  it('totals add the counts of the sets (a 10-record set weighs a quarter of a 40-record one)', () => {
    const line = totalsLine([report(40, 20, 3, 1), report(10, 10, 1, 1)]);
    expect(line).toContain('n=50');
    expect(line).toContain('exact 30 (60.0)');
    expect(line).toContain('(+4)');
    expect(line).toContain('px 18/20');
    expect(line).toContain('ST 2/4');
    expect(line).toContain('gates 4/8');
    expect(line).toContain('q P/R 75.0/50.0 (6/8 of 12)');
  });

  it("a set's line names the set and its straight-through right/through", () => {
    expect(setLine('writer-set-99', report(40, 20, 3, 1))).toMatch(/^writer-set-99 .* exact 50\.0 \(\+2\) .* ST 1\/3 /);
  });
});
