/**
 * What staff tell a running encounter: cancel, a supervisor's decision, a coder's code override.
 * Each checks the encounter's state (409 when it does not fit), signals the workflow, writes an
 * audit row and answers 202: the workflow acts on the signal asynchronously.
 */
import { Router } from 'express';
import { recordAudit } from '../audit.ts';
import { principalOf, requireRole } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { findEncounterOr404, isFinal, queryLiveStatus, signalOr409, stageOf } from '../encounter-access.ts';
import { conflict, unavailable } from '../problem.ts';
import { cancelSchema, codeOverrideSchema, decisionSchema } from '../schemas.ts';
import type { Stage } from '../../workflows/stages.ts';
import { cancelSignal, overrideCodesSignal, supervisorDecisionSignal } from '../../workflows/messages.ts';
import type { CancelRequest, CodeOverride, SupervisorDecision } from '../../workflows/messages.ts';
import { pathParam } from '../request.ts';

/** Stages in which a coder may replace the codes. */
export const CODE_OVERRIDE_STAGES: readonly Stage[] = ['coding', 'awaiting_clarification', 'escalated', 'needs_review'];

export function actionRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.post('/encounters/:id/cancel', requireRole('coder', 'biller', 'supervisor'), async (req, res) => {
    const encounter = await findEncounterOr404(deps, pathParam(req, 'id'));
    const body = cancelSchema.parse(req.body);
    const principal = principalOf(res);
    const stage = stageOf(encounter, await queryLiveStatus(deps, encounter.workflowId));
    if (isFinal(stage)) throw conflict(`The encounter is ${stage} and can no longer be cancelled`);
    const request: CancelRequest = { cancelledBy: principal.subject, reason: body.reason };
    await signalOr409(() => deps.temporal.workflow.getHandle(encounter.workflowId).signal(cancelSignal, request));
    await recordAudit(deps.prisma, {
      encounterId: encounter.id,
      principal,
      action: 'encounter.cancel_requested',
      detail: { stage, reason: body.reason },
    });
    res.status(202).json({ accepted: true });
  });

  router.post('/encounters/:id/decision', requireRole('supervisor'), async (req, res) => {
    const encounter = await findEncounterOr404(deps, pathParam(req, 'id'));
    const body = decisionSchema.parse(req.body);
    const principal = principalOf(res);
    const live = await queryLiveStatus(deps, encounter.workflowId);
    const stage = stageOf(encounter, live);
    if (isFinal(stage)) throw conflict(`The encounter is ${stage}; no decision applies`);
    if (body.decision !== 'cancel') {
      if (live === undefined) throw unavailable("The encounter's workflow did not answer; try again shortly");
      const pending = live.pendingDecision;
      if (pending === undefined) throw conflict('No decision is pending for this encounter');
      if (!pending.allowed.includes(body.decision)) {
        throw conflict(`"${body.decision}" does not fit the pending ${pending.kind}; allowed: ${pending.allowed.join(', ')}`);
      }
    }
    const decision: SupervisorDecision = { decision: body.decision, decidedBy: principal.subject };
    if (body.note !== undefined) decision.note = body.note;
    if (body.extendBy !== undefined) decision.extendBy = body.extendBy;
    await signalOr409(() => deps.temporal.workflow.getHandle(encounter.workflowId).signal(supervisorDecisionSignal, decision));
    await recordAudit(deps.prisma, {
      encounterId: encounter.id,
      principal,
      action: 'supervisor.decided',
      detail: { stage, pending: live?.pendingDecision?.kind ?? null, ...decision },
    });
    res.status(202).json({ accepted: true });
  });

  router.put('/encounters/:id/codes', requireRole('coder'), async (req, res) => {
    const encounter = await findEncounterOr404(deps, pathParam(req, 'id'));
    const body = codeOverrideSchema.parse(req.body);
    const principal = principalOf(res);
    const stage = stageOf(encounter, await queryLiveStatus(deps, encounter.workflowId));
    if (!CODE_OVERRIDE_STAGES.includes(stage)) {
      throw conflict(`Codes can be changed in the stages ${CODE_OVERRIDE_STAGES.join(', ')}; the encounter is ${stage}`);
    }
    const override: CodeOverride = { overriddenBy: principal.subject, diagnoses: body.diagnoses, procedures: body.procedures };
    if (body.note !== undefined) override.note = body.note;
    await signalOr409(() => deps.temporal.workflow.getHandle(encounter.workflowId).signal(overrideCodesSignal, override));
    await recordAudit(deps.prisma, {
      encounterId: encounter.id,
      principal,
      action: 'codes.overridden',
      detail: {
        stage,
        diagnoses: body.diagnoses.map((d) => d.code),
        procedures: body.procedures.map((p) => ({ code: p.code, units: p.units ?? 1, modifiers: p.modifiers ?? [] })),
        ...(body.note !== undefined ? { note: body.note } : {}),
      },
    });
    res.status(202).json({ accepted: true });
  });

  return router;
}
