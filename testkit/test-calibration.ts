/**
 * The calibration record for tests only (testkit/straight-through-test-calibration.json): with it,
 * straight-through billing is on and a confidently coded test encounter reaches the threshold.
 */
import { fileURLToPath } from 'node:url';
import { loadStraightThroughPolicy } from '../activities/straight-through-policy.ts';
import type { StraightThroughConfig } from '../coding/straight-through.ts';
import { engineCalibration } from '../worker/dependencies.ts';

export const TEST_STRAIGHT_THROUGH_CALIBRATION = fileURLToPath(new URL('./straight-through-test-calibration.json', import.meta.url));

/** The test record as the engine reads it: what the worker gives the engine under it (worker/dependencies.ts). */
export function testCalibration(): StraightThroughConfig {
  const config = engineCalibration(loadStraightThroughPolicy(TEST_STRAIGHT_THROUGH_CALIBRATION));
  if (!config) throw new Error(`${TEST_STRAIGHT_THROUGH_CALIBRATION} does not enable straight-through billing`);
  return config;
}
