import { describe, expect, it } from 'vitest';
import { loadCodeSets } from '../../coding/index.ts';
import { evaluate, readEvalSet } from '../../scripts/eval-coding.ts';

describe('labelled evaluation set', () => {
  it('has at least 40 encounters with labels', () => {
    const set = readEvalSet();
    expect(set.length).toBeGreaterThanOrEqual(40);
    expect(set.filter((e) => e.expect.query).length).toBeGreaterThan(0);
  });

  it('keeps accuracy and query quality above the agreed floor', async () => {
    const report = evaluate(readEvalSet(), await loadCodeSets());
    expect(report.top1).toBeGreaterThanOrEqual(0.85);
    expect(report.top3).toBeGreaterThanOrEqual(report.top1);
    expect(report.queries.precision).toBeGreaterThanOrEqual(0.75);
    expect(report.queries.recall).toBeGreaterThanOrEqual(0.75);
    expect(report.answers.resolved).toBe(report.answers.total);
    expect(report.edits.caught).toBe(report.edits.expected);
    expect(report.procedures.correct).toBe(report.procedures.expected);
  });
});
