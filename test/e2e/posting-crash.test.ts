/**
 * A process killed (SIGKILL) in the middle of posting a remittance leaves nothing half-posted:
 * the whole remittance is one database transaction. Posting it again afterwards posts it once,
 * and a third delivery only counts; reading the same mailbox delivery again does not count. Real database, real process, real kill.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postRemittanceFile } from '../../activities/posting.ts';
import { remittanceOf, render835 } from '../../testkit/remittance-835.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';

const db = useTestDatabase();

const CHILD = fileURLToPath(new URL('../../testkit/posting-crash-child.ts', import.meta.url));

/** A reversal and a new answer for one claim: two claim payments in one remittance. */
function appealAnswer(): string {
  const line = (sign: number, paid: number) => ({
    lineNumber: 1,
    code: '99215',
    modifiers: [],
    units: 1,
    chargeCents: sign * 27000,
    paidCents: sign * paid,
    allowedCents: sign * 21600,
    adjustments:
      paid === 0
        ? [{ group: 'CO' as const, reasonCode: '50', amountCents: sign * 27000 }]
        : [
            { group: 'CO' as const, reasonCode: '45', amountCents: 5400 },
            { group: 'PR' as const, reasonCode: '3', amountCents: 3000 },
            { group: 'PR' as const, reasonCode: '2', amountCents: 2790 },
          ],
    remarkCodes: [],
  });
  const claim = {
    claimNumber: 'CLM-CRASH-1',
    payerClaimNumber: '26000000009',
    adjustments: [],
    patient: { lastName: 'TEST', firstName: 'PAT', memberId: 'M-1' },
    dateOfService: '2026-11-20',
    placeOfService: '11',
  };
  const remittance = remittanceOf(
    [
      { ...claim, status: '22', chargeCents: -27000, paidCents: 0, patientResponsibilityCents: 0, lines: [line(-1, 0)] },
      { ...claim, status: '1', chargeCents: 27000, paidCents: 15810, patientResponsibilityCents: 5790, lines: [line(1, 15810)] },
    ],
    {
      traceNumber: '700000099',
      payerId: 'BLUE-PLAINS',
      payerName: 'BLUE PLAINS INSURANCE',
      payeeNpi: '1245319599',
      payeeName: 'DEMO CLINIC',
    },
  );
  return render835(remittance, 99);
}

describe('posting survives a kill -9', () => {
  it('leaves no half-posted remittance, then posts it once when delivered again', async () => {
    const raw = appealAnswer();
    // One process (node with tsx's loader), so the kill reaches the process that holds the transaction.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.end(raw);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('mid-posting')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the posting process ended (${code}) before it was killed`)));
    });
    // Inside the transaction the first claim payment is written; the process dies here.
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    expect(await db.prisma.remittance.count()).toBe(0);
    expect(await db.prisma.claimPayment.count()).toBe(0);
    expect(await db.prisma.paymentAdjustment.count()).toBe(0);

    const [posted] = await postRemittanceFile(db.prisma, raw);
    expect(posted).toMatchObject({ duplicate: false, status: 'posted' });
    expect(await db.prisma.claimPayment.count()).toBe(2);
    expect(await db.prisma.serviceLinePayment.count()).toBe(2);

    const [again] = await postRemittanceFile(db.prisma, raw);
    expect(again).toMatchObject({ duplicate: true, remittanceId: posted!.remittanceId });
    expect(await db.prisma.claimPayment.count()).toBe(2);
    expect((await db.prisma.remittance.findFirstOrThrow()).deliveries).toBe(2);
  });

  it('counts a delivery once: reading the same mailbox delivery again is not a duplicate, another delivery is', async () => {
    const raw = appealAnswer().replaceAll('700000099', '700000100');
    const [first] = await postRemittanceFile(db.prisma, raw, { deliveryId: 'ERA-7-1' });
    expect(first).toMatchObject({ duplicate: false, status: 'posted' });
    const [reread] = await postRemittanceFile(db.prisma, raw, { deliveryId: 'ERA-7-1' });
    expect(reread).toMatchObject({ duplicate: false, remittanceId: first!.remittanceId });
    const [second] = await postRemittanceFile(db.prisma, raw, { deliveryId: 'ERA-7-2' });
    expect(second).toMatchObject({ duplicate: true, remittanceId: first!.remittanceId });
    const stored = await db.prisma.remittance.findUniqueOrThrow({ where: { id: first!.remittanceId } });
    expect(stored).toMatchObject({ deliveries: 2, deliveryIds: ['ERA-7-1', 'ERA-7-2'] });
    expect(await db.prisma.claimPayment.count({ where: { remittanceId: first!.remittanceId } })).toBe(2);
  });

  it('keeps an unreadable file for a person and posts nothing from it', async () => {
    const [outcome] = await postRemittanceFile(db.prisma, 'ISA*garbage');
    expect(outcome!.status).toBe('unreadable');
    const stored = await db.prisma.remittance.findUniqueOrThrow({ where: { id: outcome!.remittanceId } });
    expect(stored.problem).toMatch(/ISA/);
  });
});
