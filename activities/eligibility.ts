/**
 * Eligibility and benefits: one inquiry to the insurer (270/271 shaped) for the encounter's
 * current payer and member on the date of service, naming the patient as subscriber, stored as
 * received (EligibilityCheck, one row per inquiry, keyed so a retried activity stores one).
 */
import { randomUUID } from 'node:crypto';
import { ELIGIBILITY_REJECTIONS, type EligibilityResponse } from '../integrations/insurer-contract.ts';
import type { EligibilityStatus, EligibilitySummary } from '../domain/eligibility.ts';
import { dateToDay, dayToDate } from '../domain/days.ts';
import { Prisma, type EligibilityCheck } from '../generated/prisma/client.ts';
import type { ActivityDeps } from './deps.ts';
import { insertOnce } from './insert-once.ts';
import { insertRowsReturning } from './raw-insert.ts';
import { PATIENT_JSON, patientOf, readEncounterWith, type CarriedTransitions } from './records.ts';

export function eligibilityKey(encounterId: string, check: number): string {
  return `${encounterId}:elig:${check}`;
}

function statusOf(answer: EligibilityResponse | undefined): EligibilityStatus {
  if (answer === undefined) return 'not_found';
  if (answer.rejection) return 'member_mismatch';
  return answer.active ? 'active' : 'inactive';
}

/** Why the member is not covered, in the biller's words. */
export function eligibilityReason(
  status: EligibilityStatus,
  answer: EligibilityResponse | undefined,
  dateOfService: string,
): string | undefined {
  switch (status) {
    case 'active':
      return undefined;
    case 'not_found':
      return `the insurer has no member with this member id (AAA ${ELIGIBILITY_REJECTIONS.notFound.code})`;
    case 'member_mismatch':
      return `${answer!.rejection!.text} (AAA ${answer!.rejection!.code}): the member id belongs to someone else, or the demographics are wrong`;
    case 'inactive': {
      const plan = answer?.plan;
      if (plan && plan.end < dateOfService) return `coverage ended on ${plan.end}, before the date of service`;
      if (plan && plan.begin > dateOfService) return `coverage begins on ${plan.begin}, after the date of service`;
      return 'the insurer reports the coverage inactive on the date of service';
    }
  }
}

function toSummary(row: EligibilityCheck, check: number): EligibilitySummary {
  const summary: EligibilitySummary = {
    status: row.status as EligibilityStatus,
    check,
    payerId: row.payerId,
    checkedAt: row.checkedAt.toISOString(),
  };
  const response = row.response as { plan?: { name: string } } | null;
  if (response?.plan?.name !== undefined) summary.planName = response.plan.name;
  if (row.planBegin) summary.planBegin = dateToDay(row.planBegin);
  if (row.planEnd) summary.planEnd = dateToDay(row.planEnd);
  const money = [
    'copayCents',
    'coinsuranceBps',
    'deductibleCents',
    'deductibleMetCents',
    'deductibleRemainingCents',
    'outOfPocketMaxCents',
    'outOfPocketMetCents',
  ] as const;
  for (const field of money) {
    const value = row[field];
    if (value !== null) summary[field] = value;
  }
  if (row.outOfPocketMaxCents !== null && row.outOfPocketMetCents !== null) {
    summary.outOfPocketRemainingCents = Math.max(0, row.outOfPocketMaxCents - row.outOfPocketMetCents);
  }
  if (row.reason !== null) summary.reason = row.reason;
  return summary;
}

export function createEligibilityActivities({ prisma, insurer }: Pick<ActivityDeps, 'prisma' | 'insurer'>) {
  return {
    /** Asks the insurer whether the encounter's member is covered on the date of service, and stores the answer. */
    async checkEligibility({
      encounterId,
      check,
      transitions,
    }: { encounterId: string; check: number } & CarriedTransitions): Promise<EligibilitySummary> {
      const idempotencyKey = eligibilityKey(encounterId, check);
      // One statement: the carried transition, the encounter with its patient, and whether an earlier attempt stored the answer.
      const read = await readEncounterWith<{ patient: Record<string, unknown>; storedCheckId: string | null }>(
        prisma,
        encounterId,
        transitions,
        [
          PATIENT_JSON,
          Prisma.sql`(SELECT c."id" FROM "EligibilityCheck" c WHERE c."encounterId" = e."id" AND c."idempotencyKey" = ${idempotencyKey}) AS "storedCheckId"`,
        ],
      );
      if (read === undefined) throw new Error(`encounter ${encounterId} not found`);
      if (read.storedCheckId !== null) {
        return toSummary(await prisma.eligibilityCheck.findUniqueOrThrow({ where: { idempotencyKey } }), check);
      }
      const encounter = { ...read, patient: patientOf(read.patient) };
      const memberId = encounter.memberId ?? encounter.patient.memberId;
      const dateOfService = dateToDay(encounter.dateOfService);
      const result = await insurer.inquireEligibility({
        payerId: encounter.payerId,
        memberId,
        dateOfService,
        subscriber: {
          firstName: encounter.patient.firstName,
          lastName: encounter.patient.lastName,
          dateOfBirth: dateToDay(encounter.patient.dateOfBirth),
        },
      });
      const answer = result.found ? result.response : undefined;
      const status = statusOf(answer);
      const benefits = answer?.benefits;
      const data: Prisma.EligibilityCheckUncheckedCreateInput = {
        encounterId,
        idempotencyKey,
        payerId: encounter.payerId,
        memberId,
        dateOfService: dayToDate(dateOfService),
        status,
        planBegin: answer?.plan ? dayToDate(answer.plan.begin) : null,
        planEnd: answer?.plan ? dayToDate(answer.plan.end) : null,
        copayCents: benefits?.copayCents ?? null,
        coinsuranceBps: benefits?.coinsuranceBps ?? null,
        deductibleCents: benefits?.deductibleCents ?? null,
        deductibleMetCents: benefits?.deductibleMetCents ?? null,
        deductibleRemainingCents: benefits?.deductibleRemainingCents ?? null,
        outOfPocketMaxCents: benefits?.outOfPocketMaxCents ?? null,
        outOfPocketMetCents: benefits?.outOfPocketMetCents ?? null,
        reason: eligibilityReason(status, answer, dateOfService) ?? null,
        response: (answer ?? { notFound: true }) as Prisma.InputJsonValue,
      };
      const row = await insertOnce(
        () =>
          insertRowsReturning<EligibilityCheck>(
            prisma,
            'EligibilityCheck',
            [{ ...data, id: randomUUID(), response: JSON.stringify(data.response) }],
            {
              onConflictDoNothing: true,
            },
          ),
        () => prisma.eligibilityCheck.findUniqueOrThrow({ where: { idempotencyKey } }),
      );
      return toSummary(row, check);
    },
  };
}
