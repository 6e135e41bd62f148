/**
 * `npm run chaos`: the product as separate processes on loopback (embedded PostgreSQL, the
 * Temporal dev server, the insurer and clearinghouse sandboxes with ~30 % faults, two workers,
 * the API), encounters submitted like a clinic's system would (retrying 503/429/connection errors
 * after Retry-After), while workers are killed with SIGKILL, Temporal is killed and restarted,
 * PostgreSQL and the API are restarted. Then it waits for every accepted encounter to settle and
 * prints figures from the database, Temporal and the sandboxes' own records. Bounded: it stops
 * everything it started and exits by itself (non-zero when a figure is wrong).
 *
 *   npm run chaos                      # 60 encounters
 *   npm run chaos -- --smoke           # 12 encounters, the CI size
 *   npm run chaos -- --overload        # no kills or faults: 100 intake requests/s for 10 s
 *   options: --encounters N --rate R (per second) --data-dir DIR --port-base P (uses P..P+4; default 24010)
 *
 * This file is long because it is one scenario told in order: start, load, faults, settle, count.
 */
import { fileURLToPath } from 'node:url';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { DefaultLogger } from '@temporalio/worker';
import { bundleEncounterWorkflows } from '../worker/workflow-bundle.ts';
import { createPrismaClient, migrateDeploy } from '../platform/db.ts';
import { createPayloadCodec, encryptingDataConverter, generatePayloadKeySpec } from '../platform/payload-codec.ts';
import { PROJECT_ROOT } from '../platform/project-root.ts';
import { connectClient, settingsForAddress } from '../platform/temporal-connection.ts';
import { startTemporalDevServer, type RunningDevServer } from '../platform/temporal-server.ts';
import { FINAL_STAGES } from '../workflows/stages.ts';
import { crashedProcesses, logLength, logTail, spawnTsx, stopProcess, waitForLog, type ManagedProcess } from './chaos/processes.ts';
import { freePortBase } from './bench/ports.ts';

const { values: options } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    overload: { type: 'boolean', default: false },
    encounters: { type: 'string' },
    rate: { type: 'string' },
    'data-dir': { type: 'string' },
    'port-base': { type: 'string', default: '24010' },
  },
});
const mode = options.overload ? 'overload' : options.smoke ? 'smoke' : 'full';
const ENCOUNTERS = Number(options.encounters ?? (mode === 'overload' ? 1000 : mode === 'smoke' ? 12 : 60));
const RATE = Number(options.rate ?? (mode === 'overload' ? 100 : mode === 'smoke' ? 3 : 4));
/** Generous: a passing run settles in seconds on a quiet machine, and a busy CI machine may take minutes. */
const SETTLE_TIMEOUT_MS = 300_000;
/** Stages an encounter leaves by itself (no person needed): settling waits until none is in one. */
const IN_PROGRESS_STAGES = ['received', 'eligibility', 'coding', 'authorization', 'billing', 'awaiting_remittance'];
// Five ports below the ephemeral range (scripts/bench/ports.ts): a killed process is down a moment
// before its restart, and an outgoing connection must not take its port meanwhile.
const base = await freePortBase(Number(options['port-base']), 5);
const PORTS = { temporal: base, postgres: base + 1, insurer: base + 2, clearinghouse: base + 3, api: base + 4 };
const dataDir = resolve(options['data-dir'] ?? join(PROJECT_ROOT, '.data', `chaos-${Date.now()}`));
const logDir = join(dataDir, 'logs');
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (text: string) => console.log(`[chaos ${elapsed()}] ${text}`);

const INTAKE_TOKEN = `intake-${randomBytes(8).toString('hex')}`;
const payloadKeys = generatePayloadKeySpec();
const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${PORTS.postgres}/postgres`;
const temporalAddress = `127.0.0.1:${PORTS.temporal}`;
const apiUrl = `http://127.0.0.1:${PORTS.api}`;

/** ~30 % of sandbox requests fail one way or another (none in overload mode: that measures the API). */
function writeFaultyScenario(name: 'insurer' | 'clearinghouse', seed: number): string {
  const scenario = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'sandbox', `${name}-scenarios.json`), 'utf8')) as { faults: object };
  scenario.faults =
    mode === 'overload'
      ? { seed }
      : { seed, serverErrorRate: 0.12, rateLimitRate: 0.06, retryAfterSeconds: 1, slowRate: 0.06, slowDelayMs: 1500, resetRate: 0.06 };
  const file = join(dataDir, `${name}-scenario.json`);
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

const serviceEnv: Record<string, string> = {
  DATABASE_URL: databaseUrl,
  TEMPORAL_ADDRESS: temporalAddress,
  PAYLOAD_ENCRYPTION_KEYS: payloadKeys,
  // Not about coding: confident encounters bill straight through (test calibration), as in the test stacks.
  CODING_STRAIGHT_THROUGH_CALIBRATION: fileURLToPath(new URL('../testkit/straight-through-test-calibration.json', import.meta.url)),
  INSURER_URL: `http://127.0.0.1:${PORTS.insurer}`,
  CLEARINGHOUSE_URL: `http://127.0.0.1:${PORTS.clearinghouse}`,
  API_HOST: '127.0.0.1',
  API_PORT: String(PORTS.api),
  API_TOKENS: `${INTAKE_TOKEN}=intake:chaos-clinic`,
  API_RATE_LIMIT_PER_MINUTE: '100000',
  EXTERNAL_TIMEOUT_MS: '3000',
  WORKFLOW_RECONCILE_INTERVAL_MS: '5000',
  DATA_DIR: dataDir,
  CLARIFICATION_DEADLINE: '30s',
  CLARIFICATION_REMINDER_INTERVAL: '10s',
  AUTHORIZATION_POLL_INTERVAL: '1s',
  AUTHORIZATION_DEADLINE_STANDARD: '60s',
  AUTHORIZATION_DEADLINE_EXPEDITED: '60s',
  // Short remittance timers, as `npm run start:demo` has: the mailbox is read every 2 s and a
  // payer-directory day lasts a minute, so insured encounters go awaiting_remittance → billed.
  REMITTANCE_POLL_INTERVAL: '2s',
  PAYER_DAY: '1m',
  INSURER_PORT: String(PORTS.insurer),
  CLEARINGHOUSE_PORT: String(PORTS.clearinghouse),
};

const processes = new Map<string, ManagedProcess>();
let temporalServer: RunningDevServer | undefined;

async function startPostgres(): Promise<void> {
  const proc = spawnTsx(
    'postgres',
    join(PROJECT_ROOT, 'scripts/chaos/postgres-process.ts'),
    [join(dataDir, 'pglite'), String(PORTS.postgres)],
    {},
    logDir,
  );
  processes.set('postgres', proc);
  await waitForLog(proc, 'postgres ready', 60_000, 0);
}

async function startTemporal(): Promise<void> {
  temporalServer = await startTemporalDevServer({
    dataDir: join(dataDir, 'temporal'),
    port: PORTS.temporal,
    namespace: 'default',
    startupTimeoutMs: 60_000,
  });
}

async function startService(name: string, script: string, readyText: string): Promise<void> {
  const earlier = processes.get(name);
  const from = earlier === undefined ? 0 : logLength(earlier);
  const proc = spawnTsx(name, join(PROJECT_ROOT, script), [], { ...serviceEnv }, logDir);
  processes.set(name, proc);
  await waitForLog(proc, readyText, 120_000, from);
}

const startWorker = (name: string) => startService(name, 'app/worker.ts', 'worker ready');
const startApi = () => startService('api', 'app/api.ts', 'api ready');

async function stopAll(): Promise<void> {
  for (const name of ['api', 'worker-1', 'worker-2', 'insurer', 'clearinghouse']) {
    const proc = processes.get(name);
    if (proc !== undefined) await stopProcess(proc, 'SIGTERM').catch(() => undefined);
  }
  await temporalServer?.stop().catch(() => undefined);
  const pg = processes.get('postgres');
  if (pg !== undefined) await stopProcess(pg, 'SIGTERM').catch(() => undefined);
}

// ---- the clinic: submissions retried until accepted or refused ----------------------------------

interface SubmissionOutcome {
  clinicEncounterId: string;
  status: number | 'gave-up';
  attempts: number;
  statuses: Record<string, number>;
}

const statusCounts: Record<string, number> = {};
const serverErrors: string[] = [];

/** Every third encounter is a lumbar MRI, which ACME-HEALTH authorizes first: the insurer sees idempotency keys. */
function documentation(index: number) {
  if (index % 3 === 2) {
    return {
      notes: 'Low back pain radiating to the left leg for eight weeks despite physical therapy.',
      diagnoses: [{ description: 'Low back pain', code: 'M54.50' }],
      procedures: [{ description: 'MRI lumbar spine without contrast', code: '72148', units: 1 }],
      testResults: [],
    };
  }
  return {
    notes: 'Follow-up for type 2 diabetes; A1c reviewed.',
    diagnoses: [{ description: 'Type 2 diabetes mellitus without complications', code: 'E11.9' }],
    procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
    testResults: [{ name: 'HbA1c', value: '7.2', unit: '%', flag: 'H' }],
  };
}

function submission(index: number) {
  const run = randomUUID().slice(0, 8);
  return {
    clinicEncounterId: `CHAOS-${run}-${index}`,
    patient: {
      externalId: `CHAOS-PAT-${run}-${index % 7}`,
      firstName: 'Chaos',
      lastName: 'Testpatient',
      dateOfBirth: '1975-04-12',
      sex: 'F',
      memberId: `MBR${index % 7}CHAOS`,
    },
    provider: { npi: '1234567893', name: 'Dr. Demo One', taxonomy: '207Q00000X' },
    payerId: 'ACME-HEALTH',
    dateOfService: '2026-11-20',
    placeOfService: '11',
    documentation: documentation(index),
  };
}

async function submitUntilAnswered(body: ReturnType<typeof submission>, deadline: number, retry: boolean): Promise<SubmissionOutcome> {
  const outcome: SubmissionOutcome = { clinicEncounterId: body.clinicEncounterId, status: 'gave-up', attempts: 0, statuses: {} };
  while (Date.now() < deadline) {
    outcome.attempts += 1;
    let status: number | 'connection';
    let retryAfterMs = 1_000;
    try {
      const response = await fetch(`${apiUrl}/encounters`, {
        method: 'POST',
        headers: { authorization: `Bearer ${INTAKE_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      const text = await response.text();
      retryAfterMs = Math.min(5_000, Number(response.headers.get('retry-after') ?? '1') * 1000);
      if (status >= 500 && !(status === 503 && response.headers.get('retry-after') !== null))
        serverErrors.push(`${status} ${text.slice(0, 120)}`);
    } catch {
      status = 'connection';
    }
    statusCounts[String(status)] = (statusCounts[String(status)] ?? 0) + 1;
    outcome.statuses[String(status)] = (outcome.statuses[String(status)] ?? 0) + 1;
    if (status === 200 || status === 201 || (typeof status === 'number' && status >= 400 && status < 500 && status !== 429)) {
      outcome.status = status;
      return outcome;
    }
    if (!retry) {
      outcome.status = status === 'connection' ? 'gave-up' : status;
      return outcome;
    }
    await sleep(retryAfterMs * (0.5 + Math.random()));
  }
  return outcome;
}

// ---- faults ---------------------------------------------------------------------------------------

const recoveries: Array<{ activityType: string; seconds: number | null }> = [];

/** An activity the given worker process is running right now, if any. */
async function activityRunningOn(
  client: Client,
  pid: number,
): Promise<{ workflowId: string; activityId: string; activityType: string } | undefined> {
  for await (const execution of client.workflow.list({ query: 'ExecutionStatus="Running"' })) {
    const description = await client.workflow
      .getHandle(execution.workflowId)
      .describe()
      .catch(() => undefined);
    for (const pending of description?.raw.pendingActivities ?? []) {
      if (pending.lastWorkerIdentity?.startsWith(`${pid}@`) && Number(pending.state) === 2 /* STARTED */) {
        return { workflowId: execution.workflowId, activityId: pending.activityId ?? '', activityType: pending.activityType?.name ?? '?' };
      }
    }
  }
  return undefined;
}

/** kill -9 of a worker while it runs an activity; measures how long until that activity completed elsewhere. */
async function killWorkerMidActivity(client: Client, name: string): Promise<void> {
  const proc = processes.get(name)!;
  let target: Awaited<ReturnType<typeof activityRunningOn>>;
  const lookUntil = Date.now() + 15_000;
  while (target === undefined && Date.now() < lookUntil) target = await activityRunningOn(client, proc.child.pid!).catch(() => undefined);
  await stopProcess(proc, 'SIGKILL');
  if (target === undefined) {
    say(`kill -9 ${name} (no activity caught in flight)`);
  } else {
    const killedAt = Date.now();
    say(`kill -9 ${name} while it ran ${target.activityType}`);
    void (async () => {
      while (Date.now() - killedAt < 120_000) {
        const description = await client.workflow
          .getHandle(target.workflowId)
          .describe()
          .catch(() => undefined);
        const still = description?.raw.pendingActivities?.some((p) => p.activityId === target.activityId);
        if (description !== undefined && !still) {
          recoveries.push({ activityType: target.activityType, seconds: (Date.now() - killedAt) / 1000 });
          return;
        }
        await sleep(250);
      }
      recoveries.push({ activityType: target.activityType, seconds: null });
    })();
  }
  await sleep(2_000);
  await startWorker(name);
  say(`${name} restarted`);
}

async function restartTemporal(downMs: number): Promise<void> {
  say('kill -9 Temporal');
  process.kill(temporalServer!.pid, 'SIGKILL');
  await sleep(downMs);
  await startTemporal();
  say('Temporal restarted');
}

async function restartPostgres(): Promise<void> {
  say('restart PostgreSQL');
  await stopProcess(processes.get('postgres')!, 'SIGTERM');
  await sleep(1_000);
  await startPostgres();
  say('PostgreSQL back');
}

async function restartApi(): Promise<void> {
  say('kill -9 API');
  await stopProcess(processes.get('api')!, 'SIGKILL');
  await sleep(1_000);
  await startApi();
  say('API restarted');
}

// ---- figures -------------------------------------------------------------------------------------

async function sandboxRecords(name: string, url: string): Promise<unknown> {
  try {
    const response = await fetch(`${url}/_sandbox/records`, { signal: AbortSignal.timeout(10_000) });
    return await response.json();
  } catch (error) {
    throw new Error(`the ${name} sandbox did not answer ${url}/_sandbox/records: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
}

/** The submitted patients' name, birth date and member ids: none may appear in any process log. */
const PATIENT_DATA = /Testpatient|1975-04-12|MBR\dCHAOS/;

/** The end of every process's log, printed when the run fails; a line with patient data is withheld. */
function printLogTails(): void {
  for (const proc of processes.values()) {
    const tail = logTail(proc)
      .split('\n')
      .map((line) => (PATIENT_DATA.test(line) ? '[line withheld: it holds patient data]' : line.slice(0, 300)))
      .join('\n');
    console.error(`---- ${proc.name}: last lines of ${proc.logFile}\n${tail}`);
  }
}

async function figures(client: Client, accepted: string[]) {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const encounters = await prisma.encounter.findMany({
      where: { clinicEncounterId: { in: accepted } },
      select: { id: true, stage: true, workflowId: true },
    });
    const byStage: Record<string, number> = {};
    for (const e of encounters) byStage[e.stage] = (byStage[e.stage] ?? 0) + 1;
    const claims = await prisma.claim.groupBy({
      by: ['encounterId'],
      where: { encounterId: { in: encounters.map((e) => e.id) } },
      _count: { _all: true },
    });
    const claimsPerEncounter: Record<string, number> = {};
    for (const c of claims) claimsPerEncounter[String(c._count._all)] = (claimsPerEncounter[String(c._count._all)] ?? 0) + 1;
    let orphans = 0;
    for (const e of encounters) {
      try {
        await client.workflow.getHandle(e.workflowId).describe();
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) orphans += 1;
        else throw error;
      }
    }
    const insurer = (await sandboxRecords('insurer', serviceEnv.INSURER_URL!)) as {
      authorizations: Array<{ idempotencyKey: string; replays: number }>;
      counts: Record<string, unknown>;
    };
    const clearinghouse = (await sandboxRecords('clearinghouse', serviceEnv.CLEARINGHOUSE_URL!)) as {
      claims: Array<{ claimNumber: string; submissions: number }>;
      counts: Record<string, unknown>;
    };
    const keys = new Set(insurer.authorizations.map((a) => a.idempotencyKey));
    const claimNumbers = new Set(clearinghouse.claims.map((c) => c.claimNumber));
    const dbClaimNumbers = await prisma.claim.count({ where: { encounterId: { in: encounters.map((e) => e.id) } } });
    // Plain-text patient data in any process log.
    const phiInLogs = readdirSync(logDir).filter((file) => PATIENT_DATA.test(readFileSync(join(logDir, file), 'utf8')));
    return {
      accepted: accepted.length,
      stored: encounters.length,
      settled: encounters.filter(
        (e) =>
          (FINAL_STAGES as readonly string[]).includes(e.stage) ||
          ['needs_review', 'denied', 'awaiting_clarification', 'escalated'].includes(e.stage),
      ).length,
      byStage,
      claimsPerEncounter,
      orphans,
      insurer: {
        records: insurer.authorizations.length,
        distinctIdempotencyKeys: keys.size,
        replaysAnswered: insurer.authorizations.reduce((s, a) => s + a.replays, 0),
        faults: insurer.counts.faults,
      },
      clearinghouse: {
        claims: clearinghouse.claims.length,
        distinctClaimNumbers: claimNumbers.size,
        postsIncludingRetries: clearinghouse.claims.reduce((s, c) => s + c.submissions, 0),
        claimsInDatabase: dbClaimNumbers,
        faults: clearinghouse.counts.faults,
      },
      logsWithPatientData: phiInLogs,
    };
  } finally {
    await prisma.$disconnect();
  }
}

// ---- the run ------------------------------------------------------------------------------------

async function main(): Promise<number> {
  say(`mode ${mode}: ${ENCOUNTERS} encounters at ${RATE}/s; ports ${base}..${base + 4}; data and logs in ${dataDir}`);
  // One workflow bundle for every worker start and restart (bundling takes a while on a small machine).
  const bundle = await bundleEncounterWorkflows({ logger: new DefaultLogger('WARN') });
  serviceEnv.WORKFLOW_BUNDLE_PATH = join(dataDir, 'workflow-bundle.js');
  writeFileSync(serviceEnv.WORKFLOW_BUNDLE_PATH, bundle.code);
  await Promise.all([startPostgres(), startTemporal()]);
  await migrateDeploy(databaseUrl);
  for (const name of ['insurer', 'clearinghouse'] as const) {
    const scenario = writeFaultyScenario(name, name === 'insurer' ? 11 : 837);
    const proc = spawnTsx(
      name,
      join(PROJECT_ROOT, `sandbox/${name}/main.ts`),
      [],
      { ...serviceEnv, [`${name.toUpperCase()}_SCENARIO`]: scenario },
      logDir,
    );
    processes.set(name, proc);
  }
  await Promise.all([
    ...['insurer', 'clearinghouse'].map((name) => waitForLog(processes.get(name)!, 'sandbox listening', 60_000)),
    startWorker('worker-1'),
    startWorker('worker-2'),
    startApi(),
  ]);
  say('all processes up');
  const { client, connection } = await connectClient(settingsForAddress(temporalAddress), {
    dataConverter: encryptingDataConverter(createPayloadCodec(payloadKeys)),
  });

  const submitDeadline = Date.now() + (mode === 'overload' ? 60_000 : 240_000);
  const submissions: Array<Promise<SubmissionOutcome>> = [];
  const intervalMs = 1000 / RATE;
  const load = (async () => {
    for (let i = 0; i < ENCOUNTERS; i++) {
      // The overload run sends each request once: what matters is what the API answers.
      submissions.push(submitUntilAnswered(submission(i), submitDeadline, mode !== 'overload'));
      await sleep(intervalMs);
    }
  })();

  if (mode !== 'overload') {
    const scale = mode === 'smoke' ? 0.6 : 1;
    await sleep(3_000 * scale);
    await killWorkerMidActivity(client, 'worker-1');
    await restartTemporal(5_000 * scale);
    await killWorkerMidActivity(client, 'worker-2');
    await restartPostgres();
    await restartApi();
  }
  await load;
  const outcomes = await Promise.all(submissions);
  const accepted = outcomes.filter((o) => o.status === 200 || o.status === 201).map((o) => o.clinicEncounterId);
  say(`submissions answered: ${JSON.stringify(statusCounts)}; accepted ${accepted.length}/${ENCOUNTERS}`);

  // Settle: every accepted encounter leaves the automatic stages, the wait for the payer's
  // remittance included (or the deadline passes).
  const prisma = createPrismaClient(databaseUrl);
  const settleDeadline = Date.now() + SETTLE_TIMEOUT_MS;
  let inProgress = accepted.length;
  while (Date.now() < settleDeadline) {
    inProgress = await prisma.encounter
      .count({ where: { clinicEncounterId: { in: accepted }, stage: { in: IN_PROGRESS_STAGES } } })
      .catch(() => inProgress);
    if (inProgress === 0 || crashedProcesses(processes.values()).length > 0) break;
    await sleep(2_000);
  }
  await prisma.$disconnect();
  await sleep(500);
  const result = await figures(client, accepted);
  await connection.close();
  const report = {
    mode,
    seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    submissions: statusCounts,
    unexpected5xx: serverErrors.length,
    stillInProgress: inProgress,
    recoveries,
    ...result,
  };
  console.log(JSON.stringify(report, null, 2));

  const problems: string[] = [];
  if (serverErrors.length > 0)
    problems.push(`${serverErrors.length} responses were 5xx other than 503 with Retry-After: ${serverErrors.slice(0, 3).join(' | ')}`);
  if (result.orphans > 0) problems.push(`${result.orphans} stored encounters have no workflow`);
  if (inProgress > 0) problems.push(`${inProgress} accepted encounters did not settle`);
  if (result.stored !== result.accepted) problems.push(`stored ${result.stored} != accepted ${result.accepted}`);
  if (Object.keys(result.claimsPerEncounter).some((n) => n !== '1'))
    problems.push(`claims per encounter: ${JSON.stringify(result.claimsPerEncounter)}`);
  if (result.insurer.records !== result.insurer.distinctIdempotencyKeys)
    problems.push('the insurer holds two records for one idempotency key');
  if (result.clearinghouse.claims !== result.clearinghouse.distinctClaimNumbers)
    problems.push('the clearinghouse holds two records for one claim number');
  if (result.logsWithPatientData.length > 0) problems.push(`patient data in logs: ${result.logsWithPatientData.join(', ')}`);
  if (recoveries.some((r) => r.seconds === null)) problems.push('an activity of a killed worker did not complete elsewhere');
  const crashed = crashedProcesses(processes.values());
  if (crashed.length > 0) problems.push(`processes exited by themselves: ${crashed.join(', ')}`);
  for (const problem of problems) console.error(`CHAOS PROBLEM: ${problem}`);
  if (problems.length > 0) printLogTails();
  return problems.length === 0 ? 0 : 1;
}

let exitCode = 1;
const hardStop = setTimeout(() => {
  console.error('chaos: overall time limit reached');
  void stopAll().finally(() => process.exit(1));
}, 15 * 60_000);
try {
  exitCode = await main();
} catch (error) {
  console.error('chaos failed:', error instanceof Error ? error.message : error);
  const crashed = crashedProcesses(processes.values());
  if (crashed.length > 0) console.error(`processes exited by themselves: ${crashed.join(', ')}`);
  printLogTails();
} finally {
  await stopAll();
  clearTimeout(hardStop);
}
process.exit(exitCode);
