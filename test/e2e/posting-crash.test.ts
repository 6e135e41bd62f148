/**
 * A process killed (SIGKILL) in the middle of posting a remittance, and its database session with
 * it, leaves nothing half-posted: the whole remittance is one statement (activities/posting.ts),
 * stopped here after it wrote rows (it holds a transaction id) while it waits for a claim row
 * the test holds, which it writes last. Posting it again afterwards posts it once,
 * and a third delivery only counts; reading the same mailbox delivery again does not count. Real database, real process, real kill.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { until } from '../../testkit/poll.ts';
import { seedStoredEncounter } from '../../testkit/seed-encounter.ts';
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
    // Our claim, without the payer's claim number: the posting statement writes it last, and waits for it here.
    const { encounterId } = await seedStoredEncounter(db.prisma);
    const claim = await db.prisma.claim.create({
      data: { encounterId, claimNumber: 'CLM-CRASH-1', status: 'submitted', totalChargeCents: 27000, payload: {}, x12: '' },
    });
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM "Claim" WHERE "id" = $1 FOR UPDATE', [claim.id]);
    // One process (node with tsx's loader), so the kill reaches the process that sent the statement.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.end(raw);
    const exited = new Promise((r) => child.once('exit', r));
    // The posting statement, mid-way: it has written (a transaction id) and waits for the held claim row.
    const posting = await until(
      () => 'the posting statement to wait for the held claim row',
      async () => {
        if (child.exitCode !== null) throw new Error(`the posting process ended (${child.exitCode}) before it was killed`);
        // Not through the holder: inside its transaction pg_stat_activity stays the snapshot first read.
        const rows = await db.prisma.$queryRaw<Array<{ pid: number; xid: string | null }>>`
          SELECT pid, backend_xid::text AS xid FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'WITH write0%'`;
        return rows[0];
      },
    );
    expect(posting.xid).not.toBeNull();
    // The process dies, and its session with it (a dead client's statement would otherwise run to its end once the row is free).
    child.kill('SIGKILL');
    await exited;
    await holder.query('SELECT pg_terminate_backend($1)', [posting.pid]);
    await holder.query('ROLLBACK');
    await holder.end();

    expect(await db.prisma.remittance.count()).toBe(0);
    expect(await db.prisma.claimPayment.count()).toBe(0);
    expect(await db.prisma.paymentAdjustment.count()).toBe(0);

    const [posted] = await postRemittanceFile(db.prisma, raw);
    expect(posted).toMatchObject({ duplicate: false, status: 'posted' });
    expect(await db.prisma.claimPayment.count()).toBe(2);
    expect(await db.prisma.serviceLinePayment.count()).toBe(2);
    expect((await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).payerClaimNumber).toBe('26000000009');

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
