/**
 * GET /worklists/overview over the API and a real database: what each queue counts, the age
 * buckets, escalated and overdue items first (per queue and across queues), the payer and
 * physician filters, supervisors only, and unknown or malformed parameters refused by name.
 * Encounters are posted through intake, then put where each queue finds them directly.
 *
 * Over 300 lines because every check reads the one set of queues seeded in beforeAll (each queue,
 * age bucket, filter and ordering against the same rows).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useApiUnderTest, TOKENS, validSubmission } from './support.ts';
import { seedStatement } from '../../testkit/seed-statement.ts';

const api = useApiUnderTest();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);
const ids: Record<string, string> = {};
const clinicIds: Record<string, string> = {};
const OTHER_PHYSICIAN = { npi: '1245319599', name: 'Dr. Demo Two', taxonomy: '207Q00000X' };

/** An encounter (ACME-HEALTH and Dr. Demo One unless `other`) put in `stage` since `sinceMs` ago. */
async function encounterIn(name: string, stage: string, sinceMs: number, other = false): Promise<string> {
  const submission = validSubmission();
  const body = other ? { ...submission, payerId: 'BLUE-PLAINS', provider: OTHER_PHYSICIAN } : submission;
  const created = await call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await api.db.prisma.encounter.update({ where: { id }, data: { stage } });
  await api.db.prisma.encounterTransition.create({
    data: { encounterId: id, sequence: 1, fromStage: 'received', toStage: stage, at: ago(sinceMs) },
  });
  ids[name] = id;
  clinicIds[name] = body.clinicEncounterId;
  return id;
}

/** A billed encounter with a statement, and the statement's id. */
async function billedWithStatement(name: string): Promise<{ encounterId: string; statementId: string; claimId: string }> {
  const encounterId = await encounterIn(name, 'billed', DAY);
  const { statementId, claimId } = await seedStatement(api.db.prisma, encounterId);
  return { encounterId, statementId, claimId };
}

beforeAll(async () => {
  const prisma = api.db.prisma;
  // The physician did not answer in time: the query is escalated and overdue, the encounter escalated.
  const escalated = await encounterIn('escalated', 'escalated', 2 * DAY);
  await prisma.clarificationQuery.create({
    data: {
      id: `${escalated}:q1`,
      encounterId: escalated,
      physicianNpi: '1234567893',
      question: 'Which type of diabetes?',
      reason: 'unspecified_type',
      status: 'escalated',
      dueAt: ago(1 * DAY),
      createdAt: ago(4 * DAY),
    },
  });
  const asked = await encounterIn('asked', 'awaiting_clarification', 30 * 60_000);
  await prisma.clarificationQuery.create({
    data: {
      id: `${asked}:q1`,
      encounterId: asked,
      physicianNpi: '1234567893',
      question: 'Which side?',
      reason: 'laterality',
      status: 'open',
      dueAt: new Date(Date.now() + 2 * DAY),
      createdAt: ago(30 * 60_000),
    },
  });
  await encounterIn('coderOld', 'coder_review', 10 * DAY, true);
  await encounterIn('coderNew', 'coder_review', 2 * HOUR);
  await encounterIn('coverage', 'awaiting_coverage', 2 * DAY, true);
  await encounterIn('review', 'needs_review', 5 * DAY);
  await encounterIn('denialReview', 'denial_review', 4 * DAY);
  // Knee arthroscopy (29880) is expedited at ACME-HEALTH: 72 h to decide, so four days is late; MRI (72148) has 7 days.
  for (const [name, status, age, code] of [
    ['pendedLate', 'pended', 8 * DAY, '72148'],
    ['pendedNew', 'requested', HOUR, '72148'],
    ['pendedExpedited', 'pended', 4 * DAY, '29880'],
    ['pendedStandard', 'pended', 4 * DAY, '72148'],
  ] as const) {
    const id = await encounterIn(name, 'authorization', age);
    await prisma.priorAuthorization.create({
      data: {
        encounterId: id,
        idempotencyKey: `${id}:pa:1`,
        timing: 'pre_service',
        status,
        requestedUnits: { [code]: 1 },
        createdAt: ago(age),
      },
    });
  }
  // Nothing waits on a billed encounter without open items.
  await encounterIn('done', 'billed', 3 * DAY);

  const billed = await billedWithStatement('billedWork');
  await prisma.patientQuestion.create({
    data: {
      statementId: billed.statementId,
      encounterId: billed.encounterId,
      category: 'dont_understand_charge',
      channel: 'patient_page',
      askedBy: 'patient',
      dueAt: ago(HOUR),
      escalatedAt: ago(HOUR),
      workflowId: `patient-question-${randomUUID()}`,
      createdAt: ago(3 * DAY + HOUR),
    },
  });
  await prisma.statementCycle.create({
    data: { statementId: billed.statementId, workflowId: `statement-cycle-${billed.statementId}`, status: 'awaiting_decision' },
  });
  const payment = await prisma.payment.create({
    data: {
      statementId: billed.statementId,
      reference: randomUUID(),
      requestHash: 'x',
      amountCents: 5_000,
      method: 'cash',
      source: 'desk',
      status: 'confirmed',
      recordedBy: 'biller-demo',
    },
  });
  await prisma.refundItem.create({
    data: { statementId: billed.statementId, paymentId: payment.id, amountCents: 2_500, createdAt: ago(8 * DAY) },
  });
  const plan = await prisma.paymentPlan.create({ data: { statementId: billed.statementId, totalCents: 2_500, createdBy: 'biller-demo' } });
  await prisma.paymentPlanInstallment.createMany({
    data: [
      { planId: plan.id, number: 1, dueDate: ago(40 * DAY), amountCents: 1_250, status: 'paid' },
      { planId: plan.id, number: 2, dueDate: ago(2 * DAY), amountCents: 1_250, status: 'missed' },
    ],
  });
  const remittance = await prisma.remittance.create({
    data: { payerId: 'ACME-HEALTH', traceNumber: randomUUID(), rawSha256: randomUUID(), raw: '', status: 'posted' },
  });
  const claimPayment = await prisma.claimPayment.create({
    data: {
      remittanceId: remittance.id,
      sequence: 1,
      claimId: billed.claimId,
      encounterId: billed.encounterId,
      claimNumber: 'CLM-1',
      status: '4',
      payerClaimNumber: 'P-1',
      chargeCents: 15_000,
      paidCents: 0,
      patientResponsibilityCents: 0,
      reconciled: true,
    },
  });
  await prisma.denial.createMany({
    data: [
      { lineNumber: 1, status: 'open', appealDueAt: new Date(Date.now() + 100 * DAY) },
      { lineNumber: 2, status: 'written_off', appealDueAt: null },
    ].map((d) => ({
      ...d,
      encounterId: billed.encounterId,
      claimId: billed.claimId,
      claimPaymentId: claimPayment.id,
      code: '99213',
      chargeCents: 7_500,
      reasons: [],
      createdAt: ago(20 * DAY),
    })),
  });
}, 120_000);

const overview = (query = '', token: string = TOKENS.supervisor) => call(api.baseUrl, 'GET', `/worklists/overview${query}`, { token });
const queueOf = (body: any, name: string) => body.queues.find((q: any) => q.queue === name);

describe('GET /worklists/overview', () => {
  it('counts what waits in every queue, with its age buckets', async () => {
    const response = await overview();
    expect(response.status).toBe(200);
    const counted = Object.fromEntries(response.body.queues.map((q: any) => [q.queue, [q.count, q.overdue, q.escalated]]));
    expect(counted).toEqual({
      escalated: [1, 0, 1],
      needs_review: [1, 0, 0],
      statement_decisions: [1, 0, 0],
      clarifications: [2, 1, 1],
      coder_review: [2, 0, 0],
      coverage: [1, 0, 0],
      authorizations_pending: [4, 2, 0],
      authorizations_denied: [0, 0, 0],
      denial_review: [1, 0, 0],
      denials: [1, 0, 0],
      patient_questions: [1, 1, 1],
      refunds: [1, 0, 0],
      missed_installments: [1, 0, 0],
    });
    expect(response.body.totals).toEqual({ count: 17, overdue: 4, escalated: 3 });
    expect(queueOf(response.body, 'coder_review').byAge).toEqual({ under_1_day: 1, '1_to_3_days': 0, '3_to_7_days': 0, over_7_days: 1 });
    expect(queueOf(response.body, 'clarifications').byAge).toEqual({ under_1_day: 1, '1_to_3_days': 0, '3_to_7_days': 1, over_7_days: 0 });
    expect(response.body.ageBuckets.map((b: any) => b.label)).toEqual(['< 1 day', '1–3 days', '3–7 days', '> 7 days']);
  });

  it('lists each queue’s items escalated first, then overdue, then the longest waiting, with links', async () => {
    const response = await overview();
    const coder = queueOf(response.body, 'coder_review');
    expect(coder.items.map((i: any) => i.encounterId)).toEqual([ids.coderOld, ids.coderNew]);
    expect(coder.items[0]).toMatchObject({
      clinicEncounterId: clinicIds.coderOld,
      payerId: 'BLUE-PLAINS',
      physicianNpi: '1245319599',
      ageBucket: 'over_7_days',
      overdue: false,
      escalated: false,
      dueAt: null,
      links: { encounter: `/encounters/${ids.coderOld}`, review: `/encounters/${ids.coderOld}/coder-review` },
    });
    expect(coder.items[0].ageDays).toBeGreaterThanOrEqual(10);
    expect(coder.oldestSince).toBe(coder.items[0].since);
    const authorizations = queueOf(response.body, 'authorizations_pending');
    expect(authorizations.items.map((i: any) => [i.encounterId, i.overdue])).toEqual([
      [ids.pendedLate, true],
      [ids.pendedExpedited, true],
      [ids.pendedStandard, false],
      [ids.pendedNew, false],
    ]);
    // The deadline the workflow keeps: expedited (72 h) for knee arthroscopy, standard (7 days) for the MRI.
    const deadline = (id: string) => {
      const item = authorizations.items.find((i: any) => i.encounterId === id);
      return (Date.parse(item.dueAt) - Date.parse(item.since)) / HOUR;
    };
    expect(deadline(ids.pendedExpedited!)).toBe(72);
    expect(deadline(ids.pendedStandard!)).toBe(7 * 24);
    // The escalated query before the open one.
    expect(queueOf(response.body, 'clarifications').items.map((i: any) => [i.encounterId, i.escalated, i.overdue])).toEqual([
      [ids.escalated, true, true],
      [ids.asked, false, false],
    ]);
    expect(queueOf(response.body, 'authorizations_denied').items).toEqual([]);
  });

  it('lists the escalated and overdue items of all queues first, escalations before the merely overdue', async () => {
    const response = await overview();
    expect(response.body.attention.map((i: any) => [i.queue, i.encounterId, i.escalated, i.overdue])).toEqual([
      ['clarifications', ids.escalated, true, true],
      ['patient_questions', ids.billedWork, true, true],
      ['escalated', ids.escalated, true, false],
      ['authorizations_pending', ids.pendedLate, false, true],
      ['authorizations_pending', ids.pendedExpedited, false, true],
    ]);
    expect(response.body.attention[1].links.question).toMatch(/^\/patient-questions\//);
    // The few shown per queue and across queues follow perQueue and attention.
    const small = await overview('?perQueue=1&attention=2');
    expect(small.status).toBe(200);
    expect(queueOf(small.body, 'coder_review').items.map((i: any) => i.encounterId)).toEqual([ids.coderOld]);
    expect(queueOf(small.body, 'coder_review').count).toBe(2);
    expect(small.body.attention).toHaveLength(2);
  });

  it('counts by payer and by physician, and filters by either', async () => {
    const all = await overview();
    expect(all.body.byPayer).toEqual(
      expect.arrayContaining([
        { payerId: 'BLUE-PLAINS', count: 2, overdue: 0, escalated: 0 },
        { payerId: 'ACME-HEALTH', count: 15, overdue: 4, escalated: 3 },
      ]),
    );
    expect(all.body.byPayer[0].payerId).toBe('ACME-HEALTH'); // the most escalated first
    expect(all.body.byPhysician).toEqual([
      { npi: '1234567893', name: 'Dr. Demo One', count: 15, overdue: 4, escalated: 3 },
      { npi: '1245319599', name: 'Dr. Demo Two', count: 2, overdue: 0, escalated: 0 },
    ]);
    const payer = await overview('?payer=BLUE-PLAINS');
    expect(payer.status).toBe(200);
    expect(payer.body.filters).toEqual({ payer: 'BLUE-PLAINS', physician: null });
    expect(payer.body.totals).toEqual({ count: 2, overdue: 0, escalated: 0 });
    expect(queueOf(payer.body, 'coverage').items.map((i: any) => i.encounterId)).toEqual([ids.coverage]);
    const physician = await overview('?physician=1234567893');
    expect(physician.body.totals).toEqual({ count: 15, overdue: 4, escalated: 3 });
    expect(queueOf(physician.body, 'coder_review').items.map((i: any) => i.encounterId)).toEqual([ids.coderNew]);
    const both = await overview('?physician=1245319599&payer=ACME-HEALTH');
    expect(both.body.totals).toEqual({ count: 0, overdue: 0, escalated: 0 });
    expect(both.body.attention).toEqual([]);
  });

  it('is for supervisors only', async () => {
    for (const token of [TOKENS.coder, TOKENS.biller, TOKENS.physicianA, TOKENS.intake]) {
      const response = await overview('', token);
      expect(response.status, token).toBe(403);
      expect(response.contentType).toMatch(/problem\+json/);
    }
    expect((await call(api.baseUrl, 'GET', '/worklists/overview')).status).toBe(401);
  });

  it('refuses unknown or malformed parameters, naming them', async () => {
    const unknown = await overview('?stage=coder_review');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('stage');
    const badNpi = await overview('?physician=1234567890');
    expect(badNpi.status).toBe(400);
    expect(badNpi.body.errors).toEqual([expect.objectContaining({ field: 'physician' })]);
    const tooMany = await overview('?perQueue=500');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'perQueue' })]);
  });

  it('is in the OpenAPI document with its response schema', async () => {
    const document = await call(api.baseUrl, 'GET', '/openapi.json');
    const operation = document.body.paths['/worklists/overview'].get;
    expect(operation.parameters.map((p: any) => p.name).sort()).toEqual(['attention', 'payer', 'perQueue', 'physician']);
    expect(JSON.stringify(operation.responses['200'])).toContain('WorklistOverview');
  });
});

describe('GET /whoami (the staff UI offers each role its screens)', () => {
  it('names the role of each token, and answers 401 for a token it does not know', async () => {
    const roles: Record<string, unknown> = {};
    for (const [name, token] of Object.entries(TOKENS)) {
      const response = await call(api.baseUrl, 'GET', '/whoami', { token });
      expect(response.status, name).toBe(200);
      roles[name] = response.body;
    }
    expect(roles).toEqual({
      intake: { role: 'intake', subject: 'intake-demo' },
      coder: { role: 'coder', subject: 'coder-demo' },
      biller: { role: 'biller', subject: 'biller-demo' },
      supervisor: { role: 'supervisor', subject: 'supervisor-demo' },
      physicianA: { role: 'physician', subject: '1234567893' },
      physicianB: { role: 'physician', subject: '1245319599' },
    });
    expect((await call(api.baseUrl, 'GET', '/whoami', { token: 'not-a-token' })).status).toBe(401);
    expect((await call(api.baseUrl, 'GET', '/whoami')).status).toBe(401);
  });
});
