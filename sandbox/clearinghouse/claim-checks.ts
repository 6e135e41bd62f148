/**
 * The front-end edits a clearinghouse runs before forwarding a claim: each failed check becomes a
 * rejection reason on the acknowledgement. Messages name fields, never patient data.
 */
import { isValidNpi, MAX_DIAGNOSIS_CODES, MAX_POINTERS_PER_LINE } from '../../billing/claim.ts';
import type { ClaimRejectionReason } from '../../billing/types.ts';
import { validateX12Structure } from '../../billing/x12-837p.ts';
import type { ClaimSubmission } from '../../integrations/clearinghouse-contract.ts';

export function checkClaim({ claim, x12 }: ClaimSubmission): ClaimRejectionReason[] {
  const reasons: ClaimRejectionReason[] = [];

  for (const role of ['billingProvider', 'renderingProvider'] as const) {
    const npi = claim[role]?.npi;
    if (!npi) reasons.push({ code: 'MISSING_NPI', field: `${role}.npi`, message: 'NPI is missing' });
    else if (!isValidNpi(npi)) reasons.push({ code: 'INVALID_NPI', field: `${role}.npi`, message: 'NPI fails the check-digit test' });
  }

  if (claim.diagnosisCodes.length === 0) {
    reasons.push({ code: 'MISSING_DIAGNOSIS', field: 'diagnosisCodes', message: 'at least one diagnosis code is required' });
  } else if (claim.diagnosisCodes.length > MAX_DIAGNOSIS_CODES) {
    reasons.push({ code: 'TOO_MANY_DIAGNOSES', field: 'diagnosisCodes', message: `at most ${MAX_DIAGNOSIS_CODES} diagnosis codes` });
  }
  claim.lines.forEach((line, i) => {
    const pointers = line.diagnosisPointers;
    const bad =
      pointers.length === 0 ||
      pointers.length > MAX_POINTERS_PER_LINE ||
      pointers.some((p) => p < 1 || p > Math.min(claim.diagnosisCodes.length, MAX_DIAGNOSIS_CODES));
    if (bad) {
      reasons.push({
        code: 'INVALID_DIAGNOSIS_POINTER',
        field: `lines[${i}].diagnosisPointers`,
        message: `1 to ${MAX_POINTERS_PER_LINE} pointers, each referring to one of the claim's diagnosis codes`,
      });
    }
  });

  if (claim.priorAuthorizationRequired && !claim.priorAuthorizationNumber?.trim()) {
    reasons.push({
      code: 'MISSING_PRIOR_AUTH',
      field: 'priorAuthorizationNumber',
      message: 'the claim requires a prior authorization number',
    });
  }

  const lineTotal = claim.lines.reduce((sum, line) => sum + line.chargeCents, 0);
  if (lineTotal !== claim.totalChargeCents) {
    reasons.push({ code: 'TOTAL_MISMATCH', field: 'totalChargeCents', message: 'total charge is not the sum of the line charges' });
  }

  const structure = validateX12Structure(x12);
  for (const error of structure.errors) reasons.push({ code: 'X12_STRUCTURE', field: 'x12', message: error });
  if (structure.ok) {
    const clm = x12
      .split('~')
      .map((s) => s.trim())
      .find((s) => s.startsWith('CLM*'));
    if (clm?.split('*')[1] !== claim.claimNumber.toUpperCase()) {
      reasons.push({ code: 'X12_CLAIM_MISMATCH', field: 'x12', message: 'CLM01 does not match the claim number' });
    }
  }
  return reasons;
}
