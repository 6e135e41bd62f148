// Runs the ordinary Prisma CLI with the offline schema engine, so that nothing is downloaded:
//
//   tsx scripts/prisma.ts generate
//   DATABASE_URL=postgres://... tsx scripts/prisma.ts migrate deploy
//   tsx scripts/prisma.ts migrate diff --from-empty --to-schema prisma/schema.prisma --script
import { spawnPrisma } from '../platform/prisma-cli.ts';

const child = spawnPrisma(process.argv.slice(2), {}, false);
child.on('close', (code) => process.exit(code ?? 1));
