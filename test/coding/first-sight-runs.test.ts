// First-sight runs (coding/first-sight-runs.ts): the records the shipped calibration is fitted on,
// how a set's runs are appended once, and that the shipped table is what they give.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseThreshold, fitIsotonic } from '../../coding/calibration.ts';
import { appendFirstSightRuns, readFirstSightRuns, scoresBySet, type FirstSightRun } from '../../coding/first-sight-runs.ts';
import { loadStraightThroughConfig } from '../../coding/straight-through.ts';

const run = (set: string, id: string, raw: number, billable: boolean, otherwiseEligible = true): FirstSightRun => ({
  set,
  id,
  commit: 'abc1234',
  raw,
  otherwiseEligible,
  billable,
});

const emptyFile = () => join(mkdtempSync(join(tmpdir(), 'first-sight-')), 'runs.jsonl');

describe('first-sight runs', () => {
  it('appends a set once and reads it back; a set already recorded is refused', () => {
    const path = emptyFile();
    expect(readFirstSightRuns(path)).toEqual([]);
    appendFirstSightRuns([run('set-a', 'A1', 0.9, true), run('set-a', 'A2', 0.5, false, false)], path);
    appendFirstSightRuns([run('set-b', 'B1', 0.7, false)], path);
    expect(readFirstSightRuns(path).map((r) => `${r.set}/${r.id}`)).toEqual(['set-a/A1', 'set-a/A2', 'set-b/B1']);
    expect(() => appendFirstSightRuns([run('set-b', 'B2', 0.7, true)], path)).toThrow(/set-b are already recorded/);
    expect(readFirstSightRuns(path)).toHaveLength(3);
  });

  it('names the line of a malformed run', () => {
    const path = emptyFile();
    writeFileSync(
      path,
      `${JSON.stringify(run('s', 'X', 0.5, true))}\n${JSON.stringify({ ...run('s', 'Y', 0.5, true), commit: 'main' })}\n`,
    );
    expect(() => readFirstSightRuns(path)).toThrow(/runs\.jsonl:2: commit/);
  });

  it('groups runs by set as calibration scores', () => {
    const bySet = scoresBySet([run('a', '1', 0.9, true), run('b', '1', 0.4, false, false), run('a', '2', 0.8, false)]);
    expect([...bySet.keys()]).toEqual(['a', 'b']);
    expect(bySet.get('a')).toEqual([
      { raw: 0.9, exact: true, otherwiseEligible: true },
      { raw: 0.8, exact: false, otherwiseEligible: true },
    ]);
  });

  it('the shipped calibration is what the committed first-sight runs give (no table edited by hand)', () => {
    const runs = readFirstSightRuns();
    expect(new Set(runs.map((r) => r.set)).size).toBeGreaterThanOrEqual(31);
    const all = [...scoresBySet(runs).values()].flat();
    const bins = fitIsotonic(all);
    const shipped = loadStraightThroughConfig();
    expect(shipped.calibration).toEqual(bins);
    expect(shipped.threshold).toBe(chooseThreshold(all, bins, shipped.targetPrecision).threshold);
  });
});
