/**
 * Whether encounters may be billed without a coder. Off unless the clinic names a calibration
 * record (CODING_STRAIGHT_THROUGH_CALIBRATION) that states a straight-through precision of at
 * least 98 % measured on labelled records, and where it was measured. Off, every encounter waits
 * in coder_review and a coder confirms its codes in one action: a wrong claim never goes out unseen.
 * A record that does not qualify stops the worker at start-up with the reason. A record may carry
 * its own calibration table: the engine then reads its confidence with that table, so the
 * threshold and the table it was chosen on travel together.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The least straight-through precision (exact code set right) a calibration must show to enable it. */
export const MIN_STRAIGHT_THROUGH_PRECISION = 0.98;

/** Raw encounter scores from `from` on read as `confidence` (coding/straight-through.ts). */
export type CalibrationTable = Array<{ from: number; confidence: number }>;

export type StraightThroughPolicy =
  | { enabled: false; why: string }
  | {
      enabled: true;
      threshold: number;
      measuredPrecision: number;
      measuredOn: string;
      path: string;
      /** The record's own table; absent: the engine's shipped table. */
      calibration?: CalibrationTable;
    };

export const STRAIGHT_THROUGH_OFF: StraightThroughPolicy = {
  enabled: false,
  why: 'straight-through billing is off (CODING_STRAIGHT_THROUGH_CALIBRATION unset): a coder confirms every encounter',
};

const calibrationRecord = z.object({
  threshold: z.number().min(0).max(1),
  measuredPrecision: z.number().min(0).max(1),
  measuredOn: z.string().min(1),
  /** The threshold in force when the precision was measured (written by `npm run calibrate:coding`). */
  measuredAtThreshold: z.number().min(0).max(1).optional(),
  calibration: z.array(z.object({ from: z.number().min(0).max(1), confidence: z.number().min(0).max(1) })).optional(),
});

export function loadStraightThroughPolicy(calibrationPath: string | undefined): StraightThroughPolicy {
  if (calibrationPath === undefined) return STRAIGHT_THROUGH_OFF;
  const refuse = (why: string) =>
    new Error(
      `straight-through billing cannot be enabled with ${calibrationPath}: ${why}. Unset CODING_STRAIGHT_THROUGH_CALIBRATION to have a coder confirm every encounter.`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(calibrationPath, 'utf8'));
  } catch (error) {
    throw refuse(`the file could not be read (${(error as Error).message})`);
  }
  const parsed = calibrationRecord.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse(`${issue.path.join('.') || 'the record'}: ${issue.message} (it must state threshold, measuredPrecision and measuredOn)`);
  }
  const { threshold, measuredPrecision, measuredOn, measuredAtThreshold, calibration } = parsed.data;
  if (measuredAtThreshold !== undefined && measuredAtThreshold !== threshold) {
    throw refuse(
      `its precision ${measuredPrecision} was measured at threshold ${measuredAtThreshold}, and the threshold is now ${threshold} (recalibrated since): measure again on independent records`,
    );
  }
  if (measuredPrecision < MIN_STRAIGHT_THROUGH_PRECISION) {
    throw refuse(
      `its measured straight-through precision is ${measuredPrecision} (${measuredOn}); at least ${MIN_STRAIGHT_THROUGH_PRECISION} is required`,
    );
  }
  return { enabled: true, threshold, measuredPrecision, measuredOn, path: calibrationPath, ...(calibration ? { calibration } : {}) };
}
