/**
 * The activities whose writes became single INSERT ... ON CONFLICT DO NOTHING statements (issue
 * 12: fewer SQL statements per encounter), run twice as a retried attempt would, against the real
 * PostgreSQL: the second run writes nothing more and answers what the first stored. And the
 * statement cycle's facts (balance and dunning holds) read in one query say what they said when
 * each was its own query.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storeClaimOnce, type ClaimRow } from '../../activities/billing.ts';
import { createEligibilityActivities } from '../../activities/eligibility.ts';
import { insertOnce } from '../../activities/insert-once.ts';
import { createStatementCycleActivities } from '../../activities/statement-cycle.ts';
import type { ActivityDeps } from '../../activities/deps.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';
import { seedStoredEncounter } from '../../testkit/seed-encounter.ts';
import { seedStatement } from '../../testkit/seed-statement.ts';

const db = useTestDatabase();

/** A statement owing 90.00 on a stored encounter. */
async function statementOwing(): Promise<{ statementId: string; encounterId: string }> {
  const { encounterId } = await seedStoredEncounter(db.prisma);
  const { statementId } = await seedStatement(db.prisma, encounterId, { insuranceExpectedCents: 6_000, patientOwesCents: 9_000 });
  return { statementId, encounterId };
}

async function pay(statementId: string, amountCents: number, status: string): Promise<void> {
  await db.prisma.payment.create({
    data: {
      statementId,
      reference: `pay-${randomUUID()}`,
      requestHash: 'h',
      amountCents,
      method: 'cash',
      source: 'desk',
      status,
      recordedBy: 'biller-1',
    },
  });
}

describe('openStatementCycle', () => {
  it('records the statement notice once when retried, and reads the balance net of confirmed payments only', async () => {
    const { statementId } = await statementOwing();
    await pay(statementId, 4_000, 'confirmed');
    await pay(statementId, 1_000, 'pending');
    const activities = createStatementCycleActivities({ prisma: db.prisma });
    const input = { statementId, workflowId: `cycle-${statementId}`, firstReminderAt: '2027-01-01T00:00:00.000Z' };
    const first = await activities.openStatementCycle(input);
    const retried = await activities.openStatementCycle(input);
    expect(first).toEqual({ facts: { balanceCents: 5_000, holds: [] }, status: 'active' });
    expect(retried).toEqual(first);
    const notices = await db.prisma.statementNotice.findMany({ where: { statementId } });
    expect(notices.map((n) => ({ kind: n.kind, seq: n.seq, balanceCents: n.balanceCents }))).toEqual([
      { kind: 'statement', seq: 0, balanceCents: 5_000 },
    ]);
    expect(await db.prisma.statementCycle.count({ where: { statementId } })).toBe(1);
  });

  it('names every dunning hold of the statement, and only the holding ones', async () => {
    const { statementId, encounterId } = await statementOwing();
    const activities = createStatementCycleActivities({ prisma: db.prisma });
    // A plan that ended and a correction that was resolved hold nothing.
    await db.prisma.paymentPlan.create({ data: { statementId, totalCents: 9_000, createdBy: 'biller-1', status: 'completed' } });
    await db.prisma.claimCorrection.create({
      data: { encounterId, statementId, action: 'resubmit', reason: 'r', requestedBy: 'biller-1', status: 'completed' },
    });
    expect((await activities.statementCycleFacts({ statementId })).holds).toEqual([]);
    await db.prisma.paymentPlan.create({ data: { statementId, totalCents: 9_000, createdBy: 'biller-1', status: 'active' } });
    await db.prisma.claimCorrection.create({
      data: { encounterId, statementId, action: 'resubmit', reason: 'r', requestedBy: 'biller-1', status: 'submitted' },
    });
    expect((await activities.statementCycleFacts({ statementId })).holds).toEqual(['payment_plan', 'claim_correction']);
    await db.prisma.patientQuestion.create({
      data: {
        statementId,
        encounterId,
        category: 'billing',
        channel: 'portal',
        askedBy: 'patient',
        dueAt: new Date('2027-01-01T00:00:00Z'),
        workflowId: `question-${randomUUID()}`,
      },
    });
    const facts = await activities.statementCycleFacts({ statementId });
    expect(facts).toEqual({ balanceCents: 9_000, holds: ['question', 'payment_plan', 'claim_correction'] });
  });

  it('reads a statement that is gone as owing nothing', async () => {
    const activities = createStatementCycleActivities({ prisma: db.prisma });
    expect(await activities.statementCycleFacts({ statementId: randomUUID() })).toEqual({ balanceCents: 0, holds: [] });
  });
});

describe('checkEligibility', () => {
  it('asks the insurer once and stores one answer when retried', async () => {
    const { encounterId } = await seedStoredEncounter(db.prisma);
    let asked = 0;
    const insurer = {
      inquireEligibility: async () => {
        asked += 1;
        return {
          found: true,
          response: { active: true, plan: { name: 'Gold', begin: '2026-01-01', end: '2026-12-31' }, benefits: { copayCents: 2_500 } },
        };
      },
    } as unknown as ActivityDeps['insurer'];
    const { checkEligibility } = createEligibilityActivities({ prisma: db.prisma, insurer });
    const first = await checkEligibility({ encounterId, check: 1 });
    const retried = await checkEligibility({ encounterId, check: 1 });
    expect(first).toMatchObject({ status: 'active', check: 1, copayCents: 2_500, planName: 'Gold' });
    expect(retried).toEqual(first);
    expect(asked).toBe(1);
    expect(await db.prisma.eligibilityCheck.count({ where: { encounterId } })).toBe(1);
  });
});

describe('storeClaimOnce', () => {
  const claimRow = (encounterId: string, claimNumber: string, totalChargeCents: number): ClaimRow => ({
    encounterId,
    claimNumber,
    status: 'built',
    totalChargeCents,
    priorAuthNumber: null,
    frequencyCode: '1',
    replacesClaimId: null,
    payload: { claimNumber } as unknown as ClaimRow['payload'],
    x12: 'ISA*',
    lines: [
      { lineNumber: 1, code: '99213', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2], unitPriceCents: 9_000, chargeCents: 9_000 },
      { lineNumber: 2, code: '36415', modifiers: [], units: 2, diagnosisPointers: [1], unitPriceCents: 1_000, chargeCents: 2_000 },
    ],
  });

  it('stores the claim with its lines, and a retried attempt writes nothing and answers the stored claim', async () => {
    const { encounterId } = await seedStoredEncounter(db.prisma);
    const claimNumber = `CLM-${randomUUID()}`;
    const first = await storeClaimOnce(db.prisma, claimRow(encounterId, claimNumber, 11_000));
    const retried = await storeClaimOnce(db.prisma, claimRow(encounterId, claimNumber, 99_999));
    expect(retried).toEqual(first);
    const claims = await db.prisma.claim.findMany({ where: { encounterId }, include: { lines: { orderBy: { lineNumber: 'asc' } } } });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      id: first.id,
      claimNumber,
      status: 'built',
      totalChargeCents: 11_000,
      frequencyCode: '1',
      payload: { claimNumber },
    });
    expect(claims[0]!.lines.map(({ id: _, claimId: __, ...line }) => line)).toEqual(claimRow(encounterId, claimNumber, 0).lines);
  });
});

describe('insertOnce', () => {
  it('returns the stored row when an earlier attempt inserted it first, and writes nothing more', async () => {
    const { encounterId } = await seedStoredEncounter(db.prisma);
    const idempotencyKey = `${encounterId}:elig:race`;
    const row = (status: string) => ({
      encounterId,
      idempotencyKey,
      payerId: 'ACME-HEALTH',
      memberId: 'M-1',
      dateOfService: new Date('2026-11-02'),
      status,
      response: {},
    });
    const write = (status: string) =>
      insertOnce(
        () => db.prisma.eligibilityCheck.createManyAndReturn({ data: row(status), skipDuplicates: true }),
        () => db.prisma.eligibilityCheck.findUniqueOrThrow({ where: { idempotencyKey } }),
      );
    const first = await write('active');
    const second = await write('inactive');
    expect(second).toEqual(first);
    expect(second.status).toBe('active');
    expect(await db.prisma.eligibilityCheck.count({ where: { idempotencyKey } })).toBe(1);
  });
});
