/**
 * A stage transition is one SQL statement: the transition row keyed by (encounter, sequence) and
 * the encounter's current stage. A retried activity writes nothing twice; an unknown encounter
 * fails (and is retried by the workflow) instead of recording a transition for nothing.
 */
import { describe, expect, it } from 'vitest';
import { PATIENT_JSON, createRecordActivities, patientOf, readEncounterWith, writeTransitions } from '../../activities/records.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';
import { seedStoredEncounter } from '../../testkit/seed-encounter.ts';

const db = useTestDatabase();

async function seedEncounter(): Promise<string> {
  return (await seedStoredEncounter(db.prisma)).encounterId;
}

describe('recordTransition', () => {
  it('stores the transition once and moves the encounter, also when the activity is retried', async () => {
    const encounterId = await seedEncounter();
    const { recordTransition } = createRecordActivities({ prisma: db.prisma });
    const at = '2026-11-20T10:15:30.123Z';
    await recordTransition({ encounterId, sequence: 1, from: 'received', to: 'coding', at });
    await recordTransition({ encounterId, sequence: 1, from: 'received', to: 'coding', at });
    await recordTransition({
      encounterId,
      sequence: 2,
      from: 'coding',
      to: 'billing',
      at: '2026-11-20T10:15:31.000Z',
      reason: 'coded',
      actor: 'engine',
    });

    const rows = await db.prisma.encounterTransition.findMany({ where: { encounterId }, orderBy: { sequence: 'asc' } });
    expect(rows.map((r) => [r.sequence, r.fromStage, r.toStage, r.reason, r.actor])).toEqual([
      [1, 'received', 'coding', null, null],
      [2, 'coding', 'billing', 'coded', 'engine'],
    ]);
    expect(rows[0]!.at.toISOString()).toBe(at);
    const encounter = await db.prisma.encounter.findUniqueOrThrow({ where: { id: encounterId } });
    expect(encounter.stage).toBe('billing');
  });

  it('fails for an encounter that does not exist and records nothing', async () => {
    const { recordTransition } = createRecordActivities({ prisma: db.prisma });
    const encounterId = '00000000-0000-4000-8000-000000000000';
    await expect(
      recordTransition({ encounterId, sequence: 1, from: 'received', to: 'coding', at: '2026-11-20T10:00:00Z' }),
    ).rejects.toThrow();
    expect(await db.prisma.encounterTransition.count({ where: { encounterId } })).toBe(0);
  });

  it('writes the transitions an activity carries in order, once, the last one being the stage', async () => {
    const encounterId = await seedEncounter();
    const carried = [
      { encounterId, sequence: 1, from: 'received', to: 'eligibility', at: '2026-11-20T10:00:00.000Z' },
      { encounterId, sequence: 2, from: 'eligibility', to: 'coding', at: '2026-11-20T10:00:01.000Z', reason: 'covered' },
    ];
    await writeTransitions(db.prisma, carried);
    await writeTransitions(db.prisma, carried); // the carrying activity retried
    await writeTransitions(db.prisma, undefined); // an activity that carries none

    const rows = await db.prisma.encounterTransition.findMany({ where: { encounterId }, orderBy: { sequence: 'asc' } });
    expect(rows.map((r) => [r.sequence, r.toStage, r.reason])).toEqual([
      [1, 'eligibility', null],
      [2, 'coding', 'covered'],
    ]);
    expect((await db.prisma.encounter.findUniqueOrThrow({ where: { id: encounterId } })).stage).toBe('coding');
  });

  it("reads the encounter with the carried transitions written first, the last in the same statement, once when retried; the patient's dates as Prisma reads them", async () => {
    const encounterId = await seedEncounter();
    const carried = [
      { encounterId, sequence: 1, from: 'received', to: 'eligibility', at: '2026-11-20T10:00:00.000Z' },
      { encounterId, sequence: 2, from: 'eligibility', to: 'coding', at: '2026-11-20T10:00:01.000Z', reason: 'covered' },
    ];
    const read = () => readEncounterWith<{ patient: Record<string, unknown> }>(db.prisma, encounterId, carried, [PATIENT_JSON]);
    const first = await read();
    const again = await read(); // the activity retried
    const stored = await db.prisma.encounter.findUniqueOrThrow({ where: { id: encounterId }, include: { patient: true } });

    expect(first!.stage).toBe('coding');
    expect(again!.stage).toBe('coding');
    const { patient, ...encounter } = stored;
    expect({ ...first!, patient: undefined, updatedAt: undefined }).toEqual({ ...encounter, patient: undefined, updatedAt: undefined });
    expect(patientOf(first!.patient)).toEqual(patient);
    const rows = await db.prisma.encounterTransition.findMany({ where: { encounterId }, orderBy: { sequence: 'asc' } });
    expect(rows.map((r) => [r.sequence, r.toStage, r.reason])).toEqual([
      [1, 'eligibility', null],
      [2, 'coding', 'covered'],
    ]);
    // Nothing carried: the stored row; an unknown encounter: nothing, or a failure when a transition was carried for it.
    expect((await readEncounterWith(db.prisma, encounterId))!.stage).toBe('coding');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await readEncounterWith(db.prisma, unknown)).toBeUndefined();
    await expect(
      readEncounterWith(db.prisma, unknown, [
        { encounterId: unknown, sequence: 1, from: 'received', to: 'coding', at: '2026-11-20T10:00:00Z' },
      ]),
    ).rejects.toThrow();
    expect(await db.prisma.encounterTransition.count({ where: { encounterId: unknown } })).toBe(0);
  });
});
