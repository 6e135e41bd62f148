/**
 * The patient's statement from what the payer decided: the patient owes the PR adjustments of the
 * latest answer (net of reversals) of the claims named; the rest was paid or written off. One
 * computation for the statement issued after adjudication (activities/remittances.ts) and the one
 * reissued after a claim was sent back (activities/claim-corrections.ts).
 */
import { buildPatientStatement } from '../billing/statement.ts';
import { dateToDay } from '../domain/days.ts';
import type { ActivityDeps } from './deps.ts';
import type { loadBillingContext } from './billing.ts';
import { postedPayments, type PostedClaimPayment } from './posting.ts';

type BillingContext = Awaited<ReturnType<typeof loadBillingContext>>;

/** Coordination of benefits: this product bills the primary payer only, and says so. */
export function coordinationOfBenefitsOf(encounter: Pick<BillingContext, 'secondaryPayerId'>): string {
  return encounter.secondaryPayerId
    ? `a secondary payer (${encounter.secondaryPayerId}) is on file but was NOT billed: secondary (COB) claims are not sent yet; the patient's share is before any secondary payment`
    : "no secondary payer on file: the patient is billed the primary payer's patient responsibility";
}

export async function statementFromRemittance(
  prisma: ActivityDeps['prisma'],
  billing: ActivityDeps['billing'],
  encounter: BillingContext,
  claimNumbers: string[],
  coordinationOfBenefits: string,
) {
  const payments = await postedPayments(prisma, claimNumbers);
  const latest = new Map<string, PostedClaimPayment>();
  for (const payment of payments) if (payment.status !== '22') latest.set(payment.claimNumber, payment);
  const answer = [...latest.values()].at(-1);
  if (!answer) throw new Error('no remittance is posted for the claim: the statement waits for adjudication');
  // The answered claim (its number names this encounter) and the coded procedures' words, in one read.
  const {
    claims: [claim],
    codeAssignments: codedProcedures,
  } = await prisma.encounter.findUniqueOrThrow({
    where: { id: encounter.id },
    select: {
      claims: { where: { claimNumber: answer.claimNumber }, select: { id: true } },
      codeAssignments: { where: { kind: 'procedure' }, select: { code: true, description: true } },
    },
  });
  if (!claim) throw new Error("the answered claim is not this encounter's: the statement waits for a remittance of its own claim");
  const descriptions = Object.fromEntries(codedProcedures.map((p) => [p.code, p.description]));
  const sumPr = (reason?: string) =>
    answer.lines.reduce(
      (sum, l) =>
        sum +
        l.adjustments
          .filter((a) => a.group === 'PR' && (reason === undefined || a.reasonCode === reason))
          .reduce((s, a) => s + a.amountCents, 0),
      0,
    );
  const patientOwesCents = sumPr();
  const responsibility = {
    chargeCents: answer.chargeCents,
    copayCents: sumPr('3'),
    deductibleAppliedCents: sumPr('1'),
    coinsuranceCents: sumPr('2'),
    patientOwesCents,
    insuranceExpectedCents: answer.paidCents,
  };
  const notCovered = patientOwesCents - responsibility.copayCents - responsibility.deductibleAppliedCents - responsibility.coinsuranceCents;
  const p = encounter.patient;
  const remit = billing.remitTo;
  const issuedOn = dateToDay(new Date());
  const document = buildPatientStatement({
    statementNumber: `S-${answer.claimNumber}`,
    statementDate: issuedOn,
    dueInDays: billing.statementDueDays,
    patient: {
      fullName: `${p.firstName} ${p.lastName}`,
      accountNumber: p.externalId,
      ...(p.addressLine1 ? { address: `${p.addressLine1}, ${p.city ?? ''}, ${p.state ?? ''} ${p.postalCode ?? ''}`.trim() } : {}),
      ...(p.phone ? { phone: p.phone } : {}),
    },
    practice: { name: remit.name, address: `${remit.line1}, ${remit.city}, ${remit.state} ${remit.postalCode}`, phone: remit.phone },
    dateOfService: dateToDay(encounter.dateOfService),
    payerName: encounter.payer.name,
    claimNumber: answer.claimNumber,
    lines: answer.lines.map((l) => ({
      code: l.code,
      description: descriptions[l.code] ?? '',
      units: 1,
      chargeCents: l.chargeCents,
      allowedCents: l.paidCents + l.adjustments.filter((a) => a.group === 'PR').reduce((s, a) => s + a.amountCents, 0),
    })),
    responsibility,
    notes: [
      `Based on ${encounter.payer.name}'s remittance ${answer.traceNumber} of ${answer.paymentDate}: your share is what the plan assigned to you (deductible, coinsurance, copay${notCovered > 0 ? ', services not covered' : ''}).`,
      ...(notCovered > 0 ? [`Not covered by your plan: ${(notCovered / 100).toFixed(2)} USD.`] : []),
      coordinationOfBenefits.replace(/^./, (c) => c.toUpperCase()) + '.',
    ],
  });
  return { answer, claim, patientOwesCents, document };
}
