/**
 * The lifecycle benchmark's open-loop phases: each phase's name goes into its encounters' clinic
 * ids, so two phases at the same rate (`--sustained-rates 3,5 --rates 3,5`) must not share one;
 * they did (`open3` twice), and every POST of the second phase answered 409. A run with a 409
 * counts as failed.
 */
import { describe, expect, it } from 'vitest';
import { notAllBilled, type LifecycleResult } from '../../scripts/bench/lifecycle.ts';
import { openLoopPhases, type ProductFigures } from '../../scripts/bench/phases.ts';

describe('openLoopPhases', () => {
  it('runs the sustained rates first and names every phase differently, also when rates repeat', () => {
    const phases = openLoopPhases([3, 5], [3, 5, 5]);
    expect(phases.map(({ rate, sustained }) => [rate, sustained])).toEqual([
      [3, true],
      [5, true],
      [3, false],
      [5, false],
      [5, false],
    ]);
    expect(new Set(phases.map((p) => p.phase)).size).toBe(phases.length);
  });

  it('has no phases without rates', () => {
    expect(openLoopPhases([], [])).toEqual([]);
  });
});

describe('notAllBilled', () => {
  const figures = (statuses: Record<string, number>, accepted: number, billed: number) =>
    ({ statuses, accepted, billed, settled: true }) as unknown as ProductFigures;
  const result = (open: ProductFigures) =>
    ({ closedLoop: figures({ 201: 4 }, 4, 4), openLoop: [{ rate: 3, load: '', figures: open }] }) as unknown as LifecycleResult;

  it('passes a run where every POST was accepted and billed', () => {
    expect(notAllBilled(result(figures({ 201: 6 }, 6, 6)))).toBe(false);
  });

  it('fails a run where a phase was answered 409 (an id sent again), although all it accepted was billed', () => {
    expect(notAllBilled(result(figures({ 201: 2, 409: 4 }, 2, 2)))).toBe(true);
  });
});
