/**
 * Child process of test/e2e/posting-crash.test.ts: says "posting", then posts the 835 file given on
 * stdin to the database in DATABASE_URL (one statement per remittance; the test holds a row that
 * statement writes last, so it waits there, mid-posting, until the test kills this process and
 * its database session).
 */
import { readFileSync } from 'node:fs';
import { postRemittanceFile } from '../activities/posting.ts';
import { createPrismaClient } from '../platform/db.ts';

const prisma = createPrismaClient(process.env['DATABASE_URL']!);
const raw = readFileSync(0, 'utf8');
process.stdout.write('posting\n');
await postRemittanceFile(prisma, raw);
