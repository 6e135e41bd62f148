import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStraightThroughPolicy } from '../../activities/straight-through-policy.ts';
import { loadStraightThroughConfig, STRAIGHT_THROUGH_CONFIG_PATH } from '../../coding/straight-through.ts';
import { TEST_STRAIGHT_THROUGH_CALIBRATION } from '../../testkit/stack.ts';

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

  it('refuses the shipped calibration: its measured precision on independent records is under 98 %', () => {
    const shipped = loadStraightThroughConfig(STRAIGHT_THROUGH_CONFIG_PATH).measuredPrecision;
    expect(shipped).toBeLessThan(0.98);
    expect(() => loadStraightThroughPolicy(STRAIGHT_THROUGH_CONFIG_PATH)).toThrow(
      new RegExp(`measured straight-through precision is ${String(shipped).replace('.', '\\.')} .*at least 0\\.98 is required`),
    );
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
