import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStraightThroughPolicy } from '../../activities/straight-through-policy.ts';
import { loadStraightThroughConfig, STRAIGHT_THROUGH_CONFIG_PATH } from '../../coding/straight-through.ts';
import { TEST_STRAIGHT_THROUGH_CALIBRATION } from '../../testkit/stack.ts';
import { engineCalibration } from '../../worker/dependencies.ts';

function record(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'calibration-')), 'c.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('straight-through policy', () => {
  it('is off unless a calibration is configured', () => {
    expect(loadStraightThroughPolicy(undefined)).toMatchObject({
      enabled: false,
      why: expect.stringContaining('a coder confirms every encounter'),
    });
  });

  it('refuses the shipped calibration: no confidence reaches 98 % on first-sight runs, and its measurement is under 98 %', () => {
    const shipped = loadStraightThroughConfig(STRAIGHT_THROUGH_CONFIG_PATH);
    expect(shipped.threshold).toBe(1);
    expect(shipped.measuredPrecision).toBeLessThan(0.98);
    expect(() => loadStraightThroughPolicy(STRAIGHT_THROUGH_CONFIG_PATH)).toThrow(/cannot be enabled/);
    // The same measurement at the record's own threshold is refused for its precision alone.
    const atItsThreshold = record({ ...shipped, measuredAtThreshold: shipped.threshold });
    expect(() => loadStraightThroughPolicy(atItsThreshold)).toThrow(
      new RegExp(
        `measured straight-through precision is ${String(shipped.measuredPrecision).replace('.', '\\.')} .*at least 0\\.98 is required`,
      ),
    );
  });

  it("carries a record's own calibration table to the engine with its threshold; without one, the engine keeps the shipped table", () => {
    const table = [
      { from: 0, confidence: 0.3 },
      { from: 0.9, confidence: 0.99 },
    ];
    const own = loadStraightThroughPolicy(record({ threshold: 0.99, measuredPrecision: 0.99, measuredOn: 'set X', calibration: table }));
    expect(engineCalibration(own)).toMatchObject({ threshold: 0.99, calibration: table, source: expect.stringContaining('set X') });
    const bare = loadStraightThroughPolicy(record({ threshold: 0.99, measuredPrecision: 0.99, measuredOn: 'set X' }));
    expect(engineCalibration(bare)?.calibration).toEqual(loadStraightThroughConfig(STRAIGHT_THROUGH_CONFIG_PATH).calibration);
    expect(engineCalibration(loadStraightThroughPolicy(undefined))).toBeUndefined();
    expect(() =>
      loadStraightThroughPolicy(record({ threshold: 0.99, measuredPrecision: 0.99, measuredOn: 'x', calibration: [{ from: 2 }] })),
    ).toThrow(/calibration/);
  });

  it('refuses a record that does not state its measured precision or where it was measured', () => {
    expect(() => loadStraightThroughPolicy(record({ threshold: 0.9 }))).toThrow(/measuredPrecision/);
    expect(() => loadStraightThroughPolicy(record({ threshold: 0.9, measuredPrecision: 0.99 }))).toThrow(/measuredOn/);
    expect(() => loadStraightThroughPolicy('/nonexistent/calibration.json')).toThrow(/could not be read/);
  });

  it('refuses a measurement taken at another threshold than the record now has (recalibrated since)', () => {
    const moved = { threshold: 0.95, measuredPrecision: 0.99, measuredOn: 'set X', measuredAtThreshold: 0.972 };
    expect(() => loadStraightThroughPolicy(record(moved))).toThrow(/measured at threshold 0\.972.*now 0\.95/);
    expect(loadStraightThroughPolicy(record({ ...moved, measuredAtThreshold: 0.95 }))).toMatchObject({ enabled: true, threshold: 0.95 });
  });

  it('enables it with a record of at least 98 % (the test fixture)', () => {
    expect(loadStraightThroughPolicy(TEST_STRAIGHT_THROUGH_CALIBRATION)).toMatchObject({
      enabled: true,
      threshold: 0.972,
      measuredPrecision: 1,
    });
  });
});
