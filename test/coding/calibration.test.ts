// Calibration of the encounter confidence: isotonic fit, reliability table, threshold choice.
import { describe, expect, it } from 'vitest';
import {
  chooseThreshold,
  fitIsotonic,
  recalibratedRecord,
  reliabilityTable,
  wilsonLower,
  type LabelledScore,
} from '../../coding/calibration.ts';

const s = (raw: number, exact: boolean, otherwiseEligible = true): LabelledScore => ({ raw, exact, otherwiseEligible });

describe('fitIsotonic', () => {
  it('gives a table that never decreases as the raw score grows, starting at 0', () => {
    const bins = fitIsotonic([
      s(0.2, false),
      s(0.3, true),
      s(0.4, false),
      s(0.6, true),
      s(0.7, true),
      s(0.9, false),
      s(0.95, true),
      s(1, true),
    ]);
    expect(bins[0]?.from).toBe(0);
    for (let i = 1; i < bins.length; i++) {
      expect(bins[i]!.from).toBeGreaterThan(bins[i - 1]!.from);
      // Strictly greater: neighbours with the same confidence are one bin.
      expect(bins[i]!.confidence).toBeGreaterThan(bins[i - 1]!.confidence);
    }
  });

  it('never claims certainty from a handful of encounters', () => {
    const bins = fitIsotonic([s(0.9, true), s(0.95, true), s(1, true)]);
    expect(Math.max(...bins.map((b) => b.confidence))).toBeLessThan(1);
  });
});

describe('chooseThreshold', () => {
  it('picks the lowest confidence at which the straight-through encounters meet the target', () => {
    const scores = [...Array.from({ length: 60 }, () => s(1, true)), s(1, false), ...Array.from({ length: 10 }, (_, i) => s(0.5, i < 5))];
    const bins = fitIsotonic(scores);
    const choice = chooseThreshold(scores, bins, 0.98);
    expect(choice.straightThrough).toBe(61);
    expect(choice.precision).toBeGreaterThanOrEqual(0.98);
    expect(choice.precisionLowerBound).toBeLessThan(choice.precision);
  });

  it('sends nothing straight through when no confidence reaches the target', () => {
    const scores = [s(1, true), s(1, false), s(0.5, false)];
    expect(chooseThreshold(scores, fitIsotonic(scores), 0.98)).toMatchObject({ threshold: 1, straightThrough: 0 });
  });

  it('ignores encounters that something else already stops', () => {
    const scores = [s(1, true), s(1, true), s(1, false, false)];
    expect(chooseThreshold(scores, fitIsotonic(scores), 0.98).straightThrough).toBe(2);
  });
});

describe('reliabilityTable and wilsonLower', () => {
  it('groups by confidence and reports the observed exact rate', () => {
    const rows = reliabilityTable([
      { confidence: 0.96, exact: true },
      { confidence: 0.97, exact: false },
      { confidence: 0.3, exact: false },
    ]);
    expect(rows).toEqual([
      { range: '0.00-0.50', encounters: 1, meanConfidence: 0.3, exactRate: 0 },
      { range: '0.95-1.00', encounters: 2, meanConfidence: 0.965, exactRate: 0.5 },
    ]);
  });

  it('a perfect record of 20 does not prove 98 %', () => {
    expect(wilsonLower(20, 20)).toBeLessThan(0.9);
    expect(wilsonLower(0, 0)).toBe(0);
  });
});

describe('recalibratedRecord', () => {
  const fitted = { threshold: 0.95, targetPrecision: 0.98, calibration: [{ from: 0, confidence: 0.5 }], source: 'refit' };
  const previous = { threshold: 0.972, measuredPrecision: 0.58, measuredOn: 'independent sets (issue 10)' };

  it('keeps the independent measurement of the previous record, with the threshold it was measured at', () => {
    expect(recalibratedRecord(previous, fitted)).toMatchObject({
      threshold: 0.95,
      source: 'refit',
      measuredPrecision: 0.58,
      measuredOn: 'independent sets (issue 10)',
      measuredAtThreshold: 0.972,
    });
    expect(recalibratedRecord({ ...previous, measuredAtThreshold: 0.9 }, fitted).measuredAtThreshold).toBe(0.9);
  });

  it('writes a new measurement at the new threshold when one is given', () => {
    expect(recalibratedRecord(previous, fitted, { precision: 0.99, on: 'set X' })).toMatchObject({
      measuredPrecision: 0.99,
      measuredOn: 'set X',
      measuredAtThreshold: 0.95,
    });
  });

  it('invents no measurement when there was none', () => {
    const r = recalibratedRecord({ threshold: 0.9 }, fitted);
    expect(r.measuredPrecision).toBeUndefined();
    expect(r.measuredOn).toBeUndefined();
  });
});
