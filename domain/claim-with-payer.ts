/** Why an encounter waits in awaiting_remittance: the workflow's record and the claim's activity say the same. */
export function claimWithPayerReason(claimNumber: string): string {
  return `claim ${claimNumber} is with the payer`;
}
