/**
 * A stored claim and the patient statement billed from it, for tests of the statement, payment,
 * refund and worklist code that need those rows without running a workflow. The amounts are
 * parameters; the defaults are sampleStatementDocument's (150.00 billed, 75.00 expected from
 * insurance, 25.00 owed). The encounter must be stored already (intake or seedStoredEncounter).
 */
import { randomUUID } from 'node:crypto';
import { buildPatientStatement, type PatientStatementDocument } from '../billing/statement.ts';
import type { PrismaClient } from '../platform/db.ts';

/** A real statement document (what the billing activity stores), for tests that insert statement rows. */
export function sampleStatementDocument(claimNumber: string): PatientStatementDocument {
  return buildPatientStatement({
    statementNumber: 'ST-1',
    statementDate: '2026-11-25',
    patient: { fullName: 'Testy McTestface', accountNumber: 'PAT-1' },
    practice: { name: 'Demo Clinic' },
    dateOfService: '2026-11-20',
    payerName: 'Acme Health',
    claimNumber,
    lines: [{ code: '99213', description: 'Office visit', units: 1, chargeCents: 15_000, allowedCents: 10_000 }],
    responsibility: {
      chargeCents: 15_000,
      copayCents: 2_500,
      deductibleAppliedCents: 0,
      coinsuranceCents: 0,
      patientOwesCents: 2_500,
      insuranceExpectedCents: 7_500,
    },
  });
}

export interface SeededStatementOptions {
  /** The claim's total charge and the statement's billed amount (default 15,000). */
  billedCents?: number;
  insuranceExpectedCents?: number;
  patientOwesCents?: number;
  /** Default: the sample document's due date. */
  dueDate?: Date;
  /** The claim's status (default 'accepted'). */
  claimStatus?: string;
  /** What the patient's share comes from (the table's default when absent). */
  basis?: 'remittance' | 'self-pay' | 'fee-schedule';
}

export interface SeededStatement {
  statementId: string;
  claimId: string;
  claimNumber: string;
  patientId: string;
}

export async function seedStatement(
  prisma: PrismaClient,
  encounterId: string,
  options: SeededStatementOptions = {},
): Promise<SeededStatement> {
  const { billedCents = 15_000, insuranceExpectedCents = 7_500, patientOwesCents = 2_500 } = options;
  const { patientId } = await prisma.encounter.findUniqueOrThrow({ where: { id: encounterId } });
  const claim = await prisma.claim.create({
    data: {
      encounterId,
      claimNumber: `CLM-${randomUUID()}`,
      status: options.claimStatus ?? 'accepted',
      totalChargeCents: billedCents,
      payload: {},
      x12: 'ISA*~',
    },
  });
  const document = sampleStatementDocument(claim.claimNumber);
  const statement = await prisma.patientStatement.create({
    data: {
      encounterId,
      patientId,
      claimId: claim.id,
      billedCents,
      insuranceExpectedCents,
      patientOwesCents,
      dueDate: options.dueDate ?? new Date(`${document.dueDate}T00:00:00Z`),
      breakdown: document as object,
      ...(options.basis !== undefined ? { basis: options.basis } : {}),
    },
  });
  return { statementId: statement.id, claimId: claim.id, claimNumber: claim.claimNumber, patientId };
}
