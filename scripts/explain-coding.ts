/**
 * Codes one record of a labelled set and prints what the engine chose and why: each diagnosis with its
 * confidence, rationale and first evidence, each procedure with its units and rationale, the written
 * codes it changed, the query it would send, whether the record goes straight through, and what the set
 * expects. For reading one miss of `npm run eval:coding:sets -- --misses` without a debugger.
 *
 *   npm run explain:coding -- --set test/coding/writer-set-53.json --id ID
 *   npm run explain:coding -- --set writer-set-53 --id ID        (a set of test/coding by name)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CodingResult, Evidence } from '../domain/coding.ts';
import { codeEncounter, loadCodeSets } from '../coding/index.ts';
import { readEvalSet, toInput, type EvalEncounter } from './eval-coding.ts';

const SETS_DIR = fileURLToPath(new URL('../test/coding/', import.meta.url));

/** The set file `set` names: a path, or the name of a set in test/coding ("writer-set-53", with or without ".json"). */
export function setPath(set: string, dir = SETS_DIR): string {
  if (existsSync(set)) return set;
  const named = join(dir, set.endsWith('.json') ? set : `${set}.json`);
  if (existsSync(named)) return named;
  throw new Error(`no labelled set at ${set} nor in test/coding`);
}

/** The record of `encounters` with the id given. */
export function recordOf(encounters: readonly EvalEncounter[], id: string): EvalEncounter {
  const found = encounters.find((e) => e.id === id);
  if (!found) throw new Error(`the set has no record with id ${id}`);
  return found;
}

const quoted = (e: Evidence | undefined) => (e ? ` | ${e.section}: "${e.text}"` : '');
const listed = (codes: readonly string[] | undefined) => (codes && codes.length > 0 ? codes.join(', ') : '-');

/** What to print for one coded record: the engine's choices with their reasons, then the labels. */
export function explanation(e: EvalEncounter, r: CodingResult): string[] {
  const lines = [`record ${e.id}`];
  for (const d of r.diagnoses) lines.push(`dx ${d.code} ${d.confidence.toFixed(2)} ${d.rationale}${quoted(d.evidence[0])}`);
  for (const p of r.procedures) lines.push(`px ${p.code} x${p.units} ${p.rationale}`);
  for (const w of r.documentedCodes.filter((d) => d.outcome !== 'kept'))
    lines.push(`written ${w.code} ${w.outcome}${w.codedAs ? ` to ${w.codedAs.join(', ')}` : ''}: ${w.reason}`);
  lines.push(r.clarification ? `query ${r.clarification.question} (${r.clarification.reason})` : 'query none');
  const st = r.straightThrough;
  lines.push(`straight through ${st.eligible ? 'yes' : `no (${st.reasons.join(', ')})`}`);
  lines.push(`expected dx ${listed(e.expect.dx)}; px ${listed(e.expect.px)}; query ${e.expect.query ? 'yes' : 'no'}`);
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { set: { type: 'string' }, id: { type: 'string' } } });
  if (!values.set || !values.id) throw new Error('usage: npm run explain:coding -- --set SET --id ID');
  const record = recordOf(readEvalSet(setPath(values.set)), values.id);
  const result = codeEncounter(toInput(record), await loadCodeSets());
  for (const line of explanation(record, result)) console.log(line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
