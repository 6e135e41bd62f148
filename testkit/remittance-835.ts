/**
 * A payer's 835 remittance for the tests that render one (the X12 reader, posting after a crash):
 * the payer's and payee's side filled in, the claims the test's own. Starts nothing.
 */
import { renderX12_835, type RemittanceToRender } from '../sandbox/insurer/x12-835.ts';

type Claims = RemittanceToRender['claims'];

/** The remittance of `claims` (payment: the sum of what they paid), from ACME-HEALTH unless `payer` says otherwise. */
export function remittanceOf(claims: Claims, payer: Partial<Omit<RemittanceToRender, 'claims'>> = {}): RemittanceToRender {
  return {
    traceNumber: '700000007',
    payerId: 'ACME-HEALTH',
    payerName: 'ACME HEALTH PLAN',
    payeeNpi: '1234567893',
    payeeName: 'RIVERSIDE FAMILY PRACTICE',
    paymentMethod: 'CHK',
    paymentCents: claims.reduce((sum, claim) => sum + claim.paidCents, 0),
    paymentDate: '2026-11-28',
    payer: {
      taxId: '061234567',
      address: { line1: '1 PAYER PLAZA', city: 'HARTFORD', state: 'CT', postalCode: '06101' },
      phone: '8005550100',
    },
    ...payer,
    claims,
  };
}

/** The interchange envelope the payer sends its 835 in (to the clearinghouse, on 2026-11-28). */
export function envelope835(senderId: string, controlNumber: number) {
  return { senderId, receiverId: 'CLEARINGHOUSE', controlNumber, date: new Date('2026-11-28T12:00:00Z') };
}

/** The 835 file of `remittance`, as the payer renders it. */
export function render835(remittance: RemittanceToRender, controlNumber: number): string {
  return renderX12_835(remittance, envelope835(remittance.payerId, controlNumber));
}
