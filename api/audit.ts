/**
 * Audit rows for what people do through the API (answers, decisions, code overrides, cancels)
 * and for who read patient data (`*.viewed`: actor, role and ids only, never content).
 *
 * Actions may carry an `Idempotency-Key` header. The key is stored on the action's audit row,
 * scoped to the encounter (`<encounterId>:<key>`, unique), together with the response given: a
 * repeat of the key on the same encounter gets that response back and is not sent to the
 * workflow again, and a retry can never write a second row.
 */
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Principal } from './auth.ts';
import { insertRowsStatement } from '../activities/raw-insert.ts';
import { sqlOf } from '../platform/sql.ts';
import { DEFAULT_API_LIMITS, type ApiDeps } from './deps.ts';
import { badRequest, conflict } from '../platform/problem.ts';

export type AuditAction =
  | 'clarification.answered'
  | 'supervisor.decided'
  | 'codes.overridden'
  /** A coder's accept / edit / query in coder_review. */
  | 'coder.reviewed'
  | 'encounter.cancel_requested'
  /** The clinic documented a scheduled visit (detail: the documentation's sha256). */
  | 'visit.documented'
  /** A patient-responsibility estimate was made before the visit (detail: kind, amount, ids). */
  | 'estimate.created'
  | 'estimates.viewed'
  | 'encounter.viewed'
  | 'statement.viewed'
  | 'patient_statements.viewed'
  | 'physician_queries.viewed'
  | 'patient_link.created'
  | 'patient_link.revoked'
  | 'patient_question.asked_for_patient'
  | 'patient_question.answered'
  /** From a patient's question: the claim sent back to the insurer (denial path), a payment plan set up. */
  | 'patient_question.claim_sent_back'
  | 'claim_correction.requested'
  | 'patient_question.payment_plan_set_up'
  | 'patient_questions.viewed'
  | 'patient_question.viewed'
  | 'statement.adjustment_requested'
  | 'statement.adjustment_decided'
  | 'statement.reissued'
  | 'claims.viewed'
  | 'claim_837p.viewed'
  | 'attachment.uploaded'
  | 'denial.action_requested'
  /** A biller or supervisor paid an overpayment back (detail: refund id, amount, method, reference). */
  | 'refund.completed'
  /** Temporal payloads decoded through the codec endpoint (the Temporal Web UI or CLI). */
  | 'temporal_payloads.viewed';

export async function recordAudit(
  prisma: PrismaClient,
  event: { encounterId: string | null; principal: Principal; action: AuditAction; detail: Prisma.InputJsonObject; idempotencyKey?: string },
): Promise<void> {
  try {
    await prisma.auditEvent.create({
      data: {
        encounterId: event.encounterId,
        actor: event.principal.subject,
        role: event.principal.role,
        action: event.action,
        detail: event.detail,
        idempotencyKey: event.idempotencyKey ?? null,
      },
    });
  } catch (error) {
    // A concurrent request with the same key wrote the row first: that row stands.
    if (event.idempotencyKey !== undefined && (error as { code?: unknown }).code === 'P2002') return;
    throw error;
  }
}

/**
 * A read of patient data: who (actor, role) and which record (ids), no content. Repeated views of
 * the same record by the same user are one row per window (`limits.viewAuditWindowMs`): the row's
 * key names the viewer, the record and the window, so a page refreshing every few seconds, or two
 * views at once, write it once.
 */
export async function recordView(
  /** The API's deps (their window), or a bare client (the default window). */
  target: Pick<ApiDeps, 'prisma' | 'limits'> | PrismaClient,
  principal: Principal,
  action: Extract<AuditAction, `${string}.viewed`>,
  ids: { encounterId?: string | null } & Record<string, Prisma.InputJsonValue | null | undefined>,
): Promise<void> {
  const deps: Pick<ApiDeps, 'prisma' | 'limits'> =
    'prisma' in target && typeof target.prisma === 'object' ? target : { prisma: target as PrismaClient };
  await sqlOf(deps.prisma).execute(viewAuditStatement(deps, principal, action, ids));
}

/**
 * recordView's INSERT, to send alone or inside a larger statement (a data-modifying CTE: the
 * encounter view reads and records in one round trip). Raw INSERT ... ON CONFLICT DO NOTHING:
 * Prisma compiles a new query plan for every createMany call (activities/raw-insert.ts).
 */
export function viewAuditStatement(
  deps: Pick<ApiDeps, 'limits'>,
  principal: Principal,
  action: Extract<AuditAction, `${string}.viewed`>,
  ids: { encounterId?: string | null } & Record<string, Prisma.InputJsonValue | null | undefined>,
): Prisma.Sql {
  const { encounterId, ...rest } = ids;
  const detail: Prisma.InputJsonObject = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  ) as Prisma.InputJsonObject;
  const windowMs = deps.limits?.viewAuditWindowMs ?? DEFAULT_API_LIMITS.viewAuditWindowMs;
  const row = {
    id: randomUUID(),
    encounterId: encounterId ?? null,
    actor: principal.subject,
    role: principal.role,
    action,
    detail: JSON.stringify(detail),
  };
  // No window: every view is a row of its own.
  if (windowMs <= 0) return insertRowsStatement('AuditEvent', [row]);
  const record = createHash('sha256')
    .update(JSON.stringify([principal.role, principal.subject, action, encounterId ?? null, detail]))
    .digest('base64url');
  return insertRowsStatement('AuditEvent', [{ ...row, idempotencyKey: `view:${record}:${Math.floor(Date.now() / windowMs)}` }], {
    onConflictDoNothing: true,
  });
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/** The request's Idempotency-Key scoped to the encounter, or undefined without the header (400 when malformed). */
export function idempotencyKeyOf(req: Request, encounterId: string): string | undefined {
  const raw = req.get('idempotency-key');
  if (raw === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(raw)) {
    throw badRequest('The Idempotency-Key header is malformed', [
      { field: 'Idempotency-Key', message: '1 to 200 letters, digits and . _ : -' },
    ]);
  }
  return `${encounterId}:${raw}`;
}

export interface StoredResponse {
  status: number;
  body: Prisma.InputJsonObject;
}

/** The response an earlier request with this (scoped) key got, if any; 409 when the key was used for another action. */
export async function earlierResponse(
  prisma: PrismaClient,
  scopedKey: string | undefined,
  action: AuditAction,
): Promise<StoredResponse | undefined> {
  if (scopedKey === undefined) return undefined;
  const row = await prisma.auditEvent.findUnique({ where: { idempotencyKey: scopedKey } });
  if (row === null) return undefined;
  if (row.action !== action) throw conflict('This Idempotency-Key was already used for another action on this encounter');
  const response = (row.detail as { response?: StoredResponse } | null)?.response;
  return response ?? { status: 200, body: { accepted: true } };
}
