/**
 * Billing: price the lines, build the claim and submit it to the clearinghouse (the statement is in
 * statements.ts). Just over 300 lines because the claim's one-statement write (storeClaimOnce)
 * stays beside the submission that builds what it writes.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { PricedLine } from '../domain/billing.ts';
import type { PatientInfo, ProviderInfo, Sex } from '../domain/encounter.ts';
import { buildClaim } from '../billing/claim.ts';
import type { ClaimDocument } from '../billing/types.ts';
import { renderX12_837P } from '../billing/x12-837p.ts';
import type { ActivityDeps } from './deps.ts';
import { payerTermsOf, type PayerTerms } from './payer-terms.ts';
import { PATIENT_JSON, patientOf, readEncounterWith, writeTransitions, type CarriedTransitions, type TransitionRecord } from './records.ts';
import { claimWithPayerReason } from '../domain/claim-with-payer.ts';
import { codeAssignmentOf, revisionCodes } from './coding.ts';
import { SELF_PAY_PRICE_LIST } from '../billing/fee-schedule.ts';
import { dateToDay } from '../domain/days.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { sqlOf } from '../platform/sql.ts';

export interface SubmitClaimInput {
  encounterId: string;
  attempt: number;
  revision: number;
  authNumber?: string;
  /** Units per procedure code the insurer authorized (a partial authorization caps the lines). */
  authorizedUnits?: Record<string, number>;
  /** Billed to the patient after a denied authorization: no claim goes to the insurer. */
  billPatient: boolean;
  /** A replacement (frequency 7) of this earlier claim, referencing the payer's claim number (REF*F8). */
  replacesClaimId?: string;
  /** Corrected modifiers per procedure code (a biller's correction after a denial). */
  corrections?: Array<{ code: string; modifiers: string[] }>;
}

export interface SubmittedClaim {
  claimId: string;
  claimNumber: string;
  accepted: boolean;
  reasons: string[];
  /** The terms of the payer named by `payerTermsOf` (TRANSITIONS_CARRIED: the workflow asks with the claim instead of a payerTerms activity). */
  payerTerms?: PayerTerms;
}

/** The patient control number (X12 CLM01, at most 38 characters): one per encounter and attempt. */
export function claimNumberFor(encounterId: string, attempt: number): string {
  return `${encounterId.replace(/-/g, '').toUpperCase()}-${attempt}`;
}

/**
 * A partial authorization caps the units billed per code: the authorized units are shared by the
 * lines that bill the same code, in line order, and a line left with none is dropped.
 */
export function capToAuthorizedUnits<T extends { code: string; units: number }>(
  lines: readonly T[],
  authorizedUnits?: Record<string, number>,
): T[] {
  if (!authorizedUnits) return [...lines];
  const remaining = { ...authorizedUnits };
  const capped: T[] = [];
  for (const line of lines) {
    const left = remaining[line.code];
    if (left === undefined) {
      capped.push(line);
      continue;
    }
    const units = Math.min(line.units, left);
    remaining[line.code] = left - units;
    if (units > 0) capped.push({ ...line, units });
  }
  return capped;
}

/** A 9-digit interchange control number derived from the claim number, stable across retries. */
export function controlNumberFor(claimNumber: string): number {
  return (createHash('sha256').update(claimNumber).digest().readUInt32BE(0) % 999_999_999) + 1;
}

/** The encounter with the patient, rendering provider and payer a claim or statement names. */
export async function loadBillingContext(prisma: ActivityDeps['prisma'], encounterId: string) {
  return prisma.encounter.findUniqueOrThrow({ where: { id: encounterId }, include: { patient: true, provider: true, payer: true } });
}

export function patientInfo(p: {
  externalId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  sex: string;
  memberId: string;
}): PatientInfo {
  return {
    externalId: p.externalId,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: dateToDay(p.dateOfBirth),
    sex: p.sex as Sex,
    memberId: p.memberId,
  };
}

/** The claim (external: runs under the workflow's external-party policy). */
export function createBillingActivities({
  prisma,
  feeSchedule,
  clearinghouse,
  billing,
  payers,
}: Pick<ActivityDeps, 'prisma' | 'feeSchedule' | 'clearinghouse' | 'billing' | 'payers'>) {
  return {
    /**
     * Writes the carried transitions (the move to billing), submits the claim, says the payer's
     * terms when asked, and once the clearinghouse accepted the claim writes `awaitingIfAccepted`
     * (CLAIM_CARRIES_AWAITING: the move to awaiting_remittance, its reason naming the claim).
     */
    async submitClaim(
      input: SubmitClaimInput & CarriedTransitions & { payerTermsOf?: string; awaitingIfAccepted?: TransitionRecord },
    ): Promise<SubmittedClaim> {
      const claim = await submit(input);
      if (claim.accepted && input.awaitingIfAccepted) {
        await writeTransitions(prisma, [{ ...input.awaitingIfAccepted, reason: claimWithPayerReason(claim.claimNumber) }]);
      }
      return input.payerTermsOf === undefined ? claim : { ...claim, payerTerms: payerTermsOf(payers, input.payerTermsOf) };
    },
  };

  async function submit(input: SubmitClaimInput & CarriedTransitions): Promise<SubmittedClaim> {
    const claimNumber = claimNumberFor(input.encounterId, input.attempt);
    // One statement: the carried transitions, the billing context, a claim stored by an earlier attempt, the revision's codes.
    const read = await readEncounterWith<{
      patient: Record<string, unknown>;
      provider: ProviderInfo;
      payerName: string;
      existing: { id: string; ackStatus: string | null; ackReasons: unknown } | null;
      codeAssignments: Array<Record<string, unknown>>;
    }>(prisma, input.encounterId, input.transitions, [
      PATIENT_JSON,
      Prisma.sql`(SELECT jsonb_build_object('npi', pr."npi", 'name', pr."name", 'taxonomy', pr."taxonomy") FROM "Provider" pr WHERE pr."id" = e."providerId") AS "provider"`,
      Prisma.sql`(SELECT py."name" FROM "Payer" py WHERE py."id" = e."payerId") AS "payerName"`,
      Prisma.sql`(SELECT jsonb_build_object('id', c."id", 'ackStatus', c."ackStatus", 'ackReasons', c."ackReasons") FROM "Claim" c
                  WHERE c."encounterId" = e."id" AND c."claimNumber" = ${claimNumber}) AS "existing"`,
      Prisma.sql`COALESCE((SELECT jsonb_agg(to_jsonb(ca) ORDER BY ca."kind", ca."sequence") FROM "CodeAssignment" ca
                  WHERE ca."encounterId" = e."id" AND ca."revision" = ${input.revision}), '[]') AS "codeAssignments"`,
    ]);
    if (read === undefined) throw new Error(`encounter ${input.encounterId} not found`);
    const { existing, codeAssignments, payerName, ...rest } = read;
    const encounter = { ...rest, patient: patientOf(read.patient), payer: { name: payerName } };
    if (existing?.ackStatus) {
      return {
        claimId: existing.id,
        claimNumber,
        accepted: existing.ackStatus !== 'rejected',
        reasons: (existing.ackReasons as string[] | null) ?? [],
      };
    }
    // A self-pay encounter (switched by a biller) is priced from the self-pay list and never claimed.
    const selfPay = encounter.financialClass === 'self_pay';
    if (selfPay) input = { ...input, billPatient: true };
    const priceList = selfPay ? SELF_PAY_PRICE_LIST : encounter.payerId;
    const { diagnoses, procedures } = revisionCodes(codeAssignments.map(codeAssignmentOf));
    const lines: PricedLine[] = capToAuthorizedUnits(procedures, input.authorizedUnits).map((p) => {
      const price = feeSchedule.priceLine(priceList, p.code, p.modifiers, p.units);
      return {
        code: p.code,
        modifiers: p.modifiers,
        units: p.units,
        diagnosisPointers: p.diagnosisPointers,
        unitPriceCents: price.unitPriceCents,
        chargeCents: price.chargeCents,
      };
    });
    const dateOfService = dateToDay(encounter.dateOfService);
    const renderingProvider: ProviderInfo = {
      npi: encounter.provider.npi,
      name: encounter.provider.name,
      taxonomy: encounter.provider.taxonomy,
    };
    const replaced = input.replacesClaimId ? await prisma.claim.findUniqueOrThrow({ where: { id: input.replacesClaimId } }) : undefined;
    for (const line of lines) {
      const corrected = input.corrections?.find((c) => c.code === line.code);
      if (corrected) line.modifiers = [...corrected.modifiers];
    }
    const built: ClaimDocument = buildClaim({
      claimNumber,
      payerId: encounter.payerId,
      payerName: encounter.payer.name,
      billingProvider: billing.billingProvider,
      renderingProvider,
      patient: patientInfo({ ...encounter.patient, memberId: encounter.memberId ?? encounter.patient.memberId }),
      placeOfService: encounter.placeOfService,
      dateOfService,
      diagnosisCodes: diagnoses.map((d) => d.code),
      lines,
      priorAuthorizationRequired: input.authNumber !== undefined,
      priorAuthorizationNumber: input.authNumber,
    });
    const p = encounter.patient;
    const claim: ClaimDocument = {
      ...built,
      // 2010BA N3/N4: the patient is the subscriber.
      subscriber:
        p.addressLine1 && p.city && p.state && p.postalCode
          ? { ...built.subscriber, address: { line1: p.addressLine1, city: p.city, state: p.state, postalCode: p.postalCode } }
          : built.subscriber,
      ...(replaced ? { frequencyCode: '7' as const, originalReference: replaced.payerClaimNumber ?? replaced.claimNumber } : {}),
    };
    const x12 = renderX12_837P(claim, {
      senderId: billing.senderId,
      receiverId: billing.receiverId,
      controlNumber: controlNumberFor(claimNumber),
      date: encounter.createdAt,
    });
    // A claim stored by an earlier attempt that died before the clearinghouse answered is sent as stored.
    const stored = existing ?? (await storeClaim(input, claimNumber, claim, x12, lines, replaced?.id));
    if (input.billPatient) {
      await prisma.claim.update({ where: { id: stored.id }, data: { ackStatus: 'not_submitted' } });
      return { claimId: stored.id, claimNumber, accepted: true, reasons: [] };
    }
    const ack = await clearinghouse.submitClaim(claim, x12);
    const reasons = ack.rejections.map((r) => `${r.code} (${r.field}): ${r.message}`);
    // Raw: Prisma's update reads the whole claim back (its payload and X12 text) to answer it.
    await sqlOf(prisma).execute(Prisma.sql`
      UPDATE "Claim" SET "status" = ${ack.status === 'accepted' ? 'submitted' : 'rejected'}, "ackStatus" = ${ack.status},
        "ackReasons" = ${JSON.stringify(reasons)}::jsonb, "submittedAt" = ${new Date(ack.receivedAt)}, "updatedAt" = now()
      WHERE "id" = ${stored.id}`);
    return { claimId: stored.id, claimNumber, accepted: ack.status === 'accepted', reasons };
  }

  function storeClaim(
    input: SubmitClaimInput,
    claimNumber: string,
    claim: ClaimDocument,
    x12: string,
    lines: PricedLine[],
    replacesClaimId: string | undefined,
  ): Promise<{ id: string }> {
    return storeClaimOnce(prisma, {
      encounterId: input.encounterId,
      claimNumber,
      status: input.billPatient ? 'patient_responsibility' : 'built',
      totalChargeCents: claim.totalChargeCents,
      priorAuthNumber: input.authNumber ?? null,
      frequencyCode: claim.frequencyCode ?? '1',
      replacesClaimId: replacesClaimId ?? null,
      payload: claim,
      x12,
      lines: claim.lines.map((l, i) => ({
        lineNumber: l.lineNumber,
        code: l.code,
        modifiers: l.modifiers,
        units: l.units,
        diagnosisPointers: l.diagnosisPointers,
        unitPriceCents: lines[i]?.unitPriceCents ?? 0,
        chargeCents: l.chargeCents,
      })),
    });
  }
}

/** A claim as storeClaimOnce writes it (the columns of Claim and its ClaimLine rows). */
export interface ClaimRow {
  encounterId: string;
  claimNumber: string;
  status: string;
  totalChargeCents: number;
  priorAuthNumber: string | null;
  frequencyCode: string;
  replacesClaimId: string | null;
  payload: ClaimDocument;
  x12: string;
  lines: Array<{
    lineNumber: number;
    code: string;
    modifiers: string[];
    units: number;
    diagnosisPointers: number[];
    unitPriceCents: number;
    chargeCents: number;
  }>;
}

/**
 * The claim and its lines, all or none, in ONE statement (a data-modifying CTE; one statement is
 * one transaction): the lines are inserted only with the claim, so an attempt that finds the claim
 * number taken (an earlier attempt stored it) writes nothing and reads the stored claim's id.
 * Before, Prisma's batched transaction of two createMany calls sent BEGIN, two INSERTs and COMMIT,
 * and compiled a query plan for each createMany at every call (activities/raw-insert.ts).
 */
export async function storeClaimOnce(prisma: ActivityDeps['prisma'], row: ClaimRow): Promise<{ id: string }> {
  const [stored] = await sqlOf(prisma).query<{ id: string }>(Prisma.sql`
    WITH claim AS (
      INSERT INTO "Claim" ("id", "encounterId", "claimNumber", "status", "totalChargeCents", "priorAuthNumber", "frequencyCode",
                           "replacesClaimId", "payload", "x12", "updatedAt")
      VALUES (${randomUUID()}, ${row.encounterId}, ${row.claimNumber}, ${row.status}, ${row.totalChargeCents}, ${row.priorAuthNumber},
              ${row.frequencyCode}, ${row.replacesClaimId}, ${JSON.stringify(row.payload)}::jsonb, ${row.x12}, now())
      ON CONFLICT DO NOTHING
      RETURNING "id"
    ), lines AS (
      INSERT INTO "ClaimLine" ("id", "claimId", "lineNumber", "code", "modifiers", "units", "diagnosisPointers", "unitPriceCents", "chargeCents")
      SELECT gen_random_uuid()::text, claim."id", l."lineNumber", l."code", l."modifiers", l."units", l."diagnosisPointers", l."unitPriceCents", l."chargeCents"
      FROM claim, jsonb_to_recordset(${JSON.stringify(row.lines)}::jsonb) AS l(
        "lineNumber" int, "code" text, "modifiers" text[], "units" int, "diagnosisPointers" int[], "unitPriceCents" int, "chargeCents" int)
    )
    SELECT "id" FROM claim`);
  return stored ?? prisma.claim.findUniqueOrThrow({ where: { claimNumber: row.claimNumber }, select: { id: true } });
}
