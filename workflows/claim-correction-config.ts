/**
 * The claim-correction workflow's id and input (workflows/claim-correction.ts): shared by the API
 * that starts it and the workflow. The id holds the opaque correction id only.
 */
import type { ClaimCorrectionPlan } from '../activities/claim-corrections.ts';
import type { ClaimRef, FollowUpProgress } from './claim-follow-up.ts';

export interface ClaimCorrectionInput {
  correctionId: string;
  timings: {
    /** How often the clearinghouse mailbox is read for the payer's answer. */
    remittancePollInterval: string;
    /** The length of a payer day (the payer directory counts follow-up and filing limits in days). */
    payerDay: string;
  };
  /**
   * CLAIM_CORRECTION_CONTINUES_AS_NEW: the run continues as new once its history has this many
   * events while it waits on the payer (default 2,000; sooner when the server suggests it).
   */
  continueAfterEvents?: number;
  /** Set by the run that continued as new: what was sent back and where the payer wait stood. */
  resume?: ClaimCorrectionResume;
}

export interface ClaimCorrectionResume {
  plan: ClaimCorrectionPlan;
  /** The claim awaited: the replacement, or the appealed claim. */
  claim: ClaimRef;
  /** Whether the run that sent it counted its horizon as CLAIM_CORRECTION_HORIZON does (overdue words). */
  counted: boolean;
  followUp: FollowUpProgress;
}

/** Statuses of a correction still being worked (completed, rejected and overdue are final). */
export const CLAIM_CORRECTION_IN_FLIGHT = ['requested', 'submitted', 'appealed'];

export type ClaimCorrectionOutcome = 'completed' | 'rejected' | 'overdue';

export function claimCorrectionWorkflowId(correctionId: string): string {
  return `claim-correction-${correctionId}`;
}
