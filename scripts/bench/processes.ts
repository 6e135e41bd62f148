/**
 * Child processes of the benchmarks and the cluster profile (the product's worker and API, the
 * no-op worker, the Temporal server), each with its own environment; stopped with SIGTERM (their orderly shutdown), then
 * SIGKILL after a grace period. Their output goes to a log file, not to the benchmark's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../platform/project-root.ts';

export interface NodeProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  logFile: string;
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** A TypeScript entry point, relative to the project root, run by Node through tsx ... */
  script?: string;
  /** ... or any other executable with its arguments. */
  command?: string;
  args?: string[];
  env: Record<string, string | undefined>;
  logDir: string;
  /** Resolves when the process is ready, e.g. when it logs a line or a port answers. */
  ready: (output: { text: string }) => Promise<boolean> | boolean;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

export async function startNodeProcess(opts: StartOptions): Promise<NodeProcess> {
  const logFile = join(opts.logDir, `${opts.name}.log`);
  const log = createWriteStream(logFile);
  const [command, args] = opts.command
    ? [opts.command, opts.args ?? []]
    : [process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', opts.script ?? '', ...(opts.args ?? [])]];
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  const capture = (chunk: Buffer) => {
    log.write(chunk);
    if (output.text.length < 200_000) output.text += chunk.toString();
  };
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${opts.name} exited before it was ready (see ${logFile}):\n${output.text.slice(-2000)}`);
    }
    if (await opts.ready(output)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} was not ready in time (see ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name: opts.name,
    pid: child.pid!,
    child,
    logFile,
    async stop(graceMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };
}

/** Ready when the output contains the text. */
export const whenLogged = (text: string) => (output: { text: string }) => output.text.includes(text);
