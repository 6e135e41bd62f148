/**
 * The paths of the biller's cycle after the claim that remittances.test.ts does not walk, end to
 * end over the real stack (API, Temporal dev server, worker, database, clearinghouse and insurer
 * sandboxes over HTTP): a scheduled visit authorized before the service, paid by the insurer with
 * a patient share billed from the remittance; a payer that stays silent until a claim status
 * inquiry (276/277) asks; a claim the payer returns at its front door (277CA A3) that goes to a
 * biller, who resubmits it. Every answer of GET /encounters/:id/claims is checked against its
 * declared response schema by the stack (an undeclared shape fails the stack's stop).
 */
import { describe, expect, it } from 'vitest';
import { dateToDay } from '../../domain/days.ts';
import type { Stage } from '../../workflows/stages.ts';
import { TOKENS, call, submitEncounter, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { FAST_TIMINGS } from '../../testkit/stack.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { SCHEDULED_VISIT_PAID, stagesOf } from '../../testkit/encounter-paths.ts';
import { documentVisit, KNEE_MRI_PLANNED, KNEE_MRI_VISIT, scheduledVisit } from '../../testkit/scheduled-visit.ts';

// A payer-directory day is a quarter second: ACME-HEALTH's 30-day follow-up comes after 7.5 s.
const stack = useTestStack({ timings: { ...FAST_TIMINGS, payerDay: '250ms' } });

type Submission = ReturnType<typeof validSubmission>;

function submit(memberId: string, change: (body: Submission) => object = (body) => body): Promise<string> {
  const body = validSubmission();
  body.patient.memberId = memberId;
  return submitEncounter(stack.apiUrl, change(body));
}

const waitForStage = (id: string, stage: Stage) => waitForEncounterStage(stack.apiUrl, id, stage, 90_000);

async function claimsOf(id: string) {
  const response = await call(stack.apiUrl, 'GET', `/encounters/${id}/claims`, { token: TOKENS.biller });
  expect(response.status, response.text).toBe(200);
  return response.body as {
    claims: Array<{
      claimNumber: string;
      frequencyCode: string;
      acknowledgement: { status: string | null };
      statusHistory: Array<{ source: string; category: string; words: string }>;
      remittances: Array<{ status: string; paidCents: number; patientResponsibilityCents: number }>;
    }>;
  };
}

/** The patient's share of the encounter's posted remittances: the sum of its PR adjustments. */
async function patientAdjustmentsCents(id: string): Promise<number> {
  const adjustments = await stack.db.prisma.paymentAdjustment.findMany({ where: { claimPayment: { encounterId: id }, group: 'PR' } });
  return adjustments.reduce((sum, a) => sum + a.amountCents, 0);
}

describe('the claim after it left, over the real stack', () => {
  it('eligible → pre-service authorization → visit → paid with patient responsibility → statement from the remittance', async () => {
    const dateOfService = dateToDay(new Date(Date.now() + 7 * 86_400_000));
    const id = await submit('M-DEDUCTIBLE-MET', (body) => scheduledVisit(dateOfService, KNEE_MRI_PLANNED, body));
    const waiting = await waitForStage(id, 'awaiting_visit');
    expect(waiting.eligibility).toMatchObject({ status: 'active' });
    expect(waiting.authorization).toMatchObject({ outcome: 'certified', timing: 'pre_service' });
    expect(await stack.db.prisma.claim.count({ where: { encounterId: id } })).toBe(0);

    const documented = await documentVisit(stack.apiUrl, id, {
      ...KNEE_MRI_VISIT,
      notes: 'Right knee pain after a twisting injury. MRI of the right knee without contrast performed.',
    });
    expect(documented.status, documented.text).toBe(200);

    const billed = await waitForStage(id, 'billed');
    expect(stagesOf(billed)).toEqual(SCHEDULED_VISIT_PAID);
    // The deductible is met: the payer pays the allowed amount less the copay (PR-3) and coinsurance (PR-2).
    const remittance = billed.adjudication!.remittances.at(-1)!;
    expect(remittance).toMatchObject({ status: '1', reconciled: true });
    expect(remittance.paidCents).toBeGreaterThan(0);
    const groups = remittance.lines.flatMap((l) => l.adjustments).map((a) => `${a.group}-${a.reasonCode}`);
    expect(groups).toEqual(expect.arrayContaining(['CO-45', 'PR-2', 'PR-3']));
    expect(groups).not.toContain('PR-1');

    const pr = await patientAdjustmentsCents(id);
    expect(pr).toBeGreaterThan(0);
    expect(billed.patientResponsibilityCents).toBe(pr);
    const claim = await stack.db.prisma.claim.findFirstOrThrow({ where: { encounterId: id } });
    const auth = await stack.db.prisma.priorAuthorization.findFirstOrThrow({ where: { encounterId: id } });
    expect(claim.priorAuthNumber).toBe(auth.authNumber);
    const statement = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { encounterId: id } });
    expect(statement).toMatchObject({ basis: 'remittance', patientOwesCents: pr, insuranceExpectedCents: remittance.paidCents });
    expect((await claimsOf(id)).claims[0]!.remittances[0]).toMatchObject({ status: '1', patientResponsibilityCents: pr });
  });

  it('a silent payer is asked with a claim status inquiry (276) at the follow-up interval; its 277 is recorded and the claim is then paid', async () => {
    const id = await submit('M-SILENT');
    const waiting = await waitForStage(id, 'awaiting_remittance');
    expect(waiting.adjudication).toMatchObject({ followUpDays: 30, statusInquiries: 0 });

    const billed = await waitForStage(id, 'billed');
    const adjudication = billed.adjudication!;
    expect(adjudication.statusInquiries).toBeGreaterThanOrEqual(1);
    const sources = adjudication.claimStatusHistory.map((e) => e.source);
    expect(sources.indexOf('status-inquiry')).toBeGreaterThan(-1);
    expect(sources.indexOf('status-inquiry')).toBeLessThan(sources.indexOf('remittance'));
    const inquiry = adjudication.claimStatusHistory.find((e) => e.source === 'status-inquiry')!;
    expect(inquiry.words).toMatch(/^277 /);

    // The payer saw the 276 before it adjudicated; the claim's story keeps it.
    const insurer = (await (await fetch(`${stack.insurerUrl}/_sandbox/payer-claims`)).json()) as {
      claims: Array<{ claimNumber: string; inquiries: number }>;
    };
    expect(insurer.claims.find((c) => c.claimNumber === billed.claimNumber)!.inquiries).toBeGreaterThanOrEqual(1);
    const events = await stack.db.prisma.claimStatusEvent.findMany({ where: { claim: { encounterId: id } }, orderBy: { at: 'asc' } });
    expect(events.map((e) => e.source)).toContain('status-inquiry');
    expect((await claimsOf(id)).claims[0]!.statusHistory.map((e) => e.source)).toContain('status-inquiry');
    const statement = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { encounterId: id } });
    expect(statement.basis).toBe('remittance');
  });

  it('a claim the payer returns (277CA A3) goes to a biller, who resubmits it; the new claim is paid and billed', async () => {
    const id = await submit('M-PAYER-REJECT');
    const review = await waitForStage(id, 'needs_review');
    expect(review.pendingDecision).toMatchObject({ kind: 'claim_rejected', allowed: ['resubmit', 'write_off'] });
    expect(review.pendingDecision!.reason).toMatch(/PROVIDER_NOT_ENROLLED/);
    expect(review.adjudication!.claimStatusHistory.map((e) => `${e.source}:${e.category}`)).toContain('payer-acknowledgement:A3');
    expect(await stack.db.prisma.patientStatement.count({ where: { encounterId: id } })).toBe(0);

    // A biller's question: the biller answers it (a coder may not).
    const byCoder = await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.coder,
      body: { decision: 'resubmit', note: 'enrollment done' },
    });
    expect(byCoder.status).toBe(403);
    const decided = await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.biller,
      body: { decision: 'resubmit', note: "the provider's enrollment with the payer is complete" },
    });
    expect(decided.status, decided.text).toBe(200);

    const billed = await waitForStage(id, 'billed');
    const { claims } = await claimsOf(id);
    expect(claims).toHaveLength(2);
    expect(claims[0]!.statusHistory.find((e) => e.source === 'payer-acknowledgement')).toMatchObject({ category: 'A3' });
    expect(claims[0]!.remittances).toEqual([]);
    expect(claims[1]!.frequencyCode).toBe('1');
    expect(claims[1]!.statusHistory.find((e) => e.source === 'payer-acknowledgement')).toMatchObject({ category: 'A2' });
    expect(claims[1]!.remittances.map((r) => r.status)).toEqual(['1']);
    expect(billed.claimNumber).toBe(claims[1]!.claimNumber);
    const statement = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { encounterId: id } });
    expect(statement.patientOwesCents).toBe(await patientAdjustmentsCents(id));
  });
});
