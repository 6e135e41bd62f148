/**
 * The biller's claim correction in `npm run demo`, on the encounter billed without the modifier its
 * visit needed (sample scenario claim_correction, insurer sandbox member M-MOD25-PR: a 99214
 * without modifier 25 is paid nothing and its allowed amount put on the patient). The patient
 * calls about the bill; the biller records the call as the patient's question, sends the claim
 * back from it as a corrected replacement claim (frequency 7, 99214-25) over the API, and the
 * demo follows the claim correction: the replacement's remittance (the original reversed), the
 * statement reissued with what the patient owes now, and what the patient reads.
 */
import { randomUUID } from 'node:crypto';
import { TOKENS, type DemoApi } from './api.ts';

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Remittance {
  claimNumber: string;
  status: string;
  statusWords: string;
  paidCents: number;
  patientResponsibilityCents: number;
}
interface Claim {
  id: string;
  claimNumber: string;
  frequencyCode: string;
  replacesClaimId: string | null;
  remittances: Remittance[];
}
interface QuestionDetail {
  question: { id: string; messages: Array<{ from: string; body: string }> };
}

export type CorrectionResult = { outcome: 'ok' | 'waiting'; message: string };

export async function billerCorrectsClaim(
  api: DemoApi,
  encounterId: string,
  print: (line: string) => void,
  waitMs: number,
): Promise<CorrectionResult> {
  const say = (text: string) => print(`[biller] ${text}`);
  const encounter = await api.encounter(encounterId);
  const statementId = encounter.status.statementId ?? encounter.statementId;
  if (statementId === undefined) throw new Error('the billed encounter has no statement');
  const claimsOf = async () => (await api.call<{ claims: Claim[] }>('GET', `/encounters/${encounterId}/claims`, TOKENS.biller)).body.claims;
  const balanceOf = async () =>
    (await api.call<{ owedCents: number; balanceCents: number }>('GET', `/statements/${statementId}/balance`, TOKENS.biller)).body;

  const original = (await claimsOf()).at(-1);
  const answered = original?.remittances.find((r) => r.status !== '22');
  if (original === undefined || answered === undefined) throw new Error('the billed claim has no remittance');
  const before = await balanceOf();
  say(
    `claim ${original.claimNumber} went out with 99214 and no modifier 25: ${answered.statusWords}, the insurer paid ${dollars(answered.paidCents)} and put ${dollars(answered.patientResponsibilityCents)} on the patient; the statement asks ${dollars(before.owedCents)}`,
  );

  // The patient phones; the biller records the call as the patient's question on the statement.
  const question = (
    await api.call<{ id: string }>('POST', `/statements/${statementId}/questions`, TOKENS.biller, {
      category: 'insurance_should_have_paid',
      text: 'The patient called: they expected their insurance to pay for this visit.',
    })
  ).body;
  const sent = (
    await api.call<{ claimCorrection?: { id: string; status: string } }>(
      'POST',
      `/patient-questions/${question.id}/claim-actions`,
      TOKENS.biller,
      {
        action: 'resubmit',
        reason: 'modifier 25 was missing on the office visit',
        corrections: [{ code: '99214', modifiers: ['25'] }],
        answer: 'You are right: the claim went out without a modifier your insurer needs. We sent a corrected claim.',
      },
      { 'idempotency-key': `demo-correction-${randomUUID()}` },
    )
  ).body;
  if (sent.claimCorrection === undefined) throw new Error('the billed claim was not sent back through a claim correction');
  say(
    `sent the claim back from question ${question.id}: a corrected replacement claim (frequency 7) with 99214-25 (POST /patient-questions/:id/claim-actions); claim correction ${sent.claimCorrection.id} ${sent.claimCorrection.status}`,
  );

  // The correction's workflow reads the clearinghouse mailbox on its poll interval until the payer answers the replacement.
  const deadline = Date.now() + waitMs;
  for (;;) {
    const claims = await claimsOf();
    const replacement = claims.find((c) => c.frequencyCode === '7' && c.replacesClaimId === original.id);
    const paid = replacement?.remittances.find((r) => r.status !== '22');
    const detail = (await api.call<QuestionDetail>('GET', `/patient-questions/${question.id}`, TOKENS.biller)).body;
    const told = detail.question.messages.find((m) => m.from === 'billing_office' && m.body.startsWith('Your insurer has answered'));
    if (replacement !== undefined && paid !== undefined && told !== undefined) {
      const reversed = claims.find((c) => c.id === original.id)?.remittances.some((r) => r.status === '22') ?? false;
      const after = await balanceOf();
      say(
        `replacement ${replacement.claimNumber}: ${paid.statusWords}, the insurer paid ${dollars(paid.paidCents)}, patient responsibility ${dollars(paid.patientResponsibilityCents)}${reversed ? `; the original ${original.claimNumber} reversed (CLP02 22)` : ''}`,
      );
      say(
        `statement reissued: the patient owes ${dollars(after.owedCents)} now (was ${dollars(before.owedCents)}); balance ${dollars(after.balanceCents)}`,
      );
      print(`[patient] reads on the bill's page: "${told.body.slice(0, 110)}…"`);
      return {
        outcome: 'ok',
        message: `corrected claim ${replacement.claimNumber} paid; statement reissued at ${dollars(after.owedCents)}`,
      };
    }
    if (Date.now() >= deadline) {
      return {
        outcome: 'waiting',
        message:
          `claim correction ${sent.claimCorrection.id} waits for the payer's answer to the replacement: the workflow reads the ` +
          'clearinghouse mailbox every REMITTANCE_POLL_INTERVAL (practice 6h; `npm run start:demo` uses 5s)',
      };
    }
    await sleep(2_000);
  }
}
