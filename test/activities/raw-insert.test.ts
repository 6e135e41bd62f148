/**
 * The activities' raw INSERTs (activities/raw-insert.ts) store what Prisma's own create would:
 * Json columns as JSON (not as a string), text[] and int[] arrays, timestamps as the UTC time and
 * date columns as the day, even in a process whose time zone is not UTC; a taken unique key is
 * skipped with ON CONFLICT DO NOTHING; RETURNING answers the row as Prisma reads it.
 */
process.env.TZ = 'America/New_York';

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EligibilityCheck } from '../../generated/prisma/client.ts';
import { isUniqueViolation } from '../../platform/sql.ts';
import { insertRows, insertRowsReturning } from '../../activities/raw-insert.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';
import { seedStoredEncounter } from '../../testkit/seed-encounter.ts';

const db = useTestDatabase();

describe('raw inserts', () => {
  it('stores Json, arrays and null as Prisma does, and skips a row whose unique key is taken', async () => {
    const { encounterId } = await seedStoredEncounter(db.prisma);
    const row = {
      id: randomUUID(),
      encounterId,
      revision: 1,
      kind: 'procedure',
      sequence: 1,
      system: 'CPT',
      code: '99213',
      description: 'Office visit',
      rationale: 'established patient',
      confidence: 0.875,
      evidence: JSON.stringify([{ section: 'plan', text: 'follow up' }]),
      units: 2,
      modifiers: ['25', 'RT'],
      diagnosisPointers: [1, 2],
      source: 'engine',
    };
    expect(
      await insertRows(db.prisma, 'CodeAssignment', [
        row,
        { ...row, id: randomUUID(), sequence: 2, units: null, modifiers: [], diagnosisPointers: [] },
      ]),
    ).toBe(2);
    // The same (encounter, revision, kind, sequence) again: nothing is written.
    expect(await insertRows(db.prisma, 'CodeAssignment', [{ ...row, id: randomUUID() }], { onConflictDoNothing: true })).toBe(0);
    const stored = await db.prisma.codeAssignment.findMany({ where: { encounterId }, orderBy: { sequence: 'asc' } });
    expect(stored.map((s) => [s.id === row.id, s.evidence, s.modifiers, s.diagnosisPointers, s.units, s.confidence])).toEqual([
      [true, [{ section: 'plan', text: 'follow up' }], ['25', 'RT'], [1, 2], 2, 0.875],
      [false, [{ section: 'plan', text: 'follow up' }], [], [], null, 0.875],
    ]);
  });

  it('writes timestamps as the UTC time and dates as the day outside UTC, and answers the row as stored', async () => {
    const { encounterId } = await seedStoredEncounter(db.prisma);
    // Late evening in New York is the next day in UTC: a local-time write would show here.
    const dateOfService = new Date('2026-03-02T00:00:00.000Z');
    const [inserted] = await insertRowsReturning<EligibilityCheck>(
      db.prisma,
      'EligibilityCheck',
      [
        {
          id: randomUUID(),
          encounterId,
          idempotencyKey: `${encounterId}:elig:1`,
          payerId: 'ACME-HEALTH',
          memberId: 'M-1',
          dateOfService,
          status: 'active',
          planBegin: new Date('2026-01-01T00:00:00.000Z'),
          planEnd: null,
          response: JSON.stringify({ active: true, plan: { name: 'Gold' } }),
        },
      ],
      { onConflictDoNothing: true },
    );
    const read = await db.prisma.eligibilityCheck.findUniqueOrThrow({ where: { idempotencyKey: `${encounterId}:elig:1` } });
    expect(read.dateOfService.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(read.planBegin?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(read.response).toEqual({ active: true, plan: { name: 'Gold' } });
    expect(inserted).toEqual(read);
    const again = await insertRowsReturning(db.prisma, 'EligibilityCheck', [{ ...read, id: randomUUID(), response: '{}' }], {
      onConflictDoNothing: true,
    });
    expect(again).toEqual([]);
  });

  it('writes a timestamp column as the UTC time it names', async () => {
    const { encounterId } = await seedStoredEncounter(db.prisma);
    const claim = await db.prisma.claim.findFirst({ where: { encounterId } });
    const claimId =
      claim?.id ??
      (
        await db.prisma.claim.create({
          data: { encounterId, claimNumber: `C-${randomUUID()}`, status: 'submitted', totalChargeCents: 100, payload: {}, x12: '' },
        })
      ).id;
    const at = new Date('2026-03-02T03:30:00.000Z');
    await insertRows(db.prisma, 'ClaimStatusEvent', [
      { id: randomUUID(), claimId, source: 'status-inquiry', category: 'A1', words: 'received', at, key: `k-${randomUUID()}` },
    ]);
    const [event] = await db.prisma.claimStatusEvent.findMany({ where: { claimId } });
    expect(event?.at.toISOString()).toBe(at.toISOString());
  });

  it('fails on a taken unique key without ON CONFLICT DO NOTHING, as a unique violation', async () => {
    const row = {
      id: randomUUID(),
      payerId: 'ACME-HEALTH',
      traceNumber: `T-${randomUUID()}`,
      rawSha256: randomUUID(),
      raw: 'ISA*',
      status: 'posted',
    };
    await insertRows(db.prisma, 'Remittance', [row]);
    const error = await insertRows(db.prisma, 'Remittance', [{ ...row, id: randomUUID() }]).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('connection refused'))).toBe(false);
  });
});
