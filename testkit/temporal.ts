/**
 * Temporal test environments backed by project-provisioned servers (nothing is downloaded at run time).
 *
 * - createLocalTestEnv(): the real dev server (Temporal CLI) with encounterflow's search attributes;
 *   full server behaviour, real time. With TEST_TEMPORAL_ADDRESS (host:port; namespace from
 *   TEST_TEMPORAL_NAMESPACE, default `default`) it connects to that server instead, e.g. the
 *   cluster profile's real server (`npm run cluster -- --server-only`), which must have the
 *   search attributes registered; each stack has its own task queue, so tests can share it.
 * - createTimeSkippingTestEnv(): Temporal's Java test server; awaiting a workflow result skips
 *   timers, so a 3-day sleep finishes in well under a second. It has no visibility list API.
 *
 * Always `await env.teardown()` (e.g. in afterAll).
 *
 * Both install a WARN-level SDK logger on first use, so worker state changes don't flood test
 * output; set TEMPORAL_TEST_LOG_LEVEL (TRACE|DEBUG|INFO|WARN|ERROR) to see more.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LogLevel } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import proto from '@temporalio/proto';
import { encounterSearchAttributes } from '../platform/search-attributes.ts';
import { DevServerExitedError, findFreePort, startTemporalDevServer } from '../platform/temporal-server.ts';
import { ensureTemporalTestServer, listening } from './temporal-test-server.ts';
import { messageProofInterceptor } from '../platform/message-proof.ts';
import { TEST_MESSAGE_PROOF_KEYS } from './fake-activities.ts';
import { until } from './poll.ts';

const logLevels: readonly LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
let runtimeConfigured = false;

/** Installs a quieter SDK runtime logger once per process, unless a runtime already exists. */
export function quietTemporalRuntimeLogs(): void {
  if (runtimeConfigured) return;
  runtimeConfigured = true;
  const wanted = process.env['TEMPORAL_TEST_LOG_LEVEL']?.toUpperCase();
  const level = logLevels.find((candidate) => candidate === wanted) ?? 'WARN';
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // A runtime was already created by this process (e.g. by a test's own setup): keep it.
  }
}

export async function createLocalTestEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntimeLogs();
  const existing = process.env['TEST_TEMPORAL_ADDRESS'];
  if (existing) {
    return TestWorkflowEnvironment.createFromExistingServer({
      address: existing,
      namespace: process.env['TEST_TEMPORAL_NAMESPACE'] || 'default',
    });
  }
  const server = await startDevServerForTests();
  let env: TestWorkflowEnvironment;
  try {
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: server.address, namespace: 'default' });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return withServerStoppedOnTeardown(env, server.stop);
}

/** How long a test server may take to start on a busy machine: generous, only so a stuck start fails. */
const SERVER_START_LIMIT_MS = 120_000;

/**
 * We start the dev server ourselves (platform/temporal-server.ts, in memory, its log in a temporary
 * directory) and wait for it to serve under SERVER_START_LIMIT_MS: the SDK's own start (createLocal)
 * gives up when the port is not open after 50 tries 100 ms apart, and with ten CPU hogs on the
 * test's core the server opened it later than that four times in four.
 *
 * The server answers for a namespace of its own (besides `default`, which the tests use), so a
 * server a parallel run started on the same port is never taken for ours; a server that exits
 * during its start (a port it needs was taken meanwhile) is started again on other ports.
 */
async function startDevServerForTests(): Promise<{ address: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'encounterflow-test-dev-server-'));
  for (let attempt = 1; ; attempt++) {
    try {
      const server = await startTemporalDevServer({
        dataDir,
        inMemory: true,
        namespace: `test-server-${randomUUID()}`,
        startupTimeoutMs: SERVER_START_LIMIT_MS,
        // As the SDK's dev server for tests: no version check over the network, updates on.
        extraArgs: [
          'frontend.enableServerVersionCheck=false',
          'frontend.enableUpdateWorkflowExecution=true',
          'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
        ].flatMap((value) => ['--dynamic-config-value', value]),
      });
      return {
        address: server.address,
        // Its state is in memory: nothing to lose by killing it outright, as the SDK does.
        stop: async () => {
          try {
            process.kill(server.pid, 'SIGKILL');
          } catch {
            // already gone
          }
          await server.stop();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      if (!(error instanceof DevServerExitedError) || attempt >= 3) throw error;
    }
  }
}

/** `env.teardown()` closes the connections, then stops the server. */
function withServerStoppedOnTeardown(env: TestWorkflowEnvironment, stopServer: () => Promise<void>): TestWorkflowEnvironment {
  const teardown = env.teardown.bind(env);
  env.teardown = async () => {
    try {
      await teardown();
    } finally {
      await stopServer();
    }
  };
  return env;
}

/**
 * The time-skipping server starts with no custom search attributes: it gets the project's here.
 *
 * We start the Java server ourselves and wait for it to listen as long as a busy machine needs
 * (testkit/poll.ts's limit): the SDK's own start (createTimeSkipping) gives it 5 s, and under load
 * (four CPU hogs, the test pinned to one core) a JVM missed that three times in a row. A server
 * that exits before listening (its port taken meanwhile) is started again on another port.
 */
export async function createTimeSkippingTestEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntimeLogs();
  const launcher = await ensureTemporalTestServer();
  const server = await startListening(launcher);
  let env: TestWorkflowEnvironment;
  try {
    env = await timeSkippingEnvOn(server.address);
  } catch (error) {
    await server.stop();
    throw error;
  }
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(encounterSearchAttributes.map((key) => [key.name, indexedValueType(key.type)])),
  });
  return withServerStoppedOnTeardown(env, server.stop);
}

/**
 * Starts `launcher <port>` on a free port and waits until it listens; one that exits first is
 * started again (three times at most). stop() kills it, as the SDK does; so does this process's exit.
 */
async function startListening(launcher: string): Promise<{ address: string; stop(): Promise<void> }> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const child = spawn(launcher, [String(port)], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject));
    spawnFailed.catch(() => undefined);
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const stop = async () => {
      process.off('exit', killOnExit);
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    };
    try {
      await Promise.race([
        until(
          `the Temporal test server to listen on ${port}`,
          async () => child.exitCode !== null || (await listening(port)),
          SERVER_START_LIMIT_MS,
          100,
        ),
        spawnFailed,
      ]);
    } catch (error) {
      await stop();
      throw error;
    }
    if (child.exitCode === null) return { address: `127.0.0.1:${port}`, stop };
    await stop();
    if (attempt >= 3) throw new Error(`the Temporal test server (${launcher}) exited before listening, three times`);
  }
}

/**
 * A time-skipping environment on a server already listening. The SDK's public constructors either
 * start the server (with the 5 s limit) or connect without time skipping; its `create` (private in
 * the typings, the one both use; @temporalio/testing is pinned) connects with it.
 */
async function timeSkippingEnvOn(address: string): Promise<TestWorkflowEnvironment> {
  const create = (TestWorkflowEnvironment as unknown as { create?: (options: Record<string, unknown>) => Promise<TestWorkflowEnvironment> })
    .create;
  if (typeof create !== 'function') throw new Error('@temporalio/testing has no TestWorkflowEnvironment.create: see testkit/temporal.ts');
  return create.call(TestWorkflowEnvironment, {
    server: { type: 'existing' },
    address,
    namespace: 'default',
    supportsTimeSkipping: true,
    // Its client signs messages like the API's (the fake activities check with the same key).
    client: { interceptors: { workflow: [messageProofInterceptor(TEST_MESSAGE_PROOF_KEYS)] } },
  });
}

// A default import: @temporalio/proto is CommonJS, and plain Node (tsx) sees no named exports.
const { IndexedValueType } = proto.temporal.api.enums.v1;

function indexedValueType(type: string): proto.temporal.api.enums.v1.IndexedValueType {
  return IndexedValueType[`INDEXED_VALUE_TYPE_${type}` as keyof typeof IndexedValueType];
}

/** A bundler logger for tests: webpack's progress stays quiet, errors still show. */
export const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => process.stderr.write(`${message}\n`),
};
