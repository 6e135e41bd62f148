/** The worker that runs encounter workflows and their activities on one task queue. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context } from '@temporalio/activity';
import type { DataConverter } from '@temporalio/common';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { createActivities } from '../activities/index.ts';
import { WORKFLOW_TRACING_INTERCEPTORS, type Tracing } from '../platform/tracing.ts';
import type { ActivityDeps } from '../activities/deps.ts';
import { HeartbeatWhileRunning, PhiSafeActivityErrors } from './interceptors.ts';
import { OWN_EXTENSION, WORKFLOW_INTERCEPTOR_MODULES, WORKFLOWS_PATH } from './workflow-bundle.ts';

export { WORKFLOWS_PATH } from './workflow-bundle.ts';

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
  /** A prebuilt bundle from bundleEncounterWorkflows() (tests bundle once per file; the build writes one); otherwise the worker bundles workflows/ itself. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Concurrency and cache settings (worker/tuning.ts); the SDK's defaults otherwise. */
  tuning?: Partial<WorkerOptions>;
  /**
   * OpenTelemetry (platform/tracing.ts). With it the worker bundles the workflow code at start with
   * the tracing interceptors added (a prebuilt bundle has only message authentication).
   */
  tracing?: Tracing;
}

export async function createEncounterWorker(opts: EncounterWorkerOptions): Promise<Worker> {
  const { tracing } = opts;
  const workflowBundle = tracing ? undefined : (opts.workflowBundle ?? prebuiltWorkflowBundle());
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    dataConverter: opts.dataConverter,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    interceptors: {
      // Ignored with a prebuilt bundle, which carries them (bundleEncounterWorkflows()).
      workflowModules: [...WORKFLOW_INTERCEPTOR_MODULES, ...(tracing ? [WORKFLOW_TRACING_INTERCEPTORS] : [])],
      activity: [
        (ctx) => ({ inbound: new PhiSafeActivityErrors(ctx) }),
        (ctx) => ({ inbound: new HeartbeatWhileRunning(ctx) }),
        ...(tracing
          ? [
              (ctx: Context) => ({
                inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer: tracing.tracer }),
                outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
              }),
            ]
          : []),
      ],
    },
    ...(tracing ? { sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) } } : {}),
    shutdownGraceTime: '10s',
    ...opts.tuning,
  });
}
