/**
 * After the claim, end to end over the real stack: the clearinghouse forwards the claim to the
 * insurer sandbox, which adjudicates it into an 835; the workflow polls the mailbox, posts the
 * remittance and bills the patient from it. Also: a remittance delivered twice posts once; a
 * denial is appealed with a document and paid; a denial's appeal deadline passes while the
 * product (the worker) is stopped and fires when it is started again.
 */
import { describe, expect, it } from 'vitest';
import type { Stage } from '../../workflows/stages.ts';
import { TOKENS, call, submitEncounter, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { FAST_TIMINGS } from '../../testkit/stack.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { until } from '../../testkit/poll.ts';
import { DENIED_APPEALED_PAID, stagesOf } from '../../testkit/encounter-paths.ts';

// A payer-directory day is a quarter second: BLUE-PLAINS's 60-day appeal limit lasts 15 s.
const stack = useTestStack({ timings: { ...FAST_TIMINGS, payerDay: '250ms' } });

function submit(
  payerId: string,
  memberId: string,
  procedure = { description: 'Office visit, established patient', code: '99213', units: 1 },
): Promise<string> {
  const body = validSubmission();
  body.payerId = payerId;
  body.patient.memberId = memberId;
  body.documentation.procedures = [procedure];
  return submitEncounter(stack.apiUrl, body);
}

const waitForStage = (id: string, stage: Stage) => waitForEncounterStage(stack.apiUrl, id, stage);

const LEVEL5 = { description: 'Office visit, established patient, high complexity', code: '99215', units: 1 };

describe('adjudication, posting and the bill from the remittance', () => {
  it("posts the payer's 835 and bills the patient its PR adjustments; the 837P downloads for billers only", async () => {
    const id = await submit('BLUE-PLAINS', 'M-777001');
    const billed = await waitForStage(id, 'billed');
    expect(billed.history.map((t) => t.to)).toEqual(['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    const remittance = billed.adjudication!.remittances[0]!;
    expect(remittance).toMatchObject({ status: '1', reconciled: true });
    expect(remittance.lines[0]!.adjustments.map((a) => `${a.group}-${a.reasonCode}`)).toEqual(['CO-45', 'PR-2', 'PR-3']);
    expect(remittance.lines[0]!.adjustments[2]!.words).toMatch(/copay/);

    const adjustments = await stack.db.prisma.paymentAdjustment.findMany({ where: { claimPayment: { encounterId: id }, group: 'PR' } });
    const pr = adjustments.reduce((sum, a) => sum + a.amountCents, 0);
    const statement = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { encounterId: id } });
    expect(statement).toMatchObject({ basis: 'remittance', patientOwesCents: pr });
    expect(billed.patientResponsibilityCents).toBe(pr);
    expect(billed.coordinationOfBenefits).toMatch(/no secondary payer on file/);
    const html = await call(stack.apiUrl, 'GET', `/statements/${statement.id}?format=html`, { token: TOKENS.biller });
    expect(html.text).toContain('Please send payment to');
    expect(html.text).toContain('12 Test Lane');

    const claims = await call(stack.apiUrl, 'GET', `/encounters/${id}/claims`, { token: TOKENS.biller });
    expect(claims.status).toBe(200);
    const claim = claims.body.claims[0];
    expect(claim.statusHistory.map((e: { source: string }) => e.source)).toEqual(
      expect.arrayContaining(['payer-acknowledgement', 'remittance']),
    );
    const x12 = await call(stack.apiUrl, 'GET', claim.links.x12, { token: TOKENS.biller });
    expect(x12.status).toBe(200);
    expect(x12.text).toMatch(/^ISA\*/);
    expect(x12.text).toContain('N3*12 TEST LANE~');
    expect((await call(stack.apiUrl, 'GET', claim.links.x12, { token: TOKENS.intake })).status).toBe(403);
  });

  it('posts a remittance delivered twice once', async () => {
    const id = await submit('ACME-HEALTH', 'M-DUP-ERA');
    const billed = await waitForStage(id, 'billed');
    const payments = await stack.db.prisma.claimPayment.findMany({ where: { encounterId: id }, include: { remittance: true } });
    expect(payments).toHaveLength(1);
    expect(payments[0]!.remittance.deliveries).toBe(2);
    expect(
      await stack.db.prisma.remittance.count({ where: { traceNumber: payments[0]!.remittance.traceNumber, payerId: 'ACME-HEALTH' } }),
    ).toBe(1);
    expect(billed.flags.join(' ')).toMatch(/duplicate remittance delivery/);
  });

  it('turns a denied line into a work item; the appeal with a PDF is filed and the overturned line is paid and billed', async () => {
    const id = await submit('BLUE-PLAINS', 'M-DENY-LEVEL5', LEVEL5);
    const review = await waitForStage(id, 'denial_review');
    const denial = review.denials![0]!;
    expect(denial).toMatchObject({ code: '99215', status: 'open' });
    expect(denial.reasons.join(' ')).toMatch(/not consider the service medically necessary/);

    const refused = await call(stack.apiUrl, 'POST', `/encounters/${id}/denials/actions`, {
      token: TOKENS.biller,
      body: { action: 'appeal', reason: 'necessary' },
    });
    expect(refused.status).toBe(409);
    const exe = await fetch(`${stack.apiUrl}/encounters/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.biller}`, 'content-type': 'application/pdf' },
      body: 'MZ not a pdf',
    });
    expect(exe.status).toBe(400);
    const upload = await fetch(`${stack.apiUrl}/encounters/${id}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKENS.biller}`,
        'content-type': 'application/pdf',
        'x-filename': 'necessity-letter.pdf',
        'idempotency-key': `letter-${id}`,
      },
      body: '%PDF-1.4\n% letter of medical necessity\n',
    });
    expect(upload.status).toBe(201);
    const attachment = (await upload.json()) as { id: string };
    const appealed = await call(stack.apiUrl, 'POST', `/encounters/${id}/denials/actions`, {
      token: TOKENS.biller,
      body: { action: 'appeal', reason: 'the level of service is documented', attachmentIds: [attachment.id] },
    });
    expect(appealed.status, appealed.text).toBe(200);

    const billed = await waitForStage(id, 'billed');
    expect(stagesOf(billed)).toEqual(DENIED_APPEALED_PAID);
    expect(billed.denials![0]).toMatchObject({ status: 'appealed' });
    const payments = await stack.db.prisma.claimPayment.findMany({
      where: { encounterId: id },
      orderBy: [{ remittance: { receivedAt: 'asc' } }, { sequence: 'asc' }],
    });
    expect(payments.map((p) => p.status)).toEqual(['4', '22', '1']);
    const insurer = (await (await fetch(`${stack.insurerUrl}/_sandbox/payer-claims`)).json()) as {
      appeals: Array<{ documentsReceived: number }>;
    };
    expect(insurer.appeals.at(-1)!.documentsReceived).toBe(1);
    const statement = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { encounterId: id } });
    expect(statement.basis).toBe('remittance');
    expect(statement.insuranceExpectedCents).toBeGreaterThan(0);
  });

  it("fires a denial's appeal deadline that passed while the worker was stopped, once it runs again", async () => {
    const id = await submit('BLUE-PLAINS', 'M-DENY-LEVEL5', LEVEL5);
    const review = await waitForStage(id, 'denial_review');
    const dueAt = Date.parse(review.denials![0]!.appealDueAt);
    await stack.stopWorker();
    // The deadline is on this machine's clock (the Temporal server's); with no worker nothing can
    // act on it, so the denial is still open once it has passed, unless it passed before the stop.
    await until('the appeal deadline to pass', async () => Date.now() > dueAt);
    const waiting = await stack.db.prisma.denial.findFirstOrThrow({ where: { encounterId: id } });
    expect(waiting.status, 'the appeal deadline passed before the worker stopped').toBe('open');
    await stack.startWorker();
    const escalated = await waitForStage(id, 'escalated');
    expect(escalated.pendingDecision!.kind).toBe('appeal_deadline_missed');
    const denial = await stack.db.prisma.denial.findFirstOrThrow({ where: { encounterId: id } });
    expect(denial.status).toBe('escalated');
    const decided = await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'write_off', note: 'deadline missed' },
    });
    expect(decided.status, decided.text).toBe(200);
    const billed = await waitForStage(id, 'billed');
    expect(billed.denials![0]!.status).toBe('written_off');
  });
});
