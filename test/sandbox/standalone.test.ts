/** The sandboxes run alone (`tsx sandbox/<party>/main.ts`): readiness line, real answers, clean shutdown. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

async function runUntilReady(script: string, env: Record<string, string>, name: string) {
  const child = spawn(tsx, [script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no readiness line: ${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = new RegExp(`^${name} sandbox listening on (http://127\\.0\\.0\\.1:\\d+)$`, 'm').exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', () => reject(new Error(`exited early: ${output}`)));
  });
  return { child, url };
}

describe('standalone sandboxes', () => {
  it.each([
    ['insurer', 'sandbox/insurer/main.ts', 'INSURER_PORT', '/_sandbox/records'],
    ['clearinghouse', 'sandbox/clearinghouse/main.ts', 'CLEARINGHOUSE_PORT', '/_sandbox/records'],
  ])('%s prints its readiness line, answers, and stops on SIGTERM', async (name, script, portVariable, path) => {
    const { child, url } = await runUntilReady(script, { [portVariable]: '0' }, name);
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(200);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
