/**
 * Patient statements, for the biller answering a patient's questions: what was billed, what
 * insurance is expected to pay, what the patient owes and by when. JSON by default; the
 * statement itself as HTML with `Accept: text/html` or `?format=html` (GET /statements/:id only).
 */
import type { Request } from 'express';
import { z } from 'zod';
import { renderStatementHtml, type PatientStatementDocument } from '../../billing/statement.ts';
import type { PatientStatement } from '../../generated/prisma/client.ts';
import { recordView } from '../audit.ts';
import { principalOf } from '../auth.ts';
import { dateToDay } from '../../domain/days.ts';
import { notFound } from '../../platform/problem.ts';
import { patientStatementsSchema, statementSchema } from '../responses.ts';
import { route } from '../route.ts';
import { patientIdParams, statementIdParams, uuid } from '../schemas.ts';

const statementQuerySchema = z.object({
  format: z.enum(['json', 'html']).optional().meta({ description: 'Overrides the Accept header' }),
});

function wantsHtml(req: Request, format: 'json' | 'html' | undefined): boolean {
  if (format !== undefined) return format === 'html';
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

function statementSummary(s: PatientStatement & { claim: { claimNumber: string; status: string } }) {
  return {
    id: s.id,
    encounterId: s.encounterId,
    patientId: s.patientId,
    claim: { id: s.claimId, claimNumber: s.claim.claimNumber, status: s.claim.status },
    issuedAt: s.issuedAt.toISOString(),
    dueDate: dateToDay(s.dueDate),
    billedCents: s.billedCents,
    insuranceExpectedCents: s.insuranceExpectedCents,
    patientOwesCents: s.patientOwesCents,
    links: { self: `/statements/${s.id}`, html: `/statements/${s.id}?format=html`, encounter: `/encounters/${s.encounterId}` },
  };
}

const claimSummary = { select: { claimNumber: true, status: true } } as const;

export const statementRoutes = [
  route(
    {
      method: 'get',
      path: '/patients/:id/statements',
      summary: 'A patient’s statements (amounts billed, expected from insurance, owed, due date)',
      roles: ['biller', 'supervisor'],
      params: patientIdParams,
      responses: { 200: { description: 'Newest first', body: patientStatementsSchema } },
      problems: { 404: 'No such patient' },
    },
    async ({ deps, params, res }) => {
      const patient = uuid.safeParse(params.id).success
        ? await deps.prisma.patient.findUnique({ where: { id: params.id }, select: { id: true } })
        : null;
      if (patient === null) throw notFound('No patient has this id');
      const statements = await deps.prisma.patientStatement.findMany({
        where: { patientId: patient.id },
        orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
        include: { claim: claimSummary },
      });
      await recordView(deps, principalOf(res), 'patient_statements.viewed', {
        patientId: patient.id,
        statementIds: statements.map((s) => s.id),
      });
      res.json({ patientId: patient.id, items: statements.map(statementSummary) });
    },
  ),

  route(
    {
      method: 'get',
      path: '/statements/:id',
      summary: 'One statement: JSON, or the printable statement as HTML with Accept: text/html or ?format=html',
      roles: ['biller', 'supervisor'],
      params: statementIdParams,
      query: statementQuerySchema,
      responses: { 200: { description: 'The statement', body: statementSchema, html: true } },
      problems: { 404: 'No such statement' },
    },
    async ({ deps, params, query, req, res }) => {
      const statement = uuid.safeParse(params.id).success
        ? await deps.prisma.patientStatement.findUnique({
            where: { id: params.id },
            include: { claim: claimSummary, patient: { select: { firstName: true, lastName: true } } },
          })
        : null;
      if (statement === null) throw notFound('No statement has this id');
      await recordView(deps, principalOf(res), 'statement.viewed', {
        encounterId: statement.encounterId,
        patientId: statement.patientId,
        statementId: statement.id,
      });
      const document = statement.breakdown as unknown as PatientStatementDocument;
      res.vary('Accept');
      if (wantsHtml(req, query.format)) {
        res.type('html').send(renderStatementHtml(document));
        return;
      }
      res.json({
        ...statementSummary(statement),
        patient: { id: statement.patientId, firstName: statement.patient.firstName, lastName: statement.patient.lastName },
        document,
      });
    },
  ),
];
