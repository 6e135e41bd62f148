/** Demo data shared by the billing and sandbox tests (made-up people, valid check-digit NPIs). */
import type { BuildClaimInput } from '../../billing/claim.ts';
import { buildClaim } from '../../billing/claim.ts';
import type { ClaimDocument } from '../../billing/types.ts';
import { renderX12_837P } from '../../billing/x12-837p.ts';

export const GROUP_NPI = '1234567893';
export const RENDERING_NPI = '1679576722';

export function claimInput(overrides: Partial<BuildClaimInput> = {}): BuildClaimInput {
  return {
    claimNumber: 'CLM-2026-0001',
    payerId: 'ACME-HEALTH',
    payerName: 'Acme Health Plan',
    billingProvider: {
      npi: GROUP_NPI,
      taxonomy: '207Q00000X',
      name: 'Riverside Family Practice',
      taxId: '123456789',
      address: { line1: '100 Main St', city: 'Springfield', state: 'IL', postalCode: '62701' },
    },
    renderingProvider: { npi: RENDERING_NPI, name: 'Dana Reyes', taxonomy: '207Q00000X' },
    patient: {
      externalId: 'P-1001',
      firstName: 'Avery',
      lastName: 'Quinton',
      dateOfBirth: '1980-04-12',
      sex: 'F',
      memberId: 'M-100200',
    },
    placeOfService: '11',
    dateOfService: '2026-11-20',
    diagnosisCodes: ['M54.16', 'I10'],
    lines: [
      { code: '99214', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2], unitPriceCents: 19500, chargeCents: 19500 },
      { code: '72148', modifiers: [], units: 1, diagnosisPointers: [1], unitPriceCents: 115000, chargeCents: 115000 },
    ],
    priorAuthorizationRequired: true,
    priorAuthorizationNumber: 'AUTH-20261120-000001',
    ...overrides,
  };
}

export function sampleClaim(overrides: Partial<BuildClaimInput> = {}): ClaimDocument {
  return buildClaim(claimInput(overrides));
}

export const ENVELOPE = { senderId: 'ENCFLOW', receiverId: 'CLEARHOUSE', controlNumber: 42, date: new Date('2026-11-21T09:30:00Z') };

export function sampleX12(claim: ClaimDocument = sampleClaim()): string {
  return renderX12_837P(claim, ENVELOPE);
}
