// prisma/schema.prisma and prisma/migrations agree, checked by the real Prisma CLI through
// the offline engine: replaying the migrations into a shadow database gives the schema.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrisma } from '../../platform/prisma-cli.ts';
import { startEmbeddedPostgres } from '../../platform/embedded-postgres.ts';
import type { EmbeddedPostgres } from '../../platform/embedded-postgres.ts';
import { createEmptyServerDatabase, serverDatabaseUrl } from '../../testkit/database.ts';

const migrationsVsSchema = (schemaPath: string) => [
  'migrate',
  'diff',
  '--from-migrations',
  'prisma/migrations',
  '--to-schema',
  schemaPath,
  '--exit-code',
];

let scratchDir: string;
let driftedSchemaPath: string;

beforeAll(async () => {
  scratchDir = await mkdtemp(join(tmpdir(), 'encounterflow-schema-'));
  driftedSchemaPath = join(scratchDir, 'schema.prisma');
  const schema = await readFile('prisma/schema.prisma', 'utf8');
  await writeFile(driftedSchemaPath, schema + '\nmodel RemittanceAdvice {\n  id String @id\n  paidCents Int\n}\n');
});

afterAll(async () => {
  await rm(scratchDir, { recursive: true, force: true });
});

it('renders the whole schema as SQL without any database', async () => {
  const run = await runPrisma(['migrate', 'diff', '--from-empty', '--to-schema', 'prisma/schema.prisma', '--script'], {
    DATABASE_URL: '',
  });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('CREATE TABLE "Encounter"');
  expect(run.stdout).toContain('CREATE UNIQUE INDEX "CodeAssignment_encounterId_revision_kind_sequence_key"');
  // The first migration created every table of that time; later ones only alter them.
  const init = await readFile('prisma/migrations/20261126200000_init/migration.sql', 'utf8');
  for (const table of init.match(/CREATE TABLE "\w+"/g) ?? []) expect(run.stdout).toContain(table);
  expect(run.stdout).toContain('"submissionHash" TEXT');
});

describe('against embedded PGlite (a second instance is the shadow database)', () => {
  let main: EmbeddedPostgres;
  let shadow: EmbeddedPostgres;
  beforeAll(async () => {
    [main, shadow] = await Promise.all([startEmbeddedPostgres({}), startEmbeddedPostgres({})]);
  });
  afterAll(async () => {
    await Promise.all([main?.stop(), shadow?.stop()]);
  });

  it('finds no difference between the migrations and the schema', async () => {
    const run = await runPrisma(migrationsVsSchema('prisma/schema.prisma'), {
      DATABASE_URL: main.url,
      SHADOW_DATABASE_URL: shadow.url,
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No difference detected');
  });

  it('exits with 2 and names the table when the schema has a model no migration creates', async () => {
    const run = await runPrisma(migrationsVsSchema(driftedSchemaPath), {
      DATABASE_URL: main.url,
      SHADOW_DATABASE_URL: shadow.url,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('RemittanceAdvice');
  });
});

// Only defined when a PostgreSQL server is configured (CI sets TEST_DATABASE_URL).
if (serverDatabaseUrl()) {
  describe('against the PostgreSQL server (temporary shadow database, no SHADOW_DATABASE_URL)', () => {
    let database: { url: string; drop(): Promise<void> };
    beforeAll(async () => {
      database = await createEmptyServerDatabase(serverDatabaseUrl()!);
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('finds no difference between the migrations and the schema', async () => {
      const run = await runPrisma(migrationsVsSchema('prisma/schema.prisma'), {
        DATABASE_URL: database.url,
        SHADOW_DATABASE_URL: '',
      });
      expect(run.stderr).not.toMatch(/Error/);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('No difference detected');
    });

    it('leaves no shadow database behind', async () => {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
        expect(rows).toEqual([]);
      } finally {
        await client.end();
      }
    });
  });
}
