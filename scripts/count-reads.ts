/**
 * `npx tsx scripts/count-reads.ts [--encounters 20]`: counts what the reads the screens and a
 * clinic's system make most cost in round trips, independent of the machine's load: SQL
 * statements sent to PostgreSQL per GET /encounters/:id (the status poll) by role, and per page
 * of GET /encounters (the worklist, its stage counts). Counts, not timings (CPU is printed too,
 * for comparing runs of this script on the same machine).
 *
 * It runs the API in this process on a fresh database of TEST_DATABASE_URL's server and a
 * Temporal dev server of its own (or TEST_TEMPORAL_ADDRESS). The encounters are stored rows (a coded,
 * billed encounter: two coding revisions, a claim, a statement, stage transitions) whose workflows
 * were never started, so the status query fails at once and every view shows the stored status
 * (one statement more than a view whose workflow answers).
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import pg from 'pg';
import { createApp } from '../api/app.ts';
import { demoTokenDirectory } from '../api/auth.ts';
import { EncounterWorkflowStarts } from '../platform/encounter-workflow-starts.ts';
import { createPayloadCodec, encryptingDataConverter, generatePayloadKeySpec } from '../platform/payload-codec.ts';
import { createTestDatabase } from '../testkit/database.ts';
import { TOKENS } from '../testkit/http.ts';
import { createLocalTestEnv } from '../testkit/temporal.ts';
import { seedStoredEncounter } from '../testkit/seed-encounter.ts';
import { seedStatement } from '../testkit/seed-statement.ts';
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

const stops: Array<() => Promise<unknown>> = [];
try {
  const env = await createLocalTestEnv();
  stops.push(() => env.teardown());
  const db = await createTestDatabase();
  stops.push(db.drop);
  const codec = createPayloadCodec(generatePayloadKeySpec());
  const temporal = new Client({
    connection: env.connection,
    namespace: env.namespace ?? 'default',
    dataConverter: encryptingDataConverter(codec),
  });
  const taskQueue = `count-reads-${Date.now()}`;
  const app = createApp({
    workflowStarts: new EncounterWorkflowStarts({ temporal, taskQueue, timings: DEFAULT_TIMINGS }),
    prisma: db.prisma,
    temporal,
    taskQueue,
    timings: DEFAULT_TIMINGS,
    tokens: demoTokenDirectory(),
    payloadCodec: codec,
    readiness: async () => ({}),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  stops.push(() => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ids: string[] = [];
  for (let i = 0; i < encounters; i++) {
    const { encounterId } = await seedStoredEncounter(db.prisma);
    const code = (revision: number, kind: string, sequence: number, value: string) => ({
      encounterId,
      revision,
      kind,
      sequence,
      system: kind === 'diagnosis' ? 'ICD-10-CM' : 'CPT',
      code: value,
      description: value,
      rationale: value,
      confidence: 0.9,
      source: 'engine',
      ...(kind === 'procedure' ? { units: 1, diagnosisPointers: [1, 2] } : {}),
    });
    await db.prisma.codeAssignment.createMany({
      data: [
        code(1, 'diagnosis', 1, 'E11.9'),
        code(2, 'diagnosis', 1, 'E11.9'),
        code(2, 'diagnosis', 2, 'I10'),
        code(2, 'procedure', 1, '99213'),
      ],
    });
    await db.prisma.encounterTransition.createMany({
      data: [
        { encounterId, sequence: 1, fromStage: 'received', toStage: 'coding' },
        { encounterId, sequence: 2, fromStage: 'coding', toStage: 'billed' },
      ],
    });
    await seedStatement(db.prisma, encounterId);
    ids.push(encounterId);
  }

  const measure = async (label: string, paths: string[], token: string) => {
    statements.clear();
    const cpuBefore = process.cpuUsage();
    for (const path of paths) {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
    const cpu = process.cpuUsage(cpuBefore);
    const per = [...statements.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${(v / paths.length).toFixed(2)}`)
      .join(', ');
    const total = [...statements.values()].reduce((a, b) => a + b, 0) / paths.length;
    const cpuMs = (cpu.user + cpu.system) / 1000 / paths.length;
    process.stdout.write(
      `${label.padEnd(44)} SQL statements per request ${total.toFixed(2)} (${per}); CPU ms per request ${cpuMs.toFixed(1)}\n`,
    );
  };
  // Once each first: the statements' plans are then known (Prisma's per shape, PostgreSQL's prepared ones), as in a running API.
  for (const token of Object.values(TOKENS)) await measure('warm-up', [`/encounters/${ids[0]}`], token).catch(() => undefined);
  for (const [role, token] of Object.entries(TOKENS)) {
    if (role === 'physicianB') continue; // another physician's encounters: 404
    await measure(
      `GET /encounters/:id as ${role}`,
      ids.map((id) => `/encounters/${id}`),
      token,
    );
  }
  const pages = ids.map(() => '/encounters?limit=50');
  await measure('GET /encounters?limit=50 as coder', pages, TOKENS.coder);
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}
