/**
 * The coders' side of coder_review: the worklist of encounters waiting for a coder, and the
 * coder's answer (accept the codes under review, replace them, or query the physician), sent to
 * the workflow as an update so an invalid code is refused at once (422 naming field and code).
 * Takes an optional `Idempotency-Key` header like the other actions (api/audit.ts).
 */
import { earlierResponse, idempotencyKeyOf, recordAudit } from '../audit.ts';
import { principalOf } from '../auth.ts';
import { sendCoderAction } from '../coder-actions.ts';
import { acceptedResponse, findEncounterOr404, isFinal, queryLiveStatus, stageOf } from '../encounter-access.ts';
import { conflict, unavailable } from '../../platform/problem.ts';
import { acceptedSchema, coderWorklistSchema, UPDATE_IN_PROGRESS } from '../responses.ts';
import { route } from '../route.ts';
import { coderReviewSchema, encounterIdParams } from '../schemas.ts';
import { dateToDay } from '../../domain/days.ts';
import type { CoderReviewAction } from '../../workflows/messages.ts';

/** How many waiting encounters the worklist shows, oldest first. */
const WORKLIST_LIMIT = 200;

export const coderReviewRoutes = [
  route(
    {
      method: 'get',
      path: '/coder-review/worklist',
      summary: 'Encounters waiting for a coder (coder_review), oldest first, with why',
      roles: ['coder', 'supervisor'],
      responses: { 200: { description: `At most ${WORKLIST_LIMIT} encounters`, body: coderWorklistSchema } },
    },
    async ({ deps, res }) => {
      const waiting = await deps.prisma.encounter.findMany({
        where: { stage: 'coder_review' },
        orderBy: { updatedAt: 'asc' },
        take: WORKLIST_LIMIT,
        select: { id: true, clinicEncounterId: true, payerId: true, dateOfService: true, updatedAt: true },
      });
      // Why each waits: the reason of its latest transition into coder_review (codes and rules, no notes).
      const transitions = await deps.prisma.encounterTransition.findMany({
        where: { encounterId: { in: waiting.map((e) => e.id) }, toStage: 'coder_review' },
        orderBy: { sequence: 'desc' },
        select: { encounterId: true, reason: true },
      });
      const reasonOf = new Map<string, string | null>();
      for (const t of transitions) if (!reasonOf.has(t.encounterId)) reasonOf.set(t.encounterId, t.reason);
      res.json({
        items: waiting.map((e) => ({
          id: e.id,
          clinicEncounterId: e.clinicEncounterId,
          payerId: e.payerId,
          dateOfService: dateToDay(e.dateOfService),
          waitingSince: e.updatedAt.toISOString(),
          reason: reasonOf.get(e.id) ?? null,
          links: { self: `/encounters/${e.id}`, review: `/encounters/${e.id}/coder-review` },
        })),
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/encounters/:id/coder-review',
      summary: 'A coder accepts, replaces or queries the codes under review',
      description:
        'accept and query answer the pending review (reviewId, default the pending one); edit also works in the other stages where codes may change. The codes of an edit are looked up and the pre-claim edits run before the workflow takes them.',
      roles: ['coder'],
      params: encounterIdParams,
      body: coderReviewSchema,
      responses: { 200: { description: 'The workflow took it', body: acceptedSchema }, 202: UPDATE_IN_PROGRESS },
      problems: {
        404: 'No such encounter',
        409: 'The encounter is not waiting for a coder (or no longer for this review), or another coder action is in flight',
        422: 'A code is not in the code sets or the codes fail a pre-claim edit (each named in errors)',
      },
    },
    async ({ deps, params, body, req, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const key = idempotencyKeyOf(req, encounter.id);
      const earlier = await earlierResponse(deps.prisma, key, 'coder.reviewed');
      if (earlier !== undefined) {
        res.set('Idempotent-Replay', 'true').status(earlier.status).json(earlier.body);
        return;
      }
      const principal = principalOf(res);
      const live = await queryLiveStatus(deps, encounter.workflowId);
      const stage = stageOf(encounter, live);
      if (isFinal(stage)) throw conflict(`The encounter is ${stage}; there is nothing to review`);
      if (body.action !== 'edit' && body.reviewId === undefined) {
        if (live === undefined) throw unavailable("The encounter's workflow did not answer; try again shortly");
        if (live.coderReview === undefined) throw conflict('The encounter is not waiting for a coder');
      }
      const reviewId = body.reviewId ?? live?.coderReview?.id;
      const common = { reviewedBy: principal.subject, ...(body.note !== undefined ? { note: body.note } : {}) };
      let action: CoderReviewAction;
      if (body.action === 'accept') action = { action: 'accept', ...common, reviewId: reviewId! };
      else if (body.action === 'query')
        action = {
          action: 'query',
          ...common,
          reviewId: reviewId!,
          question: body.question,
          ...(body.options !== undefined ? { options: body.options } : {}),
        };
      else
        action = {
          action: 'edit',
          ...common,
          ...(reviewId !== undefined ? { reviewId } : {}),
          diagnoses: body.diagnoses,
          procedures: body.procedures,
        };
      const response = acceptedResponse(encounter.id, await sendCoderAction(deps, encounter, action, key));
      await recordAudit(deps.prisma, {
        encounterId: encounter.id,
        principal,
        action: 'coder.reviewed',
        detail: {
          stage,
          action: body.action,
          reviewId: reviewId ?? null,
          ...(body.action === 'edit'
            ? { diagnoses: body.diagnoses.map((d) => d.code), procedures: body.procedures.map((p) => p.code) }
            : {}),
          response,
        },
        ...(key !== undefined ? { idempotencyKey: key } : {}),
      });
      res.status(response.status).json(response.body);
    },
  ),
];
