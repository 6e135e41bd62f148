// The biller's worklists after the claim over the API and a real database: denials across
// encounters (soonest appeal deadline first, reasons in words, overdue flagged, filters, cursor
// pages) and statements needing a biller for money (balance, refund, missed installment).
// Encounters are posted through intake; claims, remittances, denials and statements are stored
// directly, as the workflow's activities would have stored them.
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, call, useApiUnderTest, TOKENS, validSubmission } from './support.ts';

const api = useApiUnderTest();
const DAY = 86_400_000;
const ids: Record<string, string> = {};

async function encounter(name: string, payerId = 'ACME-HEALTH'): Promise<{ id: string; patientId: string }> {
  const body = { ...validSubmission(), payerId };
  const created = await call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  ids[name] = id;
  const row = await api.db.prisma.encounter.findUniqueOrThrow({ where: { id }, select: { patientId: true } });
  return { id, patientId: row.patientId };
}

async function claimOf(encounterId: string, name: string) {
  return api.db.prisma.claim.create({
    data: {
      encounterId,
      claimNumber: `CLM-${name}-${encounterId.slice(0, 8)}`,
      status: 'submitted',
      totalChargeCents: 25_000,
      payload: {},
      x12: 'ISA*00~',
    },
  });
}

/** A posted remittance that denied line 1 of the encounter's claim, and its denial work item. */
async function denial(name: string, payerId: string, appealDueInMs: number, status = 'open') {
  const { id } = await encounter(name, payerId);
  const claim = await claimOf(id, name);
  const remittance = await api.db.prisma.remittance.create({
    data: { payerId, traceNumber: `TRN-${name}`, rawSha256: `sha-${name}`, raw: 'ISA~', status: 'posted' },
  });
  const payment = await api.db.prisma.claimPayment.create({
    data: {
      remittanceId: remittance.id,
      sequence: 1,
      claimId: claim.id,
      encounterId: id,
      claimNumber: claim.claimNumber,
      status: '4',
      payerClaimNumber: `PCN-${name}`,
      chargeCents: 25_000,
      paidCents: 0,
      patientResponsibilityCents: 0,
      reconciled: true,
    },
  });
  const words = 'CO-50: the payer does not consider the service medically necessary (contractual: the practice writes it off)';
  const stored = await api.db.prisma.denial.create({
    data: {
      encounterId: id,
      claimId: claim.id,
      claimPaymentId: payment.id,
      lineNumber: 1,
      code: '99215',
      chargeCents: 25_000,
      reasons: {
        adjustments: [{ group: 'CO', reasonCode: '50', amountCents: 25_000, words }],
        remarks: [{ code: 'N115', words: 'decision based on a local coverage determination' }],
        words: [words, 'N115: decision based on a local coverage determination'],
      },
      status,
      appealDueAt: new Date(Date.now() + appealDueInMs),
    },
  });
  ids[`${name}Denial`] = stored.id;
  return stored;
}

async function statement(name: string, owesCents: number, dueInDays: number) {
  const { id, patientId } = await encounter(name);
  const claim = await claimOf(id, name);
  const stored = await api.db.prisma.patientStatement.create({
    data: {
      encounterId: id,
      patientId,
      claimId: claim.id,
      billedCents: 25_000,
      insuranceExpectedCents: 25_000 - owesCents,
      patientOwesCents: owesCents,
      dueDate: new Date(Date.now() + dueInDays * DAY),
      breakdown: { statementNumber: `S-${name}` },
      basis: 'remittance',
    },
  });
  ids[`${name}Statement`] = stored.id;
  return stored;
}

async function payment(statementId: string, amountCents: number, reference: string) {
  return api.db.prisma.payment.create({
    data: {
      statementId,
      reference,
      requestHash: reference,
      amountCents,
      method: 'cash',
      source: 'desk',
      status: 'confirmed',
      recordedBy: 'biller-demo',
    },
  });
}

beforeAll(async () => {
  await denial('later', 'ACME-HEALTH', 20 * DAY);
  await denial('overdue', 'BLUE-PLAINS', -1 * DAY, 'escalated');
  await denial('soon', 'BLUE-PLAINS', 2 * DAY);
  await denial('done', 'ACME-HEALTH', 1 * DAY, 'written_off');

  await statement('owing', 4_000, 10);
  const late = await statement('late', 2_500, -5);
  await payment(late.id, 500, 'desk:late-1');
  const paid = await statement('paid', 3_000, 3);
  await payment(paid.id, 3_000, 'desk:paid-1');
  const overpaid = await statement('overpaid', 1_000, 1);
  const extra = await payment(overpaid.id, 1_500, 'desk:overpaid-1');
  await api.db.prisma.refundItem.create({ data: { statementId: overpaid.id, paymentId: extra.id, amountCents: 500 } });
  const planned = await statement('planned', 0, 20);
  const plan = await api.db.prisma.paymentPlan.create({ data: { statementId: planned.id, totalCents: 6_000, createdBy: 'biller-demo' } });
  await api.db.prisma.paymentPlanInstallment.createMany({
    data: [
      { planId: plan.id, number: 1, dueDate: new Date(Date.now() - 3 * DAY), amountCents: 3_000, status: 'missed' },
      { planId: plan.id, number: 2, dueDate: new Date(Date.now() + 27 * DAY), amountCents: 3_000, status: 'due' },
    ],
  });
  const collected = await statement('collections', 7_000, -60);
  await api.db.prisma.statementCycle.create({
    data: { statementId: collected.id, workflowId: `statement-cycle-${collected.id}`, status: 'closed', decision: 'collections' },
  });
}, 120_000);

/** The `key` of each item on the first page (as a supervisor). */
async function listed(path: string, key: string): Promise<string[]> {
  const response = await call(api.baseUrl, 'GET', path, { token: TOKENS.supervisor });
  expect(response.status, response.text).toBe(200);
  return response.body.items.map((item: Record<string, string>) => item[key]);
}

describe('the denials worklist', () => {
  it('lists open and escalated denials across encounters, soonest appeal deadline first, with the reasons in words', async () => {
    const response = await call(api.baseUrl, 'GET', '/worklists/denials', { token: TOKENS.biller });
    expect(response.status, response.text).toBe(200);
    expect(response.body.items.map((i: { encounterId: string }) => i.encounterId)).toEqual([ids.overdue, ids.soon, ids.later]);
    const [overdue, soon] = response.body.items;
    expect(overdue).toMatchObject({ status: 'escalated', overdue: true, payerId: 'BLUE-PLAINS' });
    expect(soon).toMatchObject({
      denialId: ids.soonDenial,
      status: 'open',
      overdue: false,
      code: '99215',
      lineNumber: 1,
      chargeCents: 25_000,
      claimNumber: expect.stringMatching(/^CLM-soon-/),
      adjustments: [{ group: 'CO', reasonCode: '50', amountCents: 25_000, words: expect.stringMatching(/medically necessary/) }],
      remarks: [{ code: 'N115', words: expect.any(String) }],
      links: { encounter: `/encounters/${ids.soon}`, actions: `/encounters/${ids.soon}/denials/actions` },
    });
    expect(soon.reasons).toHaveLength(2);
    expect(soon.links.x12).toMatch(/^\/claims\/[0-9a-f-]{36}\/837p$/);
    expect(JSON.stringify(response.body)).not.toContain('McTestface');
  });

  it('pages with a cursor in deadline order and filters by status, overdue and payer', async () => {
    expect((await allPages(api, '/worklists/denials', TOKENS.biller)).map((i) => i.denialId)).toEqual([
      ids.overdueDenial,
      ids.soonDenial,
      ids.laterDenial,
    ]);
    const only = (query: string) => listed(`/worklists/denials?${query}`, 'encounterId');
    expect(await only('status=open')).toEqual([ids.soon, ids.later]);
    expect(await only('status=escalated')).toEqual([ids.overdue]);
    expect(await only('overdue=true')).toEqual([ids.overdue]);
    expect(await only('overdue=false')).toEqual([ids.soon, ids.later]);
    expect(await only('payer=BLUE-PLAINS&status=open')).toEqual([ids.soon]);
  });

  it('refuses unknown or malformed parameters by name; billers and supervisors only', async () => {
    for (const [query, field] of [
      ['sort=deadline', 'sort'],
      ['status=written_off', 'status'],
      ['overdue=yes', 'overdue'],
      ['cursor=bm90LW91cnM', 'cursor'],
      ['limit=0', 'limit'],
    ]) {
      const response = await call(api.baseUrl, 'GET', `/worklists/denials?${query}`, { token: TOKENS.biller });
      expect([response.status, JSON.stringify(response.body.errors)], query).toEqual([400, expect.stringContaining(`"${field}"`)]);
    }
    expect((await call(api.baseUrl, 'GET', '/worklists/denials', { token: TOKENS.coder })).status).toBe(403);
    expect((await call(api.baseUrl, 'GET', '/worklists/denials', { token: TOKENS.intake })).status).toBe(403);
    expect((await call(api.baseUrl, 'GET', '/worklists/denials')).status).toBe(401);
  });
});

describe('the balances worklist', () => {
  it('lists statements with a balance, a refund to make or a missed installment, earliest due date first', async () => {
    const response = await call(api.baseUrl, 'GET', '/worklists/balances', { token: TOKENS.biller });
    expect(response.status, response.text).toBe(200);
    const byStatement = response.body.items.map((i: { statementId: string }) => i.statementId);
    // paid (nothing left) and collections (closed by a supervisor) are nobody's work here.
    expect(byStatement).toEqual([ids.lateStatement, ids.overpaidStatement, ids.owingStatement, ids.plannedStatement]);
    const [late, overpaid, owing, planned] = response.body.items;
    expect(late).toMatchObject({
      encounterId: ids.late,
      statementNumber: 'S-late',
      needs: ['balance'],
      owedCents: 2_500,
      paidCents: 500,
      balanceCents: 2_000,
      overdue: true,
      cycle: null,
      links: { encounter: `/encounters/${ids.late}`, payments: `/statements/${ids.lateStatement}/payments` },
    });
    expect(overpaid).toMatchObject({ needs: ['refund'], balanceCents: -500, overdue: false, refunds: [{ amountCents: 500 }] });
    expect(owing).toMatchObject({ needs: ['balance'], balanceCents: 4_000, overdue: false });
    expect(planned).toMatchObject({ needs: ['missed_installment'], missedInstallments: [{ number: 1, amountCents: 3_000 }] });
  });

  it('pages with a cursor and filters by need and payer', async () => {
    expect((await allPages(api, '/worklists/balances', TOKENS.biller)).map((i) => i.statementId)).toEqual([
      ids.lateStatement,
      ids.overpaidStatement,
      ids.owingStatement,
      ids.plannedStatement,
    ]);
    const only = (query: string) => listed(`/worklists/balances?${query}`, 'statementId');
    expect(await only('needs=balance')).toEqual([ids.lateStatement, ids.owingStatement]);
    expect(await only('needs=refund')).toEqual([ids.overpaidStatement]);
    expect(await only('needs=missed_installment')).toEqual([ids.plannedStatement]);
    expect(await only('payer=BLUE-PLAINS')).toEqual([]);
  });

  it('refuses unknown or malformed parameters by name; billers and supervisors only', async () => {
    for (const [query, field] of [
      ['status=open', 'status'],
      ['needs=everything', 'needs'],
      ['cursor=bm90LW91cnM', 'cursor'],
    ]) {
      const response = await call(api.baseUrl, 'GET', `/worklists/balances?${query}`, { token: TOKENS.biller });
      expect([response.status, JSON.stringify(response.body.errors)], query).toEqual([400, expect.stringContaining(`"${field}"`)]);
    }
    expect((await call(api.baseUrl, 'GET', '/worklists/balances', { token: TOKENS.coder })).status).toBe(403);
  });
});

describe('the worklists before the claim', () => {
  it('refuse an unknown query parameter by name too', async () => {
    for (const path of ['/worklists/eligibility?sort=age', '/worklists/authorizations?sort=age']) {
      const response = await call(api.baseUrl, 'GET', path, { token: TOKENS.biller });
      expect([response.status, response.body.errors?.[0]?.field], path).toEqual([400, 'sort']);
    }
  });
});
