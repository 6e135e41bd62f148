/**
 * What staff tell a running encounter: cancel, a supervisor's decision, a coder's code override.
 * Each checks the encounter's state (409 when it does not fit) and writes an audit row. Cancel is
 * a signal (202: the workflow acts on it asynchronously); a decision and a code override are
 * updates (200 once the workflow took it, 409 with the workflow's reason when it refused it; a
 * code override with a code not in the code sets, or failing an edit, is a 422 naming the code).
 *
 * Each takes an optional `Idempotency-Key` header (see api/audit.ts): a repeat on the same
 * encounter gets the first response and is not sent again.
 */
import type { Response } from 'express';
import { earlierResponse, idempotencyKeyOf, recordAudit, type AuditAction } from '../audit.ts';
import { principalOf } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { acceptedResponse, findEncounterOr404, isFinal, queryLiveStatus, sendUpdate, signalOr409, stageOf } from '../encounter-access.ts';
import { conflict, forbidden, unavailable } from '../../platform/problem.ts';
import { acceptedSchema, UPDATE_IN_PROGRESS } from '../responses.ts';
import { route } from '../route.ts';
import { cancelSchema, codeOverrideSchema, decisionSchema, encounterIdParams } from '../schemas.ts';
import { CODE_EDIT_STAGES, type Stage } from '../../workflows/stages.ts';
import { BILLER_DECISION_KINDS, cancelSignal, supervisorDecisionUpdate } from '../../workflows/messages.ts';
import type { CancelRequest, SupervisorDecision } from '../../workflows/messages.ts';
import { sendCoderAction } from '../coder-actions.ts';
import { refusalProblem, updateIdFor } from '../update-refusals.ts';

/** Stages in which a coder may replace the codes. */
export const CODE_OVERRIDE_STAGES: readonly Stage[] = CODE_EDIT_STAGES;

/** Answers with the response an earlier request with the same Idempotency-Key got; true if it did. */
async function replayed(deps: ApiDeps, res: Response, key: string | undefined, action: AuditAction): Promise<boolean> {
  const earlier = await earlierResponse(deps.prisma, key, action);
  if (earlier === undefined) return false;
  res.set('Idempotent-Replay', 'true').status(earlier.status).json(earlier.body);
  return true;
}

const IDEMPOTENCY_HEADERS = { 'Idempotent-Replay': 'true when this is the answer to an earlier request with the same Idempotency-Key' };
const ACTION_PROBLEMS = {
  404: 'No such encounter',
  409: 'The encounter is in a state where this is not possible, or the Idempotency-Key was used for another action',
};

export const actionRoutes = [
  route(
    {
      method: 'post',
      path: '/encounters/:id/cancel',
      summary: 'Cancel an encounter',
      roles: ['coder', 'biller', 'supervisor'],
      params: encounterIdParams,
      body: cancelSchema,
      responses: { 202: { description: 'Signalled', body: acceptedSchema, headers: IDEMPOTENCY_HEADERS } },
      problems: ACTION_PROBLEMS,
    },
    async ({ deps, params, body, req, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const key = idempotencyKeyOf(req, encounter.id);
      if (await replayed(deps, res, key, 'encounter.cancel_requested')) return;
      const principal = principalOf(res);
      const stage = stageOf(encounter, await queryLiveStatus(deps, encounter.workflowId));
      if (isFinal(stage)) throw conflict(`The encounter is ${stage} and can no longer be cancelled`);
      const request: CancelRequest = { cancelledBy: principal.subject, reason: body.reason };
      await signalOr409(deps, encounter.workflowId, () =>
        deps.temporal.workflow.getHandle(encounter.workflowId).signal(cancelSignal, request),
      );
      const response = { status: 202, body: { accepted: true } };
      await recordAudit(deps.prisma, {
        encounterId: encounter.id,
        principal,
        action: 'encounter.cancel_requested',
        detail: { stage, reason: body.reason, response },
        ...(key !== undefined ? { idempotencyKey: key } : {}),
      });
      res.status(response.status).json(response.body);
    },
  ),

  route(
    {
      method: 'post',
      path: '/encounters/:id/decision',
      summary: 'A decision on a pending question (supervisor; biller for the billing questions)',
      description:
        'A validated workflow update naming the pending question: a stale or repeated decision is refused (409). A biller decides the billing questions (authorization, coverage, claim) and may cancel; every other question is a supervisor’s (403).',
      roles: ['supervisor', 'biller'],
      params: encounterIdParams,
      body: decisionSchema,
      responses: {
        200: { description: 'Taken by the workflow', body: acceptedSchema, headers: IDEMPOTENCY_HEADERS },
        202: UPDATE_IN_PROGRESS,
      },
      problems: {
        ...ACTION_PROBLEMS,
        409: 'No decision pending, the decision does not fit it (stale decisionId, not allowed), or the encounter is final',
        503: 'The workflow did not answer in time; try again after Retry-After',
      },
    },
    async ({ deps, params, body, req, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const key = idempotencyKeyOf(req, encounter.id);
      if (await replayed(deps, res, key, 'supervisor.decided')) return;
      const principal = principalOf(res);
      const live = await queryLiveStatus(deps, encounter.workflowId);
      const stage = stageOf(encounter, live);
      if (isFinal(stage)) throw conflict(`The encounter is ${stage}; no decision applies`);
      const pending = live?.pendingDecision;
      // A biller decides the billing questions (authorization, coverage, claim); the rest is a supervisor's.
      if (principal.role === 'biller' && body.decision !== 'cancel') {
        if (live === undefined) throw unavailable("The encounter's workflow did not answer; try again shortly");
        if (pending === undefined || !BILLER_DECISION_KINDS.includes(pending.kind)) throw forbidden("This decision is a supervisor's");
      }
      // Cancel is taken at any stage that is not final; every other decision answers the pending question.
      if (body.decision !== 'cancel' && body.decisionId === undefined) {
        if (live === undefined) throw unavailable("The encounter's workflow did not answer; try again shortly");
        if (pending === undefined) throw conflict('No decision is pending for this encounter');
        if (!pending.allowed.includes(body.decision)) {
          throw conflict(`"${body.decision}" does not fit the pending ${pending.kind}; allowed: ${pending.allowed.join(', ')}`);
        }
      }
      const decision: SupervisorDecision = { decision: body.decision, decidedBy: principal.subject };
      const decisionId = body.decisionId ?? pending?.id;
      if (decisionId !== undefined) decision.decisionId = decisionId;
      if (body.note !== undefined) decision.note = body.note;
      if (body.extendBy !== undefined) decision.extendBy = body.extendBy;
      const outcome = await sendUpdate(deps, encounter.workflowId, supervisorDecisionUpdate, decision, {
        // The validator's reasons name decision ids and kinds, never the note.
        refused: (message) => refusalProblem('decision', message, undefined),
        updateId: updateIdFor('decision', key),
      });
      const response = acceptedResponse(encounter.id, outcome);
      await recordAudit(deps.prisma, {
        encounterId: encounter.id,
        principal,
        action: 'supervisor.decided',
        detail: { stage, pending: pending?.kind ?? null, ...decision, response },
        ...(key !== undefined ? { idempotencyKey: key } : {}),
      });
      res.status(response.status).json(response.body);
    },
  ),

  route(
    {
      method: 'put',
      path: '/encounters/:id/codes',
      summary: 'Replace the codes (coder override)',
      roles: ['coder'],
      params: encounterIdParams,
      body: codeOverrideSchema,
      responses: {
        200: { description: 'The workflow checked and took the codes', body: acceptedSchema, headers: IDEMPOTENCY_HEADERS },
        202: UPDATE_IN_PROGRESS,
      },
      problems: { ...ACTION_PROBLEMS, 422: 'A code is not in the code sets or the codes fail a pre-claim edit (each named in errors)' },
    },
    async ({ deps, params, body, req, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const key = idempotencyKeyOf(req, encounter.id);
      if (await replayed(deps, res, key, 'codes.overridden')) return;
      const principal = principalOf(res);
      const stage = stageOf(encounter, await queryLiveStatus(deps, encounter.workflowId));
      if (!CODE_OVERRIDE_STAGES.includes(stage)) {
        throw conflict(`Codes can be changed in the stages ${CODE_OVERRIDE_STAGES.join(', ')}; the encounter is ${stage}`);
      }
      // An update whose handler checks the codes: an invalid code is a 422 naming it, not a silent drop.
      const outcome = await sendCoderAction(
        deps,
        encounter,
        {
          action: 'edit',
          reviewedBy: principal.subject,
          diagnoses: body.diagnoses,
          procedures: body.procedures,
          ...(body.note !== undefined ? { note: body.note } : {}),
        },
        key,
      );
      const response = acceptedResponse(encounter.id, outcome);
      await recordAudit(deps.prisma, {
        encounterId: encounter.id,
        principal,
        action: 'codes.overridden',
        detail: {
          stage,
          diagnoses: body.diagnoses.map((d) => d.code),
          procedures: body.procedures.map((p) => ({ code: p.code, units: p.units ?? 1, modifiers: p.modifiers ?? [] })),
          ...(body.note !== undefined ? { note: body.note } : {}),
          response,
        },
        ...(key !== undefined ? { idempotencyKey: key } : {}),
      });
      res.status(response.status).json(response.body);
    },
  ),
];
