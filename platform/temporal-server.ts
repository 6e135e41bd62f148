/**
 * Runs the Temporal dev server (`temporal server start-dev`) as a child process for local use.
 *
 * State lives in `<dataDir>/temporal.sqlite`, so stopping and starting again on the same
 * dataDir keeps running workflows. The server's output goes to `<dataDir>/temporal-server.log`,
 * not to our stdout. The child is killed when this process exits (including on SIGINT/SIGTERM/
 * SIGHUP); a SIGKILL of this process cannot be intercepted and would leave it running.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, open } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureTemporalCli } from './temporal-cli.ts';
import { searchAttributeCliArgs } from './search-attributes.ts';

export interface DevServerOptions {
  /** Directory for the SQLite database and the server log; created if missing. */
  dataDir: string;
  /** Frontend gRPC port; a free port is picked when omitted. */
  port?: number;
  /** Web UI port; the UI is disabled (headless) when omitted. */
  uiPort?: number;
  /** The codec server the Web UI calls to decode payloads (`--ui-codec-endpoint`), with a UI only. */
  uiCodecEndpoint?: string;
  /** Namespace created at startup (default "default"). */
  namespace?: string;
  /** How long to wait for the server to accept connections (default 60 s). */
  startupTimeoutMs?: number;
  /** State in memory only (no temporal.sqlite), lost when the server stops: for tests. */
  inMemory?: boolean;
  /** More `temporal server start-dev` arguments (e.g. `--dynamic-config-value K=V`). */
  extraArgs?: string[];
}

export interface RunningDevServer {
  /** 127.0.0.1:port of the frontend. */
  address: string;
  namespace: string;
  uiUrl?: string;
  pid: number;
  logFile: string;
  /** SIGTERM, then SIGKILL if the server has not exited within 10 s. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

/** Asks the OS for a currently free TCP port on 127.0.0.1. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('Could not find a free port'))));
    });
  });
}

// --- children that must not outlive us ---------------------------------------------------

const liveServers = new Set<ChildProcess>();
let exitHooksInstalled = false;

function killLiveServers(): void {
  for (const child of liveServers) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  liveServers.clear();
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', killLiveServers);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      // When the program handles the signal itself (npm start does), it stops the server in
      // order with stop(): nothing to do here. Otherwise kill it and keep Node's default.
      if (process.listenerCount(signal) > 1) return;
      killLiveServers();
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

// --- start / wait / stop ---------------------------------------------------------------------

/** The server process ended before it served (e.g. a port it needs was taken): a new start may succeed. */
export class DevServerExitedError extends Error {}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilServing(
  child: ChildProcess,
  address: string,
  namespace: string,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let childExited = false;
  void exited(child).then(() => {
    childExited = true;
  });
  for (;;) {
    if (childExited) {
      throw new DevServerExitedError(
        `Temporal dev server exited during startup (code ${child.exitCode ?? child.signalCode}); see ${logFile}`,
      );
    }
    // A lazy connection plus a per-call deadline: a peer that accepts TCP but never answers
    // (another program on the port) must not stall us.
    const connection = Connection.lazy({ address });
    try {
      await connection.withDeadline(Date.now() + 1_000, () => connection.workflowService.describeNamespace({ namespace }));
      return;
    } catch {
      // not up yet
    } finally {
      await connection.close();
    }
    if (Date.now() > deadline) {
      throw new Error(`Temporal dev server did not accept connections within ${timeoutMs} ms; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Starts `temporal server start-dev` with encounterflow's search attributes and waits until it serves. */
export async function startTemporalDevServer(opts: DevServerOptions): Promise<RunningDevServer> {
  const cli = await ensureTemporalCli();
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const port = opts.port ?? (await findFreePort());
  const namespace = opts.namespace ?? 'default';
  const address = `127.0.0.1:${port}`;
  const logFile = path.join(dataDir, 'temporal-server.log');

  const args = [
    'server',
    'start-dev',
    ...(opts.inMemory ? [] : ['--db-filename', path.join(dataDir, 'temporal.sqlite')]),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    namespace,
    '--log-format',
    'json',
    '--log-level',
    'warn',
    ...(opts.uiPort === undefined ? ['--headless'] : ['--ui-port', String(opts.uiPort), '--ui-disable-news-fetch']),
    ...(opts.uiPort !== undefined && opts.uiCodecEndpoint !== undefined ? ['--ui-codec-endpoint', opts.uiCodecEndpoint] : []),
    ...searchAttributeCliArgs(),
    ...(opts.extraArgs ?? []),
  ];

  const log = await open(logFile, 'a');
  let child: ChildProcess;
  try {
    await log.write(`--- ${new Date().toISOString()} temporal ${args.join(' ')}\n`);
    // Its own process group: a Ctrl-C in the terminal reaches only us, and we stop the server
    // after the worker has drained, instead of both going down at once.
    child = spawn(cli, args, { stdio: ['ignore', log.fd, log.fd], detached: true });
  } finally {
    // The child holds its own copy of the descriptor.
    await log.close();
  }
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  spawnError.catch(() => undefined);
  if (child.pid === undefined) await spawnError;
  const pid = child.pid as number;

  installExitHooks();
  liveServers.add(child);
  void exited(child).then(() => liveServers.delete(child));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    try {
      await done;
    } finally {
      clearTimeout(timer);
      liveServers.delete(child);
    }
  };

  try {
    await waitUntilServing(child, address, namespace, opts.startupTimeoutMs ?? 60_000, logFile);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    address,
    namespace,
    pid,
    logFile,
    ...(opts.uiPort === undefined ? {} : { uiUrl: `http://127.0.0.1:${opts.uiPort}` }),
    stop,
  };
}
