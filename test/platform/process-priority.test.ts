// The worker runs below the API (platform/process-priority.ts): every thread of the process,
// those it had and those it starts afterwards. Run in a child process: a process cannot take back
// a nice value it gave itself, and the test runner's own must stay as it is.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';

const MODULE = fileURLToPath(new URL('../../platform/process-priority.ts', import.meta.url));

/** Runs `code` (an ES module body with lowerOwnPriority imported) in a fresh Node process; its stdout as JSON. */
function inChild(code: string): unknown {
  const body = `import { lowerOwnPriority } from ${JSON.stringify(MODULE)};\n${code}`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', body], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** Each thread's nice value from /proc (field 19 of its stat line, after the command name). */
const THREAD_NICES = `
  import { readdirSync, readFileSync } from 'node:fs';
  const nices = () => readdirSync('/proc/self/task').map((tid) => Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]));
`;

describe('lowerOwnPriority', () => {
  it.runIf(existsSync('/proc/self/task'))('lowers every thread the process has and the threads it starts later', () => {
    const result = inChild(`${THREAD_NICES}
      const { Worker } = await import('node:worker_threads');
      const before = nices();
      const answered = lowerOwnPriority(7);
      const after = nices();
      // The worker stays alive until terminated: the count below never depends on how fast the machine is.
      const worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
      await new Promise((resolve) => worker.once('online', resolve));
      const withWorker = nices();
      await worker.terminate();
      console.log(JSON.stringify({ before, answered, after, withWorker }));
    `) as { before: number[]; answered: number; after: number[]; withWorker: number[] };
    // Node has several threads (V8's platform workers, libuv's) before any code of ours runs.
    expect(result.before.length).toBeGreaterThan(1);
    expect(result.before.every((nice) => nice === result.before[0])).toBe(true);
    expect(result.answered).toBe(7);
    expect(result.after).toEqual(result.after.map(() => 7));
    expect(result.withWorker.length).toBeGreaterThan(result.after.length);
    expect(result.withWorker).toEqual(result.withWorker.map(() => 7));
  });

  it('never lowers a nice value the process already has, and 0 changes nothing', () => {
    const result = inChild(`
      const { getPriority } = await import('node:os');
      const start = getPriority(0);
      const unchanged = lowerOwnPriority(start);
      const raised = lowerOwnPriority(start + 5);
      const notBack = lowerOwnPriority(start + 2);
      console.log(JSON.stringify({ start, unchanged, raised, notBack }));
    `) as { start: number; unchanged: number; raised: number; notBack: number };
    expect(result.unchanged).toBe(result.start);
    expect(result.raised).toBe(result.start + 5);
    expect(result.notBack).toBe(result.start + 5);
  });
});

describe('WORKER_NICE', () => {
  it('is 0 (off) unless set, 0 to 19', () => {
    expect(loadConfig({}).workerNice).toBe(0);
    expect(loadConfig({ WORKER_NICE: '10' }).workerNice).toBe(10);
    expect(() => loadConfig({ WORKER_NICE: '20' })).toThrow(/^WORKER_NICE must be at most 19$/);
    expect(() => loadConfig({ WORKER_NICE: '-5' })).toThrow(/^WORKER_NICE/);
  });
});
