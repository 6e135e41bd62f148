/** The worker that runs encounter workflows and their activities on one task queue. */
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import type { ActivityDeps } from '../activities/deps.ts';
import { HeartbeatWhileRunning, PhiSafeActivityErrors } from './interceptors.ts';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface EncounterWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** Encrypts every payload (platform/payload-codec.ts); the codec runs in this process, not in the sandbox. */
  dataConverter: DataConverter;
  /** A prebuilt bundle (tests bundle once per file); otherwise the worker bundles workflows/ itself. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export async function createEncounterWorker(opts: EncounterWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    dataConverter: opts.dataConverter,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    interceptors: { activity: [(ctx) => ({ inbound: new PhiSafeActivityErrors(ctx) }), (ctx) => ({ inbound: new HeartbeatWhileRunning(ctx) })] },
    shutdownGraceTime: '10s',
  });
}
