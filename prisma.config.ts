// Prisma CLI configuration. The CLI reads the database location from the environment:
//   DATABASE_URL         the database to migrate / introspect
//   SHADOW_DATABASE_URL  optional scratch database for `migrate dev` and
//                        `migrate diff --from-migrations` (required against PGlite,
//                        which serves a single database per instance)
// Run the CLI through scripts/prisma.ts, which supplies the offline schema engine.
import { defineConfig } from 'prisma/config';

const datasource: { url?: string; shadowDatabaseUrl?: string } = {};
if (process.env.DATABASE_URL) datasource.url = process.env.DATABASE_URL;
if (process.env.SHADOW_DATABASE_URL) datasource.shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource,
});
