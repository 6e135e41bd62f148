/**
 * Patient statements, for the biller answering a patient's questions: what was billed, what
 * insurance is expected to pay, what the patient owes and by when. JSON by default; the
 * statement itself as HTML with `Accept: text/html` or `?format=html` (GET /statements/:id only).
 */
import { Router, type Request } from 'express';
import { renderStatementHtml, type PatientStatementDocument } from '../../billing/statement.ts';
import type { PatientStatement } from '../../generated/prisma/client.ts';
import { recordView } from '../audit.ts';
import { principalOf, requireRole } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { dateToDay } from '../../domain/days.ts';
import { notFound } from '../problem.ts';
import { uuid } from '../schemas.ts';
import { pathParam } from '../request.ts';

function wantsHtml(req: Request): boolean {
  if (req.query.format === 'html') return true;
  if (req.query.format === 'json') return false;
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

export function statementRoutes(deps: ApiDeps): Router {
  const router = Router();
  const claimSummary = { select: { claimNumber: true, status: true } } as const;

  router.get('/patients/:id/statements', requireRole('biller', 'supervisor'), async (req, res) => {
    const patientId = pathParam(req, 'id');
    const patient = uuid.safeParse(patientId).success
      ? await deps.prisma.patient.findUnique({ where: { id: patientId }, select: { id: true } })
      : null;
    if (patient === null) throw notFound('No patient has this id');
    const statements = await deps.prisma.patientStatement.findMany({
      where: { patientId: patient.id },
      orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
      include: { claim: claimSummary },
    });
    await recordView(deps.prisma, principalOf(res), 'patient_statements.viewed', {
      patientId: patient.id,
      statementIds: statements.map((s) => s.id),
    });
    res.json({ patientId: patient.id, items: statements.map(statementSummary) });
  });

  router.get('/statements/:id', requireRole('biller', 'supervisor'), async (req, res) => {
    const statementId = pathParam(req, 'id');
    const statement = uuid.safeParse(statementId).success
      ? await deps.prisma.patientStatement.findUnique({
          where: { id: statementId },
          include: { claim: claimSummary, patient: { select: { firstName: true, lastName: true } } },
        })
      : null;
    if (statement === null) throw notFound('No statement has this id');
    await recordView(deps.prisma, principalOf(res), 'statement.viewed', {
      encounterId: statement.encounterId,
      patientId: statement.patientId,
      statementId: statement.id,
    });
    const document = statement.breakdown as unknown as PatientStatementDocument;
    res.vary('Accept');
    if (wantsHtml(req)) {
      res.type('html').send(renderStatementHtml(document));
      return;
    }
    res.json({
      ...statementSummary(statement),
      patient: { id: statement.patientId, firstName: statement.patient.firstName, lastName: statement.patient.lastName },
      document,
    });
  });

  return router;
}
