/**
 * What goes into the workflow bundle: the workflows and the workflow interceptors every encounter
 * workflow runs with (message authentication). Every place that bundles workflow code — the
 * worker, the tests, the history recorder, `npm run build` — bundles through here, so none can
 * leave the interceptors out.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

/** This module's own extension: `.ts` from the sources (tsx, tests), `.js` in the build (dist/). */
export const OWN_EXTENSION = extname(fileURLToPath(import.meta.url));

export const WORKFLOWS_PATH = fileURLToPath(new URL(`../workflows/index${OWN_EXTENSION}`, import.meta.url));

export const WORKFLOW_INTERCEPTOR_MODULES = [
  fileURLToPath(new URL(`../workflows/message-authentication${OWN_EXTENSION}`, import.meta.url)),
];

export function bundleEncounterWorkflows(
  options: Omit<BundleOptions, 'workflowsPath' | 'workflowInterceptorModules'> = {},
): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ ...options, workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES });
}
