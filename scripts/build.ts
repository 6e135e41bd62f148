/**
 * `npm run build`: the production build in dist/.
 *
 * 1. The product compiled to JavaScript by tsc (tsconfig.build.json: app/ and all it imports).
 * 2. What the compiled modules read beside themselves: data/ and web/ (they locate them relative to
 *    their own file), and the offline Prisma schema engine (platform/prisma-schema-engine.mjs).
 * 3. The workflow bundles (dist/workflow-bundle.js, and dist/workflow-bundle-tracing.js with the
 *    OpenTelemetry workflow interceptors), made once here with the SDK's bundler, so the compiled
 *    worker starts without running webpack, with tracing on or off (worker/encounter-worker.ts loads them).
 *
 * Run it with `node dist/app/start.js` (`npm run start:prod`), `node dist/app/worker.js` or
 * `node dist/app/api.js`, from a directory that also holds package.json, node_modules/, prisma/
 * and prisma.config.ts (migrations are applied at start).
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../platform/project-root.ts';
import { writePrebuiltWorkflowBundle } from '../worker/workflow-bundle.ts';

const dist = join(PROJECT_ROOT, 'dist');
const started = Date.now();
const step = (message: string) => process.stdout.write(`[build] ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

await rm(dist, { recursive: true, force: true });

step('compiling TypeScript (tsconfig.build.json)');
const tsc = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  process.exitCode = tsc.status ?? 1;
  throw new Error('tsc failed');
}

step('copying data/, web/ and the Prisma schema engine shim');
await cp(join(PROJECT_ROOT, 'data'), join(dist, 'data'), { recursive: true });
await cp(join(PROJECT_ROOT, 'web'), join(dist, 'web'), { recursive: true });
await mkdir(join(dist, 'platform'), { recursive: true });
await cp(join(PROJECT_ROOT, 'platform', 'prisma-schema-engine.mjs'), join(dist, 'platform', 'prisma-schema-engine.mjs'));

step('bundling the workflow code, without and with the tracing interceptors');
// The module listing webpack prints is noise in a build log; warnings and errors still show.
const quiet = { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} };
const plain = await writePrebuiltWorkflowBundle(dist, false, quiet);
const traced = await writePrebuiltWorkflowBundle(dist, true, quiet);

step(`done: dist/ (workflow bundles ${(plain.bytes / 1024).toFixed(0)} KiB, with tracing ${(traced.bytes / 1024).toFixed(0)} KiB)`);
