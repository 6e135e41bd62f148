/**
 * `npx tsx scripts/count-intake.ts [--encounters 20]`: counts what one POST /encounters costs in
 * round trips, independent of the machine's load: SQL statements sent to PostgreSQL (by kind,
 * transactions included) and gRPC calls to Temporal, per intake. Counts, not timings.
 *
 * It runs the API in this process on a fresh database of TEST_DATABASE_URL's server and a
 * Temporal dev server of its own (or TEMPORAL_ADDRESS), posts the encounters one after another
 * (a new patient each, one physician, as the lifecycle benchmark does), then the same patients'
 * second encounters, and prints the averages of each. No worker runs: the workflows only start.
 * Intake answers once the encounter is stored and hands the workflow start off
 * (platform/encounter-workflow-starts.ts): what the request waited for and what went out after
 * its answer are counted apart (each POST's handed-off start is let finish before the next POST).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { InterceptingCall, Interceptor } from '@grpc/grpc-js';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { createApp } from '../api/app.ts';
import { EncounterWorkflowStarts } from '../platform/encounter-workflow-starts.ts';
import { parseTokenDirectory } from '../api/auth.ts';
import { createPayloadCodec, encryptingDataConverter, generatePayloadKeySpec } from '../platform/payload-codec.ts';
import { startTemporalDevServer } from '../platform/temporal-server.ts';
import { createTestDatabase } from '../testkit/database.ts';
import { validSubmission } from '../testkit/http.ts';
import { DEFAULT_TIMINGS } from '../workflows/config.ts';

const { values: args } = parseArgs({ options: { encounters: { type: 'string', default: '20' } } });
const encounters = Number(args.encounters);

/** Counted in the request (until its answer) or after it (the handed-off workflow start). */
type Phase = 'request' | 'after';
let phase: Phase = 'request';
const counters = () => ({ request: new Map<string, number>(), after: new Map<string, number>() });
const add = (maps: Record<Phase, Map<string, number>>, key: string) => maps[phase].set(key, (maps[phase].get(key) ?? 0) + 1);
const statements = counters();
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...rest: unknown[]) {
  const config = rest[0] as string | { text?: string };
  const text = typeof config === 'string' ? config : (config.text ?? '');
  add(statements, text.trim().split(/\s+/)[0]!.toUpperCase());
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, rest);
} as typeof pg.Client.prototype.query;

const rpcs = counters();
/** Wall time of the POSTs and of the workflow starts after them (moves with the machine's load: shares only). */
let postMs = 0;
let startMs = 0;
/** Workflow starts, and of those the ones that finished after the request had its answer. */
let starts = 0;
let startsAfterAnswer = 0;
/** Whether the API has written its answer to the POST in flight, and the starts that began before it had. */
let answerWritten = false;
let startsBeforeAnswerWritten = 0;
const countRpc: Interceptor = (options, nextCall): InterceptingCall => {
  add(rpcs, options.method_definition.path.split('/').pop()!);
  return nextCall(options) as InterceptingCall;
};

const stops: Array<() => Promise<unknown>> = [];
try {
  let address = process.env['TEMPORAL_ADDRESS'];
  if (!address) {
    const dataDir = await mkdtemp(join(tmpdir(), 'encounterflow-count-'));
    stops.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = await startTemporalDevServer({ dataDir });
    stops.push(server.stop);
    address = server.address;
  }
  const db = await createTestDatabase();
  stops.push(db.drop);
  const codec = createPayloadCodec(generatePayloadKeySpec());
  const connection = await Connection.connect({ address, interceptors: [countRpc] });
  stops.push(() => connection.close());
  const temporal = new Client({
    connection,
    namespace: 'default',
    dataConverter: encryptingDataConverter(codec),
    interceptors: {
      workflow: [
        {
          async start(input, next) {
            if (!answerWritten) startsBeforeAnswerWritten += 1;
            const started = performance.now();
            try {
              return await next(input);
            } finally {
              startMs += performance.now() - started;
              starts += 1;
              if (phase === 'after') startsAfterAnswer += 1;
            }
          },
        },
      ],
    },
  });
  const taskQueue = `count-intake-${Date.now()}`;
  const workflowStarts = new EncounterWorkflowStarts({ temporal, taskQueue, timings: DEFAULT_TIMINGS });
  const app = createApp({
    workflowStarts,
    prisma: db.prisma,
    temporal,
    taskQueue,
    timings: DEFAULT_TIMINGS,
    tokens: parseTokenDirectory('count-intake-token=intake:count-clinic'),
    payloadCodec: codec,
    readiness: async () => ({}),
    // No worker takes these workflows, so their tasks' backlog only ages: intake is not held against it.
    limits: { intakeMaxBacklogAgeMs: 0 },
  });
  const server = app.listen(0, '127.0.0.1');
  server.on('request', (_req, res) => {
    answerWritten = false;
    res.once('finish', () => (answerWritten = true));
  });
  await new Promise((resolve) => server.once('listening', resolve));
  stops.push(() => new Promise((resolve) => server.close(resolve)));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/encounters`;

  const post = async (body: unknown) => {
    phase = 'request';
    const sent = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: 'Bearer count-intake-token', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    postMs += performance.now() - sent;
    if (response.status !== 201) throw new Error(`POST /encounters answered ${response.status}: ${await response.text()}`);
    phase = 'after';
    await workflowStarts.idle();
  };
  const measure = async (label: string, bodies: unknown[]) => {
    for (const maps of [statements, rpcs]) for (const map of Object.values(maps)) map.clear();
    postMs = 0;
    startMs = 0;
    const cpuBefore = process.cpuUsage();
    starts = 0;
    startsAfterAnswer = 0;
    startsBeforeAnswerWritten = 0;
    for (const body of bodies) await post(body);
    const cpu = process.cpuUsage(cpuBefore);
    const per = (map: Map<string, number>) =>
      [...map.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k} ${(v / bodies.length).toFixed(2)}`)
        .join(', ');
    const total = (map: Map<string, number>) => ([...map.values()].reduce((a, b) => a + b, 0) / bodies.length).toFixed(2);
    process.stdout.write(`${label} (${bodies.length} intakes)\n`);
    // By when they were sent: the handed-off start goes out while the answer is being written.
    for (const when of ['request', 'after'] as const) {
      const title = when === 'request' ? 'until the answer' : 'after the answer';
      process.stdout.write(`  SQL statements per intake, ${title}      ${total(statements[when])}: ${per(statements[when])}\n`);
      process.stdout.write(`  Temporal gRPC calls per intake, ${title} ${total(rpcs[when])}: ${per(rpcs[when])}\n`);
    }
    process.stdout.write(`  workflow starts the answer did not wait for: ${startsAfterAnswer} of ${starts}\n`);
    // The API's own work for a handed-off start (payload encryption, the gRPC request) before its answer was written.
    process.stdout.write(`  workflow starts begun before the API had written its answer: ${startsBeforeAnswerWritten} of ${starts}\n`);
    const ms = (value: number) => (value / bodies.length).toFixed(1);
    process.stdout.write(
      `  wall ms per intake (one at a time; moves with load) ${ms(postMs)}; its workflow start, after the answer, ${ms(startMs)}\n`,
    );
    // The API and its HTTP client share this process: compare the API's cost between runs of this script.
    process.stdout.write(`  CPU ms per intake (this process: API, client, workflow start) ${ms((cpu.user + cpu.system) / 1000)}\n`);
  };
  await post(validSubmission()); // the physician is known from here on, as in a running practice
  const first = Array.from({ length: encounters }, () => validSubmission());
  await measure('new patient, known physician', first);
  await measure(
    'returning patient, known physician',
    first.map((body) => ({ ...body, clinicEncounterId: `${body.clinicEncounterId}-again` })),
  );
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}
