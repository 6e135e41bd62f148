/**
 * The independent X12 checker: PyPI `pyx12` 4.0.0 (`x12valid`, with its 005010X222A1 837P and
 * 005010X221A1 835 maps), installed into a project-local venv under .tools/pyx12 by this script,
 * never by hand.
 *
 * The CLI is scripts/pyx12.ts:
 *   npx tsx scripts/pyx12.ts                 installs (if needed) and prints the x12valid path
 *   npx tsx scripts/pyx12.ts FILE|DIR ...    checks every .x12 file given (or found in a DIR);
 *                                            exits 1 when any has an error, 0 otherwise
 *
 * `x12valid` exits 1 even when the file is valid, so its exit code is never trusted: the verdict
 * is read from its output (an "OK" line per transaction set and no error lines).
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { TOOLS_DIR, isExecutableFile, logTool, runLogged, withInstallLock } from '../platform/temporal-cli.ts';

export const PYX12_REQUIREMENT = 'pyx12==4.0.0';
const VENV_DIR = path.join(TOOLS_DIR, 'pyx12');
const X12VALID = path.join(VENV_DIR, 'bin', 'x12valid');

async function install(): Promise<string> {
  return withInstallLock('pyx12', async () => {
    if (await isExecutableFile(X12VALID)) return X12VALID;
    const logFile = path.join(TOOLS_DIR, 'logs', 'pyx12-install.log');
    logTool(`installing ${PYX12_REQUIREMENT} from PyPI into a venv at ${VENV_DIR}`);
    if ((await runLogged('python3', ['-m', 'venv', VENV_DIR], logFile)) !== 0) {
      throw new Error(`could not create the pyx12 venv; see ${logFile}`);
    }
    const pip = path.join(VENV_DIR, 'bin', 'pip');
    const code = await runLogged(pip, ['install', '--disable-pip-version-check', '--no-input', PYX12_REQUIREMENT], logFile);
    if (code !== 0 || !(await isExecutableFile(X12VALID))) throw new Error(`could not install ${PYX12_REQUIREMENT}; see ${logFile}`);
    return X12VALID;
  });
}

let installing: Promise<string> | undefined;

/** The x12valid executable, installed on first use. */
export function ensurePyx12(): Promise<string> {
  installing ??= (async () => ((await isExecutableFile(X12VALID)) ? X12VALID : install()))().catch((err: unknown) => {
    installing = undefined;
    throw err;
  });
  return installing;
}

export interface Pyx12Verdict {
  ok: boolean;
  /** x12valid's output lines that report a problem. */
  errors: string[];
  output: string;
}

/** Reads x12valid's verdict from its output ("FILE: OK" vs ERROR lines and "FILE: Failure"). */
export function readPyx12Output(output: string): Pyx12Verdict {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  // pyx12 4.0.0 cannot build its own 999 acknowledgement for an 835 ("Failed to create 999
  // response", with a traceback): that is about the acknowledgement, not the document.
  const errors = lines.filter((l) => /\b(ERROR|CRITICAL)\b|: Failure$/.test(l) && !l.includes('Failed to create 999 response'));
  const okLines = lines.filter((l) => /: OK$/.test(l));
  return { ok: okLines.length > 0 && errors.length === 0, errors, output };
}

/** Runs x12valid on one file. */
export async function checkX12File(file: string): Promise<Pyx12Verdict> {
  const x12valid = await ensurePyx12();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(x12valid, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => resolve(text));
  });
  return readPyx12Output(output);
}

export async function x12FilesIn(target: string): Promise<string[]> {
  const info = await stat(target);
  if (info.isFile()) return [target];
  const entries = await readdir(target, { recursive: true });
  return entries.filter((e) => e.endsWith('.x12')).map((e) => path.join(target, e)).sort();
}
