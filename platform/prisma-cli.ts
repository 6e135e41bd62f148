// Runs the ordinary Prisma CLI with the offline schema engine (platform/prisma-schema-engine.mjs)
// so that nothing is downloaded. The product applies migrations with it at start (platform/db.ts);
// scripts/prisma.ts is the same runner on the command line (`npm run prisma -- <args>`).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from './project-root.ts';

/** Beside this module, in the sources and in the build (scripts/build.ts copies it). */
export const schemaEngineShimPath = fileURLToPath(new URL('./prisma-schema-engine.mjs', import.meta.url));
const prismaCliPath = join(PROJECT_ROOT, 'node_modules', 'prisma', 'build', 'index.js');

export interface PrismaRunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment the Prisma CLI needs to work offline. */
export function offlinePrismaEnv(): Record<string, string> {
  return {
    PRISMA_SCHEMA_ENGINE_BINARY: schemaEngineShimPath,
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    PRISMA_TELEMETRY_INFORMATION: 'encounterflow offline',
  };
}

export function spawnPrisma(args: string[], env: Record<string, string>, capture: boolean) {
  return spawn(process.execPath, [prismaCliPath, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...offlinePrismaEnv(), ...env },
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
}

/** Runs the Prisma CLI and collects its output. Never rejects on a non-zero exit code. */
export function runPrisma(args: string[], env: Record<string, string> = {}): Promise<PrismaRunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnPrisma(args, env, true);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
