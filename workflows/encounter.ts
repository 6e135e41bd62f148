/**
 * One durable workflow per encounter: coding → physician clarification (when unsure) → coder
 * review (when the codes are not safe to bill unseen) → prior authorization (when the payer requires it) → billing. Deterministic: all I/O happens in
 * activities; time comes from the workflow clock; ids from the workflow's uuid4.
 *
 * The parts (workflows/encounter/): state.ts holds what the encounter knows and the moves every
 * stage makes; handlers.ts answers messages; one module per stage. A new stage is a module there
 * taking the EncounterState, and one line below. Behaviour changes go behind a marker in
 * patches.ts; activity calls through the typed proxies of activities.ts.
 */
import type { EncounterWorkflowInput } from './config.ts';
import { authorize } from './encounter/authorization.ts';
import { bill } from './encounter/billing.ts';
import { coderReview } from './encounter/coder-review.ts';
import { codeEncounter, reviewEditErrors } from './encounter/coding.ts';
import { registerHandlers } from './encounter/handlers.ts';
import { EncounterCancelled, EncounterState } from './encounter/state.ts';
import type { EncounterStatus } from './messages.ts';

export async function encounterWorkflow(input: EncounterWorkflowInput): Promise<EncounterStatus> {
  const encounter = new EncounterState(input);
  registerHandlers(encounter);
  encounter.publishSearchAttributes();
  try {
    const codes = await coderReview(encounter, await codeEncounter(encounter));
    await reviewEditErrors(encounter, codes);
    encounter.checkpoint();
    const authorization = await authorize(encounter);
    encounter.checkpoint();
    await bill(encounter, authorization);
  } catch (err) {
    if (!(err instanceof EncounterCancelled)) throw err;
    await encounter.cancel(err.request);
  }
  return encounter.status;
}
