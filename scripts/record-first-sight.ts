/**
 * Records a new labelled set's first-sight runs (coding/first-sight-runs.ts): the engine at HEAD
 * codes every encounter once and each one's raw score, gates and outcome are appended to
 * data/coding/first-sight-runs.jsonl with the commit. Run it the first time the engine sees a set
 * written by a coder who never saw the engine, before anyone reads its misses; a set already
 * recorded is refused. Then `npm run calibrate:coding` refits on all first-sight runs.
 *
 *   npm run record:first-sight -- --set test/coding/writer-set-NN.json [--dry-run]
 */
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCodeSets } from '../coding/index.ts';
import { appendFirstSightRuns, type FirstSightRun } from '../coding/first-sight-runs.ts';
import { evaluate, readEvalSet } from './eval-coding.ts';

/** The commit the runs are of; the engine's files must be as committed, or the record would lie. */
function headCommit(): string {
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'coding', 'data/coding', 'domain'], { encoding: 'utf8' }).trim();
  if (dirty !== '') throw new Error('the engine has uncommitted changes (coding/, data/coding/, domain/): commit them first');
  return execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], { encoding: 'utf8' }).trim();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { set: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  if (!values.set) throw new Error('--set path/to/set.json is required');
  const commit = headCommit();
  const set = basename(values.set, '.json');
  const report = evaluate(readEvalSet(values.set), await loadCodeSets());
  const runs: FirstSightRun[] = report.scores.map((s) => ({
    set,
    id: s.id,
    commit,
    raw: s.raw,
    otherwiseEligible: s.otherwiseEligible,
    billable: s.exact,
  }));
  const passed = runs.filter((r) => r.otherwiseEligible);
  console.log(
    `${set} at ${commit}: ${runs.length} encounters, ${passed.length} pass every gate, ${passed.filter((r) => r.billable).length} of them billable as coded`,
  );
  if (values['dry-run']) return;
  appendFirstSightRuns(runs);
  console.log('  appended to data/coding/first-sight-runs.jsonl');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
