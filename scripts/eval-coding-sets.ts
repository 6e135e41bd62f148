/**
 * Evaluates the coding engine on every labelled set in test/coding (or the sets named) and prints
 * one line per set, then the totals: what a change to the engine moved, set by set, in one look.
 *
 *   npm run eval:coding:sets                      every set
 *   npm run eval:coding:sets -- writer-set-79 …   the sets whose file name contains each word
 *   npm run eval:coding:sets -- --misses          each set's misses under its line
 *
 * A line: encounters, top-1, top-3, exact code sets (extra codes), procedures right/expected,
 * straight through (right/through, and those that needed a query), query precision/recall (true
 * positives/raised of needed). Save the output before a change and diff it after.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCodeSets } from '../coding/index.ts';
import { evaluate, readEvalSet, type EvalReport } from './eval-coding.ts';

const SETS_DIR = fileURLToPath(new URL('../test/coding/', import.meta.url));

/** The set files in test/coding whose names contain one of `words` (all of them when none). */
export function setFiles(words: readonly string[], dir = SETS_DIR): string[] {
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const chosen = words.length === 0 ? all : all.filter((f) => words.some((w) => f.includes(w)));
  return chosen.map((f) => join(dir, f));
}

const pct = (n: number) => (n * 100).toFixed(1);

/** One set's figures on one line. */
export function setLine(name: string, r: EvalReport): string {
  const st = r.straightThrough;
  const q = r.queries;
  return [
    name.padEnd(28),
    `n=${String(r.encounters).padStart(3)}`,
    `top1 ${pct(r.top1)} top3 ${pct(r.top3)}`,
    `exact ${pct(r.exactSets)} (+${r.extraCodes})`,
    `px ${r.procedures.correct}/${r.procedures.expected}`,
    `ST ${st.exactAmongThem}/${st.count} needQ ${st.neededQuery}`,
    `gates ${r.gatesPassed.billable}/${r.gatesPassed.count}`,
    `q P/R ${pct(q.precision)}/${pct(q.recall)} (${q.truePositives}/${q.raised} of ${q.expected})`,
  ].join('  ');
}

/** The sums over sets: counts added, rates recomputed from the sums. */
export function totalsLine(reports: readonly EvalReport[]): string {
  const sum = (f: (r: EvalReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const encounters = sum((r) => r.encounters);
  const exact = sum((r) => Math.round(r.exactSets * r.encounters));
  const tp = sum((r) => r.queries.truePositives);
  const raised = sum((r) => r.queries.raised);
  const needed = sum((r) => r.queries.expected);
  const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : pct(a / b));
  return [
    `total of ${reports.length} sets`.padEnd(28),
    `n=${encounters}`,
    `exact ${exact} (${ratio(exact, encounters)}) (+${sum((r) => r.extraCodes)})`,
    `px ${sum((r) => r.procedures.correct)}/${sum((r) => r.procedures.expected)}`,
    `ST ${sum((r) => r.straightThrough.exactAmongThem)}/${sum((r) => r.straightThrough.count)}`,
    `gates ${sum((r) => r.gatesPassed.billable)}/${sum((r) => r.gatesPassed.count)}`,
    `q P/R ${ratio(tp, raised)}/${ratio(tp, needed)} (${tp}/${raised} of ${needed})`,
  ].join('  ');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { misses: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const files = setFiles(positionals);
  if (files.length === 0) throw new Error(`no labelled set in test/coding matches ${positionals.join(', ')}`);
  const codeSets = await loadCodeSets();
  const reports: EvalReport[] = [];
  for (const file of files) {
    const report = evaluate(readEvalSet(file), codeSets);
    reports.push(report);
    console.log(setLine(basename(file, '.json'), report));
    if (values.misses) for (const miss of report.misses) console.log(`    ${miss}`);
  }
  console.log(totalsLine(reports));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
