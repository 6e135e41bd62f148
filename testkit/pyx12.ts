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
import { ensurePythonTool } from './python-tool.ts';

export const PYX12_REQUIREMENT = 'pyx12==4.0.0';

/** The x12valid executable, installed on first use. */
export function ensurePyx12(): Promise<string> {
  return ensurePythonTool({ name: 'pyx12', requirement: PYX12_REQUIREMENT, executable: 'x12valid' });
}

export interface Pyx12Verdict {
  ok: boolean;
  /** x12valid's output lines that report a problem. */
  errors: string[];
  output: string;
}

/** Reads x12valid's verdict from its output ("FILE: OK" vs ERROR lines and "FILE: Failure"). */
export function readPyx12Output(output: string): Pyx12Verdict {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
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
  return entries
    .filter((e) => e.endsWith('.x12'))
    .map((e) => path.join(target, e))
    .sort();
}
