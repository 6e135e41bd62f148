/**
 * The patient's statement from what the payer decided: the patient owes the PR adjustments of the
 * latest answer (net of reversals) of the claims named; the rest was paid or written off. One
 * computation for the statement issued after adjudication (activities/remittances.ts) and the one
 * reissued after a claim was sent back (activities/claim-corrections.ts).
 */
import { buildPatientStatement } from '../billing/statement.ts';
import { dateToDay } from '../domain/days.ts';
import { Prisma, type Patient, type PatientStatement } from '../generated/prisma/client.ts';
import type { ActivityDeps } from './deps.ts';
import { postedPaymentsJson, postedPaymentsOf, type PostedClaimPayment, type PostedPaymentRow } from './posting.ts';
import { PATIENT_JSON, patientOf, readEncounterWith } from './records.ts';

/**
 * What a statement from the remittance is made of, read in ONE statement (records.ts'
 * readEncounterWith, node-postgres): the encounter with its patient and payer's name, a statement
 * stored by an earlier attempt, the payments posted for the claims named, those claims (their
 * numbers name this encounter's) and the coded procedures' words. Before: Prisma's read of the
 * encounter, the posted payments, and Prisma's read of the claim and the codes, three statements.
 */
export interface StatementBasis {
  encounter: {
    id: string;
    patientId: string;
    dateOfService: Date;
    secondaryPayerId: string | null;
    patient: Patient;
    payer: { name: string };
  };
  existing: Pick<PatientStatement, 'id' | 'patientOwesCents'> | null;
  payments: PostedClaimPayment[];
  /** This encounter's claims among the numbers asked for. */
  claims: Array<{ id: string; claimNumber: string }>;
  /** The coded procedures' words by code. */
  descriptions: Record<string, string>;
}

export async function readStatementBasis(
  prisma: ActivityDeps['prisma'],
  encounterId: string,
  claimNumbers: string[],
): Promise<StatementBasis> {
  const read = await readEncounterWith<{
    patient: Record<string, unknown>;
    payerName: string;
    existing: { id: string; patientOwesCents: number } | null;
    payments: PostedPaymentRow[];
    claims: Array<{ id: string; claimNumber: string }>;
    procedures: Array<{ code: string; description: string }>;
  }>(
    prisma,
    encounterId,
    [],
    [
      PATIENT_JSON,
      Prisma.sql`(SELECT py."name" FROM "Payer" py WHERE py."id" = e."payerId") AS "payerName"`,
      Prisma.sql`(SELECT jsonb_build_object('id', s."id", 'patientOwesCents', s."patientOwesCents") FROM "PatientStatement" s WHERE s."encounterId" = e."id") AS "existing"`,
      Prisma.sql`${postedPaymentsJson(claimNumbers)} AS "payments"`,
      Prisma.sql`COALESCE((SELECT jsonb_agg(jsonb_build_object('id', c."id", 'claimNumber', c."claimNumber")) FROM "Claim" c
                WHERE c."encounterId" = e."id" AND c."claimNumber" = ANY(${claimNumbers}::text[])), '[]') AS "claims"`,
      Prisma.sql`COALESCE((SELECT jsonb_agg(jsonb_build_object('code', ca."code", 'description', ca."description")) FROM "CodeAssignment" ca
                WHERE ca."encounterId" = e."id" AND ca."kind" = 'procedure'), '[]') AS "procedures"`,
    ],
  );
  if (read === undefined) throw new Error(`encounter ${encounterId} not found`);
  return {
    encounter: {
      id: read.id,
      patientId: read.patientId,
      dateOfService: read.dateOfService,
      secondaryPayerId: read.secondaryPayerId,
      patient: patientOf(read.patient),
      payer: { name: read.payerName },
    },
    existing: read.existing,
    payments: postedPaymentsOf(read.payments),
    claims: read.claims,
    descriptions: Object.fromEntries(read.procedures.map((p) => [p.code, p.description])),
  };
}

/** Coordination of benefits: this product bills the primary payer only, and says so. */
export function coordinationOfBenefitsOf(encounter: Pick<StatementBasis['encounter'], 'secondaryPayerId'>): string {
  return encounter.secondaryPayerId
    ? `a secondary payer (${encounter.secondaryPayerId}) is on file but was NOT billed: secondary (COB) claims are not sent yet; the patient's share is before any secondary payment`
    : "no secondary payer on file: the patient is billed the primary payer's patient responsibility";
}

export function statementFromRemittance(billing: ActivityDeps['billing'], basis: StatementBasis, coordinationOfBenefits: string) {
  const { encounter, payments } = basis;
  const latest = new Map<string, PostedClaimPayment>();
  for (const payment of payments) if (payment.status !== '22') latest.set(payment.claimNumber, payment);
  const answer = [...latest.values()].at(-1);
  if (!answer) throw new Error('no remittance is posted for the claim: the statement waits for adjudication');
  // The answered claim: its number names this encounter.
  const claim = basis.claims.find((c) => c.claimNumber === answer.claimNumber);
  if (!claim) throw new Error("the answered claim is not this encounter's: the statement waits for a remittance of its own claim");
  const { descriptions } = basis;
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
