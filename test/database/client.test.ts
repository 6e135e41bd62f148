// migrate deploy on a fresh database, then writes and reads through the generated client.
// Runs against embedded PGlite always, and against PostgreSQL when TEST_DATABASE_URL is set.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, migrateDeploy } from '../../platform/db.ts';
import { startEmbeddedPostgres } from '../../platform/embedded-postgres.ts';
import { createEmbeddedTestDatabase, createServerTestDatabase, serverDatabaseUrl } from '../../testkit/database.ts';
import type { TestDatabase } from '../../testkit/database.ts';

const databaseKinds: Array<[string, () => Promise<TestDatabase>]> = [['embedded PGlite', createEmbeddedTestDatabase]];
const serverUrl = serverDatabaseUrl();
if (serverUrl) databaseKinds.push(['PostgreSQL server', () => createServerTestDatabase(serverUrl)]);

describe.each(databaseKinds)('on %s', (_kind, createDatabase) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('has applied every committed migration exactly once', async () => {
    const committed = (await readdir('prisma/migrations', { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => ({ migration_name: entry.name, finished: true }))
      .sort((a, b) => a.migration_name.localeCompare(b.migration_name));
    expect(committed.length).toBeGreaterThanOrEqual(2);
    const applied = await db.prisma.$queryRaw<Array<{ migration_name: string; finished: boolean }>>`
      SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`;
    expect(applied).toEqual(committed);
    await migrateDeploy(db.url); // a second deploy has nothing to do and must not fail
    expect(await db.prisma.$queryRaw`SELECT count(*)::int AS n FROM _prisma_migrations`).toEqual([{ n: committed.length }]);
  });

  it('writes an encounter with its patient, provider and payer and reads it back', async () => {
    const documentation = {
      notes: 'Follow-up for type 2 diabetes; A1c reviewed.',
      diagnoses: ['type 2 diabetes mellitus without complications'],
      procedures: [{ description: 'office visit, established patient', minutes: 25 }],
      testResults: [{ name: 'HbA1c', value: 7.1, unit: '%' }],
    };
    const created = await db.prisma.encounter.create({
      data: {
        clinicEncounterId: 'CLINIC-ENC-0001',
        workflowId: 'encounter-0001',
        dateOfService: new Date('2026-03-14'),
        placeOfService: '11',
        documentation,
        patient: {
          create: {
            externalId: 'PAT-0001',
            firstName: 'Test',
            lastName: 'Patient',
            dateOfBirth: new Date('1961-07-30'),
            sex: 'F',
            memberId: 'MBR-0001',
          },
        },
        provider: { create: { npi: '1234567893', name: 'Family Clinic', taxonomy: '207Q00000X' } },
        payer: { create: { id: 'ACME-HEALTH', name: 'Acme Health Plan' } },
      },
    });
    expect(created.stage).toBe('received');
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

    const read = await db.prisma.encounter.findUniqueOrThrow({
      where: { clinicEncounterId: 'CLINIC-ENC-0001' },
      include: { patient: true, provider: true, payer: true },
    });
    expect(read.id).toBe(created.id);
    expect(read.dateOfService.toISOString()).toBe('2026-03-14T00:00:00.000Z');
    expect(read.documentation).toEqual(documentation);
    expect(read.patient.dateOfBirth.toISOString()).toBe('1961-07-30T00:00:00.000Z');
    expect(read.provider.npi).toBe('1234567893');
    expect(read.payer).toMatchObject({ id: 'ACME-HEALTH', name: 'Acme Health Plan' });
  });

  it('stores code assignments with their arrays and enforces the unique keys', async () => {
    const encounter = await db.prisma.encounter.findUniqueOrThrow({ where: { clinicEncounterId: 'CLINIC-ENC-0001' } });
    const assignment = {
      encounterId: encounter.id,
      revision: 1,
      kind: 'procedure',
      sequence: 1,
      system: 'CPT',
      code: '99214',
      description: 'Office visit, established patient, moderate complexity',
      rationale: 'Chronic illness with medication management',
      confidence: 0.92,
      units: 1,
      modifiers: ['25'],
      diagnosisPointers: [1, 2],
      source: 'engine',
    };
    await db.prisma.codeAssignment.create({ data: assignment });
    const [stored] = await db.prisma.codeAssignment.findMany({ where: { encounterId: encounter.id } });
    expect(stored?.modifiers).toEqual(['25']);
    expect(stored?.diagnosisPointers).toEqual([1, 2]);
    await expect(db.prisma.codeAssignment.create({ data: assignment })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('keeps concurrent writes and interactive transactions apart over the connection pool', async () => {
    const payerIds = Array.from({ length: 24 }, (_, i) => `PAYER-${i}`);
    const created = await Promise.all(payerIds.map((id) => db.prisma.payer.create({ data: { id, name: `Payer ${id}` } })));
    expect(created.map((p) => p.id)).toEqual(payerIds);

    const transfers = Array.from({ length: 6 }, (_, i) =>
      db.prisma.$transaction(async (tx) => {
        await tx.payer.update({ where: { id: `PAYER-${i}` }, data: { name: `renamed ${i}` } });
        const seen = await tx.payer.findUniqueOrThrow({ where: { id: `PAYER-${i}` } });
        if (i % 2 === 1) throw new Error(`roll back ${seen.name}`);
        return seen.name;
      }),
    );
    const outcomes = await Promise.allSettled(transfers);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    const names = await db.prisma.payer.findMany({ where: { id: { in: payerIds.slice(0, 6) } }, orderBy: { id: 'asc' } });
    expect(names.map((p) => p.name)).toEqual(['renamed 0', 'Payer PAYER-1', 'renamed 2', 'Payer PAYER-3', 'renamed 4', 'Payer PAYER-5']);
  });
});

describe('embedded PGlite with a data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'encounterflow-pglite-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps migrated tables and rows across stop and restart', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    await migrateDeploy(first.url);
    const prisma = createPrismaClient(first.url);
    await prisma.payer.create({ data: { id: 'DURABLE-PAYER', name: 'Durable Health' } });
    await prisma.$disconnect();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      const { rows } = await client.query('SELECT name FROM "Payer" WHERE id = $1', ['DURABLE-PAYER']);
      await client.end();
      expect(rows).toEqual([{ name: 'Durable Health' }]);
    } finally {
      await second.stop();
    }
  });
});
