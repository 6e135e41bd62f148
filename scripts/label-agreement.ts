/**
 * How far two coders agree on the same records: the writer's labels of a set and a second coder's
 * labels of the same encounters (test/coding/second-coder/<set>.json, coded blind to the first).
 * What a careful human reaches against one coder's labels is the ceiling any figure measured
 * against them can mean: a straight-through precision target above it measures the labels.
 *
 *   npm run labels:agreement -- test/coding/writer-set-81.json [test/coding/writer-set-82.json ...]
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readEvalSet, type EvalEncounter } from './eval-coding.ts';

type Labels = EvalEncounter['expect'];

export interface Agreement {
  encounters: number;
  /** The first coder's diagnosis codes the second also chose, of all the first chose. */
  diagnosesFound: number;
  diagnoses: number;
  /** Diagnoses and procedures the same set, and the same query decision: billable alike. */
  billableAlike: number;
  queryAgree: number;
  /** Records neither coder would query, and how many of those have the same code set. */
  neitherQueries: number;
  sameWhereNeitherQueries: number;
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((c) => b.includes(c)) && new Set(a).size === new Set(b).size;

export function agreement(first: ReadonlyMap<string, Labels>, second: ReadonlyMap<string, Labels>): Agreement {
  const a: Agreement = {
    encounters: 0,
    diagnosesFound: 0,
    diagnoses: 0,
    billableAlike: 0,
    queryAgree: 0,
    neitherQueries: 0,
    sameWhereNeitherQueries: 0,
  };
  for (const [id, one] of first) {
    const two = second.get(id);
    if (!two) throw new Error(`the second coder's labels have no encounter ${id}`);
    a.encounters++;
    a.diagnoses += one.dx.length;
    a.diagnosesFound += one.dx.filter((c) => two.dx.includes(c)).length;
    const codes = sameSet(one.dx, two.dx) && sameSet(one.px, two.px);
    if (one.query === two.query) a.queryAgree++;
    if (codes && one.query === two.query) a.billableAlike++;
    if (!one.query && !two.query) {
      a.neitherQueries++;
      if (codes) a.sameWhereNeitherQueries++;
    }
  }
  return a;
}

/** The second coder's labels of a set: test/coding/second-coder/<set file name>. */
export function secondCoderPath(setPath: string): string {
  return join(dirname(setPath), 'second-coder', basename(setPath));
}

function labelsOf(encounters: ReadonlyArray<{ id: string; expect: Labels }>): Map<string, Labels> {
  return new Map(encounters.map((e) => [e.id, e.expect]));
}

function main(): void {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length === 0) throw new Error('name one or more set files that have a second coder’s labels');
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((a / b) * 100).toFixed(1)} %`);
  for (const path of positionals) {
    const second = secondCoderPath(path);
    if (!existsSync(second)) throw new Error(`no second coder's labels at ${second}`);
    const theirs = (JSON.parse(readFileSync(second, 'utf8')) as { encounters: Array<{ id: string; expect: Labels }> }).encounters;
    const a = agreement(labelsOf(readEvalSet(path)), labelsOf(theirs));
    console.log(
      `${basename(path)}: ${a.encounters} encounters; the first coder's diagnoses the second chose ${a.diagnosesFound}/${a.diagnoses} (${pct(a.diagnosesFound, a.diagnoses)}); ` +
        `billable alike (same codes, same query decision) ${a.billableAlike} (${pct(a.billableAlike, a.encounters)}); query decision alike ${a.queryAgree}; ` +
        `neither queries ${a.neitherQueries}, same codes on ${a.sameWhereNeitherQueries} (${pct(a.sameWhereNeitherQueries, a.neitherQueries)})`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
