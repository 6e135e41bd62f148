/** Audit rows for what people do through the API (answers, decisions, code overrides, cancels). */
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Principal } from './auth.ts';

export type AuditAction = 'clarification.answered' | 'supervisor.decided' | 'codes.overridden' | 'encounter.cancel_requested';

export async function recordAudit(
  prisma: PrismaClient,
  event: { encounterId: string; principal: Principal; action: AuditAction; detail: Prisma.InputJsonObject },
): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      encounterId: event.encounterId,
      actor: event.principal.subject,
      role: event.principal.role,
      action: event.action,
      detail: event.detail,
    },
  });
}
