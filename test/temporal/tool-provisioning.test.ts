import { spawn, execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { searchAttributeCliArgs, searchAttributeSpecs } from '../../platform/search-attributes.ts';
import { findFreePort } from '../../platform/temporal-server.ts';
import { ensureTemporalCli, findOnPath, withInstallLock } from '../../platform/temporal-cli.ts';
import { ensureTemporalTestServer, pinnedTestServerVersion } from '../../testkit/temporal-test-server.ts';

const run = promisify(execFile);

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('withInstallLock', () => {
  let lockRoot = '';
  beforeAll(async () => {
    lockRoot = await mkdtemp(path.join(os.tmpdir(), 'encounterflow-locks-'));
  });
  afterAll(async () => {
    await rm(lockRoot, { recursive: true, force: true });
  });

  it('lets only one installer in at a time', async () => {
    const events: string[] = [];
    const installer = (name: string) =>
      withInstallLock(
        'shared-tool',
        async () => {
          events.push(`${name}:start`);
          await new Promise((resolve) => setTimeout(resolve, 100));
          events.push(`${name}:end`);
        },
        { lockRoot, pollMs: 10 },
      );
    await Promise.all([installer('a'), installer('b'), installer('c')]);
    expect(events).toHaveLength(6);
    for (let i = 0; i < events.length; i += 2) {
      const [who] = (events[i] ?? '').split(':');
      expect(events[i]).toBe(`${who}:start`);
      expect(events[i + 1]).toBe(`${who}:end`);
    }
  });

  it('takes over a lock whose owner process died, and releases it afterwards', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    const lockDir = path.join(lockRoot, 'orphaned.lock');
    await mkdir(lockDir, { recursive: true });
    await writeFile(path.join(lockDir, 'owner.pid'), String(dead.pid));

    const result = await withInstallLock('orphaned', async () => 'installed', { lockRoot, pollMs: 10, timeoutMs: 5_000 });
    expect(result).toBe('installed');
    await expect(readFile(path.join(lockDir, 'owner.pid'))).rejects.toThrow();
  });

  it('gives up after its timeout while a live process holds the lock', async () => {
    const lockDir = path.join(lockRoot, 'held.lock');
    await mkdir(lockDir, { recursive: true });
    await writeFile(path.join(lockDir, 'owner.pid'), String(process.pid));
    await expect(withInstallLock('held', async () => 'never', { lockRoot, pollMs: 10, timeoutMs: 200 })).rejects.toThrow(/Timed out/);
  });
});

describe('ensureTemporalCli', () => {
  const savedCliEnv = process.env['TEMPORAL_CLI'];
  afterEach(() => {
    if (savedCliEnv === undefined) delete process.env['TEMPORAL_CLI'];
    else process.env['TEMPORAL_CLI'] = savedCliEnv;
  });

  // Runs first: a successful lookup is memoised for the rest of the process.
  it('refuses a TEMPORAL_CLI that points nowhere', async () => {
    process.env['TEMPORAL_CLI'] = path.join(os.tmpdir(), 'no-such-temporal-binary');
    await expect(ensureTemporalCli()).rejects.toThrow(/TEMPORAL_CLI is set/);
  });

  it('returns a working Temporal CLI that knows the dev server and our search attribute types', async () => {
    delete process.env['TEMPORAL_CLI'];
    const cli = await ensureTemporalCli();
    const { stdout } = await run(cli, ['--version']);
    expect(stdout).toMatch(/^temporal version \d+\.\d+\.\d+/);
    const help = await run(cli, ['server', 'start-dev', '--help']);
    expect(help.stdout).toContain('--search-attribute');
    expect(searchAttributeCliArgs()).toEqual([
      '--search-attribute',
      'EncounterStage=Keyword',
      '--search-attribute',
      'PayerId=Keyword',
      '--search-attribute',
      'DateOfService=Datetime',
    ]);
    for (const spec of searchAttributeSpecs()) {
      const type = spec.split('=')[1] ?? '';
      expect(help.stdout).toContain(type);
    }
  });

  it('finds executables on a given PATH only', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'encounterflow-path-'));
    try {
      const fake = path.join(dir, 'temporal');
      await writeFile(fake, '#!/bin/sh\n', { mode: 0o755 });
      await writeFile(path.join(dir, 'not-executable'), 'x', { mode: 0o644 });
      expect(await findOnPath('temporal', `/nonexistent${path.delimiter}${dir}`)).toBe(fake);
      expect(await findOnPath('not-executable', dir)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ensureTemporalTestServer', () => {
  it('provides a launcher for the pinned test server version whose JVM listens on the port it is given', async () => {
    const launcher = await ensureTemporalTestServer();
    const script = await readFile(launcher, 'utf8');
    expect(script).toContain(`test server ${await pinnedTestServerVersion()}`);
    expect(script).toMatch(/exec "\$java_bin" .* io\.temporal\.testserver\.TestServer "\$@"/);

    const port = await findFreePort();
    const started = Date.now();
    const server = spawn(launcher, [String(port)], { stdio: 'ignore' });
    try {
      // The start-up time is printed, not asserted: it depends on the machine's load.
      await waitForPort(port, 60_000);
      process.stderr.write(`[temporal test server] listening after ${Date.now() - started} ms\n`);
    } finally {
      server.kill('SIGKILL'); // as the SDK does
    }
  });
});
