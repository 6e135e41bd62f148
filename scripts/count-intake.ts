/**
 * `npx tsx scripts/count-intake.ts [--encounters 20]`: counts what one POST /encounters costs in
 * round trips, independent of the machine's load: SQL statements sent to PostgreSQL (by kind,
 * transactions included) and gRPC calls to Temporal, per intake. Counts, not timings.
 *
 * It runs the API in this process on a fresh database of TEST_DATABASE_URL's server and a
 * Temporal dev server of its own (or TEMPORAL_ADDRESS), posts the encounters one after another
 * (a new patient each, one physician, as the lifecycle benchmark does), then the same patients'
 * second encounters, and prints the averages of each. No worker runs: the workflows only start.
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
import { parseTokenDirectory } from '../api/auth.ts';
import { createPayloadCodec, encryptingDataConverter, generatePayloadKeySpec } from '../platform/payload-codec.ts';
import { startTemporalDevServer } from '../platform/temporal-server.ts';
import { createTestDatabase } from '../testkit/database.ts';
import { validSubmission } from '../testkit/http.ts';
import { DEFAULT_TIMINGS } from '../workflows/config.ts';

const { values: args } = parseArgs({ options: { encounters: { type: 'string', default: '20' } } });
const encounters = Number(args.encounters);

const statements = new Map<string, number>();
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...rest: unknown[]) {
  const config = rest[0] as string | { text?: string };
  const text = typeof config === 'string' ? config : (config.text ?? '');
  const kind = text.trim().split(/\s+/)[0]!.toUpperCase();
  statements.set(kind, (statements.get(kind) ?? 0) + 1);
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, rest);
} as typeof pg.Client.prototype.query;

const rpcs = new Map<string, number>();
/** Wall time of the POSTs and of the workflow starts within them (moves with the machine's load: shares only). */
let postMs = 0;
let startMs = 0;
const countRpc: Interceptor = (options, nextCall): InterceptingCall => {
  const method = options.method_definition.path.split('/').pop()!;
  rpcs.set(method, (rpcs.get(method) ?? 0) + 1);
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
            const started = performance.now();
            try {
              return await next(input);
            } finally {
              startMs += performance.now() - started;
            }
          },
        },
      ],
    },
  });
  const app = createApp({
    prisma: db.prisma,
    temporal,
    taskQueue: `count-intake-${Date.now()}`,
    timings: DEFAULT_TIMINGS,
    tokens: parseTokenDirectory('count-intake-token=intake:count-clinic'),
    payloadCodec: codec,
    readiness: async () => ({}),
    // No worker takes these workflows, so their tasks' backlog only ages: intake is not held against it.
    limits: { intakeMaxBacklogAgeMs: 0 },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  stops.push(() => new Promise((resolve) => server.close(resolve)));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/encounters`;

  const post = async (body: unknown) => {
    const sent = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: 'Bearer count-intake-token', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    postMs += performance.now() - sent;
    if (response.status !== 201) throw new Error(`POST /encounters answered ${response.status}: ${await response.text()}`);
  };
  const measure = async (label: string, bodies: unknown[]) => {
    statements.clear();
    rpcs.clear();
    postMs = 0;
    startMs = 0;
    for (const body of bodies) await post(body);
    const per = (map: Map<string, number>) =>
      [...map.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k} ${(v / bodies.length).toFixed(2)}`)
        .join(', ');
    const total = (map: Map<string, number>) => ([...map.values()].reduce((a, b) => a + b, 0) / bodies.length).toFixed(2);
    process.stdout.write(`${label} (${bodies.length} intakes)\n`);
    process.stdout.write(`  SQL statements per intake      ${total(statements)}: ${per(statements)}\n`);
    process.stdout.write(`  Temporal gRPC calls per intake ${total(rpcs)}: ${per(rpcs)}\n`);
    const ms = (value: number) => (value / bodies.length).toFixed(1);
    process.stdout.write(
      `  wall ms per intake (one at a time; moves with load) ${ms(postMs)}, of which the workflow start ${ms(startMs)}\n`,
    );
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
