/**
 * The patient page's API (/patient-api/*): no bearer token, a session cookie opened with the
 * link's token, the date of birth and the statement number (api/patient-access.ts). Each route
 * serves only the session's one statement, and every request is audited.
 */
import type { Request, Response } from 'express';
import { QUESTION_CATEGORIES, QUESTION_CATEGORY_LABELS } from '../../domain/patient-questions.ts';
import { renderStatementHtml } from '../../billing/statement.ts';
import { HttpProblem, notFound } from '../../platform/problem.ts';
import { patientPortalSettings, type ApiDeps } from '../deps.ts';
import {
  clearPatientCookie,
  openPatientSession,
  PATIENT_API_PREFIX,
  patientSessionFrom,
  recordPatientAudit,
  secretHash,
  setPatientCookie,
  type PatientSessionContext,
} from '../patient-access.ts';
import {
  askQuestionBody,
  openSessionBody,
  patientSessionSchema,
  patientStatementViewSchema,
  questionViewSchema,
} from '../patient-schemas.ts';
import { askQuestion, questionsOfStatement, questionView } from '../patient-questions.ts';
import { loadStatementForView } from '../patient-statement.ts';
import { route } from '../route.ts';
import { renderStatementPdf } from '../statement-pdf.ts';

const SESSION_PROBLEM = { 401: 'No live patient session (open the link again)' };

function secureCookies(deps: ApiDeps, req: Request): boolean {
  return req.secure || (patientPortalSettings(deps).publicUrl ?? '').startsWith('https:');
}

/** The session's statement, audited as `action`. */
async function sessionStatement(deps: ApiDeps, req: Request, action: string) {
  const session = await patientSessionFrom(deps.prisma, req);
  const loaded = await loadStatementForView(deps.prisma, session.statementId);
  if (loaded === null) throw notFound('This statement is no longer available');
  await recordPatientAudit(deps.prisma, {
    linkId: session.linkId,
    encounterId: loaded.statement.encounterId,
    action,
    detail: { statementId: session.statementId, client: req.ip ?? 'unknown' },
  });
  return { session, ...loaded };
}

async function sessionExpiry(deps: ApiDeps, session: PatientSessionContext): Promise<string> {
  const row = await deps.prisma.patientSession.findUniqueOrThrow({ where: { id: session.sessionId }, select: { expiresAt: true } });
  return row.expiresAt.toISOString();
}

function sendPrintable(res: Response, html: string): void {
  res.type('html').send(html);
}

export const patientRoutes = [
  route(
    {
      method: 'post',
      path: `${PATIENT_API_PREFIX}/session`,
      summary: 'Patient: open the statement of an access link (date of birth + statement number); sets the session cookie',
      roles: [],
      body: openSessionBody,
      responses: {
        201: {
          description: 'Signed in to this one statement',
          body: patientSessionSchema,
          headers: { 'Set-Cookie': 'ef_patient session cookie (httpOnly, SameSite=Strict, Path=/patient-api)' },
        },
      },
      problems: {
        401: 'The date of birth or statement number does not match (one attempt counted)',
        404: 'The link is unknown, expired or revoked',
        423: 'The link is locked after too many wrong answers',
        429: 'Too many attempts for this link or from this address; try again after Retry-After',
      },
    },
    async ({ deps, body, req, res }) => {
      const settings = patientPortalSettings(deps);
      const opened = await openPatientSession(deps.prisma, body, settings, req.ip ?? 'unknown');
      setPatientCookie(res, opened.sessionSecret, opened.expiresAt, secureCookies(deps, req));
      res.status(201).json({ expiresAt: opened.expiresAt.toISOString() });
    },
  ),

  route(
    {
      method: 'delete',
      path: `${PATIENT_API_PREFIX}/session`,
      summary: 'Patient: sign out (ends the session)',
      roles: [],
      responses: { 204: { description: 'Signed out' } },
      problems: { 429: 'Too many requests from this address' },
    },
    async ({ deps, req, res }) => {
      const cookie = /(?:^|;\s*)ef_patient=([^;]+)/.exec(req.get('cookie') ?? '')?.[1];
      if (cookie !== undefined) await deps.prisma.patientSession.deleteMany({ where: { tokenHash: secretHash(cookie) } });
      clearPatientCookie(res, secureCookies(deps, req));
      res.status(204).end();
    },
  ),

  route(
    {
      method: 'get',
      path: `${PATIENT_API_PREFIX}/statement`,
      summary: 'Patient: the bill in plain language, and the questions asked about it with their answers',
      roles: [],
      responses: { 200: { description: 'The session’s statement', body: patientStatementViewSchema } },
      problems: { ...SESSION_PROBLEM, 404: 'The statement is no longer available', 429: 'Too many requests from this address' },
    },
    async ({ deps, req, res }) => {
      const { session, bill } = await sessionStatement(deps, req, 'patient_statement.viewed');
      const questions = await questionsOfStatement(deps.prisma, session.statementId);
      res.json({
        bill,
        questions: questions.map((q) => questionView(q)),
        categories: QUESTION_CATEGORIES.map((value) => ({ value, label: QUESTION_CATEGORY_LABELS[value] })),
        sessionExpiresAt: await sessionExpiry(deps, session),
        links: { print: `${PATIENT_API_PREFIX}/statement/print`, pdf: `${PATIENT_API_PREFIX}/statement/pdf` },
      });
    },
  ),

  route(
    {
      method: 'get',
      path: `${PATIENT_API_PREFIX}/statement/print`,
      summary: 'Patient: the printable (itemized) statement as HTML',
      roles: [],
      responses: { 200: { description: 'Printable statement', html: true } },
      problems: { ...SESSION_PROBLEM, 404: 'The statement is no longer available', 429: 'Too many requests from this address' },
    },
    async ({ deps, req, res }) => {
      const { document } = await sessionStatement(deps, req, 'patient_statement.printed');
      sendPrintable(res, renderStatementHtml(document));
    },
  ),

  route(
    {
      method: 'get',
      path: `${PATIENT_API_PREFIX}/statement/pdf`,
      summary: 'Patient: the statement as a PDF',
      roles: [],
      responses: { 200: { description: 'The statement (application/pdf)' } },
      problems: { ...SESSION_PROBLEM, 404: 'The statement is no longer available', 429: 'Too many requests from this address' },
    },
    async ({ deps, req, res }) => {
      const { bill } = await sessionStatement(deps, req, 'patient_statement.downloaded');
      const pdf = await renderStatementPdf(bill);
      res.type('application/pdf').set('Content-Disposition', 'attachment; filename="statement.pdf"').send(pdf);
    },
  ),

  route(
    {
      method: 'post',
      path: `${PATIENT_API_PREFIX}/questions`,
      summary: 'Patient: ask about the statement or one of its lines (acknowledged at once; answered within the service level)',
      roles: [],
      body: askQuestionBody,
      responses: { 201: { description: 'The question, acknowledged, with its due time', body: questionViewSchema } },
      problems: {
        ...SESSION_PROBLEM,
        404: 'The statement is no longer available',
        422: 'The line number is not on the statement',
        429: 'Too many requests from this address',
      },
    },
    async ({ deps, body, req, res }) => {
      const { session, statement, bill } = await sessionStatement(deps, req, 'patient_question.asked');
      if (body.lineNumber !== undefined && body.lineNumber > bill.services.length) {
        throw new HttpProblem(422, 'The statement has no such line', [
          { field: 'lineNumber', message: `Between 1 and ${bill.services.length}` },
        ]);
      }
      const { question } = await askQuestion(deps, req, {
        statementId: session.statementId,
        encounterId: statement.encounterId,
        category: body.category,
        text: body.text,
        lineNumber: body.lineNumber,
        channel: 'patient_page',
        askedBy: 'patient',
      });
      const full = await deps.prisma.patientQuestion.findUniqueOrThrow({ where: { id: question.id }, include: { messages: true } });
      res.status(201).json(questionView(full));
    },
  ),
];
