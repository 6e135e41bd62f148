/**
 * A worker process for the no-op baseline (scripts/bench/noop-workflow.ts), started by the lifecycle
 * benchmark with TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and TASK_QUEUE. The same worker options as
 * the product's worker (worker/tuning.ts), no payload codec, no database; SDK metrics on
 * WORKER_METRICS_ADDRESS like the product's workers.
 */
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { installTemporalRuntime } from '../../platform/temporal-runtime.ts';
import { quietBundlerLogger } from '../../testkit/temporal.ts';
import { workerTuning, workflowStackTracesOn } from '../../worker/tuning.ts';
import { collectWorkflowStackTraces } from '../../worker/workflow-stack-traces.ts';
import type { NoopActivities } from './noop-workflow.ts';

const address = process.env['TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233';
const taskQueue = process.env['TASK_QUEUE'] ?? 'bench-noop';
installTemporalRuntime({ workerMetricsAddress: process.env['WORKER_METRICS_ADDRESS'] || undefined });
const connection = await NativeConnection.connect({ address });
const activities: NoopActivities = { noop: async () => 1 };
// As the product's worker (worker/encounter-worker.ts): the same workflow-thread setup.
collectWorkflowStackTraces(workflowStackTracesOn(process.env));
const worker = await Worker.create({
  connection,
  namespace: process.env['TEMPORAL_NAMESPACE'] ?? 'default',
  taskQueue,
  activities,
  workflowBundle: await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./noop-workflow.ts', import.meta.url)),
    logger: quietBundlerLogger,
  }),
  ...workerTuning(process.env),
});
const stop = () => worker.shutdown();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdout.write(`noop worker ready on ${taskQueue}\n`);
await worker.run();
await connection.close();
