/**
 * Refund work items over the API and a real database: the open ones of a statement, completing
 * one with how the money went back and its reference (audited, once: a repeat of the same
 * Idempotency-Key answers what was recorded), a refund above the approval amount completed by a
 * supervisor only, and bad requests refused by field. The overpayments are stored directly, as
 * payments/record-payment.ts would have stored them.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { submitEncounter } from '../../testkit/http.ts';
import { call, TOKENS, useApiUnderTest } from './support.ts';
import { seedStatement } from '../../testkit/seed-statement.ts';

const api = useApiUnderTest();
let statementId: string;
const refunds: Record<'small' | 'large', string> = { small: '', large: '' };

/** An overpayment of `amountCents` on the statement and its open refund work item. */
async function overpaid(amountCents: number): Promise<string> {
  const reference = `desk:${randomUUID()}`;
  const payment = await api.db.prisma.payment.create({
    data: {
      statementId,
      reference,
      requestHash: reference,
      amountCents,
      method: 'check',
      source: 'desk',
      status: 'confirmed',
      recordedBy: 'biller-demo',
    },
  });
  return (await api.db.prisma.refundItem.create({ data: { statementId, paymentId: payment.id, amountCents } })).id;
}

beforeAll(async () => {
  ({ statementId } = await seedStatement(api.db.prisma, await submitEncounter(api.baseUrl), {
    insuranceExpectedCents: 12_500,
    patientOwesCents: 0,
    dueDate: new Date('2026-12-25'),
  }));
  refunds.small = await overpaid(1_500);
  // Above the approval amount (WRITE_OFF_APPROVAL_ABOVE_CENTS, $100.00 by default).
  refunds.large = await overpaid(15_000);
});

const complete = (id: string, body: unknown, token: string = TOKENS.biller, headers: Record<string, string> = {}) =>
  call(api.baseUrl, 'POST', `/refunds/${id}/complete`, { token, body, headers });

describe('refund work items', () => {
  it('lists a statement’s open refunds, saying which only a supervisor completes', async () => {
    const listed = await call(api.baseUrl, 'GET', `/refunds?statement=${statementId}`, { token: TOKENS.biller });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.approvalAboveCents).toBe(10_000);
    expect(listed.body.items.map((r: any) => [r.id, r.amountCents, r.status, r.needsSupervisor])).toEqual([
      [refunds.small, 1_500, 'open', false],
      [refunds.large, 15_000, 'open', true],
    ]);
    const elsewhere = await call(api.baseUrl, 'GET', `/refunds?statement=${randomUUID()}`, { token: TOKENS.biller });
    expect(elsewhere.body.items).toEqual([]);
    const malformed = await call(api.baseUrl, 'GET', '/refunds?statement=nope', { token: TOKENS.biller });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'statement' })]);
  });

  it('refuses a completion without how or a reference, naming each field, and changes nothing', async () => {
    const empty = await complete(refunds.small, { note: 'refunded' });
    expect(empty.status).toBe(400);
    expect(empty.contentType).toMatch(/problem\+json/);
    expect(empty.body.errors.map((e: any) => e.field).sort()).toEqual(['method', 'reference']);
    const wrong = await complete(refunds.small, { method: 'bitcoin', reference: 'x' });
    expect(wrong.body.errors.map((e: any) => e.field)).toEqual(['method']);
    const blank = await complete(refunds.small, { method: 'check', reference: '   ' });
    expect(blank.body.errors).toEqual([{ field: 'reference', message: 'Give the check number or the refund’s receipt' }]);
    const badKey = await complete(refunds.small, { method: 'check', reference: 'CHK-1' }, TOKENS.biller, { 'idempotency-key': 'a b' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect((await api.db.prisma.refundItem.findUniqueOrThrow({ where: { id: refunds.small } })).status).toBe('open');
  });

  it('completes a refund once with its method and reference, audited; a retry answers the same', async () => {
    const key = randomUUID();
    const body = { method: 'check', reference: 'CHK-20418', note: 'mailed to the patient' };
    const done = await complete(refunds.small, body, TOKENS.biller, { 'idempotency-key': key });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({
      id: refunds.small,
      status: 'refunded',
      method: 'check',
      reference: 'CHK-20418',
      resolvedBy: 'biller-demo',
    });
    const again = await complete(refunds.small, { method: 'cash', reference: 'other' }, TOKENS.biller, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body).toMatchObject({ method: 'check', reference: 'CHK-20418' });
    const audit = await api.db.prisma.auditEvent.findMany({ where: { action: 'refund.completed' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'biller-demo',
      role: 'biller',
      detail: { refundId: refunds.small, statementId, amountCents: 1_500, method: 'check', reference: 'CHK-20418' },
    });
    // The refund paid back counts in the balance: 0 owed - 16,500 paid + 1,500 refunded.
    const balance = await call(api.baseUrl, 'GET', `/statements/${statementId}/balance`, { token: TOKENS.biller });
    expect(balance.body).toMatchObject({ refundedCents: 1_500, balanceCents: -15_000 });
    // Someone else completing it again is told it was done.
    const other = await complete(refunds.small, body, TOKENS.supervisor);
    expect(other.status).toBe(409);
  });

  it('leaves a refund above the approval amount to a supervisor', async () => {
    const biller = await complete(refunds.large, { method: 'card', reference: 'RF-88123' });
    expect(biller.status).toBe(403);
    expect(biller.body.detail).toBe('A refund above $100.00 is completed by a supervisor');
    expect((await api.db.prisma.refundItem.findUniqueOrThrow({ where: { id: refunds.large } })).status).toBe('open');
    const supervisor = await complete(refunds.large, { method: 'card', reference: 'RF-88123' }, TOKENS.supervisor);
    expect(supervisor.status, supervisor.text).toBe(200);
    expect(supervisor.body).toMatchObject({ status: 'refunded', method: 'card', resolvedBy: 'supervisor-demo', needsSupervisor: true });
    const listed = await call(api.baseUrl, 'GET', `/refunds?statement=${statementId}&status=refunded`, { token: TOKENS.biller });
    expect(listed.body.items.map((r: any) => r.reference)).toEqual(['CHK-20418', 'RF-88123']);
  });

  it('is for billers and supervisors; an unknown refund is a 404', async () => {
    expect((await complete(refunds.large, { method: 'cash', reference: 'R-1' }, TOKENS.intake)).status).toBe(403);
    expect((await call(api.baseUrl, 'GET', '/refunds', { token: TOKENS.coder })).status).toBe(403);
    expect((await complete(randomUUID(), { method: 'cash', reference: 'R-1' })).status).toBe(404);
    expect((await complete('not-an-id', { method: 'cash', reference: 'R-1' })).status).toBe(404);
  });

  it('documents the completion’s request body in the OpenAPI document', async () => {
    const document = await call(api.baseUrl, 'GET', '/openapi.json');
    const operation = document.body.paths['/refunds/{id}/complete'].post;
    const schema = operation.requestBody.content['application/json'].schema;
    expect(schema.required.sort()).toEqual(['method', 'reference']);
    expect(Object.keys(operation.responses).sort()).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409']));
  });
});
