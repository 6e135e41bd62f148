/**
 * `npm run fuzz:api`: schema-driven fuzzing of every route with Schemathesis (PyPI
 * `schemathesis` 4.32.5, installed into a venv under TOOLS_DIR/schemathesis on first use) against
 * the real stack of testkit/stack.ts (database, Temporal dev server, worker, sandboxes, API).
 * Each role's token runs once, so requests reach the handlers and not only the 401/403 checks;
 * the only check is `not_a_server_error`: any 5xx fails the run (exit 1). Prints the count of
 * requests and of 5xx per role.
 *
 *   npm run fuzz:api [-- --max-examples N]     (default 25 per operation and phase)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TOOLS_DIR, logTool } from '../platform/temporal-cli.ts';
import { TOKENS } from '../testkit/http.ts';
import { startTestStack } from '../testkit/stack.ts';

export const SCHEMATHESIS_REQUIREMENT = 'schemathesis==4.32.5';
const VENV_DIR = path.join(TOOLS_DIR, 'schemathesis');
const ST = path.join(VENV_DIR, 'bin', 'st');

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function ensureSchemathesis(): Promise<void> {
  if (existsSync(ST)) return;
  logTool(`installing ${SCHEMATHESIS_REQUIREMENT} from PyPI into a venv at ${VENV_DIR}`);
  if ((await run('python3', ['-m', 'venv', VENV_DIR])) !== 0) throw new Error('could not create the schemathesis venv');
  if (
    (await run(path.join(VENV_DIR, 'bin', 'pip'), [
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-input',
      SCHEMATHESIS_REQUIREMENT,
    ])) !== 0
  ) {
    throw new Error(`could not install ${SCHEMATHESIS_REQUIREMENT}`);
  }
}

interface NdjsonEvent {
  ScenarioFinished?: { recorder?: { interactions?: Record<string, { response?: { status_code?: number } | null }> } };
}

/** Requests and 5xx answers recorded in Schemathesis's NDJSON event stream. */
function countResponses(file: string): { requests: number; serverErrors: number } {
  let requests = 0;
  let serverErrors = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('ScenarioFinished')) continue;
    const event = JSON.parse(line) as NdjsonEvent;
    for (const interaction of Object.values(event.ScenarioFinished?.recorder?.interactions ?? {})) {
      const status = interaction.response?.status_code;
      if (status === undefined) continue;
      requests += 1;
      if (status >= 500) serverErrors += 1;
    }
  }
  return { requests, serverErrors };
}

const { values } = parseArgs({ options: { 'max-examples': { type: 'string', default: '25' } } });
await ensureSchemathesis();
const reportDir = path.resolve('.test-results', 'fuzz');
mkdirSync(reportDir, { recursive: true });
// Generous limits: the fuzzer is one busy client, not the overload being tested elsewhere.
const stack = await startTestStack({
  apiLimits: { rateLimitPerMinute: 1_000_000, intakeConcurrency: 16, intakeQueue: 256, intakeMaxWaitMs: 10_000 },
});
let failed = false;
const totals: Record<string, { requests: number; serverErrors: number; exitCode: number }> = {};
try {
  for (const [role, token] of Object.entries({
    intake: TOKENS.intake,
    coder: TOKENS.coder,
    biller: TOKENS.biller,
    supervisor: TOKENS.supervisor,
    physician: TOKENS.physicianA,
  })) {
    const ndjson = path.join(reportDir, `${role}.ndjson`);
    const code = await run(
      ST,
      [
        'run',
        `${stack.apiUrl}/openapi.json`,
        '--url',
        stack.apiUrl,
        '--checks',
        'not_a_server_error',
        '--max-examples',
        values['max-examples'],
        '--header',
        `Authorization: Bearer ${token}`,
        '--request-timeout',
        '30',
        '--report',
        'ndjson',
        '--report-ndjson-path',
        ndjson,
        '--seed',
        '20261128',
      ],
      { SCHEMATHESIS_HOOKS: '', NO_COLOR: '1' },
    );
    const counted = countResponses(ndjson);
    totals[role] = { ...counted, exitCode: code };
    if (code !== 0 || counted.serverErrors > 0) failed = true;
  }
} finally {
  await stack.stop();
}
const all = Object.values(totals).reduce(
  (sum, t) => ({ requests: sum.requests + t.requests, serverErrors: sum.serverErrors + t.serverErrors }),
  { requests: 0, serverErrors: 0 },
);
console.log(JSON.stringify({ perRole: totals, ...all }, null, 2));
console.log(`fuzz: ${all.requests} requests, ${all.serverErrors} x 5xx`);
process.exit(failed ? 1 : 0);
