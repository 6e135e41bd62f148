/** The stages an encounter moves through, in the words the revenue-cycle team uses. */
export const STAGES = [
  'received',
  'eligibility',
  'awaiting_coverage',
  'authorization',
  'awaiting_visit',
  'coding',
  'awaiting_clarification',
  'escalated',
  'coder_review',
  'denied',
  'needs_review',
  'billing',
  'awaiting_remittance',
  'denial_review',
  'appealed',
  'billed',
  'cancelled',
] as const;

export type Stage = (typeof STAGES)[number];

/** Stages after which nothing more happens to the encounter. */
export const FINAL_STAGES: readonly Stage[] = ['billed', 'cancelled'];

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** Stages in which a coder may replace the codes (the workflow's coderReview update and the API agree on it). */
export const CODE_EDIT_STAGES: readonly Stage[] = ['coding', 'awaiting_clarification', 'escalated', 'coder_review', 'needs_review'];
