import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounterSearchAttributes } from '../../platform/search-attributes.ts';
import { createLocalTestEnv, createTimeSkippingTestEnv, quietBundlerLogger } from '../../testkit/temporal.ts';
import type { awaitPayerResponseWindow, greetBillingDesk } from './fixtures/throwaway-workflows.ts';

const workflowsPath = fileURLToPath(new URL('./fixtures/throwaway-workflows.ts', import.meta.url));
const THREE_DAYS_MS = 3 * 24 * 60 * 60 * 1000;

// Bundle once (webpack is the slow part) and share it between both environments' workers.
let workflowBundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
});

describe('createLocalTestEnv (dev server from the Temporal CLI)', () => {
  let env: TestWorkflowEnvironment | undefined;
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a workflow and has the encounter search attributes registered', async () => {
    env = await createLocalTestEnv();
    expect(env.supportsTimeSkipping).toBe(false);

    const { customAttributes } = await env.client.connection.operatorService.listSearchAttributes({
      namespace: env.namespace ?? 'default',
    });
    expect(Object.keys(customAttributes)).toEqual(expect.arrayContaining(encounterSearchAttributes.map((key) => key.name)));

    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'local-env-check', workflowBundle });
    const greeting = await worker.runUntil(
      env.client.workflow.execute<typeof greetBillingDesk>('greetBillingDesk', {
        taskQueue: 'local-env-check',
        workflowId: 'local-env-greeting',
        args: ['north'],
      }),
    );
    expect(greeting).toBe('claims desk north ready on local-env-check');
  });
});

describe('createTimeSkippingTestEnv (Java test server)', () => {
  let env: TestWorkflowEnvironment | undefined;
  afterAll(async () => {
    await env?.teardown();
  });

  it('completes a 3-day timer in seconds of wall time', async () => {
    env = await createTimeSkippingTestEnv();
    expect(env.supportsTimeSkipping).toBe(true);

    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'time-skip-check', workflowBundle });
    // No wall-clock assertion: without time skipping this would sleep 3 days, far past the test's
    // timeout, so finishing at all is the proof.
    const workflowTimeSlept = await worker.runUntil(
      env.client.workflow.execute<typeof awaitPayerResponseWindow>('awaitPayerResponseWindow', {
        taskQueue: 'time-skip-check',
        workflowId: 'time-skip-payer-window',
      }),
    );

    expect(workflowTimeSlept).toBeGreaterThanOrEqual(THREE_DAYS_MS);
  });
});
