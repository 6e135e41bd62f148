/**
 * `npm start` runs the worker and the API as two child processes (app/service-process.ts), so
 * each has its own event loop and core: on two cores the API answers while the worker codes and
 * bills, and neither waits for the other's garbage collection. Settings travel over the IPC
 * channel (advanced serialisation: TLS buffers survive), not through the environment.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExternalParties } from '../worker/dependencies.ts';
import type { AppConfig } from './config.ts';
import { createLogger } from './logger.ts';
import type { TemporalSettings } from './temporal-connection.ts';

const log = createLogger('start');

export interface ServiceStart {
  type: 'start';
  role: 'worker' | 'api';
  config: AppConfig;
  temporal: TemporalSettings;
  databaseUrl: string;
  parties: ExternalParties;
}

export type ServiceMessage = { type: 'ready'; url?: string } | { type: 'failed'; error: string } | { type: 'stopped' };

export interface ServiceProcess {
  pid: number;
  url?: string;
  /** Asks the service to stop (the worker drains its activities), then waits for it to exit. */
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL(`../app/service-process.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));
const STOP_TIMEOUT_MS = 60_000;

export async function startServiceProcess(start: Omit<ServiceStart, 'type'>): Promise<ServiceProcess> {
  const child: ChildProcess = fork(ENTRY, [], { serialization: 'advanced', stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url?: string }>((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`the ${start.role} process exited during start (${signal ?? `code ${code}`})`)));
    child.on('message', (message: ServiceMessage) => {
      if (message.type === 'ready') resolve({ url: message.url });
      if (message.type === 'failed') reject(new Error(`the ${start.role} process failed to start: ${message.error}`));
    });
    child.send({ type: 'start', ...start } satisfies ServiceStart);
  }).catch(async (err: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw err;
  });
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) log.error(`the ${start.role} process exited on its own`, { code, signal });
  });
  return {
    pid: child.pid!,
    url: ready.url,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
