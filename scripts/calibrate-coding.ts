/**
 * Calibrates the encounter confidence and writes the calibration table and the straight-through
 * threshold to data/coding/straight-through.json, with where they came from. By default it fits on
 * the first-sight runs (coding/first-sight-runs.ts: each independent set as the engine coded it
 * before anyone tuned on it); given set files instead, it fits on today's engine over those sets,
 * which is optimistic when the sets were tuned on. Also prints a leave-one-set-out check: the
 * threshold chosen on the other sets, applied to each set.
 * The independent measurement in the record (`measuredPrecision`, `measuredOn`: straight-through
 * precision on records the engine was not tuned on) is kept with the threshold it was measured at,
 * or replaced by the one given with --measured-precision and --measured-on.
 *
 *   npx tsx scripts/calibrate-coding.ts [--target 0.98] [--dry-run]
 *     [--measured-precision 0.97 --measured-on "which records, when"] [set.json ...]
 *   (no set files: the first-sight runs of data/coding/first-sight-runs.jsonl)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseThreshold, fitIsotonic, recalibratedRecord, wilsonLower, type LabelledScore } from '../coding/calibration.ts';
import { loadCodeSets } from '../coding/index.ts';
import { FIRST_SIGHT_RUNS_PATH, readFirstSightRuns, scoresBySet } from '../coding/first-sight-runs.ts';
import { calibrated, STRAIGHT_THROUGH_CONFIG_PATH, type StraightThroughConfig } from '../coding/straight-through.ts';
import { evaluate, readEvalSet } from './eval-coding.ts';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      target: { type: 'string', default: '0.98' },
      'dry-run': { type: 'boolean', default: false },
      'measured-precision': { type: 'string' },
      'measured-on': { type: 'string' },
    },
    allowPositionals: true,
  });
  const target = Number(values.target);
  if (!(target > 0 && target <= 1)) throw new Error('--target must be in (0, 1]');
  const measured = measurementOf(values['measured-precision'], values['measured-on']);
  const { bySet, from } = positionals.length ? await todaysEngineOn(positionals) : firstSightRuns();
  const sets = [...bySet.keys()];
  const all = [...bySet.values()].flat();
  const bins = fitIsotonic(all);
  const choice = chooseThreshold(all, bins, target);

  console.log(`Calibration on ${all.length} encounters of ${sets.length} sets (${from}), target straight-through precision ${target}`);
  console.log('  isotonic bins (raw score from → calibrated confidence):');
  for (const b of bins) console.log(`    ${b.from.toFixed(3)} → ${b.confidence.toFixed(3)}`);
  console.log(
    `  threshold ${choice.threshold}: ${choice.straightThrough} straight through, precision ${choice.precision} (Wilson 95 % lower bound ${choice.precisionLowerBound})`,
  );

  console.log('  leave-one-set-out (threshold and table fitted on the other sets):');
  for (const [path, scores] of bySet) {
    const rest = [...bySet.entries()].filter(([p]) => p !== path).flatMap(([, s]) => s);
    const restBins = fitIsotonic(rest);
    const restChoice = chooseThreshold(rest, restBins, target);
    const cfg: StraightThroughConfig = { threshold: restChoice.threshold, targetPrecision: target, calibration: restBins, source: '' };
    const through = scores.filter((s) => s.otherwiseEligible && calibrated(s.raw, cfg) >= cfg.threshold);
    const right = through.filter((s) => s.exact).length;
    console.log(
      `    ${relative(process.cwd(), path).padEnd(32)} threshold ${restChoice.threshold.toFixed(3)}  straight through ${through.length}/${scores.length}  precision ${through.length ? (right / through.length).toFixed(3) : 'n/a'} (lower bound ${wilsonLower(right, through.length)})`,
    );
  }

  const fitted = {
    threshold: choice.threshold,
    targetPrecision: target,
    calibration: bins,
    source:
      `npm run calibrate:coding on ${new Date().toISOString().slice(0, 10)}: isotonic fit on ${all.length} labelled encounters of ${sets.length} sets (${from}); ` +
      (choice.straightThrough === 0
        ? `no calibrated confidence reaches straight-through precision ${target} on them (threshold 1: nothing goes straight through).`
        : `threshold = lowest calibrated confidence with straight-through precision >= ${target} on them: ${choice.straightThrough} encounters, precision ${choice.precision}, Wilson 95 % lower bound ${choice.precisionLowerBound}.`),
  };
  const previous = existsSync(STRAIGHT_THROUGH_CONFIG_PATH)
    ? (JSON.parse(readFileSync(STRAIGHT_THROUGH_CONFIG_PATH, 'utf8')) as Partial<StraightThroughConfig>)
    : undefined;
  const config = recalibratedRecord(previous, fitted, measured);
  console.log(
    config.measuredPrecision === undefined
      ? '  no independent measurement recorded (straight-through billing stays off)'
      : `  independent measurement: precision ${config.measuredPrecision} at threshold ${config.measuredAtThreshold} (${config.measuredOn})${config.measuredAtThreshold === config.threshold ? '' : ' -- measured at another threshold: re-measure before enabling'}`,
  );
  if (values['dry-run']) return;
  writeFileSync(STRAIGHT_THROUGH_CONFIG_PATH, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`  written to ${relative(process.cwd(), STRAIGHT_THROUGH_CONFIG_PATH)}`);
}

/** The first-sight runs, by set. */
function firstSightRuns(): { bySet: Map<string, LabelledScore[]>; from: string } {
  const runs = readFirstSightRuns();
  if (runs.length === 0)
    throw new Error(`no first-sight runs in ${relative(process.cwd(), FIRST_SIGHT_RUNS_PATH)}: name set files to fit on`);
  const commits = new Set(runs.map((r) => r.commit)).size;
  return {
    bySet: scoresBySet(runs),
    from: `first-sight runs of ${relative(process.cwd(), FIRST_SIGHT_RUNS_PATH)}, each set as the engine coded it before anyone tuned on it, at ${commits} commits`,
  };
}

/** Today's engine on the given sets (optimistic when they were tuned on). */
async function todaysEngineOn(paths: readonly string[]): Promise<{ bySet: Map<string, LabelledScore[]>; from: string }> {
  const codeSets = await loadCodeSets();
  const bySet = new Map<string, LabelledScore[]>();
  for (const path of paths) bySet.set(relative(process.cwd(), path), evaluate(readEvalSet(path), codeSets).scores);
  return { bySet, from: `today's engine on ${[...bySet.keys()].join(', ')}; optimistic for sets it was tuned on` };
}

function measurementOf(precision: string | undefined, on: string | undefined): { precision: number; on: string } | undefined {
  if (precision === undefined && on === undefined) return undefined;
  const p = Number(precision);
  if (!(p >= 0 && p <= 1) || !on?.trim()) throw new Error('--measured-precision (0..1) and --measured-on (which records) go together');
  return { precision: p, on: on.trim() };
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
