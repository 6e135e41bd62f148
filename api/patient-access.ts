/**
 * Patient access to ONE statement, without an account:
 *
 * - An access link is `<public URL>/patient/#<token>`: 32 random bytes (base64url), no identifier
 *   in it; the token sits in the URL fragment, which browsers never send to a server, so it is in
 *   no access log. Only its SHA-256 is stored. Links expire (PATIENT_LINK_TTL) and a biller can
 *   revoke them.
 * - Opening the link asks for two things the patient knows: the date of birth and the statement
 *   number printed on the paper statement. A wrong answer counts against the link (audited); at
 *   PATIENT_LINK_MAX_ATTEMPTS misses the link locks (audited, 423) until a biller issues a new one.
 *   Sign-in attempts are rate-limited per link and every patient request per client address.
 * - A right answer opens a short session (PATIENT_SESSION_TTL): an httpOnly, SameSite=Strict
 *   cookie scoped to /patient-api whose secret is again stored only as a hash, bound to that one
 *   statement. Every patient request re-checks the session and its link (revoked or locked ends
 *   it) and is audited with the link's id as the actor: never a name or a date of birth.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { dateToDay } from '../domain/days.ts';
import { durationMs } from '../domain/durations.ts';
import { HttpProblem } from '../platform/problem.ts';
import type { PatientPortalSettings } from './deps.ts';

export const PATIENT_COOKIE = 'ef_patient';
export const PATIENT_API_PREFIX = '/patient-api';

/** A fresh random secret (links and sessions): 32 bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** What a verified patient's request carries (res.locals.patientSession). */
export interface PatientSessionContext {
  sessionId: string;
  linkId: string;
  statementId: string;
}

/** Audit rows of the patient side: the actor is the link (`patient-link:<id>`), role `patient`; ids only. */
export async function recordPatientAudit(
  prisma: PrismaClient,
  event: { linkId: string | null; encounterId: string | null; action: string; detail: Prisma.InputJsonObject },
): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      encounterId: event.encounterId,
      actor: event.linkId === null ? 'patient-link:unknown' : `patient-link:${event.linkId}`,
      role: 'patient',
      action: event.action,
      detail: event.detail,
    },
  });
}

/** A link for the patient: returns the token once (it is stored only as a hash). */
export async function createAccessLink(
  prisma: PrismaClient,
  statementId: string,
  createdBy: string,
  settings: Pick<PatientPortalSettings, 'linkTtl'>,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + durationMs(settings.linkTtl));
  const link = await prisma.patientAccessLink.create({ data: { statementId, tokenHash: secretHash(token), expiresAt, createdBy } });
  return { id: link.id, token, expiresAt };
}

function sameText(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

const normalizeStatementNumber = (value: string) => value.trim().toUpperCase().replace(/\s+/g, '');

export interface VerificationInput {
  token: string;
  dateOfBirth: string;
  statementNumber: string;
}

/**
 * Checks the link and the patient's answers. Unknown, expired and revoked links are one 404 (no
 * oracle); a locked link is 423; a wrong answer 401 and one more attempt counted (the last one
 * locks). A right answer resets the count and opens a session.
 */
export async function openPatientSession(
  prisma: PrismaClient,
  input: VerificationInput,
  settings: Pick<PatientPortalSettings, 'maxAttempts' | 'sessionTtl'>,
  client: string,
  now = new Date(),
): Promise<{ sessionSecret: string; expiresAt: Date; statementId: string; linkId: string }> {
  const link = await prisma.patientAccessLink.findUnique({
    where: { tokenHash: secretHash(input.token) },
    include: { statement: { select: { id: true, encounterId: true, breakdown: true, patient: { select: { dateOfBirth: true } } } } },
  });
  if (link === null || link.revokedAt !== null || link.expiresAt <= now) {
    await recordPatientAudit(prisma, {
      linkId: link?.id ?? null,
      encounterId: link?.statement.encounterId ?? null,
      action: 'patient_link.refused',
      detail: { reason: link === null ? 'unknown' : link.revokedAt ? 'revoked' : 'expired', client },
    });
    throw new HttpProblem(404, 'This link is not valid (it may have expired or been replaced); please call the billing office');
  }
  const encounterId = link.statement.encounterId;
  if (link.lockedAt !== null) {
    await recordPatientAudit(prisma, {
      linkId: link.id,
      encounterId,
      action: 'patient_link.refused',
      detail: { reason: 'locked', client },
    });
    throw new HttpProblem(423, 'This link is locked after too many attempts; please call the billing office for a new one');
  }
  const statementNumber = String((link.statement.breakdown as { statementNumber?: unknown }).statementNumber ?? '');
  const right =
    sameText(dateToDay(link.statement.patient.dateOfBirth), input.dateOfBirth.trim()) &&
    sameText(normalizeStatementNumber(statementNumber), normalizeStatementNumber(input.statementNumber));
  if (!right) {
    // One atomic statement: concurrent wrong answers cannot slip past the limit.
    const [counted] = await prisma.$queryRaw<Array<{ failedAttempts: number; locked: boolean }>>`
      UPDATE "PatientAccessLink"
         SET "failedAttempts" = "failedAttempts" + 1,
             "lockedAt" = CASE WHEN "failedAttempts" + 1 >= ${settings.maxAttempts} THEN COALESCE("lockedAt", ${now}) ELSE "lockedAt" END
       WHERE "id" = ${link.id}
   RETURNING "failedAttempts", "lockedAt" IS NOT NULL AS "locked"`;
    const attempts = counted?.failedAttempts ?? settings.maxAttempts;
    await recordPatientAudit(prisma, {
      linkId: link.id,
      encounterId,
      action: 'patient_link.verification_failed',
      detail: { attempt: attempts, client },
    });
    if (counted?.locked) {
      await recordPatientAudit(prisma, { linkId: link.id, encounterId, action: 'patient_link.locked', detail: { attempts, client } });
      throw new HttpProblem(423, 'This link is locked after too many attempts; please call the billing office for a new one');
    }
    throw new HttpProblem(
      401,
      `The date of birth or the statement number does not match; ${settings.maxAttempts - attempts} attempt(s) left`,
    );
  }
  const sessionSecret = newSecret();
  const expiresAt = new Date(now.getTime() + durationMs(settings.sessionTtl));
  await prisma.$transaction([
    prisma.patientAccessLink.update({ where: { id: link.id }, data: { failedAttempts: 0 } }),
    prisma.patientSession.create({
      data: { linkId: link.id, statementId: link.statementId, tokenHash: secretHash(sessionSecret), expiresAt },
    }),
  ]);
  await recordPatientAudit(prisma, {
    linkId: link.id,
    encounterId,
    action: 'patient_link.opened',
    detail: { statementId: link.statementId, client },
  });
  return { sessionSecret, expiresAt, statementId: link.statementId, linkId: link.id };
}

function cookieValue(req: Request, name: string): string | undefined {
  const header = req.get('cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function setPatientCookie(res: Response, secret: string, expiresAt: Date, secure: boolean): void {
  res.cookie(PATIENT_COOKIE, secret, { httpOnly: true, sameSite: 'strict', secure, path: PATIENT_API_PREFIX, expires: expiresAt });
}

export function clearPatientCookie(res: Response, secure: boolean): void {
  res.clearCookie(PATIENT_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: PATIENT_API_PREFIX });
}

/** The request's live session (its link neither revoked, locked nor expired), else 401. Patient routes call it first. */
export async function patientSessionFrom(prisma: PrismaClient, req: Request, now = new Date()): Promise<PatientSessionContext> {
  const secret = cookieValue(req, PATIENT_COOKIE);
  const session =
    secret === undefined || secret === ''
      ? null
      : await prisma.patientSession.findUnique({ where: { tokenHash: secretHash(secret) }, include: { link: true } });
  if (
    session === null ||
    session.expiresAt <= now ||
    session.link.revokedAt !== null ||
    session.link.lockedAt !== null ||
    session.link.expiresAt <= now
  ) {
    throw new HttpProblem(401, 'Please open your link again and confirm your date of birth and statement number');
  }
  return { sessionId: session.id, linkId: session.linkId, statementId: session.statementId };
}

function tooMany(what: string): RequestHandler {
  return (_req, res, next) => {
    const retryAfter = res.get('Retry-After') ?? '60';
    next(new HttpProblem(429, `Too many ${what}; please wait a minute`, undefined, { 'Retry-After': retryAfter }));
  };
}

/** Every patient request, per client address. */
export function patientRateLimit(limitPerMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res, next) => tooMany('requests')(req, res, next),
  });
}

/** Sign-in attempts per link (the token's hash is the key: the limit follows the link across addresses). */
export function linkAttemptRateLimit(limitPerMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const token = (req.body as { token?: unknown } | undefined)?.token;
      return `link:${typeof token === 'string' ? secretHash(token) : 'none'}`;
    },
    handler: (req, res, next) => tooMany('attempts for this link')(req, res, next),
  });
}
