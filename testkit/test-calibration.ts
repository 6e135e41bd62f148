/**
 * The calibration record for tests only (testkit/straight-through-test-calibration.json): with it,
 * straight-through billing is on and a confidently coded test encounter reaches the threshold.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StraightThroughConfig } from '../coding/straight-through.ts';

export const TEST_STRAIGHT_THROUGH_CALIBRATION = fileURLToPath(new URL('./straight-through-test-calibration.json', import.meta.url));

/** The test record as the engine reads it (what worker/dependencies.ts gives the engine under it). */
export function testCalibration(): StraightThroughConfig {
  const record = JSON.parse(readFileSync(TEST_STRAIGHT_THROUGH_CALIBRATION, 'utf8')) as Pick<
    StraightThroughConfig,
    'threshold' | 'calibration'
  >;
  return { threshold: record.threshold, calibration: record.calibration, targetPrecision: 0.98, source: TEST_STRAIGHT_THROUGH_CALIBRATION };
}
