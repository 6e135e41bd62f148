/**
 * A biller's action on an encounter's open denials (resubmit a corrected replacement claim,
 * appeal with documents, write off), sent to the encounter's workflow as its validated update
 * (workflows/encounter/denials.ts). One function for every place a biller can take it: the
 * encounter's claims (POST /encounters/:id/denials/actions) and a patient's question about the
 * bill (POST /patient-questions/:id/claim-actions).
 */
import { z } from 'zod';
import type { Encounter } from '../generated/prisma/client.ts';
import { HttpProblem } from '../platform/problem.ts';
import { denialActionUpdate, type DenialAction } from '../workflows/messages.ts';
import { recordAudit } from './audit.ts';
import type { Principal } from './auth.ts';
import type { ApiDeps } from './deps.ts';
import { sendUpdate, type UpdateOutcome } from './encounter-access.ts';
import { uuid } from './schemas.ts';
import { refusalProblem, updateIdFor } from './update-refusals.ts';

/** What a biller sends (the workflow checks it against the open denials). */
export const denialActionSchema = z
  .object({
    action: z.enum(['resubmit', 'appeal', 'write_off']),
    denialIds: z.array(uuid).max(50).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    attachmentIds: z.array(uuid).max(10).optional(),
    corrections: z
      .array(
        z.object({
          code: z.string().regex(/^([0-9]{4}[0-9A-Z]|[A-V][0-9]{4})$/),
          modifiers: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).max(4),
        }),
      )
      .max(20)
      .optional(),
  })
  .strict();

export type DenialActionRequest = z.infer<typeof denialActionSchema>;

/**
 * Checks the named documents, has the workflow take the action (409 naming why it does not fit),
 * then audits it. `key` (an Idempotency-Key scoped to the encounter) makes a retry the same update.
 * The outcome says whether the workflow finished taking it within the request (else the caller
 * answers 202 with the status link, api/routes/updates.ts).
 */
export async function requestDenialAction(
  deps: ApiDeps,
  encounter: Pick<Encounter, 'id' | 'workflowId'>,
  principal: Principal,
  body: DenialActionRequest,
  key: string | undefined,
  context: { questionId?: string } = {},
): Promise<UpdateOutcome<unknown>> {
  if (body.attachmentIds?.length) {
    const found = await deps.prisma.attachment.count({ where: { id: { in: body.attachmentIds }, encounterId: encounter.id } });
    if (found !== new Set(body.attachmentIds).size) {
      throw new HttpProblem(422, 'An attachment id names no document of this encounter', [
        { field: 'attachmentIds', message: 'unknown attachment' },
      ]);
    }
  }
  const action: DenialAction = { action: body.action, actor: principal.subject };
  if (body.denialIds) action.denialIds = body.denialIds;
  if (body.reason) action.reason = body.reason;
  if (body.attachmentIds) action.attachmentIds = body.attachmentIds;
  if (body.corrections) action.corrections = body.corrections;
  const outcome = await sendUpdate(deps, encounter.workflowId, denialActionUpdate, action, {
    refused: (message) => refusalProblem('denial', message, undefined),
    updateId: updateIdFor('denial', key),
  });
  await recordAudit(deps.prisma, {
    encounterId: encounter.id,
    principal,
    action: 'denial.action_requested',
    detail: {
      action: body.action,
      denialIds: body.denialIds ?? [],
      attachmentIds: body.attachmentIds ?? [],
      ...(context.questionId !== undefined ? { questionId: context.questionId } : {}),
      ...(outcome.completed ? {} : { completed: false }),
    },
  });
  return outcome;
}
