/** Child processes of `npm run chaos`: spawned with tsx, logged to files, killed by pid. */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Set when the run itself stops the process (a kill or a restart): any other exit is a crash. */
  stopRequested: boolean;
}

/** Runs `node --import tsx <script>` with `env` added; stdout and stderr go to logDir/<name>.log. */
export function spawnTsx(name: string, script: string, args: string[], env: Record<string, string>, logDir: string): ManagedProcess {
  const logFile = join(logDir, `${name}.log`);
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  return { name, child, logFile, stopRequested: false };
}

/** Waits until the process's log contains `text` (after `fromLength` characters), or fails after timeoutMs. */
export async function waitForLog(proc: ManagedProcess, text: string, timeoutMs: number, fromLength = 0): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (readFileSync(proc.logFile, 'utf8').slice(fromLength).includes(text)) return;
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode}) before "${text}"; see ${proc.logFile}`);
    await sleep(200);
  }
  throw new Error(`${proc.name} did not log "${text}" within ${timeoutMs} ms; see ${proc.logFile}`);
}

export function logLength(proc: ManagedProcess): number {
  return readFileSync(proc.logFile, 'utf8').length;
}

/** SIGKILL (kill -9) or SIGTERM, then waits for the exit. */
export async function stopProcess(proc: ManagedProcess, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  proc.stopRequested = true;
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.child.once('exit', () => resolve()));
  proc.child.kill(signal);
  await Promise.race([exited, sleep(15_000).then(() => proc.child.kill('SIGKILL'))]);
  await exited;
}

/** Processes that exited although nobody stopped them, e.g. `insurer (exit 1)`. */
export function crashedProcesses(processes: Iterable<ManagedProcess>): string[] {
  const crashed: string[] = [];
  for (const proc of processes) {
    const { exitCode, signalCode } = proc.child;
    if (!proc.stopRequested && (exitCode !== null || signalCode !== null))
      crashed.push(`${proc.name} (${signalCode ?? `exit ${exitCode}`})`);
  }
  return crashed;
}

/** The last `lines` lines of a process's log, for the report of a failed run. */
export function logTail(proc: ManagedProcess, lines = 15): string {
  return readFileSync(proc.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
