/**
 * Patient-responsibility estimates before the visit, for the biller (and the front desk through
 * the biller): POST makes one from what is known now, GET lists those made. An estimate is always
 * labelled as one (a good-faith estimate for a self-pay patient) and is never the bill: the
 * statement is issued from the insurer's remittance.
 *
 * What it is made from:
 * - the services: the latest coding revision's procedures once the visit is coded, otherwise a
 *   scheduled visit's planned services;
 * - insured: the last eligibility answer (271), which must be active, and the payer's allowed
 *   amounts in the fee schedule; self-pay: the self-pay price list.
 *
 * The same inputs give the same estimate: a repeated POST answers the stored one (200 with
 * Idempotent-Replay: true) and stores nothing new; new inputs (a corrected coverage, a newer 271,
 * coded services) store a new one (201). Each new estimate is audited.
 */
import { createHash } from 'node:crypto';
import {
  estimatePatientResponsibility,
  type EstimateBasis,
  type EstimatedService,
  type PatientEstimateDocument,
} from '../../billing/estimate.ts';
import { loadFeeSchedule, type FeeSchedule } from '../../billing/fee-schedule.ts';
import { dateToDay } from '../../domain/days.ts';
import type { Encounter, PatientEstimate, Prisma } from '../../generated/prisma/client.ts';
import { conflict } from '../../platform/problem.ts';
import { recordAudit, recordView } from '../audit.ts';
import { principalOf } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { patientEstimateListSchema, patientEstimateSchema } from '../coverage-responses.ts';
import { canonicalJson } from '../encounter-intake.ts';
import { findEncounterOr404 } from '../encounter-access.ts';
import { route } from '../route.ts';
import { encounterIdParams } from '../schemas.ts';

let shippedFeeSchedule: FeeSchedule | undefined;
function feeScheduleOf(deps: ApiDeps): FeeSchedule {
  return deps.feeSchedule ?? (shippedFeeSchedule ??= loadFeeSchedule());
}

type ServicesSource = 'planned' | 'coded';

/** The latest coding revision's procedures, else the planned services; undefined when neither is known. */
async function servicesOf(
  deps: ApiDeps,
  encounter: Encounter,
): Promise<{ source: ServicesSource; services: EstimatedService[] } | undefined> {
  const latest = await deps.prisma.codeAssignment.findFirst({
    where: { encounterId: encounter.id },
    orderBy: { revision: 'desc' },
    select: { revision: true },
  });
  if (latest !== null) {
    const procedures = await deps.prisma.codeAssignment.findMany({
      where: { encounterId: encounter.id, revision: latest.revision, kind: 'procedure' },
      orderBy: { sequence: 'asc' },
    });
    return { source: 'coded', services: procedures.map((p) => ({ code: p.code, units: p.units ?? 1, modifiers: p.modifiers })) };
  }
  const planned = encounter.plannedServices as { services: EstimatedService[] } | null;
  if (planned === null) return undefined;
  return { source: 'planned', services: planned.services.map((s) => ({ code: s.code, units: s.units, modifiers: s.modifiers })) };
}

/** Self-pay, or the last 271 answer, which must be active and for the encounter's current payer. */
async function basisOf(
  deps: ApiDeps,
  encounter: Encounter,
): Promise<{ basis: EstimateBasis; eligibilityCheckId: string | null; checkedAt: Date | null }> {
  if (encounter.financialClass === 'self_pay') return { basis: { kind: 'good_faith_estimate' }, eligibilityCheckId: null, checkedAt: null };
  const check = await deps.prisma.eligibilityCheck.findFirst({ where: { encounterId: encounter.id }, orderBy: { checkedAt: 'desc' } });
  if (check === null) throw conflict('Eligibility has not been checked yet: an estimate needs the insurer’s benefits');
  if (check.status !== 'active')
    throw conflict(`The coverage is ${check.status}: correct it or switch the encounter to self-pay before estimating`);
  if (check.payerId !== encounter.payerId)
    throw conflict('The coverage was corrected since the last eligibility answer: estimate once it is checked again');
  const outOfPocketRemainingCents =
    check.outOfPocketMaxCents !== null && check.outOfPocketMetCents !== null
      ? Math.max(0, check.outOfPocketMaxCents - check.outOfPocketMetCents)
      : null;
  const benefits = {
    copayCents: check.copayCents,
    coinsuranceBps: check.coinsuranceBps,
    deductibleRemainingCents: check.deductibleRemainingCents,
    outOfPocketRemainingCents,
  };
  return {
    basis: { kind: 'estimate', payerId: check.payerId, benefits, benefitsAsOf: dateToDay(check.checkedAt) },
    eligibilityCheckId: check.id,
    checkedAt: check.checkedAt,
  };
}

function estimateView(row: PatientEstimate) {
  const document = row.document as unknown as PatientEstimateDocument & { benefitsAsOf: string | null };
  return {
    id: row.id,
    encounterId: row.encounterId,
    servicesSource: row.servicesSource as ServicesSource,
    payerId: row.payerId,
    ...document,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    links: { encounter: `/encounters/${row.encounterId}`, coverage: `/encounters/${row.encounterId}/coverage` },
  };
}

const ESTIMATE_ROLES = ['biller', 'supervisor'] as const;

export const estimateRoutes = [
  route(
    {
      method: 'post',
      path: '/encounters/:id/estimates',
      summary: 'Estimate what the patient will owe, before the visit (labelled an estimate; never the bill)',
      description:
        'From the latest coded services (else the scheduled visit’s planned services) and, for an insured patient, the last active 271 answer and the payer’s allowed amounts; for a self-pay patient a good-faith estimate from the self-pay price list. The same inputs answer the stored estimate (200, Idempotent-Replay: true).',
      roles: ESTIMATE_ROLES,
      params: encounterIdParams,
      responses: {
        201: { description: 'A new estimate, stored and audited', body: patientEstimateSchema },
        200: {
          description: 'The estimate already made from the same inputs',
          body: patientEstimateSchema,
          headers: { 'Idempotent-Replay': 'true: nothing new was stored' },
        },
      },
      problems: {
        404: 'No such encounter',
        409: 'No services known yet, eligibility not checked or not active (correct the coverage or switch to self-pay), or the encounter is final',
      },
    },
    async ({ deps, params, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      if (encounter.stage === 'billed' || encounter.stage === 'cancelled') {
        throw conflict(`The encounter is ${encounter.stage}: the statement, not an estimate, says what the patient owes`);
      }
      const known = await servicesOf(deps, encounter);
      if (known === undefined) throw conflict('No services are known yet (neither planned nor coded)');
      const { basis, eligibilityCheckId, checkedAt } = await basisOf(deps, encounter);
      const document = {
        ...estimatePatientResponsibility(known.services, feeScheduleOf(deps), basis),
        benefitsAsOf: checkedAt?.toISOString() ?? null,
      };
      const inputsHash = createHash('sha256')
        .update(canonicalJson({ source: known.source, eligibilityCheckId, document }))
        .digest('hex');
      const existing = await deps.prisma.patientEstimate.findUnique({
        where: { encounterId_inputsHash: { encounterId: encounter.id, inputsHash } },
      });
      if (existing !== null) {
        res.set('Idempotent-Replay', 'true').status(200).json(estimateView(existing));
        return;
      }
      const principal = principalOf(res);
      const data = {
        encounterId: encounter.id,
        kind: document.kind,
        inputsHash,
        payerId: basis.kind === 'estimate' ? basis.payerId : null,
        eligibilityCheckId,
        servicesSource: known.source,
        chargeCents: document.chargeCents,
        patientEstimateCents: document.patientEstimateCents,
        document: document as unknown as Prisma.InputJsonObject,
        createdBy: principal.subject,
      };
      // A concurrent request with the same inputs may store it first: that row stands.
      const row = await deps.prisma.patientEstimate.upsert({
        where: { encounterId_inputsHash: { encounterId: encounter.id, inputsHash } },
        create: data,
        update: {},
      });
      await recordAudit(deps.prisma, {
        encounterId: encounter.id,
        principal,
        action: 'estimate.created',
        detail: {
          estimateId: row.id,
          kind: row.kind,
          servicesSource: row.servicesSource,
          patientEstimateCents: row.patientEstimateCents,
          eligibilityCheckId,
        },
      });
      res.status(201).json(estimateView(row));
    },
  ),

  route(
    {
      method: 'get',
      path: '/encounters/:id/estimates',
      summary: 'The patient estimates made for an encounter (each labelled an estimate; never the bill)',
      roles: ESTIMATE_ROLES,
      params: encounterIdParams,
      responses: { 200: { description: 'Newest first', body: patientEstimateListSchema } },
      problems: { 404: 'No such encounter' },
    },
    async ({ deps, params, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const rows = await deps.prisma.patientEstimate.findMany({ where: { encounterId: encounter.id }, orderBy: { createdAt: 'desc' } });
      await recordView(deps, principalOf(res), 'estimates.viewed', { encounterId: encounter.id });
      res.json({ items: rows.map(estimateView) });
    },
  ),
];
