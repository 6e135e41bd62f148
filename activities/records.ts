/** The encounter's trail: stage transitions and audit events. Every write is keyed, so a retry repeats nothing. */
import type { ActivityDeps } from './deps.ts';
import type { Prisma } from '../generated/prisma/client.ts';

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
  encounterId: string;
  actor: string;
  role: string;
  action: string;
  detail?: Prisma.InputJsonValue;
  idempotencyKey: string;
}

export function createRecordActivities({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return {
    async recordTransition(t: TransitionRecord): Promise<void> {
      await prisma.$transaction([
        prisma.encounterTransition.upsert({
          where: { encounterId_sequence: { encounterId: t.encounterId, sequence: t.sequence } },
          create: {
            encounterId: t.encounterId,
            sequence: t.sequence,
            fromStage: t.from,
            toStage: t.to,
            reason: t.reason ?? null,
            actor: t.actor ?? null,
            at: new Date(t.at),
          },
          update: {},
        }),
        prisma.encounter.update({ where: { id: t.encounterId }, data: { stage: t.to } }),
      ]);
    },

    async recordAudit(a: AuditRecord): Promise<void> {
      await recordAuditEvent(prisma, a);
    },
  };
}

export async function recordAuditEvent(prisma: ActivityDeps['prisma'], a: AuditRecord): Promise<void> {
  await prisma.auditEvent.upsert({
    where: { idempotencyKey: a.idempotencyKey },
    create: {
      encounterId: a.encounterId,
      actor: a.actor,
      role: a.role,
      action: a.action,
      detail: a.detail ?? undefined,
      idempotencyKey: a.idempotencyKey,
    },
    update: {},
  });
}
