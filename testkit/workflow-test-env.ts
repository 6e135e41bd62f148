/**
 * The shared setup of the workflow tests (test/workflows/*): one Temporal time-skipping test server
 * and one bundle of the encounterflow workflows (with their interceptors) per test file.
 *
 * Call `useWorkflowTestEnv()` at the top of a test file: it registers a `beforeAll` that starts the
 * server and bundles the workflow code side by side, and an `afterAll` that tears the server down.
 * The object it returns is filled in by that `beforeAll`, so read `wf.env` and `wf.bundle` inside
 * tests, not at import time; it is a `DriveContext`, ready for testkit/drive*.ts.
 *
 * Imports vitest: for test files only (scripts use createTimeSkippingTestEnv directly).
 */
import { afterAll, beforeAll } from 'vitest';
import { DefaultLogger } from '@temporalio/worker';
import { bundleEncounterWorkflows } from '../worker/workflow-bundle.ts';
import type { DriveContext } from './drive.ts';
import { createTimeSkippingTestEnv } from './temporal.ts';

/** Starting the JVM test server and bundling with webpack take minutes on a busy 2-core machine. */
const SETUP_TIMEOUT_MS = 240_000;

export function useWorkflowTestEnv(): DriveContext {
  const wf = {} as DriveContext;
  beforeAll(async () => {
    [wf.env, wf.bundle] = await Promise.all([createTimeSkippingTestEnv(), bundleEncounterWorkflows({ logger: new DefaultLogger('WARN') })]);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await wf.env?.teardown();
  });
  return wf;
}
