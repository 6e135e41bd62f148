/**
 * A pended prior authorization's decision deadline, as the workflow counts it
 * (workflows/encounter/authorization.ts): expedited when the payer's rules mark any requested code
 * urgent (AUTHORIZATION_DEADLINE_EXPEDITED, 72 h by default), standard otherwise
 * (AUTHORIZATION_DEADLINE_STANDARD, 7 days). The biller's authorization worklist and the
 * supervisor's overview both ask here.
 */
import { z } from 'zod';
import { durationMs } from '../domain/durations.ts';
import { priorAuthorizationFor, priorAuthorizationRuleSchema } from '../payers/directory.ts';
import type { ApiDeps } from './deps.ts';

/** One authorization request: a key of the caller's choosing, its payer and the requested codes. */
export interface AuthorizationRequest {
  key: string;
  payerId: string;
  codes: readonly string[];
}

/** The keys of the requests whose payer asks an expedited decision for any of their codes. */
export async function expeditedRequests(deps: Pick<ApiDeps, 'prisma'>, requests: readonly AuthorizationRequest[]): Promise<Set<string>> {
  if (requests.length === 0) return new Set();
  const payerIds = [...new Set(requests.map((r) => r.payerId))];
  const payers = await deps.prisma.payer.findMany({ where: { id: { in: payerIds } }, select: { id: true, priorAuthorization: true } });
  const rules = new Map(payers.map((p) => [p.id, z.array(priorAuthorizationRuleSchema).catch([]).parse(p.priorAuthorization)]));
  return new Set(
    requests
      .filter((r) => r.codes.some((code) => priorAuthorizationFor(rules.get(r.payerId) ?? [], code).expedited === true))
      .map((r) => r.key),
  );
}

/** How long the insurer has to decide, in milliseconds. */
export function authorizationDeadlineMs(timings: ApiDeps['timings'], expedited: boolean): number {
  return durationMs(expedited ? timings.authorizationDeadlineExpedited : timings.authorizationDeadlineStandard);
}

/** The ids of the authorizations still pending at the insurer (encounter in `authorization`) whose decision is expedited. */
export async function expeditedPendingAuthorizations(deps: Pick<ApiDeps, 'prisma'>): Promise<string[]> {
  const pending = await deps.prisma.priorAuthorization.findMany({
    where: { status: { in: ['requested', 'pended'] }, encounter: { stage: 'authorization' } },
    select: { id: true, requestedUnits: true, encounter: { select: { payerId: true } } },
  });
  const expedited = await expeditedRequests(
    deps,
    pending.map((p) => ({
      key: p.id,
      payerId: p.encounter.payerId,
      codes: Object.keys((p.requestedUnits ?? {}) as Record<string, number>),
    })),
  );
  return [...expedited];
}
