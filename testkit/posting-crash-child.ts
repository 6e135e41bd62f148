/**
 * Child process of test/e2e/posting-crash.test.ts: posts the 835 file given on stdin to the
 * database in DATABASE_URL and, inside the posting transaction after the first claim payment,
 * says "mid-posting" and waits to be killed (SIGKILL) by the test.
 */
import { readFileSync } from 'node:fs';
import { postRemittanceFile } from '../activities/posting.ts';
import { createPrismaClient } from '../platform/db.ts';

const prisma = createPrismaClient(process.env['DATABASE_URL']!);
const raw = readFileSync(0, 'utf8');
await postRemittanceFile(prisma, raw, {
  afterClaimPayment: async () => {
    process.stdout.write('mid-posting\n');
    await new Promise(() => {}); // never returns: the test kills this process here
  },
});
