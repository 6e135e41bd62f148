/**
 * What a biller can do from a patient's question besides answering it in words: send the claim
 * back to the insurer (a corrected replacement claim or an appeal: while denials are open, the
 * encounter's denial path, api/denial-actions.ts; once the encounter is billed, a claim correction
 * with its own workflow, api/claim-corrections.ts) and set up a payment plan
 * (api/payment-plans.ts). Each action is taken
 * through the same function as on the encounter or the statement, then the biller's answer is
 * stored on the question (the patient reads it on their page and is notified), and the action is
 * audited with the question's id. An Idempotency-Key makes a retry answer with what was done,
 * without a second action or a second answer.
 */
import type { Response } from 'express';
import { z } from 'zod';
import type { PatientQuestion } from '../../generated/prisma/client.ts';
import { badRequest } from '../../platform/problem.ts';
import { recordAudit, type AuditAction } from '../audit.ts';
import { principalOf, type Principal } from '../auth.ts';
import { requestClaimCorrection } from '../claim-corrections.ts';
import { denialActionSchema, requestDenialAction } from '../denial-actions.ts';
import { updateStatusUrl } from '../encounter-access.ts';
import type { ApiDeps } from '../deps.ts';
import { createPaymentPlan, planRequestFields, planSchema } from '../payment-plans.ts';
import { actionAnswer, questionIdParams, questionViewSchema } from '../patient-schemas.ts';
import { answerQuestion, questionView } from '../patient-questions.ts';
import { route } from '../route.ts';
import { questionOr404 } from './patient-questions.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;
const STAFF = ['biller', 'supervisor'] as const;

const claimActionBody = denialActionSchema
  .extend({
    action: z
      .enum(['resubmit', 'appeal'])
      .meta({ description: 'resubmit: a corrected replacement claim (frequency 7); appeal: with documents' }),
    answer: actionAnswer,
  })
  .strict();

const planActionBody = z.object({ ...planRequestFields, answer: actionAnswer }).strict();

const actionReceipt = z.object({
  question: questionViewSchema,
  paymentPlan: planSchema.optional(),
  claimCorrection: z
    .object({ id: z.string(), status: z.string() })
    .optional()
    .meta({ description: 'The claim sent back after the statement: its own workflow until the statement is reissued' }),
  statusUrl: z.string().optional().meta({
    description:
      'The encounter’s workflow accepted the denial action but had not finished taking it: GET it for the outcome (api/routes/updates.ts)',
  }),
});

/** The audit key of an action retried with the same Idempotency-Key, scoped to the question. */
function auditKeyOf(headerValue: string | undefined, questionId: string, action: string): string | undefined {
  if (headerValue === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(headerValue))
    throw badRequest('The Idempotency-Key header is malformed', [
      { field: 'Idempotency-Key', message: '1 to 200 letters, digits and . _ : -' },
    ]);
  return `patient-question:${questionId}:${action}:${headerValue}`;
}

/**
 * A repeat of an action already done under the same Idempotency-Key (its audit row exists): answers
 * 200 with the question as it stands, marked as a replay, and says so; nothing is done again.
 */
async function answeredAsReplay(deps: ApiDeps, res: Response, auditKey: string | undefined, questionId: string): Promise<boolean> {
  if (auditKey === undefined) return false;
  if ((await deps.prisma.auditEvent.count({ where: { idempotencyKey: auditKey } })) === 0) return false;
  res
    .status(200)
    .set('Idempotent-Replay', 'true')
    .json({ question: await currentView(deps, questionId) });
  return true;
}

/** After the action: the biller's answer on the question (patient notified), and the audit row with the question's id. */
async function answerAndAudit(
  deps: ApiDeps,
  question: PatientQuestion,
  principal: Principal,
  answer: string,
  audit: { action: AuditAction; detail: Record<string, string | number>; key: string | undefined },
) {
  const message = await answerQuestion(deps, question, {
    text: answer,
    attachItemizedBill: false,
    author: principal.subject,
    authorRole: principal.role === 'supervisor' ? 'supervisor' : 'biller',
  });
  await recordAudit(deps.prisma, {
    encounterId: question.encounterId,
    principal,
    action: audit.action,
    detail: { questionId: question.id, statementId: question.statementId, messageId: message.id, ...audit.detail },
    ...(audit.key !== undefined ? { idempotencyKey: audit.key } : {}),
  });
}

async function currentView(deps: ApiDeps, questionId: string) {
  const full = await deps.prisma.patientQuestion.findUniqueOrThrow({ where: { id: questionId }, include: { messages: true } });
  return questionView(full);
}

export const patientQuestionActionRoutes = [
  route(
    {
      method: 'post',
      path: '/patient-questions/:id/claim-actions',
      summary:
        'From a patient’s question: send the claim back to the insurer through the encounter’s denial path (resubmit a corrected claim, or appeal), and answer the patient',
      roles: STAFF,
      params: questionIdParams,
      body: claimActionBody,
      responses: {
        201: {
          description:
            'The encounter’s workflow took the action (open denials), or the billed claim went back to the payer through a claim correction; the answer is on the question',
          body: actionReceipt,
        },
        200: { description: 'A repeat with the same Idempotency-Key: nothing done again', body: actionReceipt },
      },
      problems: {
        404: 'No such question',
        409: 'No open denial fits the action (the workflow says why), or the claim is already back with the payer (the correction in flight is named)',
        422: 'An attachment id names no document of this encounter',
      },
    },
    async ({ deps, params, body, req, res }) => {
      const question = await questionOr404(deps, params.id);
      const key = auditKeyOf(req.get('idempotency-key'), question.id, 'claim');
      if (await answeredAsReplay(deps, res, key, question.id)) return;
      const principal = principalOf(res);
      const { answer, ...action } = body;
      const encounter = await deps.prisma.encounter.findUniqueOrThrow({ where: { id: question.encounterId } });
      // Billed: the encounter's workflow has ended with the statement; the claim goes back through its own workflow.
      const correction =
        encounter.stage === 'billed'
          ? await requestClaimCorrection(
              deps,
              { encounterId: encounter.id, statementId: question.statementId, questionId: question.id },
              principal,
              action,
              key,
            )
          : undefined;
      const outcome =
        correction === undefined
          ? await requestDenialAction(deps, encounter, principal, action, key && `${encounter.id}:${key}`, { questionId: question.id })
          : undefined;
      await answerAndAudit(deps, question, principal, answer, {
        action: 'patient_question.claim_sent_back',
        detail: { denialAction: action.action, ...(correction !== undefined ? { correctionId: correction.id } : {}) },
        key,
      });
      res.status(201).json({
        question: await currentView(deps, question.id),
        ...(correction !== undefined ? { claimCorrection: correction } : {}),
        ...(outcome?.completed === false ? { statusUrl: updateStatusUrl(encounter.id, outcome.updateId) } : {}),
      });
    },
  ),

  route(
    {
      method: 'post',
      path: '/patient-questions/:id/payment-plan',
      summary:
        'From a patient’s question: set up a payment plan for the statement’s balance (installments with reminders, dunning paused), and answer the patient',
      roles: STAFF,
      params: questionIdParams,
      body: planActionBody,
      responses: {
        201: { description: 'The plan; the answer is on the question', body: actionReceipt },
        200: {
          description: 'A repeat (the same Idempotency-Key, or this question’s plan already set up and answered): nothing done again',
          body: actionReceipt,
        },
      },
      problems: {
        404: 'No such question',
        409: 'Nothing is owed, or the statement has an active plan already (one set up from another question or the statement)',
      },
    },
    async ({ deps, params, body, req, res }) => {
      const question = await questionOr404(deps, params.id);
      const key = auditKeyOf(req.get('idempotency-key'), question.id, 'payment-plan');
      if (await answeredAsReplay(deps, res, key, question.id)) return;
      const principal = principalOf(res);
      const { answer, ...request } = body;
      // A plan from this question already active (an earlier attempt stopped after storing it) is finished, not refused.
      const { plan, created } = await createPaymentPlan(deps, question.statementId, principal, request, { questionId: question.id });
      const answered = await deps.prisma.auditEvent.count({
        where: { action: 'patient_question.payment_plan_set_up', detail: { path: ['planId'], equals: plan.id } },
      });
      if (!created && answered > 0) {
        res
          .status(200)
          .set('Idempotent-Replay', 'true')
          .json({ question: await currentView(deps, question.id), paymentPlan: plan });
        return;
      }
      await answerAndAudit(deps, question, principal, answer, {
        action: 'patient_question.payment_plan_set_up',
        detail: { planId: plan.id, installments: plan.installments.length },
        key,
      });
      res.status(201).json({ question: await currentView(deps, question.id), paymentPlan: plan });
    },
  ),
];
