// The offline schema engine answers the invocations the Prisma CLI makes of the native binary.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaEngineShimPath } from '../../platform/prisma-cli.ts';
import { startEmbeddedPostgres } from '../../platform/embedded-postgres.ts';
import type { EmbeddedPostgres } from '../../platform/embedded-postgres.ts';
import { createEmptyServerDatabase, databaseUrlWithName, serverDatabaseUrl } from '../../testkit/database.ts';

interface ShimRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runShim(args: string[]): Promise<ShimRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [schemaEngineShimPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The error code the CLI extracts: it skips the first stderr line and reads JSON log lines. */
function cliErrorCode(stderr: string): string | undefined {
  const lines = stderr.trim().split(/\r?\n/).slice(1);
  const logs = lines.map((line) => JSON.parse(line) as { level: string; fields: { error_code?: string; message: string } });
  return logs.find((log) => log.level === 'ERROR')?.fields.error_code;
}

const datasource = (url: string) => JSON.stringify({ url });

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('schema engine shim', () => {
  let embedded: EmbeddedPostgres;
  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({});
  });
  afterAll(async () => {
    await embedded?.stop();
  });

  it('reports the engines hash Prisma 7.10.0 expects', async () => {
    const run = await runShim(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3');
  });

  it('can connect to a running database', async () => {
    const run = await runShim(['--datasource', datasource(embedded.url), 'cli', 'can-connect-to-database']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ result: 'ok' });
  });

  it('reports an unreachable server as P1001 without leaking the password', async () => {
    const url = `postgres://postgres:s3cret-pw@127.0.0.1:${await closedPort()}/postgres`;
    const run = await runShim(['--datasource', datasource(url), 'cli', 'can-connect-to-database']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(cliErrorCode(run.stderr)).toBe('P1001');
    expect(run.stderr).not.toContain('s3cret-pw');
  });

  it('answers JSON-RPC requests on stdin with one response line each', async () => {
    const child = spawn(process.execPath, [schemaEngineShimPath, '--datasource', datasource(embedded.url)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const responses = createInterface({ input: child.stdout });
    const received: Array<{ id: number; result?: unknown; error?: { code: number; data: { message: string } } }> = [];
    responses.on('line', (line) => received.push(JSON.parse(line)));
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'getDatabaseVersion', params: {} }) + '\n');
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'noSuchMethod', params: {} }) + '\n');
    child.stdin.write(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 3,
        method: 'dbExecute',
        params: { datasourceType: { tag: 'url', url: embedded.url }, script: 'SELECT * FROM no_such_table' },
      }) + '\n',
    );
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(received.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(String(received[0]?.result)).toMatch(/PostgreSQL/);
    expect(received[1]?.error?.code).toBe(-32601);
    expect(received[2]?.error?.code).toBe(4466);
    expect(received[2]?.error?.data.message).toMatch(/no_such_table/);
  });

  // Only defined when a PostgreSQL server is configured (CI sets TEST_DATABASE_URL).
  if (serverDatabaseUrl())
    describe('against the PostgreSQL server (TEST_DATABASE_URL)', () => {
      it('reports a missing database as P1003', async () => {
        const url = databaseUrlWithName(serverDatabaseUrl()!, 'encounterflow_no_such_database');
        const run = await runShim(['--datasource', datasource(url), 'cli', 'can-connect-to-database']);
        expect(run.code).toBe(1);
        expect(cliErrorCode(run.stderr)).toBe('P1003');
      });

      it('creates and drops a database', async () => {
        const scratch = await createEmptyServerDatabase(serverDatabaseUrl()!);
        await scratch.drop();
        expect((await runShim(['--datasource', datasource(scratch.url), 'cli', 'create-database'])).code).toBe(0);
        expect((await runShim(['--datasource', datasource(scratch.url), 'cli', 'can-connect-to-database'])).code).toBe(0);
        expect((await runShim(['--datasource', datasource(scratch.url), 'cli', 'drop-database'])).code).toBe(0);
        const after = await runShim(['--datasource', datasource(scratch.url), 'cli', 'can-connect-to-database']);
        expect(cliErrorCode(after.stderr)).toBe('P1003');
      });
    });
});
