/**
 * Intervals the encounter workflow waits for. They are passed in when the workflow starts (from
 * configuration), so a running workflow keeps the values it started with.
 */
export interface EncounterTimings {
  /** How long the physician has to answer a clarification query (practice: 72 h). */
  clarificationDeadline: string;
  /** How often the physician is reminded while a query is open. */
  clarificationReminderInterval: string;
  /** How often a pended prior authorization is followed up. */
  authorizationPollInterval: string;
  /** Regulatory decision deadline for a standard request (7 days). */
  authorizationDeadlineStandard: string;
  /** Regulatory decision deadline for an expedited request (72 h). */
  authorizationDeadlineExpedited: string;
  /**
   * A scheduled encounter's eligibility is checked again before the claim when its first check
   * is older than this once the visit is documented (unset in encounters started before it: 7d).
   */
  eligibilityRecheckAfter?: string;
  /** How often the clearinghouse mailbox is read for the claim's remittance (absent in encounters started before remittances were awaited). */
  remittancePollInterval?: string;
  /**
   * How long one day of the payer directory's limits (timely filing, appeal, follow-up) lasts on
   * the workflow clock: 24h in production; shorter only for demos and tests.
   */
  payerDay?: string;
}

export const DEFAULT_TIMINGS: EncounterTimings = {
  clarificationDeadline: '72h',
  clarificationReminderInterval: '24h',
  authorizationPollInterval: '4h',
  authorizationDeadlineStandard: '7d',
  authorizationDeadlineExpedited: '72h',
  eligibilityRecheckAfter: '7d',
  remittancePollInterval: '6h',
  payerDay: '24h',
};

export interface EncounterWorkflowInput {
  /** Opaque encounter id (our database key): never patient data. */
  encounterId: string;
  payerId: string;
  /** YYYY-MM-DD */
  dateOfService: string;
  physicianNpi: string;
  timings: EncounterTimings;
  /**
   * Posted before the visit (a scheduled service): eligibility, then prior authorization of the
   * planned services before the date of service, then the visit's documentation is awaited.
   */
  scheduled?: boolean;
}

export function encounterWorkflowId(encounterId: string): string {
  return `encounter-${encounterId}`;
}
