/**
 * Calibration of the encounter confidence on labelled encounters: an isotonic (pool-adjacent-
 * violators) fit of "code set exactly right" on the raw score, the reliability table that shows how
 * well it holds, and the straight-through threshold chosen for a precision target.
 */
import type { StraightThroughConfig } from './straight-through.ts';
import { calibrated } from './straight-through.ts';

export interface LabelledScore {
  /** The engine's raw encounter score. */
  raw: number;
  /** The whole code set was exactly right. */
  exact: boolean;
  /** Nothing but the confidence stands in the way of straight-through (no edit, clarification...). */
  otherwiseEligible: boolean;
}

type Bin = StraightThroughConfig['calibration'][number];

/**
 * Isotonic fit: raw scores sorted, adjacent groups pooled until the exact rate never decreases.
 * Each pooled group becomes a bin from its lowest raw score. A small prior (one right, one wrong)
 * keeps a bin of few encounters from claiming 0 or 100 %.
 */
export function fitIsotonic(scores: readonly LabelledScore[]): Bin[] {
  const sorted = [...scores].sort((a, b) => a.raw - b.raw);
  const blocks: Array<{ from: number; right: number; n: number }> = [];
  for (const s of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.from === s.raw) {
      last.right += s.exact ? 1 : 0;
      last.n += 1;
    } else blocks.push({ from: s.raw, right: s.exact ? 1 : 0, n: 1 });
    while (blocks.length >= 2) {
      const b = blocks[blocks.length - 1] as (typeof blocks)[number];
      const a = blocks[blocks.length - 2] as (typeof blocks)[number];
      if (a.right / a.n <= b.right / b.n) break;
      blocks.splice(blocks.length - 2, 2, { from: a.from, right: a.right + b.right, n: a.n + b.n });
    }
  }
  // The prior can reorder neighbours of very different sizes: keep the table non-decreasing.
  // Neighbours that end up with the same confidence are one bin.
  let floor = 0;
  const bins: Bin[] = [];
  blocks.forEach((b, i) => {
    floor = Math.max(floor, Math.round(((b.right + 1) / (b.n + 2)) * 1000) / 1000);
    if (bins[bins.length - 1]?.confidence !== floor) bins.push({ from: i === 0 ? 0 : b.from, confidence: floor });
  });
  return bins;
}

export interface ReliabilityRow {
  range: string;
  encounters: number;
  meanConfidence: number;
  exactRate: number;
}

const EDGES = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001];

/** Encounters by calibrated confidence: how many, the mean confidence, the observed exact rate. */
export function reliabilityTable(rows: ReadonlyArray<{ confidence: number; exact: boolean }>): ReliabilityRow[] {
  const out: ReliabilityRow[] = [];
  for (let i = 0; i + 1 < EDGES.length; i++) {
    const lo = EDGES[i] as number,
      hi = EDGES[i + 1] as number;
    const inBin = rows.filter((r) => r.confidence >= lo && r.confidence < hi);
    if (inBin.length === 0) continue;
    out.push({
      range: `${lo.toFixed(2)}-${Math.min(1, hi).toFixed(2)}`,
      encounters: inBin.length,
      meanConfidence: Math.round((inBin.reduce((s, r) => s + r.confidence, 0) / inBin.length) * 1000) / 1000,
      exactRate: Math.round((inBin.filter((r) => r.exact).length / inBin.length) * 1000) / 1000,
    });
  }
  return out;
}

export interface ThresholdChoice {
  threshold: number;
  straightThrough: number;
  precision: number;
  /** Wilson 95 % lower bound of the precision: what so few labelled encounters can show. */
  precisionLowerBound: number;
}

export function wilsonLower(right: number, n: number, z = 1.96): number {
  if (n === 0) return 0;
  const p = right / n;
  const centre = p + (z * z) / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p) + (z * z) / (4 * n)) / n);
  return Math.round(((centre - margin) / (1 + (z * z) / n)) * 1000) / 1000;
}

/**
 * The lowest calibrated confidence at which the encounters that would go straight through reach
 * the precision target (1 when none does: nothing goes straight through).
 */
export function chooseThreshold(scores: readonly LabelledScore[], bins: Bin[], target: number): ThresholdChoice {
  const config = { threshold: 0, targetPrecision: target, calibration: bins, source: '' };
  const rows = scores.filter((s) => s.otherwiseEligible).map((s) => ({ ...s, confidence: calibrated(s.raw, config) }));
  const candidates = [...new Set(rows.map((r) => r.confidence))].sort((a, b) => a - b);
  for (const t of candidates) {
    const through = rows.filter((r) => r.confidence >= t);
    const right = through.filter((r) => r.exact).length;
    if (through.length > 0 && right / through.length >= target) {
      return {
        threshold: t,
        straightThrough: through.length,
        precision: Math.round((right / through.length) * 1000) / 1000,
        precisionLowerBound: wilsonLower(right, through.length),
      };
    }
  }
  return { threshold: 1, straightThrough: 0, precision: 1, precisionLowerBound: 0 };
}

/** What only an independent measurement can say about a calibration record (see `StraightThroughConfig`). */
export type Measurement = Pick<StraightThroughConfig, 'measuredPrecision' | 'measuredOn' | 'measuredAtThreshold'>;

/**
 * The record a recalibration writes: the new table, threshold and source, and the independent
 * measurement carried over from the previous record (or the new one given). A carried-over
 * measurement keeps the threshold it was measured at, so a moved threshold shows that the figure
 * no longer describes the record (the straight-through policy then refuses it).
 */
export function recalibratedRecord(
  previous: Partial<StraightThroughConfig> | undefined,
  fitted: Pick<StraightThroughConfig, 'threshold' | 'targetPrecision' | 'calibration' | 'source'>,
  measured?: { precision: number; on: string },
): StraightThroughConfig {
  if (measured) {
    return { ...fitted, measuredPrecision: measured.precision, measuredOn: measured.on, measuredAtThreshold: fitted.threshold };
  }
  if (previous?.measuredPrecision === undefined || previous.measuredOn === undefined) return { ...fitted };
  return {
    ...fitted,
    measuredPrecision: previous.measuredPrecision,
    measuredOn: previous.measuredOn,
    measuredAtThreshold: previous.measuredAtThreshold ?? previous.threshold ?? fitted.threshold,
  };
}
