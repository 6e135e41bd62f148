/**
 * Sending a billed encounter's claim back to the payer (from a patient's question about the
 * statement): the encounter's own workflow has ended at `billed`, so the request is stored as a
 * ClaimCorrection and worked by its own workflow (workflows/claim-correction.ts, id
 * `claim-correction-<id>`, started once). One in flight per encounter: a second answers 409 naming
 * the one in flight. The statement's dunning pauses while it runs (payments/dunning-holds.ts). An
 * Idempotency-Key (scoped by the caller) makes a retry find the stored request and start its
 * workflow if the first attempt could not.
 */
import { HttpProblem, conflict } from '../platform/problem.ts';
import { startWorkflowOnce } from '../platform/start-workflow-once.ts';
import { DEFAULT_TIMINGS } from '../workflows/config.ts';
import type { claimCorrectionWorkflow } from '../workflows/claim-correction.ts';
import { CLAIM_CORRECTION_IN_FLIGHT, claimCorrectionWorkflowId, type ClaimCorrectionInput } from '../workflows/claim-correction-config.ts';
import { recordAudit } from './audit.ts';
import type { Principal } from './auth.ts';
import type { DenialActionRequest } from './denial-actions.ts';
import type { ApiDeps } from './deps.ts';
import { notifyStatementCycle } from './statement-cycle-notify.ts';

export interface ClaimCorrectionReceipt {
  id: string;
  status: string;
}

function checkRequest(body: DenialActionRequest): asserts body is DenialActionRequest & { action: 'resubmit' | 'appeal'; reason: string } {
  if (body.action === 'write_off')
    throw new HttpProblem(400, 'A claim is sent back by resubmit or appeal', [{ field: 'action', message: 'resubmit or appeal' }]);
  if (!body.reason?.trim())
    throw new HttpProblem(400, 'Say why the claim goes back to the payer', [
      { field: 'reason', message: 'required when the encounter is billed' },
    ]);
  if (body.action === 'appeal' && (body.attachmentIds ?? []).length === 0)
    throw new HttpProblem(400, 'An appeal needs at least one document', [
      { field: 'attachmentIds', message: 'upload it first, then name its id' },
    ]);
  if (body.action === 'resubmit' && (body.corrections ?? []).length === 0)
    throw new HttpProblem(400, 'A corrected claim needs its corrections', [
      { field: 'corrections', message: 'the codes and their modifiers' },
    ]);
}

/** Stores the request (409 while another is in flight) and starts its workflow; audited once. */
export async function requestClaimCorrection(
  deps: ApiDeps,
  target: { encounterId: string; statementId: string; questionId?: string },
  principal: Principal,
  body: DenialActionRequest,
  key: string | undefined,
): Promise<ClaimCorrectionReceipt> {
  checkRequest(body);
  if (body.attachmentIds?.length) {
    const found = await deps.prisma.attachment.count({ where: { id: { in: body.attachmentIds }, encounterId: target.encounterId } });
    if (found !== new Set(body.attachmentIds).size)
      throw new HttpProblem(422, 'An attachment id names no document of this encounter', [
        { field: 'attachmentIds', message: 'unknown attachment' },
      ]);
  }
  const correction = await deps.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "PatientStatement" WHERE "id" = ${target.statementId} FOR UPDATE`;
    if (key !== undefined) {
      const earlier = await tx.claimCorrection.findUnique({ where: { idempotencyKey: key } });
      if (earlier !== null) return { row: earlier, created: false };
    }
    const inFlight = await tx.claimCorrection.findFirst({
      where: { encounterId: target.encounterId, status: { in: CLAIM_CORRECTION_IN_FLIGHT } },
    });
    if (inFlight !== null)
      throw conflict(
        `The claim is already with the payer: correction ${inFlight.id} (${inFlight.action}, ${inFlight.status}) is awaiting the payer's answer`,
      );
    const row = await tx.claimCorrection.create({
      data: {
        encounterId: target.encounterId,
        statementId: target.statementId,
        questionId: target.questionId ?? null,
        action: body.action,
        reason: body.reason,
        corrections: body.corrections ?? [],
        attachmentIds: body.attachmentIds ?? [],
        requestedBy: principal.subject,
        idempotencyKey: key ?? null,
      },
    });
    return { row, created: true };
  });
  const input: ClaimCorrectionInput = {
    correctionId: correction.row.id,
    timings: {
      remittancePollInterval: deps.timings.remittancePollInterval ?? DEFAULT_TIMINGS.remittancePollInterval!,
      payerDay: deps.timings.payerDay ?? DEFAULT_TIMINGS.payerDay!,
    },
  };
  await startWorkflowOnce<typeof claimCorrectionWorkflow>(deps.temporal.workflow, 'claimCorrectionWorkflow', {
    workflowId: claimCorrectionWorkflowId(correction.row.id),
    taskQueue: deps.taskQueue,
    args: [input],
  });
  if (correction.created) {
    await recordAudit(deps.prisma, {
      encounterId: target.encounterId,
      principal,
      action: 'claim_correction.requested',
      detail: {
        correctionId: correction.row.id,
        action: body.action,
        statementId: target.statementId,
        attachmentIds: body.attachmentIds ?? [],
        ...(target.questionId !== undefined ? { questionId: target.questionId } : {}),
      },
    });
    // The statement's dunning pauses while the claim is back with the payer.
    await notifyStatementCycle(deps, target.statementId, 'claim_correction');
  }
  return { id: correction.row.id, status: correction.row.status };
}
