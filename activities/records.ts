/** The encounter's trail: stage transitions and audit events. Every write is keyed, so a retry repeats nothing. */
import { randomUUID } from 'node:crypto';
import type { ActivityDeps } from './deps.ts';
import { insertRows } from './raw-insert.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { sqlOf } from '../platform/sql.ts';

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

/**
 * Writes transitions in order. Each is one statement (one round trip, atomic): the transition keyed
 * by (encounter, sequence), so a retry inserts nothing, and the encounter's current stage. Prisma's
 * upsert + update in a transaction took seven statements for the same.
 */
export async function writeTransitions(prisma: ActivityDeps['prisma'], transitions: readonly TransitionRecord[] = []): Promise<void> {
  for (const t of transitions) {
    const updated = await sqlOf(prisma).execute(Prisma.sql`
      WITH recorded AS (
        INSERT INTO "EncounterTransition" ("id", "encounterId", "sequence", "fromStage", "toStage", "reason", "actor", "at")
        VALUES (gen_random_uuid()::text, ${t.encounterId}, ${t.sequence}, ${t.from}, ${t.to}, ${t.reason ?? null}, ${t.actor ?? null}, ${new Date(t.at)})
        ON CONFLICT ("encounterId", "sequence") DO NOTHING
      )
      UPDATE "Encounter" SET "stage" = ${t.to}, "updatedAt" = now() WHERE "id" = ${t.encounterId}`);
    if (updated !== 1) throw new Error(`encounter ${t.encounterId} not found`); // retried, as Prisma's update failing was
  }
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
