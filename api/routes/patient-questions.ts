/**
 * The billers' side of patients' questions: questions asked on the patient's behalf (a phone
 * call), the worklist of open questions (oldest first, overdue flagged), one question with
 * everything needed to answer it, and the answer. Everything audited. Beside it:
 * patient-access-links.ts (the link to the patient page), statement-adjustments.ts (adjust or
 * write off, reissue) and patient-question-actions.ts (a payment plan, the claim sent back).
 */
import { dateToDay } from '../../domain/days.ts';
import { HttpProblem, notFound } from '../../platform/problem.ts';
import { recordAudit, recordView } from '../audit.ts';
import { principalOf } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import {
  answerQuestionBody,
  answerReceiptSchema,
  askQuestionBody,
  questionDetailSchema,
  questionIdParams,
  questionListQuery,
  questionViewSchema,
  questionWorklistSchema,
} from '../patient-schemas.ts';
import { answerQuestion, askQuestion, questionView } from '../patient-questions.ts';
import { statementOr404 } from '../patient-statement.ts';
import { route } from '../route.ts';
import { adjustmentView } from './statement-adjustments.ts';
import { statementIdParams, uuid } from '../schemas.ts';

const STAFF = ['biller', 'supervisor'] as const;

export async function questionOr404(deps: ApiDeps, id: string) {
  const question = uuid.safeParse(id).success
    ? await deps.prisma.patientQuestion.findUnique({ where: { id }, include: { messages: true } })
    : null;
  if (question === null) throw notFound('No patient question has this id');
  return question;
}

export const patientQuestionRoutes = [
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
      const { statement, bill } = await statementOr404(deps.prisma, params.id);
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
      const loaded = await statementOr404(deps.prisma, question.statementId);
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
];
