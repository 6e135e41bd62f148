/**
 * What a biller corrects on an encounter, and the clinic's documentation of a scheduled visit:
 *
 * - POST /encounters/:id/coverage     payer and member id (a new coverage version, stored by the
 *                                     workflow, which checks eligibility again)
 * - POST /encounters/:id/self-pay     the patient pays: a self-pay coverage version, no claim
 * - POST /encounters/:id/demographics the patient's name, date of birth, sex, address, phone (a
 *                                     new demographics version; an encounter waiting on its
 *                                     coverage checks again)
 * - GET  /encounters/:id/coverage     every coverage and demographics version and every
 *                                     eligibility answer (plan, copay, coinsurance, deductible,
 *                                     out-of-pocket), for billers and supervisors
 * - PUT  /encounters/:id/documentation the clinic documents a scheduled visit (validated like
 *                                     intake; the same documentation again is a replay)
 *
 * Every correction names the version it corrects (`expectedVersion`): a correction of a version
 * that is no longer current is refused with 409, so nothing is ever overwritten silently, and a
 * retried request cannot store a second version. Each writes an audit event (who, why, which
 * fields; never the values).
 *
 * Over 300 lines because the corrections share version checks, audit and the workflow hand-off;
 * split, each would repeat them.
 */
import { createHash } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client.ts';
import { dateToDay, dayToDate } from '../../domain/days.ts';
import { HttpProblem, badRequest, conflict } from '../../platform/problem.ts';
import { coverageCorrectedUpdate, visitDocumentedUpdate, type CoverageCorrection } from '../../workflows/messages.ts';
import { recordAudit, recordView } from '../audit.ts';
import { principalOf } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { canonicalJson, UNKNOWN_PAYER } from '../encounter-intake.ts';
import { addressColumns } from '../patient-address.ts';
import { executeUpdateOrProblem, findEncounterOr404, isFinal, queryLiveStatus, stageOf } from '../encounter-access.ts';
import {
  coverageCorrectionResultSchema,
  coverageViewSchema,
  demographicsCorrectionResultSchema,
  visitDocumentedSchema,
} from '../coverage-responses.ts';
import { route } from '../route.ts';
import {
  coverageCorrectionSchema,
  demographicsCorrectionSchema,
  documentationSchema,
  encounterIdParams,
  selfPaySchema,
} from '../schemas.ts';

async function requireActivePayer(deps: ApiDeps, payerId: string): Promise<void> {
  const payer = await deps.prisma.payer.findUnique({ where: { id: payerId }, select: { active: true } });
  if (payer === null || !payer.active) throw badRequest(UNKNOWN_PAYER, [{ field: 'payerId', message: UNKNOWN_PAYER }]);
}

/** Sends a correction to the workflow; its refusal (claim out, stale version, self-pay already) is a 409 naming why. */
async function correct(deps: ApiDeps, workflowId: string, correction: CoverageCorrection): Promise<number> {
  const result = await executeUpdateOrProblem(deps, workflowId, coverageCorrectedUpdate, correction, {
    refused: (message) => conflict(message ?? 'The encounter refused the correction'),
  });
  return result.version;
}

/** sha256 of the documentation as validated (keys sorted, as stored JSONB reorders them): the same visit documented twice is recognised. */
function documentationHash(documentation: unknown): string {
  return createHash('sha256').update(canonicalJson(documentation)).digest('hex');
}

const coverageLink = (encounterId: string) => ({ coverage: `/encounters/${encounterId}/coverage` });

const CORRECTION_PROBLEMS = {
  404: 'No such encounter',
  409: 'expectedVersion is not the current version, the claim is already out, or the encounter is final',
};

export const correctionRoutes = [
  route(
    {
      method: 'post',
      path: '/encounters/:id/coverage',
      summary: 'Correct the coverage (payer, member id) as a new version; the encounter checks eligibility again',
      roles: ['biller', 'supervisor'],
      params: encounterIdParams,
      body: coverageCorrectionSchema,
      responses: { 200: { description: 'The new coverage version', body: coverageCorrectionResultSchema } },
      problems: CORRECTION_PROBLEMS,
    },
    async ({ deps, params, body, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      await requireActivePayer(deps, body.payerId);
      const principal = principalOf(res);
      const version = await correct(deps, encounter.workflowId, {
        kind: 'coverage',
        correctedBy: principal.subject,
        reason: body.reason,
        payerId: body.payerId,
        memberId: body.memberId,
        expectedVersion: body.expectedVersion,
      });
      res.json({ version, kind: 'insurance', payerId: body.payerId, links: coverageLink(encounter.id) });
    },
  ),

  route(
    {
      method: 'post',
      path: '/encounters/:id/self-pay',
      summary: 'Switch the encounter to self-pay (a new coverage version; no claim, the self-pay price list)',
      roles: ['biller', 'supervisor'],
      params: encounterIdParams,
      body: selfPaySchema,
      responses: { 200: { description: 'The new (self-pay) coverage version', body: coverageCorrectionResultSchema } },
      problems: CORRECTION_PROBLEMS,
    },
    async ({ deps, params, body, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const principal = principalOf(res);
      const version = await correct(deps, encounter.workflowId, {
        kind: 'self_pay',
        correctedBy: principal.subject,
        reason: body.reason,
        expectedVersion: body.expectedVersion,
      });
      res.json({ version, kind: 'self_pay', links: coverageLink(encounter.id) });
    },
  ),

  route(
    {
      method: 'post',
      path: '/encounters/:id/demographics',
      summary: 'Correct the patient’s demographics as a new version (an encounter waiting on its coverage checks again)',
      roles: ['biller', 'supervisor'],
      params: encounterIdParams,
      body: demographicsCorrectionSchema,
      responses: {
        200: { description: 'The new demographics version and the fields it changed', body: demographicsCorrectionResultSchema },
      },
      problems: { 404: 'No such encounter', 409: 'expectedVersion is not the current version, or the correction changes nothing' },
    },
    async ({ deps, params, body, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const principal = principalOf(res);
      const { version, changed } = await deps.prisma.$transaction(async (tx) => {
        const patient = await tx.patient.findUniqueOrThrow({ where: { id: encounter.patientId } });
        if (patient.version !== body.expectedVersion) {
          throw new HttpProblem(
            409,
            `Demographics version ${body.expectedVersion} is not the current one (${patient.version}): reload and correct again`,
            [{ field: 'expectedVersion', message: `The current version is ${patient.version}` }],
          );
        }
        const next = {
          firstName: body.firstName ?? patient.firstName,
          lastName: body.lastName ?? patient.lastName,
          dateOfBirth: body.dateOfBirth !== undefined ? dayToDate(body.dateOfBirth) : patient.dateOfBirth,
          sex: body.sex ?? patient.sex,
          ...(body.address !== undefined
            ? addressColumns(body.address, body.phone ?? patient.phone ?? undefined)
            : {
                addressLine1: patient.addressLine1,
                addressLine2: patient.addressLine2,
                city: patient.city,
                state: patient.state,
                postalCode: patient.postalCode,
                phone: body.phone ?? patient.phone,
              }),
        };
        const changed = (Object.keys(next) as Array<keyof typeof next>).filter((field) =>
          field === 'dateOfBirth' ? dateToDay(next.dateOfBirth) !== dateToDay(patient.dateOfBirth) : next[field] !== patient[field],
        );
        if (changed.length === 0) throw conflict('The correction changes nothing on file');
        const version = patient.version + 1;
        await tx.patient.update({ where: { id: patient.id, version: patient.version }, data: { ...next, version } });
        await tx.patientVersion.create({
          data: { patientId: patient.id, version, ...next, changedBy: principal.subject, reason: body.reason },
        });
        await tx.auditEvent.create({
          data: {
            encounterId: encounter.id,
            actor: principal.subject,
            role: principal.role,
            action: 'patient.demographics_corrected',
            detail: { patientId: patient.id, version, fields: changed, reason: body.reason },
          },
        });
        return { version, changed };
      });
      // An encounter waiting on its coverage checks again with the corrected demographics.
      const live = await queryLiveStatus(deps, encounter.workflowId);
      let recheck = false;
      if (live?.stage === 'awaiting_coverage') {
        await correct(deps, encounter.workflowId, { kind: 'demographics', version, correctedBy: principal.subject, reason: body.reason });
        recheck = true;
      }
      res.json({ version, fields: changed, eligibilityCheckedAgain: recheck, links: coverageLink(encounter.id) });
    },
  ),

  route(
    {
      method: 'get',
      path: '/encounters/:id/coverage',
      summary:
        'Coverage and demographics versions and every eligibility answer (plan dates, copay, coinsurance, deductible, out-of-pocket)',
      roles: ['biller', 'supervisor'],
      params: encounterIdParams,
      responses: { 200: { description: 'Oldest version first', body: coverageViewSchema } },
      problems: { 404: 'No such encounter' },
    },
    async ({ deps, params, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const principal = principalOf(res);
      const [coverages, checks, patient] = await Promise.all([
        deps.prisma.coverageVersion.findMany({ where: { encounterId: encounter.id }, orderBy: { version: 'asc' } }),
        deps.prisma.eligibilityCheck.findMany({ where: { encounterId: encounter.id }, orderBy: { checkedAt: 'asc' } }),
        deps.prisma.patient.findUniqueOrThrow({
          where: { id: encounter.patientId },
          include: { versions: { orderBy: { version: 'asc' } } },
        }),
      ]);
      await recordView(deps, principal, 'encounter.viewed', { encounterId: encounter.id, patientId: encounter.patientId });
      res.json({
        financialClass: encounter.financialClass,
        coverage: {
          version: encounter.coverageVersion,
          payerId: encounter.payerId,
          memberId: encounter.memberId,
          secondaryPayerId: encounter.secondaryPayerId,
        },
        coverageVersions: coverages.map((c) => ({
          version: c.version,
          kind: c.kind,
          payerId: c.payerId,
          memberId: c.memberId,
          changedBy: c.changedBy,
          reason: c.reason,
          at: c.createdAt.toISOString(),
        })),
        eligibilityChecks: checks.map((c) => ({
          status: c.status,
          reason: c.reason,
          payerId: c.payerId,
          dateOfService: dateToDay(c.dateOfService),
          planBegin: c.planBegin ? dateToDay(c.planBegin) : null,
          planEnd: c.planEnd ? dateToDay(c.planEnd) : null,
          copayCents: c.copayCents,
          coinsuranceBps: c.coinsuranceBps,
          deductibleCents: c.deductibleCents,
          deductibleMetCents: c.deductibleMetCents,
          deductibleRemainingCents: c.deductibleRemainingCents,
          outOfPocketMaxCents: c.outOfPocketMaxCents,
          outOfPocketMetCents: c.outOfPocketMetCents,
          checkedAt: c.checkedAt.toISOString(),
        })),
        demographics: { version: patient.version },
        demographicsVersions: patient.versions.map((v) => ({
          version: v.version,
          firstName: v.firstName,
          lastName: v.lastName,
          dateOfBirth: dateToDay(v.dateOfBirth),
          sex: v.sex,
          address:
            v.addressLine1 === null
              ? null
              : { line1: v.addressLine1, line2: v.addressLine2, city: v.city, state: v.state, postalCode: v.postalCode },
          phone: v.phone,
          changedBy: v.changedBy,
          reason: v.reason,
          at: v.createdAt.toISOString(),
        })),
      });
    },
  ),

  route(
    {
      method: 'put',
      path: '/encounters/:id/documentation',
      summary: 'The documentation of a scheduled visit, after it happened (the same documentation again is a replay)',
      roles: ['intake'],
      params: encounterIdParams,
      body: documentationSchema,
      responses: {
        200: {
          description: 'Stored and handed to the workflow',
          body: visitDocumentedSchema,
          headers: { 'Idempotent-Replay': 'true when the visit was already documented with the same documentation' },
        },
      },
      problems: {
        404: 'No such encounter',
        409: 'Not a scheduled encounter, already documented differently, or the encounter is final',
      },
    },
    async ({ deps, params, body: documentation, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      if (!encounter.scheduled)
        throw conflict('This encounter was posted after the visit with its documentation; it has no scheduled visit to document');
      const hash = documentationHash(documentation);
      if (encounter.documentation !== null) {
        if (documentationHash(encounter.documentation) !== hash)
          throw conflict('The visit is already documented with different documentation');
        res.set('Idempotent-Replay', 'true').json({ id: encounter.id, documented: true });
        return;
      }
      const stage = stageOf(encounter, await queryLiveStatus(deps, encounter.workflowId));
      if (isFinal(stage)) throw conflict(`The encounter is ${stage}`);
      const principal = principalOf(res);
      const stored = await deps.prisma.encounter.updateMany({
        where: { id: encounter.id, documentation: { equals: Prisma.DbNull } },
        data: { documentation: documentation as Prisma.InputJsonValue, documentedAt: new Date() },
      });
      if (stored.count === 1) {
        await recordAudit(deps.prisma, { encounterId: encounter.id, principal, action: 'visit.documented', detail: { sha256: hash } });
      }
      await executeUpdateOrProblem(
        deps,
        encounter.workflowId,
        visitDocumentedUpdate,
        { submittedBy: principal.subject },
        {
          refused: (message) => conflict(message ?? 'The encounter refused the documentation'),
          updateId: `visit-documented:${encounter.id}`,
        },
      );
      res.json({ id: encounter.id, documented: true });
    },
  ),
];
