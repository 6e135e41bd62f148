/**
 * After the claim: collecting and posting the payer's remittances, claim status inquiries
 * (276/277), denial work items, appeals with their documents, and the patient's statement from
 * what the payer actually decided (the PR adjustments), never from the fee-schedule estimate.
 *
 * Over 300 lines because everything after the claim reads the same claim, payer terms and postings;
 * posting itself is in activities/posting.ts.
 */
import { randomUUID } from 'node:crypto';
import { Prisma, type PatientStatement } from '../generated/prisma/client.ts';
import { sqlOf } from '../platform/sql.ts';
import { dateToDay } from '../domain/days.ts';
import { coordinationOfBenefitsOf, readStatementBasis, statementFromRemittance } from './remittance-statement.ts';
import { ExternalPartyRejectedError } from '../integrations/errors.ts';
import type { ActivityDeps } from './deps.ts';
import { insertOnce } from './insert-once.ts';
import { insertRows, insertRowsReturning } from './raw-insert.ts';
import { writeTransitions, type CarriedTransitions } from './records.ts';
import { loadBillingContext } from './billing.ts';
import { postRemittanceFile, postedPayments } from './posting.ts';
import { startStatementCycleFromActivity } from '../payments/statement-cycle-start.ts';
import type { PostedClaimPayment } from './posting.ts';
import { payerTermsOf, type PayerTerms } from './payer-terms.ts';

export type { PayerTerms } from './payer-terms.ts';

export interface RemittanceCollection {
  forwardedToPayer: boolean;
  /** The payer's own acknowledgement (277CA) once the claim reached it. */
  payerAcknowledgement?: { status: 'accepted' | 'rejected'; reasons: string[] };
  /** Every payment posted for the claim, oldest first (already known ones included). */
  payments: PostedClaimPayment[];
  /** Deliveries that repeated a remittance already posted (counted, not posted again). */
  duplicateDeliveries: number;
}

export interface ClaimStatusAnswer {
  category: string;
  statusCode: string;
  words: string;
}

export interface OpenDenial {
  denialId: string;
  lineNumber: number;
  code: string;
  chargeCents: number;
  reasons: string[];
}

export function createRemittanceInternalActivities({
  prisma,
  payers,
  billing,
  statementCycle,
}: Pick<ActivityDeps, 'prisma' | 'payers' | 'billing' | 'statementCycle'>) {
  return {
    /** The payer directory's limits (filing, appeal, follow-up), read when the claim goes out. */
    async payerTerms({ payerId }: { payerId: string }): Promise<PayerTerms> {
      return payerTermsOf(payers, payerId);
    },

    /** One work item per denied line of a posted claim payment, with the payer's reasons in words. */
    async openDenials(input: { encounterId: string; claimId: string; claimPaymentId: string; appealDueAt: string }): Promise<OpenDenial[]> {
      const row = await prisma.claimPayment.findUniqueOrThrow({ where: { id: input.claimPaymentId }, select: { claimNumber: true } });
      const posted = (await postedPayments(prisma, [row.claimNumber])).find((p) => p.claimPaymentId === input.claimPaymentId)!;
      const open: OpenDenial[] = [];
      for (const line of posted.lines.filter((l) => l.denied)) {
        const reasons = [
          ...line.adjustments.filter((a) => a.amountCents > 0).map((a) => a.words),
          ...line.remarks.map((r) => `${r.code}: ${r.words}`),
        ];
        const denial = await prisma.denial.upsert({
          where: { claimPaymentId_lineNumber: { claimPaymentId: input.claimPaymentId, lineNumber: line.lineNumber } },
          create: {
            encounterId: input.encounterId,
            claimId: input.claimId,
            claimPaymentId: input.claimPaymentId,
            lineNumber: line.lineNumber,
            code: line.code,
            chargeCents: line.chargeCents,
            reasons: { adjustments: line.adjustments, remarks: line.remarks, words: reasons } as unknown as Prisma.InputJsonValue,
            appealDueAt: new Date(input.appealDueAt),
          },
          update: {},
        });
        open.push({ denialId: denial.id, lineNumber: line.lineNumber, code: line.code, chargeCents: line.chargeCents, reasons });
      }
      return open;
    },

    /** Records what became of denial work items (resubmitted, written off, escalated, resolved by a later remittance). */
    async resolveDenials(input: { denialIds: string[]; status: string; actor: string; resolution: Prisma.InputJsonValue }): Promise<void> {
      await prisma.denial.updateMany({
        where: { id: { in: input.denialIds } },
        data: { status: input.status, resolution: input.resolution, resolvedBy: input.actor, resolvedAt: new Date() },
      });
    },

    /**
     * The patient's statement from the remittances: the patient owes the PR adjustments (net of
     * reversals) of the claims' latest answers; the rest was paid or written off. Issued once.
     * The carried transition (the move to billed) is written once the statement is stored.
     */
    async issueStatementFromRemittance(
      input: { encounterId: string; claimNumbers: string[] } & CarriedTransitions,
    ): Promise<{ statementId: string; patientOwesCents: number; coordinationOfBenefits: string }> {
      // One statement: the billing context, a statement stored by an earlier attempt, the payments posted, the claims, the procedures' words.
      const basis = await readStatementBasis(prisma, input.encounterId, input.claimNumbers);
      const { encounter, existing } = basis;
      const coordinationOfBenefits = coordinationOfBenefitsOf(encounter);
      if (existing) {
        // A retry after the statement was stored: its cycle may not have started yet.
        await startStatementCycleFromActivity(statementCycle, existing.id);
        await writeTransitions(prisma, input.transitions);
        return { statementId: existing.id, patientOwesCents: existing.patientOwesCents, coordinationOfBenefits };
      }
      const { answer, claim, patientOwesCents, document } = statementFromRemittance(billing, basis, coordinationOfBenefits);
      const statement = await insertOnce(
        () =>
          insertRowsReturning<PatientStatement>(
            prisma,
            'PatientStatement',
            [
              {
                id: randomUUID(),
                encounterId: input.encounterId,
                patientId: encounter.patientId,
                claimId: claim.id,
                billedCents: answer.chargeCents,
                insuranceExpectedCents: answer.paidCents,
                patientOwesCents,
                dueDate: new Date(document.dueDate),
                breakdown: JSON.stringify(document),
                basis: 'remittance',
              },
            ],
            { onConflictDoNothing: true },
          ),
        () => prisma.patientStatement.findUniqueOrThrow({ where: { encounterId: input.encounterId } }),
      );
      // The statement's cycle (reminders, final notice) starts with it.
      await startStatementCycleFromActivity(statementCycle, statement.id);
      await writeTransitions(prisma, input.transitions);
      return { statementId: statement.id, patientOwesCents: statement.patientOwesCents, coordinationOfBenefits };
    },
  };
}

/**
 * The payer's acknowledgement (277CA) as the claim's status event, keyed once per claim, and the
 * payer's claim number on the claim when it has none yet: one statement (a CTE), not two.
 */
async function recordPayerAcknowledgement(
  prisma: ActivityDeps['prisma'],
  ack: { claimId: string; category: string; words: string; at: Date; payerClaimNumber: string | null },
): Promise<void> {
  await sqlOf(prisma).execute(Prisma.sql`
    WITH acknowledged AS (
      INSERT INTO "ClaimStatusEvent" ("id", "claimId", "source", "category", "words", "at", "key")
      VALUES (gen_random_uuid()::text, ${ack.claimId}, 'payer-acknowledgement', ${ack.category}, ${ack.words}, ${ack.at}, ${`payer-acknowledgement:${ack.claimId}`})
      ON CONFLICT ("key") DO NOTHING
    )
    UPDATE "Claim" SET "payerClaimNumber" = ${ack.payerClaimNumber}, "updatedAt" = now()
    WHERE "id" = ${ack.claimId} AND "payerClaimNumber" IS NULL AND ${ack.payerClaimNumber}::text IS NOT NULL`);
}

export function createRemittanceExternalActivities({
  prisma,
  clearinghouse,
  insurer,
}: Pick<ActivityDeps, 'prisma' | 'clearinghouse' | 'insurer'>) {
  return {
    /** Reads the clearinghouse about a claim: the payer's acknowledgement and the 835s in the mailbox, each posted once. */
    async collectRemittances(
      input: { encounterId: string; claimId: string; claimNumber: string } & CarriedTransitions,
    ): Promise<RemittanceCollection> {
      await writeTransitions(prisma, input.transitions);
      let forwardedToPayer = false;
      let payerAcknowledgement: RemittanceCollection['payerAcknowledgement'];
      try {
        const tracking = await clearinghouse.trackClaim(input.claimNumber);
        forwardedToPayer = tracking.forwardedToPayer;
        if (tracking.payerAcknowledgement) {
          const ack = tracking.payerAcknowledgement;
          payerAcknowledgement = { status: ack.status, reasons: ack.reasons.map((r) => `${r.code}: ${r.message}`) };
          // Once per claim (unique key) with the payer's claim number, in one statement: every later poll finds both there.
          await recordPayerAcknowledgement(prisma, {
            claimId: input.claimId,
            category: ack.claimStatusCategory,
            words:
              ack.status === 'accepted'
                ? 'the payer accepted the claim into adjudication'
                : `the payer returned the claim: ${payerAcknowledgement.reasons.join('; ')}`,
            at: new Date(ack.receivedAt),
            payerClaimNumber: ack.payerClaimNumber ?? null,
          });
        }
      } catch (err) {
        // 404: the clearinghouse has not forwarded it (it keeps only accepted claims); anything else is retried.
        if (!(err instanceof ExternalPartyRejectedError && err.status === 404)) throw err;
      }
      let duplicateDeliveries = 0;
      for (const delivered of await clearinghouse.fetchRemittances(input.claimNumber)) {
        const outcomes = await postRemittanceFile(prisma, delivered.x12, { deliveryId: delivered.deliveryId });
        duplicateDeliveries += outcomes.filter((o) => o.duplicate).length;
      }
      const collection: RemittanceCollection = {
        forwardedToPayer,
        payments: await postedPayments(prisma, [input.claimNumber]),
        duplicateDeliveries,
      };
      if (payerAcknowledgement) collection.payerAcknowledgement = payerAcknowledgement;
      return collection;
    },

    /** A claim status inquiry (276) through the clearinghouse; the 277 answer joins the claim's status history. */
    async inquireClaimStatus(input: {
      encounterId: string;
      claimId: string;
      claimNumber: string;
      inquiry: number;
    }): Promise<ClaimStatusAnswer> {
      const encounter = await loadBillingContext(prisma, input.encounterId);
      const claim = await prisma.claim.findUniqueOrThrow({ where: { id: input.claimId } });
      const answer = await clearinghouse.inquireClaimStatus({
        claimNumber: input.claimNumber,
        payerId: encounter.payerId,
        memberId: encounter.memberId ?? encounter.patient.memberId,
        dateOfService: dateToDay(encounter.dateOfService),
        chargeCents: claim.totalChargeCents,
      });
      const key = `status-inquiry:${input.claimId}:${input.inquiry}`;
      await insertRows(
        prisma,
        'ClaimStatusEvent',
        [
          {
            id: randomUUID(),
            claimId: input.claimId,
            source: 'status-inquiry',
            category: answer.category,
            words: `277 ${answer.category}/${answer.statusCode}: ${answer.words}`,
            at: new Date(answer.asOf),
            key,
          },
        ],
        { onConflictDoNothing: true },
      );
      return { category: answer.category, statusCode: answer.statusCode, words: answer.words };
    },

    /** Files an appeal of denied lines with the biller's documents (read from the database, never from workflow history). */
    async fileAppeal(input: {
      encounterId: string;
      claimId: string;
      denialIds: string[];
      reason: string;
      attachmentIds: string[];
      appeal: number;
      /** The claim's lines to look at again when no denial names them (an appeal of a billed claim). */
      lineNumbers?: number[];
    }): Promise<{ appealReference: string }> {
      const encounter = await loadBillingContext(prisma, input.encounterId);
      const claim = await prisma.claim.findUniqueOrThrow({ where: { id: input.claimId } });
      const denials = await prisma.denial.findMany({ where: { id: { in: input.denialIds } } });
      const attachments = await prisma.attachment.findMany({ where: { id: { in: input.attachmentIds }, encounterId: input.encounterId } });
      const receipt = await insurer.fileAppeal(
        {
          payerId: encounter.payerId,
          claimNumber: claim.claimNumber,
          payerClaimNumber: claim.payerClaimNumber ?? '',
          lineNumbers: denials.length > 0 ? denials.map((d) => d.lineNumber) : (input.lineNumbers ?? []),
          reason: input.reason,
          documents: attachments.map((a) => ({
            id: a.id,
            filename: a.filename,
            contentType: a.contentType as 'application/pdf',
            sha256: a.sha256,
            contentBase64: Buffer.from(a.content).toString('base64'),
          })),
        },
        `${input.claimId}:appeal:${input.appeal}`,
      );
      await prisma.denial.updateMany({
        where: { id: { in: input.denialIds } },
        data: { status: 'appealed', appealReference: receipt.appealReference },
      });
      return { appealReference: receipt.appealReference };
    },
  };
}
