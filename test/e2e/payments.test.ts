/**
 * Patient payments end to end over the real stack: a billed encounter's statement, the API, the
 * payment-provider sandbox over HTTP, a real database. A payment delivered twice posts once; a
 * declined card posts nothing; a provider timeout leaves the payment pending (the balance does
 * not move) until the reconcile step settles it from the provider's record; an overpayment opens
 * a refund work item.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { reconcilePendingPayments } from '../../payments/reconcile.ts';
import { statementCycleWorkflowId } from '../../workflows/statement-cycle-config.ts';
import { TOKENS, call, encounterStatus, submitEncounter } from '../../testkit/http.ts';
import { openPatientSession } from '../../testkit/patient-session.ts';
import { until } from '../../testkit/poll.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { addDays, daysFromNow } from '../../testkit/calendar.ts';

const stack = useTestStack();
let statementId: string;
let owedCents: number;
/** A second statement, for the statement cycle and a payment plan. */
let cycleStatementId: string;

async function billedStatement(): Promise<string> {
  const id = await submitEncounter(stack.apiUrl);
  return until('the encounter billed with its statement', async () => {
    const status = await encounterStatus(stack.apiUrl, id);
    return status.stage === 'billed' && status.statementId;
  });
}

async function tokenize(cardNumber: string): Promise<string> {
  const response = await fetch(`${stack.paymentsUrl}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cardNumber, expMonth: 12, expYear: 2030, cvc: '123' }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

function pay(body: Record<string, unknown>, key?: string) {
  return call(stack.apiUrl, 'POST', `/statements/${statementId}/payments`, {
    token: TOKENS.biller,
    body,
    ...(key !== undefined ? { headers: { 'idempotency-key': key } } : {}),
  });
}

async function balance(): Promise<{ balanceCents: number; paidCents: number; payments: Array<{ status: string }> }> {
  const response = await call(stack.apiUrl, 'GET', `/statements/${statementId}/balance`, { token: TOKENS.biller });
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  [statementId, cycleStatementId] = await Promise.all([billedStatement(), billedStatement()]);
  owedCents = (await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { id: statementId } })).patientOwesCents;
}, 240_000);

describe('patient payments over the real stack', () => {
  it('owes something on the statement to begin with', async () => {
    expect(owedCents).toBeGreaterThan(300);
    expect((await balance()).balanceCents).toBe(owedCents);
  });

  it('posts a payment delivered twice once (same Idempotency-Key), and refuses the key for another payment', async () => {
    const key = `desk-${randomUUID()}`;
    const first = await pay({ amountCents: 100, method: 'cash' }, key);
    expect(first.status).toBe(201);
    expect(first.body.payment.status).toBe('confirmed');
    expect(first.body.balance.balanceCents).toBe(owedCents - 100);
    const again = await pay({ amountCents: 100, method: 'cash' }, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body.payment.id).toBe(first.body.payment.id);
    expect(await stack.db.prisma.payment.count({ where: { reference: key } })).toBe(1);
    expect((await balance()).balanceCents).toBe(owedCents - 100);
    const other = await pay({ amountCents: 200, method: 'cash' }, key);
    expect(other.status).toBe(409);
    // A card payment delivered twice is charged once at the provider, too.
    const cardKey = `card-${randomUUID()}`;
    const token = await tokenize('4242424242424242');
    const charged = await pay({ amountCents: 100, method: 'card', cardToken: token }, cardKey);
    expect(charged.status).toBe(201);
    const twice = await pay({ amountCents: 100, method: 'card', cardToken: token }, cardKey);
    expect(twice.status).toBe(200);
    expect([...stack.paymentSandbox.charges.values()].filter((c) => c.charge.idempotencyKey === charged.body.payment.id)).toHaveLength(1);
    expect((await balance()).balanceCents).toBe(owedCents - 200);
  });

  it('records a declined card as failed (402) and leaves the balance alone', async () => {
    const declined = await pay({ amountCents: 100, method: 'card', cardToken: await tokenize('4000000000000002') }, `card-${randomUUID()}`);
    expect(declined.status).toBe(402);
    expect(declined.contentType).toContain('application/problem+json');
    expect(declined.body.detail).toContain('card_declined');
    expect((await balance()).balanceCents).toBe(owedCents - 200);
  });

  it('answers 400 naming the field for a missing key or a card number where the token goes', async () => {
    const noKey = await pay({ amountCents: 100, method: 'cash' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0].field).toBe('Idempotency-Key');
    const cardNumber = await pay({ amountCents: 100, method: 'card', cardToken: '4242424242424242' }, `card-${randomUUID()}`);
    expect(cardNumber.status).toBe(400);
    expect(cardNumber.body.errors[0].field).toBe('cardToken');
    expect(await stack.db.prisma.payment.count({ where: { statementId } })).toBe(3); // cash, card, declined card: the refused requests wrote nothing
  });

  it('leaves a payment pending through a provider timeout, then the reconcile step confirms it from the provider', async () => {
    const key = `card-${randomUUID()}`;
    const pending = await pay({ amountCents: 100, method: 'card', cardToken: await tokenize('4000000000000119') }, key);
    expect(pending.status).toBe(202);
    expect(pending.body.payment.status).toBe('pending');
    expect(pending.body.balance.balanceCents).toBe(owedCents - 200);
    const result = await reconcilePendingPayments(
      { prisma: stack.db.prisma, provider: stack.paymentProvider, pendingGraceMs: 2_000 },
      { olderThanMs: 0 },
    );
    expect(result).toMatchObject({ pending: 1, confirmed: 1, failed: 0 });
    const settled = await stack.db.prisma.payment.findUniqueOrThrow({ where: { reference: key } });
    expect(settled.status).toBe('confirmed');
    expect(settled.providerChargeId).toMatch(/^ch_/);
    expect((await balance()).balanceCents).toBe(owedCents - 300);
  });

  it('fails a pending payment the provider never charged once the grace period is over', async () => {
    const key = `desk-lost-${randomUUID()}`;
    // As if the API died between storing the payment and charging the token.
    await stack.db.prisma.payment.create({
      data: {
        statementId,
        reference: key,
        requestHash: 'x',
        amountCents: 100,
        method: 'card',
        source: 'desk',
        status: 'pending',
        recordedBy: 'biller-demo',
        createdAt: new Date(Date.now() - 10_000),
      },
    });
    const result = await reconcilePendingPayments(
      { prisma: stack.db.prisma, provider: stack.paymentProvider, pendingGraceMs: 2_000 },
      { olderThanMs: 0 },
    );
    expect(result).toMatchObject({ failed: 1 });
    expect((await stack.db.prisma.payment.findUniqueOrThrow({ where: { reference: key } })).status).toBe('failed');
    expect((await balance()).balanceCents).toBe(owedCents - 300);
  });

  it('turns an overpayment into a refund work item for the billers, and the refund restores the balance to zero', async () => {
    // Paid at the desk's own card terminal: posted with its receipt number, nothing charged through the provider.
    const chargesBefore = stack.paymentSandbox.charges.size;
    const terminal = await pay({ amountCents: 100, method: 'card_present', reference: `TERM-${Date.now()}` });
    expect(terminal.status).toBe(201);
    expect(terminal.body.payment).toMatchObject({ method: 'card_present', source: 'desk', status: 'confirmed' });
    expect(stack.paymentSandbox.charges.size).toBe(chargesBefore);
    const remaining = (await balance()).balanceCents;
    const over = await pay({ amountCents: remaining + 1_500, method: 'check', reference: `CHK-${Date.now()}` });
    expect(over.status).toBe(201);
    expect(over.body.balance.balanceCents).toBe(-1_500);
    const refunds = await call(stack.apiUrl, 'GET', '/refunds', { token: TOKENS.biller });
    expect(refunds.status).toBe(200);
    const item = refunds.body.items.find((r: { statementId: string }) => r.statementId === statementId);
    expect(item).toMatchObject({ amountCents: 1_500, status: 'open', paymentId: over.body.payment.id });
    const done = await call(stack.apiUrl, 'POST', `/refunds/${item.id}/complete`, {
      token: TOKENS.biller,
      body: { method: 'check', reference: 'CHK-REFUND-1', note: 'mailed to the patient' },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'refunded', method: 'check', reference: 'CHK-REFUND-1' });
    expect((await balance()).balanceCents).toBe(0);
    const intake = await call(stack.apiUrl, 'GET', '/refunds', { token: TOKENS.intake });
    expect(intake.status).toBe(403);
  });
});

async function cycleOf(id: string, reached: (cycle: any) => boolean): Promise<any> {
  let last: any;
  return until(
    () => `the cycle to get there: ${JSON.stringify(last)}`,
    async () => {
      const response = await call(stack.apiUrl, 'GET', `/statements/${id}/cycle`, { token: TOKENS.biller });
      last = response.body;
      return response.status === 200 && reached(last) && last;
    },
  );
}

describe('the patient pays on the patient page', () => {
  it('pays by card token with the session of their link only, once per Idempotency-Key', async () => {
    const { status, cookie } = await openPatientSession(stack.apiUrl, stack.db.prisma, statementId);
    expect(status).toBeLessThan(300);
    const before = await call(stack.apiUrl, 'GET', '/patient-api/balance', { headers: { cookie } });
    expect(before.status).toBe(200);
    expect(before.body.tokenizeUrl).toBe(`${stack.paymentsUrl}/tokens`);
    const key = randomUUID();
    const body = { amountCents: 250, cardToken: await tokenize('4242424242424242') };
    const paid = await call(stack.apiUrl, 'POST', '/patient-api/payments', { body, headers: { cookie, 'idempotency-key': key } });
    expect(paid.status).toBe(201);
    expect(paid.body.payment).toMatchObject({ status: 'confirmed', source: 'patient_page', amountCents: 250 });
    expect(paid.body.balance.balanceCents).toBe(before.body.balanceCents - 250);
    const again = await call(stack.apiUrl, 'POST', '/patient-api/payments', { body, headers: { cookie, 'idempotency-key': key } });
    expect(again.status).toBe(200);
    expect(again.body.payment.id).toBe(paid.body.payment.id);
    const noSession = await call(stack.apiUrl, 'POST', '/patient-api/payments', { body, headers: { 'idempotency-key': randomUUID() } });
    expect(noSession.status).toBe(401);
    // The page may talk to the provider's tokenization endpoint, and to nothing else outside.
    expect(before.headers.get('content-security-policy')).toContain(`connect-src 'self' ${new URL(stack.paymentsUrl).origin}`);
  });
});

describe('the statement cycle over the real stack', () => {
  it('starts when the statement is issued, pauses for a payment plan, and stops when the balance is paid', async () => {
    const started = await cycleOf(cycleStatementId, (c) => c.notices.some((n: { kind: string }) => n.kind === 'statement'));
    expect(['active', 'paused', 'awaiting_decision']).toContain(started.status);

    // The first installment ahead of the real clock: one already past is marked missed at once.
    const firstDueDate = daysFromNow(44);
    const plan = await call(stack.apiUrl, 'POST', `/statements/${cycleStatementId}/payment-plan`, {
      token: TOKENS.biller,
      body: { installments: 3, firstDueDate, intervalDays: 30 },
    });
    expect(plan.status).toBe(201);
    expect(plan.body.installments.map((i: { dueDate: string }) => i.dueDate)).toEqual([
      firstDueDate,
      addDays(firstDueDate, 30),
      addDays(firstDueDate, 60),
    ]);
    const total = plan.body.installments.reduce((sum: number, i: { amountCents: number }) => sum + i.amountCents, 0);
    expect(total).toBe(plan.body.totalCents);
    const again = await call(stack.apiUrl, 'POST', `/statements/${cycleStatementId}/payment-plan`, {
      token: TOKENS.biller,
      body: { installments: 2, firstDueDate },
    });
    expect(again.status).toBe(409);
    const paused = await cycleOf(cycleStatementId, (c) => c.status === 'paused');
    expect(paused.holds).toEqual(['payment_plan']);
    const noticesWhilePaused = paused.notices.length;

    const payment = await call(stack.apiUrl, 'POST', `/statements/${cycleStatementId}/payments`, {
      token: TOKENS.biller,
      body: { amountCents: plan.body.totalCents, method: 'cash' },
      headers: { 'idempotency-key': `desk-${randomUUID()}` },
    });
    expect(payment.status).toBe(201);
    expect(payment.body.balance.balanceCents).toBe(0);
    const paid = await cycleOf(cycleStatementId, (c) => c.status === 'paid');
    expect(paid.notices).toHaveLength(noticesWhilePaused);
    // The cycle's activity stores 'paid' just before its workflow returns: wait for the workflow to end.
    const ended = await until('the statement cycle workflow ends', async () => {
      const description = await stack.client.workflow.getHandle(statementCycleWorkflowId(cycleStatementId)).describe();
      return description.status.name === 'RUNNING' ? undefined : description.status.name;
    });
    expect(ended).toBe('COMPLETED');
    const decision = await call(stack.apiUrl, 'POST', `/statements/${cycleStatementId}/cycle/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'collections' },
    });
    expect(decision.status).toBe(409);
  });
});
