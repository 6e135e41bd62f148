/** The encounter's trail: stage transitions and audit events. Every write is keyed, so a retry repeats nothing. */
import { randomUUID } from 'node:crypto';
import type { ActivityDeps } from './deps.ts';
import { insertRows } from './raw-insert.ts';
import { Prisma, type Encounter, type Patient } from '../generated/prisma/client.ts';
import { sqlOf, utcDate, utcTimestamp } from '../platform/sql.ts';

export interface TransitionRecord {
  encounterId: string;
  sequence: number;
  from: string;
  to: string;
  at: string;
  reason?: string;
  actor?: string;
}

export interface AuditRecord {
  /** null for a message refused by a workflow that is not an encounter's (a patient question, a statement cycle, a payment plan). */
  encounterId: string | null;
  actor: string;
  role: string;
  action: string;
  detail?: Prisma.InputJsonValue;
  idempotencyKey: string;
}

/**
 * What an activity of the encounter's main path takes besides its own input (TRANSITIONS_CARRIED in
 * workflows/patches.ts): the stage transitions the workflow made just before calling it (or, for
 * the statement, the move to billed it makes once the activity succeeded), written by the activity
 * instead of a recordTransition activity of their own: one workflow task and one activity task fewer each.
 */
export interface CarriedTransitions {
  transitions?: TransitionRecord[];
}

/** The statement that records one transition (keyed by encounter and sequence: a retry inserts nothing) as a CTE named `recorded`. */
function recordedTransition(t: TransitionRecord): Prisma.Sql {
  return Prisma.sql`recorded AS (
        INSERT INTO "EncounterTransition" ("id", "encounterId", "sequence", "fromStage", "toStage", "reason", "actor", "at")
        VALUES (gen_random_uuid()::text, ${t.encounterId}, ${t.sequence}, ${t.from}, ${t.to}, ${t.reason ?? null}, ${t.actor ?? null}, ${new Date(t.at)})
        ON CONFLICT ("encounterId", "sequence") DO NOTHING
      )`;
}

/**
 * Writes transitions in order. Each is one statement (one round trip, atomic): the transition keyed
 * by (encounter, sequence), so a retry inserts nothing, and the encounter's current stage. Prisma's
 * upsert + update in a transaction took seven statements for the same.
 */
export async function writeTransitions(prisma: ActivityDeps['prisma'], transitions: readonly TransitionRecord[] = []): Promise<void> {
  for (const t of transitions) {
    const updated = await sqlOf(prisma).execute(Prisma.sql`
      WITH ${recordedTransition(t)}
      UPDATE "Encounter" SET "stage" = ${t.to}, "updatedAt" = now() WHERE "id" = ${t.encounterId}`);
    if (updated !== 1) throw new Error(`encounter ${t.encounterId} not found`); // retried, as Prisma's update failing was
  }
}

/**
 * The encounter as an activity of the main path reads it, with the transitions the workflow carried
 * to that activity written first: the last of them (there is one on a routine visit) in the SAME
 * statement as the read. Before, the transition was one statement and Prisma's read of the
 * encounter with its relations another (four per routine visit; a read through Prisma costs about
 * twice the CPU of one through node-postgres, platform/sql.ts).
 *
 * The statement's CTE `e` is the encounter's row: the row the transition's UPDATE answers (its
 * stage just written), or the stored row when nothing was carried. `related` are more columns,
 * computed from `e` (a subquery per relation; rows of other tables as JSON, whose dates are text:
 * patientOf). Undefined when there is no such encounter and nothing was carried.
 */
export async function readEncounterWith<R extends object>(
  prisma: ActivityDeps['prisma'],
  encounterId: string,
  transitions: readonly TransitionRecord[] = [],
  related: readonly Prisma.Sql[] = [],
): Promise<(Encounter & R) | undefined> {
  const last = transitions.at(-1);
  const folded = last?.encounterId === encounterId ? last : undefined;
  await writeTransitions(prisma, folded ? transitions.slice(0, -1) : transitions);
  const statement = folded
    ? Prisma.sql`WITH ${recordedTransition(folded)}, e AS (
        UPDATE "Encounter" SET "stage" = ${folded.to}, "updatedAt" = now() WHERE "id" = ${encounterId} RETURNING *
      )`
    : Prisma.sql`WITH e AS (SELECT * FROM "Encounter" WHERE "id" = ${encounterId})`;
  const [row] = await sqlOf(prisma).query<Encounter & R>(
    Prisma.sql`${statement} SELECT ${Prisma.join([Prisma.sql`e.*`, ...related])} FROM e`,
  );
  if (folded && row === undefined) throw new Error(`encounter ${encounterId} not found`); // retried, as writeTransitions does
  return row;
}

/** A column of readEncounterWith: the encounter's patient (read it with patientOf). */
export const PATIENT_JSON = Prisma.sql`(SELECT to_jsonb(p) FROM "Patient" p WHERE p."id" = e."patientId") AS "patient"`;

/** The patient as a JSON column holds it (to_jsonb: dates as text), with the Dates Prisma gives. */
export function patientOf(json: Record<string, unknown>): Patient {
  const patient = json as unknown as Patient & { dateOfBirth: Date | string; createdAt: Date | string };
  return {
    ...patient,
    dateOfBirth: utcDate(String(patient.dateOfBirth)),
    createdAt: utcTimestamp(String(patient.createdAt)),
  };
}

export function createRecordActivities({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return {
    async recordTransition(t: TransitionRecord): Promise<void> {
      await writeTransitions(prisma, [t]);
    },

    async recordAudit(a: AuditRecord): Promise<void> {
      await recordAuditEvent(prisma, a);
    },
  };
}

export async function recordAuditEvent(prisma: ActivityDeps['prisma'], a: AuditRecord): Promise<void> {
  // Once per key: one INSERT ... ON CONFLICT DO NOTHING (an upsert with no update took five statements),
  // raw: Prisma compiles a new query plan for every createMany call (raw-insert.ts).
  await insertRows(
    prisma,
    'AuditEvent',
    [
      {
        id: randomUUID(),
        encounterId: a.encounterId,
        actor: a.actor,
        role: a.role,
        action: a.action,
        detail: a.detail === undefined ? null : JSON.stringify(a.detail),
        idempotencyKey: a.idempotencyKey,
      },
    ],
    { onConflictDoNothing: true },
  );
}
