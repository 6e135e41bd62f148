/**
 * One durable workflow per encounter: eligibility and benefits (a coverage problem waits for a
 * biller) → for a scheduled visit, prior authorization before the service and the visit's
 * documentation → coding → physician clarification (when unsure) →
 * coder review (when the codes are not safe to bill unseen) → eligibility again when old
 * or corrected → authorization (performed against authorized for a scheduled visit, otherwise
 * retro-authorization when the payer requires it) → billing (self-pay: no claim). Deterministic: all I/O happens in
 * activities; time comes from the workflow clock; ids from the workflow's uuid4.
 *
 * The parts (workflows/encounter/): state.ts holds what the encounter knows and the moves every
 * stage makes; handlers.ts answers messages; one module per stage. A new stage is a module there
 * taking the EncounterState, and one line below. Behaviour changes go behind a marker in
 * patches.ts; activity calls through the typed proxies of activities.ts.
 */
import type { EncounterWorkflowInput } from './config.ts';
import { authorize, type AuthorizationForBilling } from './encounter/authorization.ts';
import { bill } from './encounter/billing.ts';
import { coderReview } from './encounter/coder-review.ts';
import { codeEncounter, reviewEditErrors } from './encounter/coding.ts';
import { eligibilityIsStale, verifyEligibility } from './encounter/eligibility.ts';
import { registerDenialHandlers } from './encounter/denials.ts';
import { registerHandlers } from './encounter/handlers.ts';
import {
  authorizeBeforeService,
  awaitVisit,
  checkPerformedAgainstAuthorized,
  type PreServiceAuthorization,
} from './encounter/scheduled.ts';
import { EncounterCancelled, EncounterState } from './encounter/state.ts';
import type { EncounterStatus } from './messages.ts';
import { ELIGIBILITY_FIRST } from './patches.ts';

export async function encounterWorkflow(input: EncounterWorkflowInput): Promise<EncounterStatus> {
  const encounter = new EncounterState(input);
  registerHandlers(encounter);
  registerDenialHandlers(encounter);
  encounter.publishSearchAttributes();
  try {
    const eligibilityFirst = encounter.uses(ELIGIBILITY_FIRST);
    let preService: PreServiceAuthorization | undefined;
    if (eligibilityFirst) {
      if (input.scheduled) encounter.status.scheduled = { dateOfService: input.dateOfService };
      await verifyEligibility(encounter, 'start');
      if (input.scheduled) {
        if (encounter.status.financialClass !== 'self_pay') preService = await authorizeBeforeService(encounter);
        await awaitVisit(encounter);
      }
    }
    const codes = await coderReview(encounter, await codeEncounter(encounter));
    await reviewEditErrors(encounter, codes);
    encounter.checkpoint();
    if (eligibilityFirst && (encounter.coverageChangedSinceCheck || (input.scheduled && eligibilityIsStale(encounter)))) {
      await verifyEligibility(encounter, 'before_claim');
    }
    let authorization: AuthorizationForBilling;
    if (encounter.status.financialClass === 'self_pay') authorization = { billPatient: true };
    else if (preService) authorization = await checkPerformedAgainstAuthorized(encounter, preService);
    else authorization = await authorize(encounter, codes);
    encounter.checkpoint();
    await bill(encounter, authorization);
  } catch (err) {
    if (!(err instanceof EncounterCancelled)) throw err;
    await encounter.cancel(err.request);
  }
  return encounter.status;
}
