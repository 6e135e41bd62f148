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
import type { Tracing } from '../platform/tracing.ts';
import type { ActivityDeps } from '../activities/deps.ts';
import { HeartbeatWhileRunning, PhiSafeActivityErrors } from './interceptors.ts';
import {
  OWN_EXTENSION,
  prebuiltBundleFile,
  workflowInterceptorModules,
  WORKFLOW_PRELOAD_MODULES,
  WORKFLOWS_PATH,
} from './workflow-bundle.ts';
import { collectWorkflowStackTraces } from './workflow-stack-traces.ts';

export { WORKFLOWS_PATH } from './workflow-bundle.ts';

/**
 * Where `npm run build` writes the workflow bundles beside the compiled code (dist/workflow-bundle.js,
 * dist/workflow-bundle-tracing.js). The compiled worker loads the one for its tracing setting instead
 * of bundling workflows/ with webpack at every start; from the sources the worker always bundles,
 * so a stale bundle can never run edited workflow code.
 */
export const PREBUILT_BUNDLE_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * The prebuilt bundle for this tracing setting when it exists in `dir` (by default: dist/, and only
 * when running compiled code), else undefined (bundle at start).
 */
export function prebuiltWorkflowBundle(tracing: boolean, dir?: string): WorkerOptions['workflowBundle'] {
  const from = dir ?? (OWN_EXTENSION === '.js' ? PREBUILT_BUNDLE_DIR : undefined);
  if (from === undefined) return undefined;
  const codePath = prebuiltBundleFile(from, tracing);
  return existsSync(codePath) ? { codePath } : undefined;
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
   * OpenTelemetry (platform/tracing.ts). With it the workflows run with the SDK's tracing
   * interceptors: the build's tracing bundle, or bundled at start with them (a `workflowBundle`
   * given here is used as it is: it must have been bundled with tracing).
   */
  tracing?: Tracing;
  /** Whether the workflow threads collect stack traces (worker/workflow-stack-traces.ts); off unless set. */
  workflowStackTraces?: boolean;
}

export async function createEncounterWorker(opts: EncounterWorkerOptions): Promise<Worker> {
  const { tracing } = opts;
  const workflowBundle = opts.workflowBundle ?? prebuiltWorkflowBundle(tracing !== undefined);
  collectWorkflowStackTraces(opts.workflowStackTraces ?? false);
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    dataConverter: opts.dataConverter,
    ...(workflowBundle
      ? { workflowBundle }
      : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { preloadModules: WORKFLOW_PRELOAD_MODULES } }),
    interceptors: {
      // A prebuilt bundle carries them already (bundleEncounterWorkflows()); the SDK warns at every
      // start when both are given.
      ...(workflowBundle ? {} : { workflowModules: workflowInterceptorModules(tracing !== undefined) }),
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
