/** Prior authorization: ask the insurer for a guarantee of payment and follow a pended request. */
import type { AuthorizationDecision } from '../domain/billing.ts';
import type { ActivityDeps } from './deps.ts';
import { loadEncounterForCoding, loadRevision } from './coding.ts';
import { dateToDay } from '../domain/days.ts';
import { requirementOf, type AuthorizationRequirement } from './authorization-requirement.ts';
import { writeTransitions, type CarriedTransitions } from './records.ts';

export type AuthorizationResult = AuthorizationDecision;

export type { AuthorizationRequirement } from './authorization-requirement.ts';

/** Units per procedure code, summed over the lines that bill the same code. */
export function unitsByCode(lines: ReadonlyArray<{ code: string; units: number }>): Record<string, number> {
  const units: Record<string, number> = {};
  for (const line of lines) units[line.code] = (units[line.code] ?? 0) + line.units;
  return units;
}

/** pre_service: the planned services of a scheduled encounter, before the visit; retro: the coded services, after it. */
export type AuthorizationTiming = 'pre_service' | 'retro';

/** One key per encounter, timing and attempt: the insurer sees a retried request as the same request. */
export function authorizationKey(encounterId: string, attempt: number, timing: AuthorizationTiming = 'retro'): string {
  return timing === 'pre_service' ? `${encounterId}:pa:pre:${attempt}` : `${encounterId}:pa:${attempt}`;
}

/** What a scheduled encounter plans (Encounter.plannedServices): the services and the diagnoses they are for. */
export interface PlannedServices {
  services: Array<{ code: string; units: number; modifiers: string[] }>;
  diagnoses: string[];
}

export function plannedServicesOf(encounter: { plannedServices: unknown }): PlannedServices {
  const planned = encounter.plannedServices as PlannedServices | null;
  if (planned === null) throw new Error('the encounter has no planned services');
  return planned;
}

/** The services the request is about, and the diagnoses that justify them. */
async function servicesFor(prisma: ActivityDeps['prisma'], encounterId: string, timing: AuthorizationTiming, revision: number) {
  if (timing === 'pre_service') {
    const encounter = await prisma.encounter.findUniqueOrThrow({ where: { id: encounterId }, select: { plannedServices: true } });
    return plannedServicesOf(encounter);
  }
  const { diagnoses, procedures } = await loadRevision(prisma, encounterId, revision);
  return {
    services: procedures.map((p) => ({ code: p.code, units: p.units, modifiers: p.modifiers })),
    diagnoses: diagnoses.map((d) => d.code),
  };
}

export interface PerformedCheck {
  matches: boolean;
  /** Each difference in words, e.g. "72148: 2 units performed, 1 authorized". */
  differences: string[];
  /** The pre-service authorization's number, when there is one. */
  authNumber?: string;
}

/** What was authorized per code: the requested units of a certified request, else what the insurer granted. */
function authorizedUnitsOf(auth: { status: string; requestedUnits: unknown; authorizedUnits: unknown }): Record<string, number> {
  const units = (auth.status === 'certified' ? auth.requestedUnits : auth.authorizedUnits) as Record<string, number> | null;
  return units ?? {};
}

export function comparePerformed(
  performed: Record<string, number>,
  auth: {
    status: string;
    requestedUnits: unknown;
    authorizedUnits: unknown;
    authNumber: string | null;
    validFrom: Date | null;
    validTo: Date | null;
  } | null,
  dateOfService: string,
): PerformedCheck {
  const codes = Object.keys(performed);
  if (codes.length === 0)
    return auth?.authNumber ? { matches: true, differences: [], authNumber: auth.authNumber } : { matches: true, differences: [] };
  if (auth === null)
    return {
      matches: false,
      differences: [`${codes.join(', ')} performed: the payer requires prior authorization and none was obtained before the service`],
    };
  const authorized = authorizedUnitsOf(auth);
  const differences: string[] = [];
  for (const [code, units] of Object.entries(performed)) {
    const granted = authorized[code];
    if (granted === undefined)
      differences.push(
        `${code} performed (${units} unit${units === 1 ? '' : 's'}) was not authorized (authorized: ${Object.keys(authorized).join(', ') || 'nothing'})`,
      );
    else if (units > granted) differences.push(`${code}: ${units} units performed, ${granted} authorized`);
  }
  const from = auth.validFrom ? dateToDay(auth.validFrom) : undefined;
  const to = auth.validTo ? dateToDay(auth.validTo) : undefined;
  if ((from !== undefined && dateOfService < from) || (to !== undefined && dateOfService > to)) {
    differences.push(`the date of service is outside the authorization's validity (${from ?? '…'} to ${to ?? '…'})`);
  }
  const check: PerformedCheck = { matches: differences.length === 0, differences };
  if (auth.authNumber) check.authNumber = auth.authNumber;
  return check;
}

/** Whether the payer directory requires authorization for the coded (or planned) procedures (internal: database and directory only). */
export function createAuthorizationRequirementActivities({ prisma, payers }: Pick<ActivityDeps, 'prisma' | 'payers'>) {
  return {
    async checkAuthorizationRequirement({
      encounterId,
      revision,
    }: {
      encounterId: string;
      revision: number;
    }): Promise<AuthorizationRequirement> {
      const encounter = await prisma.encounter.findUniqueOrThrow({ where: { id: encounterId }, select: { payerId: true } });
      const { services } = await servicesFor(prisma, encounterId, 'retro', revision);
      return requirementOf(payers, encounter.payerId, services);
    },

    /**
     * A scheduled encounter, once coded: what was performed (the coded services that need
     * authorization) against what was authorized before the service (the last certified, partial
     * or modified pre-service request): codes, units and the validity dates, in words.
     */
    async comparePerformedWithAuthorized({ encounterId, revision }: { encounterId: string; revision: number }): Promise<PerformedCheck> {
      const encounter = await prisma.encounter.findUniqueOrThrow({
        where: { id: encounterId },
        select: { payerId: true, dateOfService: true },
      });
      const { services } = await servicesFor(prisma, encounterId, 'retro', revision);
      const performed = unitsByCode(services.filter((s) => payers.requiresPriorAuthorization(encounter.payerId, s.code).required));
      const auth = await prisma.priorAuthorization.findFirst({
        where: { encounterId, timing: 'pre_service', status: { in: ['certified', 'partial', 'modified'] } },
        orderBy: { createdAt: 'desc' },
      });
      return comparePerformed(performed, auth, dateToDay(encounter.dateOfService));
    },

    /** The same for a scheduled encounter's planned services, before the visit. */
    async checkPlannedAuthorizationRequirement({ encounterId }: { encounterId: string }): Promise<AuthorizationRequirement> {
      const encounter = await prisma.encounter.findUniqueOrThrow({
        where: { id: encounterId },
        select: { payerId: true, plannedServices: true },
      });
      return requirementOf(payers, encounter.payerId, plannedServicesOf(encounter).services);
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
    /**
     * Asks the insurer to authorize the services that need it: the coded ones (retro, the
     * default), or a scheduled encounter's planned ones before the visit (pre_service).
     */
    async requestPriorAuthorization({
      encounterId,
      attempt,
      revision,
      timing = 'retro',
      transitions,
    }: {
      encounterId: string;
      attempt: number;
      revision: number;
      timing?: AuthorizationTiming;
    } & CarriedTransitions): Promise<AuthorizationResult> {
      await writeTransitions(prisma, transitions);
      const { encounter } = await loadEncounterForCoding(prisma, encounterId);
      const provider = await prisma.provider.findUniqueOrThrow({ where: { id: encounter.providerId } });
      const { services, diagnoses } = await servicesFor(prisma, encounterId, timing, revision);
      const needing = services.filter((p) => payers.requiresPriorAuthorization(encounter.payerId, p.code).required);
      const expedited = needing.some((p) => payers.requiresPriorAuthorization(encounter.payerId, p.code).expedited === true);
      const idempotencyKey = authorizationKey(encounterId, attempt, timing);
      const requestedUnits = unitsByCode(needing);
      await prisma.priorAuthorization.upsert({
        where: { idempotencyKey },
        create: { encounterId, idempotencyKey, timing, status: 'requested', requestedUnits },
        update: {},
      });
      const decision = await insurer.submitPriorAuthorization(
        {
          member: { payerId: encounter.payerId, memberId: encounter.memberId ?? encounter.patient.memberId },
          provider: { npi: provider.npi },
          services: needing.map((p) => ({ code: p.code, units: p.units, modifiers: p.modifiers })),
          diagnoses,
          dateOfService: dateToDay(encounter.dateOfService),
          urgency: expedited ? 'expedited' : 'standard',
        },
        idempotencyKey,
      );
      await storeDecision(idempotencyKey, decision);
      return decision;
    },

    async checkPriorAuthorizationStatus({
      encounterId,
      attempt,
      payerReference,
      timing = 'retro',
    }: {
      encounterId: string;
      attempt: number;
      payerReference: string;
      timing?: AuthorizationTiming;
    }): Promise<AuthorizationResult> {
      const decision = await insurer.getPriorAuthorization(payerReference);
      await storeDecision(authorizationKey(encounterId, attempt, timing), decision);
      return decision;
    },
  };
}
