// Runs the ordinary Prisma CLI with the offline schema engine (scripts/prisma-schema-engine.mjs)
// so that nothing is downloaded.
//
//   tsx scripts/prisma.ts generate
//   DATABASE_URL=postgres://... tsx scripts/prisma.ts migrate deploy
//   tsx scripts/prisma.ts migrate diff --from-empty --to-schema prisma/schema.prisma --script
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const schemaEngineShimPath = join(projectRoot, 'scripts', 'prisma-schema-engine.mjs');
const prismaCliPath = join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');

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

function spawnPrisma(args: string[], env: Record<string, string>, capture: boolean) {
  return spawn(process.execPath, [prismaCliPath, ...args], {
    cwd: projectRoot,
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

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const child = spawnPrisma(process.argv.slice(2), {}, false);
  child.on('close', (code) => process.exit(code ?? 1));
}
