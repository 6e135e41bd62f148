/**
 * Access links to a statement's patient page, by billers and supervisors: a new link (a random
 * token in the URL fragment, shown once, expiring after PATIENT_LINK_TTL) and its revocation,
 * which ends its sessions at once. Both audited. The patient's side is api/routes/patient.ts.
 */
import { notFound } from '../../platform/problem.ts';
import { recordAudit } from '../audit.ts';
import { principalOf } from '../auth.ts';
import { patientPortalSettings } from '../deps.ts';
import { createAccessLink } from '../patient-access.ts';
import { accessLinkParams, accessLinkSchema, revokedLinkSchema } from '../patient-schemas.ts';
import { statementOr404 } from '../patient-statement.ts';
import { route } from '../route.ts';
import { statementIdParams, uuid } from '../schemas.ts';

const STAFF = ['biller', 'supervisor'] as const;

export const patientAccessLinkRoutes = [
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
      const { statement } = await statementOr404(deps.prisma, params.id);
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
];
