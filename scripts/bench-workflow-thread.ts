/**
 * `npx tsx scripts/bench-workflow-thread.ts [--sets 30] [--histories a.json,b.json] [--bundle F] [--without-watchdog]`:
 * what the workflow side costs per encounter, away from the server and the database. It replays
 * recorded histories (test/workflows/histories: by default a routine visit's encounter and a
 * statement cycle) `--sets` times through the SDK's replayer, which runs the same sandbox code as
 * a worker's workflow thread (workflow creation, each activation, eviction), and prints the
 * process CPU per set and how many times the SDK entered the workflow sandbox (`vm` runInContext
 * calls) per set. CPU figures move with the machine's load; the counts do not.
 *
 * `--without-watchdog` is a measurement, not a setting: the SDK runs every entry into the sandbox
 * with the isolate execution timeout (deadlock detection), and Node enforces a vm timeout with a
 * watchdog thread created and joined per call. With the flag this process drops the timeout, so
 * the difference between two runs is what those threads cost here.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import vm from 'node:vm';
import proto from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { bundleEncounterWorkflows } from '../worker/workflow-bundle.ts';

const { values: args } = parseArgs({
  options: {
    sets: { type: 'string', default: '30' },
    histories: { type: 'string', default: 'internal-steps-local-paid-v11.json,statement-cycle-held-at-start-v4.json' },
    bundle: { type: 'string' },
    'without-watchdog': { type: 'boolean', default: false },
  },
});
const sets = Number(args.sets);
const files = args.histories.split(',');
const historiesDir = new URL('../test/workflows/histories/', import.meta.url);
const histories = files.map((file) =>
  proto.temporal.api.history.v1.History.fromObject(
    JSON.parse(readFileSync(new URL(file, historiesDir), 'utf8')) as Record<string, unknown>,
  ),
);

let sandboxEntries = 0;
const runInContext = vm.Script.prototype.runInContext;
vm.Script.prototype.runInContext = function (context, options) {
  sandboxEntries++;
  if (args['without-watchdog'] && options?.timeout !== undefined) {
    const { timeout: _dropped, ...rest } = options;
    return runInContext.call(this, context, rest);
  }
  return runInContext.call(this, context, options);
};

Runtime.install({ logger: new DefaultLogger('WARN') });
const code = args.bundle ? readFileSync(args.bundle, 'utf8') : (await bundleEncounterWorkflows({ logger: new DefaultLogger('WARN') })).code;

async function replay(times: number): Promise<void> {
  const runs = Array.from({ length: times }, (_, i) => histories.map((history, j) => ({ workflowId: `replay-${j}-${i}`, history }))).flat();
  for await (const result of Worker.runReplayHistories({ workflowBundle: { code }, replayName: 'workflow-thread-bench' }, runs)) {
    if (result.error) throw new Error(`${result.workflowId}: ${String(result.error)}`);
  }
}

await replay(3); // warm-up: the sandbox, the bundle's modules, V8's code
const entriesBefore = sandboxEntries;
const cpuBefore = process.cpuUsage();
const started = Date.now();
await replay(sets);
const cpu = process.cpuUsage(cpuBefore);
const perSet = (n: number) => (n / sets).toFixed(1);
console.log(`workflow side, ${sets} sets of [${files.join(', ')}]${args['without-watchdog'] ? ' WITHOUT the vm watchdog' : ''}`);
console.log(`  process CPU per set     ${perSet((cpu.user + cpu.system) / 1000)} ms (wall ${perSet(Date.now() - started)} ms)`);
console.log(`  sandbox entries per set ${perSet(sandboxEntries - entriesBefore)}`);
