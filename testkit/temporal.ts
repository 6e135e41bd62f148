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
import type { LogLevel } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { LocalTestWorkflowEnvironmentOptions } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import proto from '@temporalio/proto';
import { encounterSearchAttributes } from '../platform/search-attributes.ts';
import { ensureTemporalCli } from '../platform/temporal-cli.ts';
import { ensureTemporalTestServer } from './temporal-test-server.ts';
import { messageProofInterceptor } from '../platform/message-proof.ts';
import { TEST_MESSAGE_PROOF_KEYS } from './fake-activities.ts';

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

export async function createLocalTestEnv(
  server: Omit<NonNullable<LocalTestWorkflowEnvironmentOptions['server']>, 'executable' | 'searchAttributes'> = {},
): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntimeLogs();
  const existing = process.env['TEST_TEMPORAL_ADDRESS'];
  if (existing) {
    return TestWorkflowEnvironment.createFromExistingServer({
      address: existing,
      namespace: process.env['TEST_TEMPORAL_NAMESPACE'] || 'default',
    });
  }
  return TestWorkflowEnvironment.createLocal({
    server: {
      ...server,
      executable: { type: 'existing-path', path: await ensureTemporalCli() },
      searchAttributes: encounterSearchAttributes,
    },
  });
}

/**
 * The time-skipping server starts with no custom search attributes: it gets the project's here.
 * The SDK gives the JVM 5 s to listen; on a machine busy with other work a start can miss that,
 * so a start that timed out is tried again (a fresh port each time), up to three times.
 */
export async function createTimeSkippingTestEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntimeLogs();
  const launcher = await ensureTemporalTestServer();
  let env: TestWorkflowEnvironment | undefined;
  for (let attempt = 1; env === undefined; attempt++) {
    try {
      env = await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: launcher } },
        // Its client signs messages like the API's (the fake activities check with the same key).
        client: { interceptors: { workflow: [messageProofInterceptor(TEST_MESSAGE_PROOF_KEYS)] } },
      });
    } catch (error) {
      if (attempt >= 3 || !/did not start within/.test(String(error))) throw error;
    }
  }
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(encounterSearchAttributes.map((key) => [key.name, indexedValueType(key.type)])),
  });
  return env;
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
