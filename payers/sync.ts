/**
 * Loads the payer directory into the Payer table: each payer in the file is created or updated
 * (the file wins), and a payer that is no longer in the file is marked inactive (its encounters
 * keep pointing at it; intake refuses it). Run at start after the migrations, and by the tests'
 * database helper.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { PayerDirectory } from './directory.ts';

export async function syncPayerDirectory(
  prisma: PrismaClient,
  directory: PayerDirectory,
): Promise<{ upserted: number; deactivated: number }> {
  const ids = directory.payers.map((payer) => payer.id);
  return prisma.$transaction(async (tx) => {
    for (const payer of directory.payers) {
      const fields = {
        name: payer.name,
        active: payer.active,
        claimRoute: payer.claimRoute,
        remittanceRoute: payer.remittanceRoute,
        priorAuthorization: payer.priorAuthorization,
        timelyFilingDays: payer.timelyFilingDays,
        appealLimitDays: payer.appealLimitDays,
        followUpDays: payer.followUpDays,
      };
      await tx.payer.upsert({ where: { id: payer.id }, create: { id: payer.id, ...fields }, update: fields });
    }
    const { count } = await tx.payer.updateMany({ where: { id: { notIn: ids }, active: true }, data: { active: false } });
    return { upserted: ids.length, deactivated: count };
  });
}
