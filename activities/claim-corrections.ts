/**
 * The claim-correction workflow's activities (workflows/claim-correction.ts): a billed encounter's
 * claim sent back to the payer after a patient's question. What to send (read once, recorded in
 * history), each step recorded on the correction's row and told in the question's conversation
 * (keyed: a retry writes nothing twice), and the statement reissued from the payer's new answer —
 * the same computation as the first statement (activities/remittance-statement.ts), a refund work
 * item for what the patient has now overpaid. The claim itself, the mailbox and the appeal are the
 * encounter's own activities (submitClaim, collectRemittances, fileAppeal). The step that ends the
 * correction (statement reissued, or handed to a supervisor) ends its dunning hold and wakes the
 * statement's cycle, which goes on from the new balance (payments/statement-cycle-wake.ts); a cycle
 * that had already ended paid is started again when the reissue left a balance.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import { statementBalance } from '../payments/balance.ts';
import { renewPaidStatementCycleFromActivity, type CycleRenewal } from '../payments/statement-cycle-start.ts';
import { wakeStatementCycleFromActivity } from '../payments/statement-cycle-wake.ts';
import type { ActivityDeps } from './deps.ts';
import { payerTermsOf, type PayerTerms } from './payer-terms.ts';
import { postedPayments } from './posting.ts';
import { coordinationOfBenefitsOf, readStatementBasis, statementFromRemittance } from './remittance-statement.ts';

export type ClaimCorrectionStatus = 'submitted' | 'appealed' | 'completed' | 'rejected' | 'overdue';

export interface ClaimCorrectionPlan {
  encounterId: string;
  statementId: string;
  questionId: string | null;
  action: 'resubmit' | 'appeal';
  reason: string;
  corrections: Array<{ code: string; modifiers: string[] }>;
  attachmentIds: string[];
  actor: string;
  /** The claim sent back: the one the statement was issued from. */
  claim: { claimId: string; claimNumber: string };
  /** The replacement's attempt number (after every claim of the encounter) and coding revision. */
  attempt: number;
  revision: number;
  authNumber?: string;
  /** The claim's lines (an appeal asks the payer to look at all of them again). */
  lineNumbers: number[];
  /** Payments already posted for the claim: the payer's new answer is one not among them. */
  knownPaymentIds: string[];
  /** The appeal's number for the payer's idempotency key (after the encounter's own appeals). */
  appeal: number;
  terms: PayerTerms;
}

export interface ReissuedStatement {
  previousOwesCents: number;
  patientOwesCents: number;
  insurancePaidCents: number;
  balanceCents: number;
  refundCents: number;
}

const attemptOf = (claimNumber: string) => Number.parseInt(claimNumber.split('-').at(-1) ?? '0', 10) || 0;
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** A message from the billing office on the question, written once per key (with its audit row). */
async function tellPatient(
  prisma: ActivityDeps['prisma'],
  correction: { id: string; encounterId: string; questionId: string | null; statementId: string },
  step: string,
  text: string,
): Promise<void> {
  const idempotencyKey = `claim-correction:${correction.id}:told:${step}`;
  await prisma.$transaction(async (tx) => {
    if ((await tx.auditEvent.count({ where: { idempotencyKey } })) > 0) return;
    if (correction.questionId !== null) {
      await tx.patientQuestionMessage.create({
        data: { questionId: correction.questionId, authorRole: 'biller', author: 'encounterflow', body: text },
      });
    }
    await tx.auditEvent.create({
      data: {
        encounterId: correction.encounterId,
        actor: 'encounterflow',
        role: 'system',
        action: `claim_correction:${step}`,
        detail: { correctionId: correction.id, statementId: correction.statementId, questionId: correction.questionId },
        idempotencyKey,
      },
    });
  });
}

export function createClaimCorrectionActivities({
  prisma,
  payers,
  billing,
  messageProof,
  statementCycle,
}: Pick<ActivityDeps, 'prisma' | 'payers' | 'billing' | 'messageProof' | 'statementCycle'>) {
  return {
    /** What the correction sends, read once: the claim the statement came from, the next attempt, the payments known. */
    async prepareClaimCorrection({ correctionId }: { correctionId: string }): Promise<ClaimCorrectionPlan> {
      const correction = await prisma.claimCorrection.findUniqueOrThrow({ where: { id: correctionId } });
      const statement = await prisma.patientStatement.findUniqueOrThrow({
        where: { id: correction.statementId },
        include: { claim: { include: { lines: { select: { lineNumber: true } } } } },
      });
      const encounter = await prisma.encounter.findUniqueOrThrow({ where: { id: correction.encounterId }, select: { payerId: true } });
      const claims = await prisma.claim.findMany({ where: { encounterId: correction.encounterId }, select: { claimNumber: true } });
      const revision = await prisma.codeAssignment.aggregate({ where: { encounterId: correction.encounterId }, _max: { revision: true } });
      const earlier = await prisma.claimCorrection.count({
        where: { encounterId: correction.encounterId, createdAt: { lte: correction.createdAt } },
      });
      const claim = statement.claim;
      await prisma.claimCorrection.update({ where: { id: correctionId }, data: { claimNumber: claim.claimNumber } });
      return {
        encounterId: correction.encounterId,
        statementId: correction.statementId,
        questionId: correction.questionId,
        action: correction.action as ClaimCorrectionPlan['action'],
        reason: correction.reason,
        corrections: correction.corrections as ClaimCorrectionPlan['corrections'],
        attachmentIds: correction.attachmentIds,
        actor: correction.requestedBy,
        claim: { claimId: claim.id, claimNumber: claim.claimNumber },
        attempt: Math.max(0, ...claims.map((c) => attemptOf(c.claimNumber))) + 1,
        revision: revision._max.revision ?? 1,
        ...(claim.priorAuthNumber ? { authNumber: claim.priorAuthNumber } : {}),
        lineNumbers: claim.lines.map((l) => l.lineNumber).sort((a, b) => a - b),
        knownPaymentIds: (await postedPayments(prisma, [claim.claimNumber])).map((p) => p.claimPaymentId),
        // The encounter's own appeals are numbered from 1; a correction's from 100.
        appeal: 100 + earlier,
        terms: payerTermsOf(payers, encounter.payerId),
      };
    },

    /** A step of the correction: its status on the row, and what happened in the question's conversation. */
    async recordClaimCorrectionStep(input: {
      correctionId: string;
      status: ClaimCorrectionStatus;
      replacementClaimNumber?: string;
      note?: string;
      /** What the patient reads (none: the row only). */
      message?: string;
    }): Promise<void> {
      const correction = await prisma.claimCorrection.update({
        where: { id: input.correctionId },
        data: {
          status: input.status,
          ...(input.replacementClaimNumber !== undefined ? { replacementClaimNumber: input.replacementClaimNumber } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...(input.status === 'rejected' || input.status === 'overdue' ? { finishedAt: new Date() } : {}),
        },
      });
      if (input.message !== undefined) await tellPatient(prisma, correction, input.status, input.message);
      // The correction is no longer in flight: its dunning hold has ended.
      if (input.status === 'rejected' || input.status === 'overdue') {
        await wakeStatementCycleFromActivity(messageProof, correction.statementId, 'claim_correction');
      }
    },

    /**
     * The statement again from the payer's new answer (the replacement's, or the appealed claim's
     * latest): what the patient owes now, the document reissued with a new issue date, the balance
     * after what the patient paid, and a refund work item per payment for any overpayment. Once:
     * a retry after the row was completed reads what was stored.
     */
    async reissueStatementAfterCorrection(input: { correctionId: string; claimNumber: string }): Promise<ReissuedStatement> {
      const correction = await prisma.claimCorrection.findUniqueOrThrow({ where: { id: input.correctionId } });
      const basis = await readStatementBasis(prisma, correction.encounterId, [input.claimNumber]);
      const built = statementFromRemittance(billing, basis, coordinationOfBenefitsOf(basis.encounter));
      const result = await prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "PatientStatement" WHERE "id" = ${correction.statementId} FOR UPDATE`;
        const current = await tx.claimCorrection.findUniqueOrThrow({ where: { id: correction.id } });
        if (current.status === 'completed') {
          const balance = (await statementBalance(tx, correction.statementId))!;
          return {
            previousOwesCents: current.previousOwesCents ?? 0,
            patientOwesCents: current.patientOwesCents ?? 0,
            insurancePaidCents: built.answer.paidCents,
            balanceCents: balance.balanceCents,
            refundCents: current.refundCents ?? 0,
          };
        }
        const statement = await tx.patientStatement.findUniqueOrThrow({ where: { id: correction.statementId } });
        const document = {
          ...built.document,
          notes: [...built.document.notes, `Corrected statement: your insurer answered the claim we sent back (${correction.reason}).`],
        };
        await tx.patientStatement.update({
          where: { id: statement.id },
          data: {
            claimId: built.claim.id,
            billedCents: built.answer.chargeCents,
            insuranceExpectedCents: built.answer.paidCents,
            patientOwesCents: built.patientOwesCents,
            dueDate: new Date(built.document.dueDate),
            breakdown: document as unknown as Prisma.InputJsonValue,
            issuedAt: new Date(),
          },
        });
        const balance = (await statementBalance(tx, statement.id))!;
        // What the patient paid beyond what they owe now goes back to them: a work item per payment, newest first.
        const open = await tx.refundItem.aggregate({ where: { statementId: statement.id, status: 'open' }, _sum: { amountCents: true } });
        let excess = -balance.balanceCents - (open._sum.amountCents ?? 0);
        let refundCents = 0;
        if (excess > 0) {
          const payments = await tx.payment.findMany({
            where: { statementId: statement.id, status: 'confirmed', refund: { is: null } },
            orderBy: { createdAt: 'desc' },
          });
          for (const payment of payments) {
            if (excess <= 0) break;
            const amountCents = Math.min(excess, payment.amountCents);
            await tx.refundItem.create({ data: { statementId: statement.id, paymentId: payment.id, amountCents } });
            excess -= amountCents;
            refundCents += amountCents;
          }
        }
        await tx.claimCorrection.update({
          where: { id: correction.id },
          data: {
            status: 'completed',
            previousOwesCents: statement.patientOwesCents,
            patientOwesCents: built.patientOwesCents,
            refundCents,
            finishedAt: new Date(),
          },
        });
        await tx.auditEvent.create({
          data: {
            encounterId: correction.encounterId,
            actor: 'encounterflow',
            role: 'system',
            action: 'statement.reissued',
            detail: {
              statementId: statement.id,
              correctionId: correction.id,
              previousOwesCents: statement.patientOwesCents,
              patientOwesCents: built.patientOwesCents,
              refundCents,
            },
            idempotencyKey: `claim-correction:${correction.id}:statement-reissued`,
          },
        });
        return {
          previousOwesCents: statement.patientOwesCents,
          patientOwesCents: built.patientOwesCents,
          insurancePaidCents: built.answer.paidCents,
          balanceCents: balance.balanceCents,
          refundCents,
        };
      });
      const change =
        result.refundCents > 0
          ? `You have paid ${dollars(result.refundCents)} more than you owe now; we will refund it.`
          : `Your balance is now ${dollars(Math.max(0, result.balanceCents))}.`;
      await tellPatient(
        prisma,
        correction,
        'statement-reissued',
        `Your insurer has answered: it paid ${dollars(result.insurancePaidCents)}. Your corrected statement shows ${dollars(result.patientOwesCents)} as your share (it was ${dollars(result.previousOwesCents)}). ${change}`,
      );
      // The hold has ended and the balance changed: the statement's cycle goes on from the new balance now.
      await wakeStatementCycleFromActivity(messageProof, correction.statementId, 'claim_correction');
      return result;
    },

    /**
     * After a reissue that left a balance (CLAIM_CORRECTION_RENEWS_CYCLE): the statement's cycle
     * starts again if it had ended paid, so the patient is billed the new amount; a running cycle
     * was woken by the reissue and is left to go on.
     */
    async renewStatementCycle({ statementId }: { statementId: string }): Promise<CycleRenewal | 'no_cycles'> {
      return renewPaidStatementCycleFromActivity(prisma, statementCycle, statementId);
    },
  };
}
