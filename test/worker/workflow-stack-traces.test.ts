/**
 * Workflow stack traces off (worker/workflow-stack-traces.ts, the product's default): the SDK's
 * workflow thread runs without its promise hook, the `__stack_trace` query says stack traces are
 * not enabled, and workflows run as before. On: the SDK's own behaviour, the query answers the
 * waiting workflow's stack. On the real dev server; other threads are started as asked.
 */
import { fileURLToPath } from 'node:url';
import { Worker as NodeWorker } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalTestEnv, quietBundlerLogger } from '../../testkit/temporal.ts';
import { collectWorkflowStackTraces } from '../../worker/workflow-stack-traces.ts';
import { release, type waitForRelease } from './fixtures/waiting-workflow.ts';

const workflowsPath = fileURLToPath(new URL('./fixtures/waiting-workflow.ts', import.meta.url));

let env: TestWorkflowEnvironment | undefined;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([createLocalTestEnv(), bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger })]);
}, 300_000);

afterAll(async () => {
  collectWorkflowStackTraces(true);
  await env?.teardown();
});

/** Starts the waiting workflow on a worker created with the given setting, asks for its stack, then releases it. */
async function stackWhileWaiting(collect: boolean): Promise<{ stack: PromiseSettledResult<string>; result: string; failedTasks: number }> {
  collectWorkflowStackTraces(collect);
  const taskQueue = `stack-traces-${collect ? 'on' : 'off'}`;
  const worker = await Worker.create({ connection: env!.nativeConnection, taskQueue, workflowBundle });
  return worker.runUntil(async () => {
    const handle = await env!.client.workflow.start<typeof waitForRelease>('waitForRelease', { taskQueue, workflowId: randomUUID() });
    const [stack] = await Promise.allSettled([handle.query<string>('__stack_trace')]);
    await handle.signal(release);
    const result = await handle.result();
    const { events } = await handle.fetchHistory();
    return { stack, result, failedTasks: (events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).length };
  });
}

describe('workflow stack traces', () => {
  it('off: the query says they are not enabled, and the workflow runs to its end', async () => {
    const { stack, result, failedTasks } = await stackWhileWaiting(false);
    expect(stack.status).toBe('rejected');
    expect(String((stack as PromiseRejectedResult).reason)).toMatch(/stack traces are not enabled/i);
    expect(result).toBe('released');
    expect(failedTasks).toBe(0);
  }, 120_000);

  it("on: the SDK's own query answers where the workflow waits", async () => {
    const { stack, result, failedTasks } = await stackWhileWaiting(true);
    expect(stack.status).toBe('fulfilled');
    expect((stack as PromiseFulfilledResult<string>).value).toContain('waitForRelease');
    expect(result).toBe('released');
    expect(failedTasks).toBe(0);
  }, 120_000);

  it('off: a thread that is not the SDK’s workflow thread starts as asked, promise hooks and all', async () => {
    collectWorkflowStackTraces(false);
    const thread = new NodeWorker(
      `const { parentPort } = require('node:worker_threads');
       const stop = require('node:v8').promiseHooks.createHook({ init() {} });
       stop();
       parentPort.postMessage('hooks available');`,
      { eval: true },
    );
    const message = await new Promise((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
    });
    await thread.terminate();
    expect(message).toBe('hooks available');
  }, 60_000);
});
