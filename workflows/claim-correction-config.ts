/**
 * The claim-correction workflow's id and input (workflows/claim-correction.ts): shared by the API
 * that starts it and the workflow. The id holds the opaque correction id only.
 */
export interface ClaimCorrectionInput {
  correctionId: string;
  timings: {
    /** How often the clearinghouse mailbox is read for the payer's answer. */
    remittancePollInterval: string;
    /** The length of a payer day (the payer directory counts follow-up and filing limits in days). */
    payerDay: string;
  };
}

/** Statuses of a correction still being worked (completed, rejected and overdue are final). */
export const CLAIM_CORRECTION_IN_FLIGHT = ['requested', 'submitted', 'appealed'];

export type ClaimCorrectionOutcome = 'completed' | 'rejected' | 'overdue';

export function claimCorrectionWorkflowId(correctionId: string): string {
  return `claim-correction-${correctionId}`;
}
