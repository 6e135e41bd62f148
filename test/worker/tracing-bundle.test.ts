/**
 * The production build's workflow bundle for tracing (npm run build writes
 * dist/workflow-bundle-tracing.js through writePrebuiltWorkflowBundle) carries the SDK's
 * OpenTelemetry workflow interceptors: a worker with tracing on that loads it, as the compiled
 * worker does, exports the workflow's own spans (RunWorkflow, StartActivity) through its sink, not
 * only the activities'. On the time-skipping server with the in-memory activities.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resource } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { runEncounter } from '../../testkit/drive.ts';
import { confidentCoding } from '../../testkit/fake-activities.ts';
import { createTimeSkippingTestEnv } from '../../testkit/temporal.ts';
import { prebuiltWorkflowBundle } from '../../worker/encounter-worker.ts';
import { writePrebuiltWorkflowBundle } from '../../worker/workflow-bundle.ts';

let dir: string;
let env: TestWorkflowEnvironment | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'encounterflow-bundles-'));
  [env] = await Promise.all([createTimeSkippingTestEnv(), writePrebuiltWorkflowBundle(dir, true, new DefaultLogger('WARN'))]);
}, 300_000);

afterAll(async () => {
  await env?.teardown();
  await rm(dir, { recursive: true, force: true });
});

describe('the prebuilt workflow bundle with tracing', () => {
  it('is the one a tracing worker picks; a worker without tracing does not load it', () => {
    expect(prebuiltWorkflowBundle(true, dir)).toEqual({ codePath: join(dir, 'workflow-bundle-tracing.js') });
    expect(prebuiltWorkflowBundle(false, dir)).toBeUndefined();
  });

  it("exports the workflow's spans through the worker's sink", async () => {
    const spans = new InMemorySpanExporter();
    const codePath = prebuiltWorkflowBundle(true, dir)!;
    const code = await readFile((codePath as { codePath: string }).codePath, 'utf8');
    const { stages } = await runEncounter(
      {
        env: env!,
        bundle: { code, sourceMap: '' },
        sinks: { exporter: makeWorkflowExporter(new SimpleSpanProcessor(spans), new Resource({ 'service.name': 'tracing-bundle-test' })) },
      },
      { coding: [confidentCoding()] },
    );
    expect(stages.at(-1)).toBe('billed');
    const names = spans.getFinishedSpans().map((s) => s.name);
    expect(names).toContain('RunWorkflow:encounterWorkflow');
    expect(names.filter((n) => n.startsWith('StartActivity:')).length).toBeGreaterThan(3);
  }, 300_000);
});
