// What a statement says after a drug is said of it up to the next drug of the same class
// (coding/additional.ts currentUse): "linagliptin (metformin stopped)" is still an oral drug taken.
import { describe, expect, it } from 'vitest';
import { currentUse, ORAL_ANTIDIABETIC } from '../../coding/additional.ts';

describe('a drug stopped after another of its class', () => {
  it('reads the first drug as current when the stop is said of the next one', () => {
    expect(currentUse('T2DM on linagliptin 5 mg (metformin stopped 2025 for renal fx)', ORAL_ANTIDIABETIC)?.[0]).toBe('linagliptin');
  });

  it('reads a drug stopped itself as not current', () => {
    expect(currentUse('T2DM, metformin stopped 2025 for renal fx', ORAL_ANTIDIABETIC)).toBeUndefined();
  });
});
