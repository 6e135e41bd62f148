/**
 * A biller's coverage correction or switch to self-pay, stored as the encounter's next coverage
 * version (never an overwrite): the Encounter row takes the new payer and member id (claims and
 * eligibility read them there), the CoverageVersion row keeps the history, and an audit event
 * says who and why. One transaction; a retried activity finds its audit event and stores nothing
 * twice; a correction of a version that is no longer current is refused.
 */
import { ApplicationFailure } from '@temporalio/common';
import { INVALID_ENCOUNTER } from '../integrations/failure-types.ts';
import type { ActivityDeps } from './deps.ts';

export interface CoverageVersionInput {
  encounterId: string;
  /** Made by the workflow: identifies this correction across activity retries. */
  correctionId: string;
  kind: 'coverage' | 'self_pay';
  payerId?: string;
  memberId?: string;
  expectedVersion?: number;
  correctedBy: string;
  reason: string;
}

export function createCoverageActivities({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return {
    async recordCoverageVersion(input: CoverageVersionInput): Promise<{ version: number }> {
      const idempotencyKey = `${input.encounterId}:coverage:${input.correctionId}`;
      return prisma.$transaction(async (tx) => {
        const earlier = await tx.auditEvent.findUnique({ where: { idempotencyKey } });
        if (earlier) return { version: (earlier.detail as { version: number }).version };
        const encounter = await tx.encounter.findUniqueOrThrow({ where: { id: input.encounterId } });
        if (input.expectedVersion !== undefined && input.expectedVersion !== encounter.coverageVersion) {
          throw ApplicationFailure.nonRetryable(
            `coverage version ${input.expectedVersion} is not the current one (${encounter.coverageVersion}): reload the encounter and correct again`,
            INVALID_ENCOUNTER,
          );
        }
        const version = encounter.coverageVersion + 1;
        const selfPay = input.kind === 'self_pay';
        const payerId = selfPay ? encounter.payerId : (input.payerId ?? encounter.payerId);
        const memberId = selfPay ? encounter.memberId : (input.memberId ?? encounter.memberId);
        await tx.coverageVersion.create({
          data: {
            encounterId: encounter.id,
            version,
            kind: input.kind === 'self_pay' ? 'self_pay' : 'insurance',
            payerId: selfPay ? null : payerId,
            memberId: selfPay ? null : memberId,
            changedBy: input.correctedBy,
            reason: input.reason,
          },
        });
        await tx.encounter.update({
          where: { id: encounter.id, coverageVersion: encounter.coverageVersion },
          data: { coverageVersion: version, financialClass: selfPay ? 'self_pay' : 'insurance', payerId, memberId },
        });
        await tx.auditEvent.create({
          data: {
            encounterId: encounter.id,
            actor: input.correctedBy,
            role: 'biller',
            action: selfPay ? 'coverage.self_pay' : 'coverage.corrected',
            detail: {
              version,
              fromVersion: encounter.coverageVersion,
              payerId: selfPay ? null : payerId,
              fromPayerId: encounter.payerId,
              reason: input.reason,
            },
            idempotencyKey,
          },
        });
        return { version };
      });
    },
  };
}
