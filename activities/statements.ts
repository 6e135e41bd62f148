/**
 * The patient's statement: what the patient owes once the claim is out (copay, deductible,
 * coinsurance from the member's benefits), issued once per encounter.
 *
 * It runs under the workflow's INTERNAL policy although it asks the insurer for the member's
 * eligibility: moving it to the external policy would change the commands running encounters
 * replay. The revenue-cycle work replaces this path (eligibility as its own external step).
 */
import type { Prisma } from '../generated/prisma/client.ts';
import { startStatementCycleFromActivity } from '../payments/statement-cycle-start.ts';
import type { Benefits } from '../domain/billing.ts';
import { dateToDay } from '../domain/days.ts';
import { computePatientResponsibility } from '../billing/patient-responsibility.ts';
import { buildPatientStatement } from '../billing/statement.ts';
import type { ClaimDocument } from '../billing/types.ts';
import type { ActivityDeps } from './deps.ts';
import { loadBillingContext, patientInfo } from './billing.ts';

export function createStatementActivities({
  prisma,
  feeSchedule,
  insurer,
  billing,
  statementCycle,
}: Pick<ActivityDeps, 'prisma' | 'feeSchedule' | 'insurer' | 'billing' | 'statementCycle'>) {
  const startCycle = (statementId: string) => startStatementCycleFromActivity(statementCycle, statementId);
  return {
    async issuePatientStatement({
      encounterId,
      claimId,
    }: {
      encounterId: string;
      claimId: string;
    }): Promise<{ statementId: string; patientOwesCents: number }> {
      const existing = await prisma.patientStatement.findUnique({ where: { encounterId } });
      if (existing) {
        await startCycle(existing.id);
        return { statementId: existing.id, patientOwesCents: existing.patientOwesCents };
      }
      const encounter = await loadBillingContext(prisma, encounterId);
      const claim = await prisma.claim.findUniqueOrThrow({
        where: { id: claimId },
        include: { lines: { orderBy: { lineNumber: 'asc' } } },
      });
      const codedProcedures = await prisma.codeAssignment.findMany({
        where: { encounterId, kind: 'procedure' },
        select: { code: true, description: true },
      });
      const dateOfService = dateToDay(encounter.dateOfService);
      // Billed to the patient (no authorization, or a self-pay encounter): no benefits to ask the insurer for.
      const selfPay = claim.status === 'patient_responsibility';
      let benefits: Benefits = { copayCents: 0, coinsuranceBps: 0, deductibleCents: 0, deductibleMetCents: 0 };
      if (!selfPay) {
        const eligibility = await insurer.checkEligibility({
          payerId: encounter.payerId,
          memberId: encounter.memberId ?? encounter.patient.memberId,
          dateOfService,
        });
        benefits = {
          copayCents: eligibility.copayCents,
          coinsuranceBps: eligibility.coinsuranceBps,
          deductibleCents: eligibility.deductibleCents,
          deductibleMetCents: eligibility.deductibleMetCents,
        };
        await prisma.coverage.upsert({
          where: { patientId_payerId: { patientId: encounter.patientId, payerId: encounter.payerId } },
          create: {
            patientId: encounter.patientId,
            payerId: encounter.payerId,
            memberId: encounter.memberId ?? encounter.patient.memberId,
            ...benefits,
          },
          update: { ...benefits },
        });
      }
      const allowed = selfPay
        ? []
        : claim.lines.map((l) => feeSchedule.priceLine(encounter.payerId, l.code, l.modifiers, l.units).allowedCents);
      const responsibility = selfPay
        ? {
            chargeCents: claim.totalChargeCents,
            allowedCents: claim.totalChargeCents,
            copayCents: 0,
            deductibleAppliedCents: 0,
            coinsuranceCents: 0,
            patientOwesCents: claim.totalChargeCents,
            insuranceExpectedCents: 0,
          }
        : computePatientResponsibility(allowed, benefits, claim.totalChargeCents);
      const issuedAt = encounter.updatedAt;
      const document = buildPatientStatement({
        statementNumber: `S-${claim.claimNumber}`,
        claim: claim.payload as unknown as ClaimDocument,
        patient: patientInfo({ ...encounter.patient, memberId: encounter.memberId ?? encounter.patient.memberId }),
        responsibility,
        issuedOn: dateToDay(issuedAt),
        dueInDays: billing.statementDueDays,
        lineDescriptions: Object.fromEntries(codedProcedures.map((p) => [p.code, p.description])),
        notes: !selfPay
          ? []
          : encounter.financialClass === 'self_pay'
            ? ["Self-pay: priced from the clinic's self-pay price list; nothing was billed to an insurer."]
            : ['Your insurer did not authorize this service; you were informed before the service that you may be responsible for it.'],
      });
      const statement = await prisma.patientStatement.upsert({
        where: { encounterId },
        create: {
          encounterId,
          patientId: encounter.patientId,
          claimId,
          billedCents: responsibility.chargeCents,
          insuranceExpectedCents: responsibility.insuranceExpectedCents,
          patientOwesCents: responsibility.patientOwesCents,
          dueDate: new Date(document.dueDate),
          breakdown: document as unknown as Prisma.InputJsonValue,
        },
        update: {},
      });
      await startCycle(statement.id);
      return { statementId: statement.id, patientOwesCents: statement.patientOwesCents };
    },
  };
}
