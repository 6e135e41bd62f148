/**
 * The claim after submission, for billers and supervisors: the encounter's claims with their
 * status history, posted remittances (adjustments in words) and denial work items; the 837P of a
 * claim as a download; appeal documents (PDF or image, size-limited, kept in the database and
 * referenced by id); and the biller's action on denials (resubmit, appeal, write off), a
 * validated workflow update refused at once (409) when it does not fit the open denials.
 */
import express from 'express';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { postedPayments } from '../../activities/posting.ts';
import { MAX_APPEAL_DOCUMENT_BYTES } from '../../integrations/payer-claims-contract.ts';
import { idempotencyKeyOf, recordAudit, recordView } from '../audit.ts';
import { principalOf } from '../auth.ts';
import { denialActionSchema, requestDenialAction } from '../denial-actions.ts';
import { acceptedResponse, findEncounterOr404 } from '../encounter-access.ts';
import { HttpProblem, badRequest, notFound } from '../../platform/problem.ts';
import { acceptedSchema, UPDATE_IN_PROGRESS } from '../responses.ts';
import { encounterClaimsSchema } from '../revenue-cycle-responses.ts';
import { route } from '../route.ts';
import { encounterIdParams, uuid } from '../schemas.ts';

export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;

/** The file's first bytes must match its declared type (a renamed executable is refused). */
function looksLike(contentType: string, bytes: Buffer): boolean {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  switch (contentType) {
    case 'application/pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/tiff':
      return starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a);
    default:
      return false;
  }
}

const rawUpload = express.raw({ type: [...ATTACHMENT_TYPES], limit: MAX_APPEAL_DOCUMENT_BYTES });

const claimIdParams = z.object({ id: z.string().meta({ description: 'Claim id', format: 'uuid' }) });
const attachmentSchema = z
  .object({
    id: z.string(),
    encounterId: z.string(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
  })
  .meta({ id: 'Attachment' });

export const revenueCycleRoutes = [
  route(
    {
      method: 'get',
      path: '/encounters/:id/claims',
      summary:
        "The encounter's claims: status history (999/277CA, payer 277CA, 276/277, 835), posted remittances with adjustments in words, denial work items and deadlines",
      roles: ['biller', 'supervisor'],
      params: encounterIdParams,
      responses: { 200: { description: 'Claims, remittances and denials', body: encounterClaimsSchema } },
      problems: { 404: 'No such encounter' },
    },
    async ({ deps, params, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const claims = await deps.prisma.claim.findMany({
        where: { encounterId: encounter.id },
        orderBy: { createdAt: 'asc' },
        include: { statusEvents: { orderBy: { at: 'asc' } } },
      });
      const payments = await postedPayments(
        deps.prisma,
        claims.map((c) => c.claimNumber),
      );
      const denials = await deps.prisma.denial.findMany({ where: { encounterId: encounter.id }, orderBy: { createdAt: 'asc' } });
      await recordView(deps.prisma, principalOf(res), 'claims.viewed', { encounterId: encounter.id, claimIds: claims.map((c) => c.id) });
      res.json({
        encounterId: encounter.id,
        claims: claims.map((c) => ({
          id: c.id,
          claimNumber: c.claimNumber,
          status: c.status,
          frequencyCode: c.frequencyCode,
          replacesClaimId: c.replacesClaimId,
          payerClaimNumber: c.payerClaimNumber,
          totalChargeCents: c.totalChargeCents,
          acknowledgement: { status: c.ackStatus, reasons: c.ackReasons ?? [] },
          statusHistory: c.statusEvents.map((e) => ({ at: e.at.toISOString(), source: e.source, category: e.category, words: e.words })),
          remittances: payments.filter((p) => p.claimNumber === c.claimNumber),
          links: { x12: `/claims/${c.id}/837p` },
        })),
        denials: denials.map((d) => ({
          id: d.id,
          claimId: d.claimId,
          lineNumber: d.lineNumber,
          code: d.code,
          chargeCents: d.chargeCents,
          reasons: (d.reasons as { words?: string[] }).words ?? [],
          status: d.status,
          appealDueAt: d.appealDueAt?.toISOString() ?? null,
          appealReference: d.appealReference,
          resolvedBy: d.resolvedBy,
        })),
      });
    },
  ),

  route(
    {
      method: 'get',
      path: '/claims/:id/837p',
      summary: 'The X12 837P of a claim as sent to the clearinghouse (application/edi-x12 download)',
      roles: ['biller', 'supervisor'],
      params: claimIdParams,
      responses: { 200: { description: 'The 837P interchange (text)' } },
      problems: { 404: 'No such claim' },
    },
    async ({ deps, params, res }) => {
      const id = params.id;
      const claim = uuid.safeParse(id).success
        ? await deps.prisma.claim.findUnique({ where: { id }, select: { id: true, encounterId: true, claimNumber: true, x12: true } })
        : null;
      if (claim === null) throw notFound('No claim has this id');
      await recordView(deps.prisma, principalOf(res), 'claim_837p.viewed', { encounterId: claim.encounterId, claimId: claim.id });
      res.type('application/edi-x12').set('Content-Disposition', `attachment; filename="837P-${claim.claimNumber}.x12"`).send(claim.x12);
    },
  ),

  route(
    {
      method: 'post',
      path: '/encounters/:id/attachments',
      summary:
        'Uploads an appeal document (PDF, PNG, JPEG or TIFF, at most 5 MB; header X-Filename; Idempotency-Key honoured); referenced by its id',
      roles: ['biller', 'supervisor'],
      params: encounterIdParams,
      before: [rawUpload],
      responses: {
        201: { description: 'Stored', body: attachmentSchema },
        200: { description: 'A repeat with the same Idempotency-Key', body: attachmentSchema },
      },
      problems: { 400: 'Empty, or not the type it says', 404: 'No such encounter', 413: 'Larger than 5 MB', 415: 'Not a PDF or image' },
    },
    async ({ deps, params, req, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const contentType = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!(ATTACHMENT_TYPES as readonly string[]).includes(contentType)) {
        throw new HttpProblem(415, `An attachment is one of ${ATTACHMENT_TYPES.join(', ')}`);
      }
      const body = req.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('The document is empty', [{ field: 'body', message: 'is empty' }]);
      if (!looksLike(contentType, body))
        throw badRequest('The document is not the type it says', [{ field: 'Content-Type', message: 'does not match the file content' }]);
      const filename = (req.get('x-filename') ?? `document.${contentType.split('/')[1]}`).replace(/[^\w.\- ]/g, '_').slice(0, 200);
      const key = idempotencyKeyOf(req, encounter.id);
      const principal = principalOf(res);
      const sha256 = createHash('sha256').update(body).digest('hex');
      const existing = key !== undefined ? await deps.prisma.attachment.findUnique({ where: { idempotencyKey: key } }) : null;
      const stored =
        existing ??
        (await deps.prisma.attachment.create({
          data: {
            encounterId: encounter.id,
            filename,
            contentType,
            sizeBytes: body.length,
            sha256,
            content: new Uint8Array(body),
            uploadedBy: principal.subject,
            idempotencyKey: key ?? null,
          },
        }));
      if (existing === null) {
        await recordAudit(deps.prisma, {
          encounterId: encounter.id,
          principal,
          action: 'attachment.uploaded',
          detail: { attachmentId: stored.id, contentType, sizeBytes: body.length, sha256 },
        });
      }
      res
        .status(existing ? 200 : 201)
        .set(existing ? { 'Idempotent-Replay': 'true' } : {})
        .json({
          id: stored.id,
          encounterId: encounter.id,
          filename: stored.filename,
          contentType: stored.contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
        });
    },
  ),

  route(
    {
      method: 'post',
      path: '/encounters/:id/denials/actions',
      summary:
        "A biller's action on open denials: resubmit (a corrected replacement claim, frequency 7), appeal (reason + documents), or write off (reason)",
      roles: ['biller', 'supervisor'],
      params: encounterIdParams,
      body: denialActionSchema,
      responses: { 200: { description: 'The workflow took the action', body: acceptedSchema }, 202: UPDATE_IN_PROGRESS },
      problems: {
        404: 'No such encounter',
        409: 'No open denial fits the action (the workflow says why)',
        422: 'An attachment id names no document of this encounter',
      },
    },
    async ({ deps, params, body, req, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const outcome = await requestDenialAction(deps, encounter, principalOf(res), body, idempotencyKeyOf(req, encounter.id));
      const response = acceptedResponse(encounter.id, outcome);
      res.status(response.status).json(response.body);
    },
  ),
];
