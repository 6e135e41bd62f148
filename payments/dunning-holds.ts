/**
 * Why a statement's dunning is paused right now. Each source answers with a reason word or
 * nothing; the statement cycle (workflows/statement-cycle.ts) sends no notice while any answers.
 * A new reason to pause (e.g. an open question or dispute about the statement) is one more entry.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hasOpenQuestion } from '../billing/patient-questions.ts';
import { CLAIM_CORRECTION_IN_FLIGHT } from '../workflows/claim-correction-config.ts';

export type DunningHoldSource = (prisma: PrismaClient, statementId: string) => Promise<string | undefined>;

/** An active payment plan: its own installment reminders replace the statement's. */
const activePaymentPlan: DunningHoldSource = async (prisma, statementId) =>
  (await prisma.paymentPlan.count({ where: { statementId, status: 'active' } })) > 0 ? 'payment_plan' : undefined;

/** A question or dispute about the statement that no biller has answered yet. */
const openQuestion: DunningHoldSource = async (prisma, statementId) =>
  (await hasOpenQuestion(prisma, statementId)) ? 'question' : undefined;

/** The claim is back with the payer (workflows/claim-correction.ts): the balance may change. */
const claimCorrectionInFlight: DunningHoldSource = async (prisma, statementId) =>
  (await prisma.claimCorrection.count({ where: { statementId, status: { in: CLAIM_CORRECTION_IN_FLIGHT } } })) > 0
    ? 'claim_correction'
    : undefined;

export const DUNNING_HOLD_SOURCES: readonly DunningHoldSource[] = [openQuestion, activePaymentPlan, claimCorrectionInFlight];

export async function dunningHolds(prisma: PrismaClient, statementId: string): Promise<string[]> {
  const reasons = await Promise.all(DUNNING_HOLD_SOURCES.map((source) => source(prisma, statementId)));
  return reasons.filter((reason): reason is string => reason !== undefined);
}
