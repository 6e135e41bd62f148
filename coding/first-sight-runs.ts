/**
 * First-sight runs: each labelled encounter of a set written by a coder who never saw the engine,
 * as the engine coded it the first time it ran on that set, before anyone read the set's misses
 * or tuned on it. Once a set has been tuned on, the engine does better on it than on records it
 * has never seen, so a calibration fitted on today's engine over tuned sets promises more than the
 * engine keeps; these runs, each at its own commit, are what the engine does on new records.
 * `npm run record:first-sight` appends a new set's runs; `npm run calibrate:coding` fits on them.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { LabelledScore } from './calibration.ts';

export const FirstSightRun = z.object({
  /** The set's file name without .json (test/coding/<set>.json). */
  set: z.string().min(1),
  /** The encounter's id in the set. */
  id: z.string().min(1),
  /** The commit whose engine coded it (short hash). */
  commit: z.string().regex(/^[0-9a-f]{7,40}$/),
  /** The engine's raw encounter score (coding/straight-through.ts rawEncounterScore). */
  raw: z.number().min(0).max(1),
  /** Every gate let it through, the confidence aside. */
  otherwiseEligible: z.boolean(),
  /** The exact code set, and no physician query the labels say it needed was left unasked. */
  billable: z.boolean(),
});
export type FirstSightRun = z.infer<typeof FirstSightRun>;

export const FIRST_SIGHT_RUNS_PATH = fileURLToPath(new URL('../data/coding/first-sight-runs.jsonl', import.meta.url));

/** The runs in the file (one JSON object per line); a malformed line names its line number. */
export function readFirstSightRuns(path = FIRST_SIGHT_RUNS_PATH): FirstSightRun[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const parsed = FirstSightRun.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      return [parsed.data];
    });
}

/** Appends a set's runs; refuses a set already recorded (its first sight is past). */
export function appendFirstSightRuns(runs: readonly FirstSightRun[], path = FIRST_SIGHT_RUNS_PATH): void {
  const recorded = new Set(readFirstSightRuns(path).map((r) => r.set));
  const again = [...new Set(runs.map((r) => r.set))].filter((s) => recorded.has(s));
  if (again.length > 0)
    throw new Error(`first-sight runs of ${again.join(', ')} are already recorded: a set is seen for the first time once`);
  appendFileSync(path, runs.map((r) => `${JSON.stringify(FirstSightRun.parse(r))}\n`).join(''));
}

/** The runs as calibration input, grouped by set (for the leave-one-set-out check). */
export function scoresBySet(runs: readonly FirstSightRun[]): Map<string, LabelledScore[]> {
  const bySet = new Map<string, LabelledScore[]>();
  for (const r of runs) {
    const scores = bySet.get(r.set) ?? [];
    scores.push({ raw: r.raw, exact: r.billable, otherwiseEligible: r.otherwiseEligible });
    bySet.set(r.set, scores);
  }
  return bySet;
}
