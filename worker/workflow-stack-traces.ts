/**
 * Workflow stack traces: the `__stack_trace` query behind the Temporal UI's "Stack Trace" tab.
 *
 * The SDK collects them with a V8 promise hook in its workflow thread. For every promise that
 * workflow code creates (each `await`, `condition`, activity call, cancellation scope), the hook
 * builds an Error and formats its stack through the bundle's source map. In the benchmark's CPU
 * profile (14:01, PostgreSQL) this was 26 % of the workflow thread's CPU, about 15 ms per encounter.
 * The hook also keeps one stack per pending promise of every cached workflow.
 *
 * The SDK has no option to turn this off. It does run without it where
 * `v8.promiseHooks.createHook` is missing: the query then answers that stack traces are not
 * enabled on this worker. With collection off, the SDK's workflow thread is started through a
 * short prelude that refuses the SDK's own call of createHook in that thread only (Node's own
 * async hooks, e.g. AsyncLocalStorage, still get theirs). The prelude also silences the
 * console warning the SDK prints for runtimes without promise hooks. Nothing else changes: the
 * hook records stacks and takes no part in running workflow code, and other threads are started
 * as asked.
 */
import { createRequire } from 'node:module';
import type { Worker as NodeWorker, WorkerOptions as NodeWorkerOptions } from 'node:worker_threads';

/** The worker_threads module object itself, which the SDK reads `Worker` from when it starts its threads. */
const workerThreads = createRequire(import.meta.url)('node:worker_threads') as { Worker: typeof NodeWorker };
const NodeWorkerClass = workerThreads.Worker;

/** The SDK's workflow thread entry (`require.resolve('./workflow-worker-thread')` in its threaded-vm.js). */
const SDK_WORKFLOW_THREAD = /[\\/]@temporalio[\\/]worker[\\/]lib[\\/]workflow[\\/]workflow-worker-thread\.js$/;

/** Where the SDK installs its stack-trace hook (GlobalHandlers.setPromiseHook), compiled or source-mapped. */
const SDK_HOOK_CALLER = /[\\/]worker[\\/](?:lib|src)[\\/]workflow[\\/]vm-shared\.[jt]s:/;

/** What the SDK prints where promise hooks are missing; here they are taken away on purpose. */
const SDK_WARNING = 'v8.promiseHooks.createHook is not available';

/** The code a workflow thread runs first when stack traces are off, then the SDK's own entry. */
export function workflowThreadPrelude(sdkThreadFile: string): string {
  return [
    `const v8 = require('node:v8');`,
    `const createHook = v8.promiseHooks.createHook;`,
    // Node's own async hooks (AsyncLocalStorage, which workflow code uses) go through the same function.
    `v8.promiseHooks.createHook = (hooks) => {`,
    // The caller is the line after this function's own in the stack.
    `  const caller = String(new Error().stack).split('\\n')[2] ?? '';`,
    `  if (!${SDK_HOOK_CALLER}.test(caller)) return createHook(hooks);`,
    `  throw new Error('workflow stack traces are off (WORKER_WORKFLOW_STACK_TRACES)');`,
    `};`,
    `const warn = console.warn.bind(console);`,
    `console.warn = (...args) => { if (!String(args[0]).startsWith(${JSON.stringify(SDK_WARNING)})) warn(...args); };`,
    `require(${JSON.stringify(sdkThreadFile)});`,
  ].join('\n');
}

class WorkflowThreadWithoutStackTraces extends NodeWorkerClass {
  constructor(filename: string | URL, options?: NodeWorkerOptions) {
    const file = filename instanceof URL ? filename.pathname : filename;
    if (SDK_WORKFLOW_THREAD.test(file)) super(workflowThreadPrelude(file), { ...options, eval: true });
    else super(filename, options);
  }
}

/**
 * Whether workflow threads started from now on in this process collect stack traces (the SDK's
 * default) or not. Set before `Worker.create`, which starts the workflow threads.
 */
export function collectWorkflowStackTraces(collect: boolean): void {
  workerThreads.Worker = collect ? NodeWorkerClass : WorkflowThreadWithoutStackTraces;
}
