/**
 * The paths through the stages that several tests expect an encounter to take, named for what
 * happened to it; tests compare an encounter's history (`stagesOf`) with them. Starts nothing.
 */
import type { EncounterStatus } from '../workflows/messages.ts';
import type { Stage } from '../workflows/stages.ts';

/** The stages an encounter went through, in order (its transitions' targets). */
export function stagesOf(status: Pick<EncounterStatus, 'history'>): Stage[] {
  return status.history.map((t) => t.to);
}

/** A scheduled visit: eligible, authorized before the service, documented, billed and paid. */
export const SCHEDULED_VISIT_PAID: Stage[] = [
  'eligibility',
  'authorization',
  'awaiting_visit',
  'coding',
  'billing',
  'awaiting_remittance',
  'billed',
];

/** A visit whose prior authorization the payer needed (and certified), then billed and paid. */
export const AUTHORIZED_PAID: Stage[] = ['eligibility', 'coding', 'authorization', 'billing', 'awaiting_remittance', 'billed'];

/** A claim the payer denied, the biller appealed, and the payer then paid. */
export const DENIED_APPEALED_PAID: Stage[] = [
  'eligibility',
  'coding',
  'billing',
  'awaiting_remittance',
  'denial_review',
  'appealed',
  'awaiting_remittance',
  'billed',
];
