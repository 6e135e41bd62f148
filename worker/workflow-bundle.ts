/**
 * What goes into the workflow bundle: the workflows and the workflow interceptors every encounter
 * workflow runs with (message authentication), plus the SDK's OpenTelemetry workflow interceptors
 * when tracing is on. Every place that bundles workflow code — the worker, the tests, the history
 * recorder, `npm run build` — bundles through here, so none can leave the interceptors out.
 */
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WORKFLOW_TRACING_INTERCEPTORS } from '../platform/tracing.ts';

/** This module's own extension: `.ts` from the sources (tsx, tests), `.js` in the build (dist/). */
export const OWN_EXTENSION = extname(fileURLToPath(import.meta.url));

export const WORKFLOWS_PATH = fileURLToPath(new URL(`../workflows/index${OWN_EXTENSION}`, import.meta.url));

export const WORKFLOW_INTERCEPTOR_MODULES = [
  fileURLToPath(new URL(`../workflows/message-authentication${OWN_EXTENSION}`, import.meta.url)),
];

/**
 * Modules the SDK evaluates once per workflow thread instead of once per workflow (BundleOptions
 * .preloadModules, with the reusable V8 context that is the SDK's default): the workflows and our
 * interceptor. Without it every new or evicted-then-replayed workflow evaluated all of workflows/
 * again (initRuntime: about 1.2 ms of the workflow thread per workflow in a replay profile, and
 * each cached workflow held its own copy of every module). Safe because nothing in them keeps
 * state at module scope: constants, signal/query definitions and activity proxies (which look up
 * the running workflow when called); per-workflow state lives in the objects each workflow
 * creates. The SDK freezes what these modules export, so a module that mutated an export would
 * fail loudly in the tests, not leak between workflows. The tracing interceptors are not preloaded
 * (OpenTelemetry's context is per workflow).
 */
export const WORKFLOW_PRELOAD_MODULES = [WORKFLOWS_PATH, ...WORKFLOW_INTERCEPTOR_MODULES];

/** The workflow interceptor modules of a worker with or without tracing. */
export const workflowInterceptorModules = (tracing: boolean) => [
  ...WORKFLOW_INTERCEPTOR_MODULES,
  ...(tracing ? [WORKFLOW_TRACING_INTERCEPTORS] : []),
];

export function bundleEncounterWorkflows(
  options: Omit<BundleOptions, 'workflowsPath' | 'workflowInterceptorModules'> = {},
  { tracing = false }: { tracing?: boolean } = {},
): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    ...options,
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: workflowInterceptorModules(tracing),
    preloadModules: WORKFLOW_PRELOAD_MODULES,
  });
}

/**
 * The prebuilt bundles `npm run build` writes into dist/: one without tracing, one with the
 * OpenTelemetry workflow interceptors, which a worker with TRACING_EXPORTER set loads. Two files,
 * so that a worker without tracing runs no span code in its workflows.
 */
export const prebuiltBundleFile = (dir: string, tracing: boolean) =>
  join(dir, tracing ? 'workflow-bundle-tracing.js' : 'workflow-bundle.js');

/** Bundles the workflows (with tracing or not) into `dir` as the build does; returns the file and its size. */
export async function writePrebuiltWorkflowBundle(
  dir: string,
  tracing: boolean,
  logger: BundleOptions['logger'],
): Promise<{ file: string; bytes: number }> {
  const bundle = await bundleEncounterWorkflows({ logger }, { tracing });
  const file = prebuiltBundleFile(dir, tracing);
  await writeFile(file, bundle.code);
  return { file, bytes: bundle.code.length };
}
