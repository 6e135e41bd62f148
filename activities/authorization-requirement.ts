/** Whether the payer directory requires prior authorization for a set of services (no I/O: coding and authorization both ask). */
import type { ActivityDeps } from './deps.ts';

export interface AuthorizationRequirement {
  required: boolean;
  expedited: boolean;
  /** The procedure codes that need authorization. */
  codes: string[];
}

export function requirementOf(
  payers: ActivityDeps['payers'],
  payerId: string,
  services: ReadonlyArray<{ code: string }>,
): AuthorizationRequirement {
  const needing = services.map((s) => ({ code: s.code, ...payers.requiresPriorAuthorization(payerId, s.code) })).filter((r) => r.required);
  return { required: needing.length > 0, expedited: needing.some((r) => r.expedited === true), codes: needing.map((r) => r.code) };
}
