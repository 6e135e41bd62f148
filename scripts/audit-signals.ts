/**
 * Straight-through audit by review signal: for each labelled set, the encounters every gate lets
 * through, the encounter threshold aside (and how many are billable as coded), and for each reason that keeps an encounter from
 * going through alone, how many right and wrong encounters it holds back (what the reason costs
 * and what it catches). Run on sets a signal was not designed on to judge it honestly.
 *
 * `--query-missed` audits the gate as if the engine had sent no query: each record's open
 * clarification is taken out of its reasons, so a record the set says needed a query, and that
 * nothing else holds, goes through wrong. That is how most wrong records reached a claim on the
 * independent sets (the right codes, and a query a coder would have sent that the engine did not):
 * what the other reasons hold of these is what the gate catches when the query machinery misses.
 *
 *   npx tsx scripts/audit-signals.ts [--records] [--query-missed] set.json [set.json ...]
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { CodingResult, StraightThroughReason } from '../domain/coding.ts';
import { codeEncounter, loadCodeSets } from '../coding/index.ts';
import { straightThroughConfig } from '../coding/straight-through.ts';
import { judgeCodeSet, readEvalSet, toInput } from './eval-coding.ts';

/**
 * The gates alone: the encounter threshold at 0, since the shipped calibration (fitted on
 * first-sight runs) reaches no threshold and would hold every encounter; a code under the
 * engine's own LOW_CONFIDENCE still holds its encounter.
 */
const gatesAlone = { straightThrough: { ...straightThroughConfig(), threshold: 0 } };

interface Tally {
  right: number;
  wrong: number;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { records: { type: 'boolean', default: false }, 'query-missed': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const asked = (result: CodingResult) => !values['query-missed'] && result.clarification !== undefined;
  const codeSets = await loadCodeSets();
  const overall = new Map<StraightThroughReason, Tally>();
  const total = { records: 0, through: 0, right: 0 };
  for (const path of positionals) {
    const sole = new Map<StraightThroughReason, Tally>();
    let through = 0,
      right = 0,
      records = 0;
    const wrongThrough: string[] = [];
    for (const e of readEvalSet(path)) {
      records++;
      const result = codeEncounter(toInput(e), codeSets, gatesAlone);
      const dx = result.diagnoses.map((d) => d.code);
      const { exact } = judgeCodeSet(e, result);
      const billable = exact && (asked(result) || !e.expect.query);
      const reasons = result.straightThrough.reasons.filter((r) => asked(result) || r !== 'open-clarification');
      if (values.records) console.log(`  ${e.id} ${billable ? 'right' : 'WRONG'} [${dx.join(' ')}] ${reasons.join(',') || 'THROUGH'}`);
      if (reasons.length === 0) {
        through++;
        if (billable) right++;
        else wrongThrough.push(`${e.id} [${dx.join(' ')}] expected [${e.expect.dx.join(' ')}]${exact ? ', a query needed' : ''}`);
      } else if (reasons.length === 1) {
        const r = reasons[0] as StraightThroughReason;
        for (const m of [sole, overall]) {
          const t = m.get(r) ?? { right: 0, wrong: 0 };
          if (billable) t.right++;
          else t.wrong++;
          m.set(r, t);
        }
      }
    }
    console.log(
      `${relative(process.cwd(), path)}: straight through ${through} of ${records} (rate ${(through / Math.max(records, 1)).toFixed(3)}), ${right} right, precision ${through ? (right / through).toFixed(3) : 'n/a'}`,
    );
    total.records += records;
    total.through += through;
    total.right += right;
    for (const w of wrongThrough) console.log(`    through wrong: ${w}`);
    for (const [r, t] of [...sole].sort()) console.log(`    held back by ${r} alone: ${t.right} right (cost), ${t.wrong} wrong (caught)`);
  }
  if (positionals.length > 1) {
    console.log(
      `all sets: straight through ${total.through} of ${total.records} (rate ${(total.through / Math.max(total.records, 1)).toFixed(3)}), ${total.right} right, precision ${total.through ? (total.right / total.through).toFixed(3) : 'n/a'}`,
    );
    console.log('all sets, held back by one reason alone:');
    for (const [r, t] of [...overall].sort()) console.log(`    ${r}: ${t.right} right (cost), ${t.wrong} wrong (caught)`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
