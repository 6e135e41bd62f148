/** Prior authorization: ask the insurer for a guarantee of payment and follow a pended request. */
import type { AuthorizationDecision } from '../domain/billing.ts';
import type { ActivityDeps } from './deps.ts';
import { loadEncounterForCoding, loadRevision } from './coding.ts';
import { dateToDay } from '../domain/days.ts';

export type AuthorizationResult = AuthorizationDecision;

export interface AuthorizationRequirement {
  required: boolean;
  expedited: boolean;
  /** The procedure codes that need authorization. */
  codes: string[];
}

/** Units per procedure code, summed over the lines that bill the same code. */
export function unitsByCode(lines: ReadonlyArray<{ code: string; units: number }>): Record<string, number> {
  const units: Record<string, number> = {};
  for (const line of lines) units[line.code] = (units[line.code] ?? 0) + line.units;
  return units;
}

/** One key per encounter and attempt: the insurer sees a retried request as the same request. */
export function authorizationKey(encounterId: string, attempt: number): string {
  return `${encounterId}:pa:${attempt}`;
}

/** Whether the payer directory requires authorization for the coded procedures (internal: database and directory only). */
export function createAuthorizationRequirementActivities({ prisma, payers }: Pick<ActivityDeps, 'prisma' | 'payers'>) {
  return {
    async checkAuthorizationRequirement({ encounterId, revision }: { encounterId: string; revision: number }): Promise<AuthorizationRequirement> {
      const encounter = await prisma.encounter.findUniqueOrThrow({ where: { id: encounterId }, select: { payerId: true } });
      const { procedures } = await loadRevision(prisma, encounterId, revision);
      const rules = procedures.map((p) => ({ code: p.code, ...payers.requiresPriorAuthorization(encounter.payerId, p.code) }));
      const needing = rules.filter((r) => r.required);
      return { required: needing.length > 0, expedited: needing.some((r) => r.expedited === true), codes: needing.map((r) => r.code) };
    },
  };
}

/** The insurer's prior-authorization service (external: runs under the workflow's external-party policy). */
export function createPriorAuthorizationActivities({ prisma, payers, insurer }: Pick<ActivityDeps, 'prisma' | 'payers' | 'insurer'>) {
  async function storeDecision(idempotencyKey: string, decision: AuthorizationDecision): Promise<void> {
    await prisma.priorAuthorization.update({
      where: { idempotencyKey },
      data: {
        status: decision.outcome,
        payerReference: decision.payerReference,
        authNumber: decision.authNumber ?? null,
        validFrom: decision.validFrom ? new Date(decision.validFrom) : null,
        validTo: decision.validTo ? new Date(decision.validTo) : null,
        authorizedUnits: decision.authorizedUnits ?? undefined,
        reason: decision.reason ?? null,
      },
    });
  }

  return {
    async requestPriorAuthorization({ encounterId, attempt, revision }: { encounterId: string; attempt: number; revision: number }): Promise<AuthorizationResult> {
      const { encounter } = await loadEncounterForCoding(prisma, encounterId);
      const provider = await prisma.provider.findUniqueOrThrow({ where: { id: encounter.providerId } });
      const { diagnoses, procedures } = await loadRevision(prisma, encounterId, revision);
      const needing = procedures.filter((p) => payers.requiresPriorAuthorization(encounter.payerId, p.code).required);
      const expedited = needing.some((p) => payers.requiresPriorAuthorization(encounter.payerId, p.code).expedited === true);
      const idempotencyKey = authorizationKey(encounterId, attempt);
      const requestedUnits = unitsByCode(needing);
      await prisma.priorAuthorization.upsert({
        where: { idempotencyKey },
        create: { encounterId, idempotencyKey, status: 'requested', requestedUnits },
        update: {},
      });
      const decision = await insurer.submitPriorAuthorization(
          {
            member: { payerId: encounter.payerId, memberId: encounter.memberId ?? encounter.patient.memberId },
            provider: { npi: provider.npi },
            services: needing.map((p) => ({ code: p.code, units: p.units, modifiers: p.modifiers })),
            diagnoses: diagnoses.map((d) => d.code),
            dateOfService: dateToDay(encounter.dateOfService),
            urgency: expedited ? 'expedited' : 'standard',
          },
          idempotencyKey,
        );
      await storeDecision(idempotencyKey, decision);
      return decision;
    },

    async checkPriorAuthorizationStatus({ encounterId, attempt, payerReference }: { encounterId: string; attempt: number; payerReference: string }): Promise<AuthorizationResult> {
      const decision = await insurer.getPriorAuthorization(payerReference);
      await storeDecision(authorizationKey(encounterId, attempt), decision);
      return decision;
    },
  };
}
