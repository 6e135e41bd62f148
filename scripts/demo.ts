/**
 * `npm run demo`: walks sample encounters through every path of the product over its HTTP API.
 *
 * With the product running (`npm start`, or `npm run start:demo` for short timers), it submits
 * the encounters of data/demo/encounters.json, follows each one (one line per stage change),
 * plays the people on its path (the physician answers a query, a coder overrides codes, a
 * supervisor decides an escalation or a denial, a biller cancels, switches an inactive coverage
 * to self-pay from the eligibility worklist or gives a labelled estimate before a scheduled
 * visit, the clinic documents that visit, a biller appeals a denied line with a letter), prints
 * the claim's story after it left (the payer's 277CA, claim status inquiries for a silent payer,
 * each 835 with the patient's share by reason), and ends with a table of
 * encounters by stage (GET /encounters?stage=…) and one result line per path; then a patient asks
 * about a bill and a biller answers, and a biller sends a billed claim back corrected (a claim
 * correction: the replacement's remittance and the statement reissued).
 *
 *   npm run demo                 reuse the sample encounters (a second run the same day reports where they stand;
 *                                dates of service are relative to the day the demo runs, so another day submits new ones)
 *   npm run demo -- --fresh      submit new copies (clinicEncounterId + "-<timestamp>")
 *
 * Environment: DEMO_API_URL (default http://127.0.0.1:3000), DEMO_TIMEOUT_SECONDS (default 240),
 * DEMO_ENCOUNTERS (another samples file, same shape as data/demo/encounters.json).
 *
 * Exit codes: 0 every path that could run behaved as expected (paths that wait on a long clock
 * are reported, not failed); 1 a path ended somewhere unexpected; 2 the API is not reachable.
 *
 * The demo prints no patient names, birth dates or member ids: encounters are named by their
 * clinic encounter id.
 */
import { parseArgs } from 'node:util';
import { STAGES } from '../workflows/stages.ts';
import { ApiUnreachable, DemoApi } from './demo/api.ts';
import { loadSamples } from './demo/samples.ts';
import { billerCorrectsClaim } from './demo/claim-correction.ts';
import { patientAsksBillerAnswers } from './demo/patient-question.ts';
import { EncounterRun, type RunResult } from './demo/scenario.ts';

const USAGE = `usage: npm run demo [-- --fresh]

  --fresh   submit new copies of the sample encounters (clinicEncounterId + "-<timestamp>");
            by default the samples are reused and followed from wherever they stand.

  DEMO_API_URL           the API (default http://127.0.0.1:3000)
  DEMO_TIMEOUT_SECONDS   the demo's time limit (default 240)
  DEMO_ENCOUNTERS        another samples file (default data/demo/encounters.json)`;

const print = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`\ndemo: ${message}\n`);
  process.exit(code);
}

async function waitUntilReady(api: DemoApi): Promise<void> {
  let health = await api.health();
  for (let i = 0; !health.ready && i < 15; i++) {
    if (i === 0) print(`The API answers but is not ready yet (${health.failing.join(', ')}); waiting up to 30s…`);
    await sleep(2_000);
    health = await api.health();
  }
  if (!health.ready) {
    fail(2, `the API at ${api.baseUrl} answers but is not ready (${health.failing.join(', ')}). Is the product fully started?`);
  }
}

async function printStageTable(api: DemoApi, ours: ReadonlySet<string>): Promise<void> {
  print();
  print('Encounters by stage (GET /encounters?stage=…)');
  print(`  ${'stage'.padEnd(24)}${'all'.padStart(5)}  this demo`);
  for (const stage of STAGES) {
    const items = await api.encountersInStage(stage);
    const mine = items.filter((item) => ours.has(item.clinicEncounterId)).map((item) => item.clinicEncounterId);
    print(`  ${stage.padEnd(24)}${String(items.length).padStart(5)}  ${mine.join(', ')}`);
  }
}

function printResults(results: RunResult[]): void {
  const label = { ok: 'OK', waiting: 'WAITING', unexpected: 'UNEXPECTED' } as const;
  print();
  print('Results');
  const idWidth = Math.max(...results.map((r) => r.clinicEncounterId.length)) + 2;
  for (const r of results) {
    print(`  ${label[r.outcome].padEnd(12)}${r.clinicEncounterId.padEnd(idWidth)}${r.scenario.padEnd(25)}${r.message}`);
  }
}

async function main(): Promise<void> {
  let values: { fresh: boolean; help: boolean };
  try {
    ({ values } = parseArgs({
      options: { fresh: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (error) {
    fail(1, `${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    print(USAGE);
    return;
  }
  const { fresh } = values;

  const baseUrl = process.env.DEMO_API_URL ?? 'http://127.0.0.1:3000';
  const timeoutSeconds = Number(process.env.DEMO_TIMEOUT_SECONDS ?? '240');
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 30) fail(1, 'DEMO_TIMEOUT_SECONDS must be a number of seconds, at least 30');
  const api = new DemoApi(baseUrl);

  print(`encounterflow demo against ${baseUrl}${fresh ? ' (fresh encounters)' : ''}`);
  await waitUntilReady(api);

  const samples = loadSamples();
  const suffix = fresh ? `-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}` : '';
  const started = Date.now();
  const runs = samples.map(
    (sample) =>
      new EncounterRun(sample, suffix, {
        api,
        deadlineAt: started + timeoutSeconds * 1000,
        clockWaitLimitMs: 3 * 60_000,
        pendedWaitMs: 45_000,
        pollIntervalMs: 1_000,
        print,
      }),
  );
  print(`Submitting ${runs.length} sample encounters (POST /encounters, idempotent on clinicEncounterId)`);
  if (!fresh) print('(earlier ones are reused and followed from where they stand; `npm run demo -- --fresh` submits new copies)');
  for (const run of runs) await run.submit();
  print();

  // Every encounter is followed at the same time; each run ends by itself (at the latest at the time limit).
  const results = await Promise.all(runs.map((run) => run.run()));

  await printStageTable(api, new Set(runs.map((run) => run.clinicEncounterId)));
  printResults(results);

  // The patient's side on the first encounter that was billed: link, bill, question, the biller's answer.
  const billed = runs.find((run, i) => results[i]?.stage === 'billed' && run.id !== undefined);
  print();
  if (billed === undefined) {
    results.push({
      clinicEncounterId: '-',
      scenario: 'straight_through',
      outcome: 'waiting',
      stage: 'not submitted',
      message: 'no billed encounter for the patient’s question',
    });
  } else {
    print('A patient asks about a bill; a biller answers');
    try {
      await patientAsksBillerAnswers(api, billed.id!, billed.sample.submission.patient.dateOfBirth, print);
    } catch (error) {
      results.push({
        clinicEncounterId: billed.clinicEncounterId,
        scenario: billed.sample.scenario,
        outcome: 'unexpected',
        stage: 'billed',
        message: `patient question: ${(error as Error).message}`,
      });
    }
  }

  // A billed claim sent back corrected: the encounter of the claim_correction sample, once billed.
  const correctable = runs.findIndex((run, i) => run.sample.scenario === 'claim_correction' && results[i]?.stage === 'billed');
  if (correctable >= 0) {
    const run = runs[correctable]!;
    print();
    print('A biller sends a billed claim back corrected (the modifier the visit needed); the statement is reissued');
    try {
      const corrected = await billerCorrectsClaim(api, run.id!, print, Math.max(60_000, started + timeoutSeconds * 1000 - Date.now()));
      results.push({ clinicEncounterId: run.clinicEncounterId, scenario: 'claim_correction', stage: 'billed', ...corrected });
    } catch (error) {
      results.push({
        clinicEncounterId: run.clinicEncounterId,
        scenario: 'claim_correction',
        outcome: 'unexpected',
        stage: 'billed',
        message: `claim correction: ${(error as Error).message}`,
      });
    }
  }

  const elapsed = Math.round((Date.now() - started) / 1000);
  const unexpected = results.filter((r) => r.outcome === 'unexpected');
  const waiting = results.filter((r) => r.outcome === 'waiting');
  print();
  if (unexpected.length > 0) {
    fail(
      1,
      `${unexpected.length} path(s) ended somewhere unexpected after ${elapsed}s:\n` +
        unexpected.map((r) => `  ${r.clinicEncounterId} (${r.scenario}): ${r.message}`).join('\n'),
    );
  }
  print(
    `Every path that could run behaved as expected (${elapsed}s).` +
      (waiting.length > 0
        ? ` ${waiting.length} wait(s) on a clock longer than the demo: start the product with \`npm run start:demo\` (short timers) and run \`npm run demo -- --fresh\` to see them through.`
        : ''),
  );
}

try {
  await main();
} catch (error) {
  if (error instanceof ApiUnreachable) {
    fail(
      2,
      `${error.message}.\nStart the product first (\`npm start\`, or \`npm run start:demo\` for short timers), or point DEMO_API_URL at it.`,
    );
  }
  fail(1, `the demo failed: ${error instanceof Error ? error.message : String(error)}`);
}
