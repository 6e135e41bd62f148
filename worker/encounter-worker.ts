/** The worker that runs encounter workflows and their activities on one task queue. */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from '@temporalio/activity';
import type { DataConverter } from '@temporalio/common';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor } from '@temporalio/interceptors-opentelemetry';
import { createActivities } from '../activities/index.ts';
import { WORKFLOW_TRACING_INTERCEPTORS, type Tracing } from '../platform/tracing.ts';
import type { ActivityDeps } from '../activities/deps.ts';
import { HeartbeatWhileRunning, PhiSafeActivityErrors } from './interceptors.ts';

/** This module's own extension: `.ts` from the sources (tsx, tests), `.js` in the build (dist/). */
const OWN_EXTENSION = extname(fileURLToPath(import.meta.url));

export const WORKFLOWS_PATH = fileURLToPath(new URL(`../workflows/index${OWN_EXTENSION}`, import.meta.url));

/**
 * The workflow bundle `npm run build` writes beside the compiled code (dist/workflow-bundle.js).
 * The compiled worker loads it instead of bundling workflows/ with webpack at every start; from the
 * sources the worker always bundles, so a stale bundle can never run edited workflow code.
 */
export const PREBUILT_WORKFLOW_BUNDLE = fileURLToPath(new URL('../workflow-bundle.js', import.meta.url));

/** The prebuilt bundle when running compiled code and it exists, else undefined (bundle at start). */
export function prebuiltWorkflowBundle(): WorkerOptions['workflowBundle'] {
  return OWN_EXTENSION === '.js' && existsSync(PREBUILT_WORKFLOW_BUNDLE) ? { codePath: PREBUILT_WORKFLOW_BUNDLE } : undefined;
}

export interface EncounterWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** Encrypts every payload (platform/payload-codec.ts); the codec runs in this process, not in the sandbox. */
  dataConverter: DataConverter;
  /** A prebuilt bundle (tests bundle once per file; the build writes one); otherwise the worker bundles workflows/ itself. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** OpenTelemetry (platform/tracing.ts); with it the worker bundles the workflow code at start, with the tracing interceptors. */
  tracing?: Tracing;
}

export async function createEncounterWorker(opts: EncounterWorkerOptions): Promise<Worker> {
  const { tracing } = opts;
  const workflowBundle = opts.workflowBundle ?? (tracing ? undefined : prebuiltWorkflowBundle());
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    dataConverter: opts.dataConverter,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    interceptors: {
      activity: [
        (ctx) => ({ inbound: new PhiSafeActivityErrors(ctx) }),
        (ctx) => ({ inbound: new HeartbeatWhileRunning(ctx) }),
        ...(tracing
          ? [(ctx: Context) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer: tracing.tracer }), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })]
          : []),
      ],
      ...(tracing ? { workflowModules: [WORKFLOW_TRACING_INTERCEPTORS] } : {}),
    },
    ...(tracing ? { sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) } } : {}),
    shutdownGraceTime: '10s',
  });
}
