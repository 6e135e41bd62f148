/**
 * The billers' side of the patient page: access links for a statement (issue, revoke), questions
 * asked on the patient's behalf (a phone call), the worklist of open questions (oldest first,
 * overdue flagged), one question with everything needed to answer it, the answer, and the
 * actions an answer may need (adjust or write off with a reason — a supervisor approves above
 * WRITE_OFF_APPROVAL_ABOVE_CENTS — and reissue the corrected statement). Everything audited.
 *
 * Over 300 lines because the billers' access rules for links, questions and actions are read best
 * side by side.
 */
import { z } from 'zod';
import type { Prisma, StatementAdjustment } from '../../generated/prisma/client.ts';
import { applyToStatement } from '../../billing/statement-adjustments.ts';
import { dateToDay } from '../../domain/days.ts';
import { conflict, HttpProblem, notFound } from '../../platform/problem.ts';
import { recordAudit, recordView } from '../audit.ts';
import { principalOf } from '../auth.ts';
import { patientPortalSettings, type ApiDeps } from '../deps.ts';
import { createAccessLink } from '../patient-access.ts';
import {
  accessLinkParams,
  accessLinkSchema,
  adjustmentBody,
  adjustmentDecisionBody,
  adjustmentIdParams,
  answerQuestionBody,
  answerReceiptSchema,
  askQuestionBody,
  questionDetailSchema,
  questionIdParams,
  questionListQuery,
  questionViewSchema,
  questionWorklistSchema,
  reissueBody,
  revokedLinkSchema,
  statementAdjustmentSchema,
} from '../patient-schemas.ts';
import { answerQuestion, askQuestion, questionView } from '../patient-questions.ts';
import { loadStatementForView } from '../patient-statement.ts';
import { route } from '../route.ts';
import { statementIdParams, uuid } from '../schemas.ts';

const STAFF = ['biller', 'supervisor'] as const;

async function statementOr404(deps: ApiDeps, id: string) {
  const loaded = uuid.safeParse(id).success ? await loadStatementForView(deps.prisma, id) : null;
  if (loaded === null) throw notFound('No statement has this id');
  return loaded;
}

export async function questionOr404(deps: ApiDeps, id: string) {
  const question = uuid.safeParse(id).success
    ? await deps.prisma.patientQuestion.findUnique({ where: { id }, include: { messages: true } })
    : null;
  if (question === null) throw notFound('No patient question has this id');
  return question;
}

function adjustmentView(a: StatementAdjustment) {
  return {
    id: a.id,
    statementId: a.statementId,
    questionId: a.questionId,
    kind: a.kind as 'adjustment' | 'write_off',
    amountCents: a.amountCents,
    reason: a.reason,
    status: a.status as 'applied' | 'pending_approval' | 'rejected',
    requestedBy: a.requestedBy,
    decidedBy: a.decidedBy,
    createdAt: a.createdAt.toISOString(),
  };
}

export const patientQuestionRoutes = [
  route(
    {
      method: 'post',
      path: '/statements/:id/access-links',
      summary: 'A new patient access link for the statement (the URL holds a random token, shown once; expires)',
      roles: STAFF,
      params: statementIdParams,
      responses: {
        201: { description: 'Give the URL to the patient (their date of birth and the statement number open it)', body: accessLinkSchema },
      },
      problems: { 404: 'No such statement' },
    },
    async ({ deps, params, req, res }) => {
      const { statement } = await statementOr404(deps, params.id);
      const principal = principalOf(res);
      const settings = patientPortalSettings(deps);
      const link = await createAccessLink(deps.prisma, statement.id, principal.subject, settings);
      await recordAudit(deps.prisma, {
        encounterId: statement.encounterId,
        principal,
        action: 'patient_link.created',
        detail: { statementId: statement.id, linkId: link.id, expiresAt: link.expiresAt.toISOString() },
      });
      const base = settings.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
      res
        .status(201)
        .json({ id: link.id, statementId: statement.id, url: `${base}/patient/#${link.token}`, expiresAt: link.expiresAt.toISOString() });
    },
  ),

  route(
    {
      method: 'post',
      path: '/statements/:id/access-links/:linkId/revoke',
      summary: 'Revoke a patient access link (its sessions end at once)',
      roles: STAFF,
      params: accessLinkParams,
      responses: { 200: { description: 'Revoked', body: revokedLinkSchema } },
      problems: { 404: 'No such link on this statement' },
    },
    async ({ deps, params, res }) => {
      const link = uuid.safeParse(params.linkId).success
        ? await deps.prisma.patientAccessLink.findUnique({
            where: { id: params.linkId },
            include: { statement: { select: { encounterId: true } } },
          })
        : null;
      if (link === null || link.statementId !== params.id) throw notFound('No such access link on this statement');
      const principal = principalOf(res);
      const revokedAt = link.revokedAt ?? new Date();
      if (link.revokedAt === null) {
        await deps.prisma.$transaction([
          deps.prisma.patientAccessLink.update({ where: { id: link.id }, data: { revokedAt, revokedBy: principal.subject } }),
          deps.prisma.patientSession.deleteMany({ where: { linkId: link.id } }),
        ]);
        await recordAudit(deps.prisma, {
          encounterId: link.statement.encounterId,
          principal,
          action: 'patient_link.revoked',
          detail: { statementId: link.statementId, linkId: link.id },
        });
      }
      res.json({ id: link.id, revokedAt: revokedAt.toISOString() });
    },
  ),

  route(
    {
      method: 'post',
      path: '/statements/:id/questions',
      summary: 'Ask a question on the patient’s behalf (the patient called); same service level as the page',
      roles: STAFF,
      params: statementIdParams,
      body: askQuestionBody,
      responses: { 201: { description: 'The question, acknowledged', body: questionViewSchema } },
      problems: {
        404: 'No such statement',
        409: 'The Idempotency-Key was used for another statement',
        422: 'The line number is not on the statement',
      },
    },
    async ({ deps, params, body, req, res }) => {
      const { statement, bill } = await statementOr404(deps, params.id);
      if (body.lineNumber !== undefined && body.lineNumber > bill.services.length) {
        throw new HttpProblem(422, 'The statement has no such line', [
          { field: 'lineNumber', message: `Between 1 and ${bill.services.length}` },
        ]);
      }
      const principal = principalOf(res);
      const { question, created } = await askQuestion(deps, req, {
        statementId: statement.id,
        encounterId: statement.encounterId,
        category: body.category,
        text: body.text,
        lineNumber: body.lineNumber,
        channel: 'phone',
        askedBy: principal.subject,
      });
      if (created)
        await recordAudit(deps.prisma, {
          encounterId: statement.encounterId,
          principal,
          action: 'patient_question.asked_for_patient',
          detail: { statementId: statement.id, questionId: question.id, category: question.category },
        });
      const full = await deps.prisma.patientQuestion.findUniqueOrThrow({ where: { id: question.id }, include: { messages: true } });
      res.status(201).json(questionView(full));
    },
  ),

  route(
    {
      method: 'get',
      path: '/patient-questions',
      summary: 'The billers’ worklist of patient questions: oldest first, overdue flagged',
      roles: STAFF,
      query: questionListQuery,
      responses: { 200: { description: 'Questions', body: questionWorklistSchema } },
    },
    async ({ deps, query, res }) => {
      const questions = await deps.prisma.patientQuestion.findMany({
        where: query.status === 'all' ? {} : { status: query.status },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: 500,
        include: {
          messages: { orderBy: { createdAt: 'desc' }, take: 1 },
          statement: { select: { patientOwesCents: true, breakdown: true } },
        },
      });
      await recordView(deps, principalOf(res), 'patient_questions.viewed', { questionIds: questions.map((q) => q.id) });
      const now = new Date();
      res.json({
        items: questions.map((q) => {
          const { messages, ...rest } = questionView(q, now);
          return {
            ...rest,
            encounterId: q.encounterId,
            statementNumber: String((q.statement.breakdown as { statementNumber?: unknown }).statementNumber ?? ''),
            amountDueCents: q.statement.patientOwesCents,
            lastMessage: messages[0]?.body ?? '',
          };
        }),
      });
    },
  ),

  route(
    {
      method: 'get',
      path: '/patient-questions/:id',
      summary: 'One patient question with its encounter, claim, codes and rationale, statement, adjustments and conversation',
      roles: STAFF,
      params: questionIdParams,
      responses: { 200: { description: 'Everything needed to answer', body: questionDetailSchema } },
      problems: { 404: 'No such question' },
    },
    async ({ deps, params, res }) => {
      const question = await questionOr404(deps, params.id);
      const loaded = await statementOr404(deps, question.statementId);
      const { statement, bill } = loaded;
      const claim = await deps.prisma.claim.findUniqueOrThrow({
        where: { id: statement.claimId },
        include: { lines: { orderBy: { lineNumber: 'asc' } } },
      });
      const latest = await deps.prisma.codeAssignment.aggregate({
        where: { encounterId: statement.encounterId },
        _max: { revision: true },
      });
      const codes = await deps.prisma.codeAssignment.findMany({
        where: { encounterId: statement.encounterId, revision: latest._max.revision ?? 0 },
        orderBy: [{ kind: 'asc' }, { sequence: 'asc' }],
      });
      const denials = await deps.prisma.denial.findMany({ where: { encounterId: statement.encounterId }, orderBy: { createdAt: 'asc' } });
      const plan = await deps.prisma.paymentPlan.findFirst({
        where: { statementId: statement.id, status: 'active' },
        include: { _count: { select: { installments: true } } },
      });
      await recordView(deps, principalOf(res), 'patient_question.viewed', {
        encounterId: statement.encounterId,
        questionId: question.id,
        statementId: statement.id,
      });
      const e = statement.encounter;
      res.json({
        question: questionView(question),
        bill,
        statement: {
          id: statement.id,
          patientOwesCents: statement.patientOwesCents,
          issuedAt: statement.issuedAt.toISOString(),
          dueDate: dateToDay(statement.dueDate),
          links: { html: `/statements/${statement.id}?format=html` },
        },
        encounter: {
          id: e.id,
          stage: e.stage,
          dateOfService: dateToDay(e.dateOfService),
          payerId: e.payerId,
          physicianName: e.provider.name,
          financialClass: e.financialClass,
        },
        claim: {
          id: claim.id,
          claimNumber: claim.claimNumber,
          status: claim.status,
          totalChargeCents: claim.totalChargeCents,
          ackStatus: claim.ackStatus,
          lines: claim.lines.map((l) => ({
            lineNumber: l.lineNumber,
            code: l.code,
            modifiers: l.modifiers,
            units: l.units,
            chargeCents: l.chargeCents,
          })),
        },
        remittance: null,
        codes: codes.map((c) => ({
          kind: c.kind,
          code: c.code,
          system: c.system,
          description: c.description,
          rationale: c.rationale,
          confidence: c.confidence,
          source: c.source,
        })),
        adjustments: statement.adjustments.map(adjustmentView),
        denials: denials.map((d) => ({
          id: d.id,
          lineNumber: d.lineNumber,
          code: d.code,
          status: d.status,
          reasons: (d.reasons as { words?: string[] }).words ?? [],
          appealDueAt: d.appealDueAt?.toISOString() ?? null,
        })),
        paymentPlan: plan && { id: plan.id, status: plan.status, totalCents: plan.totalCents, installments: plan._count.installments },
      });
    },
  ),

  route(
    {
      method: 'post',
      path: '/patient-questions/:id/answers',
      summary: 'Answer a patient’s question (the patient reads it on their page and is notified)',
      roles: STAFF,
      params: questionIdParams,
      body: answerQuestionBody,
      responses: { 201: { description: 'Answered', body: answerReceiptSchema } },
      problems: { 404: 'No such question' },
    },
    async ({ deps, params, body, res }) => {
      const question = await questionOr404(deps, params.id);
      const principal = principalOf(res);
      const message = await answerQuestion(deps, question, {
        text: body.text,
        attachItemizedBill: body.attachItemizedBill,
        author: principal.subject,
        authorRole: principal.role === 'supervisor' ? 'supervisor' : 'biller',
      });
      await recordAudit(deps.prisma, {
        encounterId: question.encounterId,
        principal,
        action: 'patient_question.answered',
        detail: {
          questionId: question.id,
          statementId: question.statementId,
          messageId: message.id,
          itemizedBill: body.attachItemizedBill,
        },
      });
      const full = await deps.prisma.patientQuestion.findUniqueOrThrow({ where: { id: question.id }, include: { messages: true } });
      res.status(201).json({ question: questionView(full) });
    },
  ),

  route(
    {
      method: 'post',
      path: '/statements/:id/adjustments',
      summary: 'Adjust or write off part of what the patient owes, with a reason (above the configured amount a supervisor approves first)',
      roles: STAFF,
      params: statementIdParams,
      body: adjustmentBody,
      responses: { 201: { description: 'Applied, or waiting for a supervisor', body: statementAdjustmentSchema } },
      problems: { 404: 'No such statement (or question on it)', 422: 'More than the patient owes' },
    },
    async ({ deps, params, body, res }) => {
      const { statement } = await statementOr404(deps, params.id);
      if (body.questionId !== undefined) {
        const q = await deps.prisma.patientQuestion.findUnique({ where: { id: body.questionId }, select: { statementId: true } });
        if (q === null || q.statementId !== statement.id) throw notFound('No such question on this statement');
      }
      if (body.amountCents > statement.patientOwesCents) {
        throw new HttpProblem(422, 'The adjustment is more than the patient owes', [
          { field: 'amountCents', message: `At most ${statement.patientOwesCents}` },
        ]);
      }
      const principal = principalOf(res);
      const needsApproval = principal.role !== 'supervisor' && body.amountCents > patientPortalSettings(deps).writeOffApprovalAboveCents;
      const adjustment = await deps.prisma.$transaction(async (tx) => {
        const created = await tx.statementAdjustment.create({
          data: {
            statementId: statement.id,
            questionId: body.questionId ?? null,
            kind: body.kind,
            amountCents: body.amountCents,
            reason: body.reason,
            status: needsApproval ? 'pending_approval' : 'applied',
            requestedBy: principal.subject,
            ...(needsApproval ? {} : { decidedBy: principal.subject, decidedAt: new Date() }),
          },
        });
        if (!needsApproval) await applyToStatement(tx, statement.id, body.amountCents);
        return created;
      });
      await recordAudit(deps.prisma, {
        encounterId: statement.encounterId,
        principal,
        action: 'statement.adjustment_requested',
        detail: {
          statementId: statement.id,
          adjustmentId: adjustment.id,
          kind: body.kind,
          amountCents: body.amountCents,
          status: adjustment.status,
        },
      });
      res.status(201).json(adjustmentView(adjustment));
    },
  ),

  route(
    {
      method: 'post',
      path: '/statement-adjustments/:id/decision',
      summary: 'Supervisor: approve or reject an adjustment waiting for approval',
      roles: ['supervisor'],
      params: adjustmentIdParams,
      body: adjustmentDecisionBody,
      responses: { 200: { description: 'Decided', body: statementAdjustmentSchema } },
      problems: { 404: 'No such adjustment', 409: 'Already decided' },
    },
    async ({ deps, params, body, res }) => {
      const principal = principalOf(res);
      const decided = await deps.prisma.$transaction(async (tx) => {
        const pending = uuid.safeParse(params.id).success ? await tx.statementAdjustment.findUnique({ where: { id: params.id } }) : null;
        if (pending === null) throw notFound('No adjustment has this id');
        const moved = await tx.statementAdjustment.updateMany({
          where: { id: pending.id, status: 'pending_approval' },
          data: { status: body.approve ? 'applied' : 'rejected', decidedBy: principal.subject, decidedAt: new Date() },
        });
        if (moved.count === 0) throw conflict('This adjustment was already decided');
        if (body.approve) await applyToStatement(tx, pending.statementId, pending.amountCents);
        return tx.statementAdjustment.findUniqueOrThrow({
          where: { id: pending.id },
          include: { statement: { select: { encounterId: true } } },
        });
      });
      await recordAudit(deps.prisma, {
        encounterId: decided.statement.encounterId,
        principal,
        action: 'statement.adjustment_decided',
        detail: { adjustmentId: decided.id, statementId: decided.statementId, approved: body.approve },
      });
      res.json(adjustmentView(decided));
    },
  ),

  route(
    {
      method: 'post',
      path: '/statements/:id/reissue',
      summary: 'Reissue the corrected statement: a new issue date and due date, the reason noted on it',
      roles: STAFF,
      params: statementIdParams,
      body: reissueBody,
      responses: {
        200: {
          description: 'Reissued',
          body: z.object({ id: z.uuid(), issuedAt: z.iso.datetime(), dueDate: z.string(), patientOwesCents: z.number().int() }),
        },
      },
      problems: { 404: 'No such statement' },
    },
    async ({ deps, params, body, res }) => {
      const { statement, document } = await statementOr404(deps, params.id);
      const principal = principalOf(res);
      const issuedAt = new Date();
      const dueDays = Math.max(0, Math.round((Date.parse(document.dueDate) - Date.parse(document.issuedOn)) / 86_400_000));
      const dueDate = new Date(Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth(), issuedAt.getUTCDate() + dueDays));
      const reissued = {
        ...document,
        issuedOn: dateToDay(issuedAt),
        dueDate: dateToDay(dueDate),
        notes: [...document.notes, `Corrected statement issued ${dateToDay(issuedAt)}: ${body.reason}`],
      };
      const updated = await deps.prisma.patientStatement.update({
        where: { id: statement.id },
        data: { issuedAt, dueDate, breakdown: reissued as unknown as Prisma.InputJsonValue },
      });
      await recordAudit(deps.prisma, {
        encounterId: statement.encounterId,
        principal,
        action: 'statement.reissued',
        detail: { statementId: statement.id, dueDate: dateToDay(dueDate) },
      });
      res.json({
        id: updated.id,
        issuedAt: updated.issuedAt.toISOString(),
        dueDate: dateToDay(updated.dueDate),
        patientOwesCents: updated.patientOwesCents,
      });
    },
  ),
];
