/**
 * The real Temporal server (the binary a self-hosted cluster runs) and its SQL schema tool,
 * built from the Go module proxy into .tools/temporal-server/ once (about 8 minutes cold on two
 * cores; modules and build cache are reused afterwards). The module needs Go >= 1.26.10, so the
 * toolchain is pinned with GOTOOLCHAIN (Go downloads it from the module proxy too).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TOOLS_DIR } from '../../platform/temporal-cli.ts';

export const TEMPORAL_SERVER_VERSION = 'v1.32.2';
export const GO_TOOLCHAIN = 'go1.27.3';
export const SERVER_BIN_DIR = process.env['TEMPORAL_SERVER_BIN_DIR'] ?? join(TOOLS_DIR, 'temporal-server');

export interface ServerTools {
  server: string;
  sql: string;
  /** The module's source in the Go module cache: schemas under schema/postgresql/v12/. */
  moduleDir: string;
}

const run = promisify(execFile);

export async function ensureServerTools(log: (line: string) => void): Promise<ServerTools> {
  const server = join(SERVER_BIN_DIR, 'server');
  const sql = join(SERVER_BIN_DIR, 'sql');
  const env = { ...process.env, GOTOOLCHAIN: GO_TOOLCHAIN, GOBIN: SERVER_BIN_DIR, GOFLAGS: '-mod=mod' };
  if (!existsSync(server) || !existsSync(sql)) {
    log(
      `building the Temporal server ${TEMPORAL_SERVER_VERSION} from the Go module proxy into ${SERVER_BIN_DIR} (about 8 minutes cold) ...`,
    );
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        'go',
        [
          'install',
          `go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`,
          `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
        ],
        { env, stdio: 'inherit' },
      );
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install exited with ${code}`))));
    });
  }
  const { stdout } = await run('go', ['env', 'GOMODCACHE'], { env });
  const moduleDir = join(stdout.trim(), 'go.temporal.io', `server@${TEMPORAL_SERVER_VERSION}`);
  if (!existsSync(join(moduleDir, 'schema'))) {
    // Binaries present but the module cache was cleaned: fetch the module source for its schemas.
    await run('go', ['mod', 'download', `go.temporal.io/server@${TEMPORAL_SERVER_VERSION}`], { env, cwd: SERVER_BIN_DIR });
  }
  return { server, sql, moduleDir };
}
