/**
 * The front of the biller's cycle end to end over HTTP on the real stack (API, Temporal dev
 * server, worker, database, insurer sandbox): inactive coverage → self-pay; a coverage
 * correction; eligible → prior authorization before the service → the visit documented → billed
 * with the pre-service authorization; a visit that differs from what was authorized goes to the
 * biller; labelled estimates before the visit (insured, and a good-faith estimate for self-pay).
 * Asserts what the database and the insurer recorded.
 *
 * Over 300 lines because its paths share one started stack (minutes to start on a busy machine).
 */
import { describe, expect, it } from 'vitest';
import { dateToDay } from '../../domain/days.ts';
import type { Stage } from '../../workflows/stages.ts';
import { TOKENS, call, encounterStatus, submitEncounter, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { until } from '../../testkit/poll.ts';
import { SCHEDULED_VISIT_PAID, stagesOf } from '../../testkit/encounter-paths.ts';
import { documentVisit, KNEE_MRI_PLANNED, KNEE_MRI_VISIT, scheduledVisit } from '../../testkit/scheduled-visit.ts';

const stack = useTestStack();

const submit = (body: unknown) => submitEncounter(stack.apiUrl, body);
const status = (id: string) => encounterStatus(stack.apiUrl, id);
const waitForStage = (id: string, stage: Stage) => waitForEncounterStage(stack.apiUrl, id, stage);

function inDays(days: number): string {
  return dateToDay(new Date(Date.now() + days * 86_400_000));
}

describe('eligibility first', () => {
  it('inactive coverage → the biller switches to self-pay: no claim to the insurer, the patient is billed from the self-pay list', async () => {
    const id = await submit({ ...validSubmission(), patient: { ...validSubmission().patient, memberId: 'M-TERMINATED' } });
    const waiting = await waitForStage(id, 'awaiting_coverage');
    expect(waiting.eligibility).toMatchObject({ status: 'inactive', planEnd: '2026-06-30' });
    expect(waiting.pendingDecision?.reason).toContain('coverage ended on 2026-06-30');

    const coverage = await call(stack.apiUrl, 'GET', `/encounters/${id}/coverage`, { token: TOKENS.biller });
    expect(coverage.status).toBe(200);
    expect(coverage.body.coverage.version).toBe(1);
    expect(coverage.body.eligibilityChecks[0]).toMatchObject({ status: 'inactive', copayCents: 2500, outOfPocketMaxCents: 600000 });

    const stale = await call(stack.apiUrl, 'POST', `/encounters/${id}/self-pay`, {
      token: TOKENS.biller,
      body: { reason: 'patient pays cash', expectedVersion: 7 },
    });
    expect(stale.status).toBe(409);
    const switched = await call(stack.apiUrl, 'POST', `/encounters/${id}/self-pay`, {
      token: TOKENS.biller,
      body: { reason: 'patient pays cash', expectedVersion: 1 },
    });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ version: 2, kind: 'self_pay' });

    const billed = await waitForStage(id, 'billed');
    expect(billed.financialClass).toBe('self_pay');
    expect(billed.history.map((t) => t.to)).toEqual(['eligibility', 'awaiting_coverage', 'eligibility', 'coding', 'billing', 'billed']);
    const claim = await stack.db.prisma.claim.findFirstOrThrow({ where: { encounterId: id } });
    expect(claim).toMatchObject({ status: 'patient_responsibility', ackStatus: 'not_submitted', totalChargeCents: 8100 });
    const statement = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { encounterId: id } });
    expect(statement).toMatchObject({ patientOwesCents: 8100, insuranceExpectedCents: 0 });
    const versions = await stack.db.prisma.coverageVersion.findMany({ where: { encounterId: id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => [v.version, v.kind, v.changedBy])).toEqual([
      [1, 'insurance', 'intake'],
      [2, 'self_pay', 'biller-demo'],
    ]);
    expect(await stack.db.prisma.auditEvent.count({ where: { encounterId: id, action: 'coverage.self_pay' } })).toBe(1);
  });

  it('the wrong member: the biller corrects the member id (a new version), eligibility is checked again and the encounter is billed', async () => {
    const id = await submit({ ...validSubmission(), patient: { ...validSubmission().patient, memberId: 'M-MISMATCH' } });
    const waiting = await waitForStage(id, 'awaiting_coverage');
    expect(waiting.eligibility).toMatchObject({ status: 'member_mismatch' });
    expect(waiting.pendingDecision?.reason).toContain('AAA 71');

    const unknownPayer = await call(stack.apiUrl, 'POST', `/encounters/${id}/coverage`, {
      token: TOKENS.biller,
      body: { payerId: 'NOSUCH-PAYER', memberId: 'X1', reason: 'card', expectedVersion: 1 },
    });
    expect(unknownPayer.status).toBe(400);
    expect(unknownPayer.body.errors[0].field).toBe('payerId');
    const asCoder = await call(stack.apiUrl, 'POST', `/encounters/${id}/coverage`, {
      token: TOKENS.coder,
      body: { payerId: 'BLUE-PLAINS', memberId: 'BP-100', reason: 'card', expectedVersion: 1 },
    });
    expect(asCoder.status).toBe(403);
    const corrected = await call(stack.apiUrl, 'POST', `/encounters/${id}/coverage`, {
      token: TOKENS.biller,
      body: { payerId: 'BLUE-PLAINS', memberId: 'BP-100', reason: 'new insurance card', expectedVersion: 1 },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.version).toBe(2);

    const billed = await waitForStage(id, 'billed');
    expect(billed.eligibility).toMatchObject({ status: 'active', check: 2, payerId: 'BLUE-PLAINS' });
    const encounter = await stack.db.prisma.encounter.findUniqueOrThrow({ where: { id } });
    expect(encounter).toMatchObject({ payerId: 'BLUE-PLAINS', memberId: 'BP-100', coverageVersion: 2 });
    const claim = await stack.db.prisma.claim.findFirstOrThrow({ where: { encounterId: id } });
    expect(claim.x12).toContain('BP-100');
    expect(await stack.db.prisma.eligibilityCheck.count({ where: { encounterId: id } })).toBe(2);
  });

  it('demographics are corrected as a new version, never overwritten; a stale version is refused', async () => {
    const id = await submit(validSubmission());
    await waitForStage(id, 'billed');
    const fix = {
      lastName: 'McTestface-Smith',
      address: { line1: '99 New Road', city: 'Peoria', state: 'IL', postalCode: '61602' },
      reason: 'patient moved and married',
    };
    const corrected = await call(stack.apiUrl, 'POST', `/encounters/${id}/demographics`, {
      token: TOKENS.biller,
      body: { ...fix, expectedVersion: 1 },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.fields).toEqual(expect.arrayContaining(['lastName', 'addressLine1', 'city', 'postalCode']));
    const again = await call(stack.apiUrl, 'POST', `/encounters/${id}/demographics`, {
      token: TOKENS.biller,
      body: { ...fix, expectedVersion: 1 },
    });
    expect(again.status).toBe(409);
    const coverage = await call(stack.apiUrl, 'GET', `/encounters/${id}/coverage`, { token: TOKENS.supervisor });
    expect(coverage.body.demographicsVersions.map((v: { version: number; lastName: string }) => [v.version, v.lastName])).toEqual([
      [1, 'McTestface'],
      [2, 'McTestface-Smith'],
    ]);
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { encounterId: id, action: 'patient.demographics_corrected' },
    });
    expect(JSON.stringify(audit.detail)).not.toContain('New Road');
  });
});

describe('a scheduled visit', () => {
  it('eligible → prior authorization before the service → the visit is documented → billed with the pre-service authorization', async () => {
    const dateOfService = inDays(10);
    const id = await submit(scheduledVisit(dateOfService));
    const waiting = await waitForStage(id, 'awaiting_visit');
    expect(waiting.authorization).toMatchObject({ outcome: 'certified', timing: 'pre_service' });
    expect(waiting.scheduled).toEqual({ dateOfService });
    const insurer = (await (await fetch(`${stack.insurerUrl}/_sandbox/records`)).json()) as any;
    const request = insurer.authorizations.find((a: { idempotencyKey: string }) => a.idempotencyKey === `${id}:pa:pre:1`);
    expect(request.request).toMatchObject({ dateOfService, services: [{ code: '73721', units: 1 }], diagnoses: ['M23.303'] });
    expect(await stack.db.prisma.codeAssignment.count({ where: { encounterId: id } })).toBe(0);

    // Before the visit: an estimate from the 271 benefits and the payer's allowed amount, labelled as one.
    // ACME-HEALTH allows 682.00 for 73721; copay 25.00, then 657.00 of the 1,100.00 deductible still unmet.
    const estimate = await call(stack.apiUrl, 'POST', `/encounters/${id}/estimates`, { token: TOKENS.biller });
    expect(estimate.status).toBe(201);
    expect(estimate.body).toMatchObject({
      kind: 'estimate',
      label: 'ESTIMATE — not a bill',
      servicesSource: 'planned',
      payerId: 'ACME-HEALTH',
      chargeCents: 110000,
      expectedPriceCents: 68200,
      copayCents: 2500,
      deductibleCents: 65700,
      coinsuranceCents: 0,
      patientEstimateCents: 68200,
      insuranceEstimateCents: 0,
    });
    expect(estimate.body.notes[0]).toMatch(/not a bill/);
    expect(await stack.db.prisma.patientStatement.count({ where: { encounterId: id } })).toBe(0);

    const notScheduled = await call(stack.apiUrl, 'PUT', `/encounters/${await submit(validSubmission())}/documentation`, {
      token: TOKENS.intake,
      body: KNEE_MRI_VISIT,
    });
    expect(notScheduled.status).toBe(409);
    const bad = await call(stack.apiUrl, 'PUT', `/encounters/${id}/documentation`, {
      token: TOKENS.intake,
      body: { ...KNEE_MRI_VISIT, notes: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('notes');
    const documented = await documentVisit(stack.apiUrl, id);
    expect(documented.status).toBe(200);
    const replay = await documentVisit(stack.apiUrl, id);
    expect([replay.status, replay.headers.get('idempotent-replay')]).toEqual([200, 'true']);

    const billed = await waitForStage(id, 'billed');
    expect(stagesOf(billed)).toEqual(SCHEDULED_VISIT_PAID);
    expect(billed.authorization?.performedCheck).toEqual({ matches: true, differences: [] });
    const auth = await stack.db.prisma.priorAuthorization.findFirstOrThrow({ where: { encounterId: id } });
    expect(auth).toMatchObject({ timing: 'pre_service', status: 'certified' });
    const claim = await stack.db.prisma.claim.findFirstOrThrow({ where: { encounterId: id } });
    expect(claim.priorAuthNumber).toBe(auth.authNumber);
    expect(await stack.db.prisma.priorAuthorization.count({ where: { encounterId: id } })).toBe(1);
  });

  it('a self-pay patient gets a good-faith estimate of the planned services before the visit; the same request again stores nothing new', async () => {
    const id = await submit(
      scheduledVisit(inDays(5), KNEE_MRI_PLANNED, {
        ...validSubmission(),
        patient: { ...validSubmission().patient, memberId: 'M-TERMINATED' },
      }),
    );
    await waitForStage(id, 'awaiting_coverage');
    const inactive = await call(stack.apiUrl, 'POST', `/encounters/${id}/estimates`, { token: TOKENS.biller });
    expect(inactive.status).toBe(409);
    expect(inactive.body.detail).toContain('inactive');
    expect((await call(stack.apiUrl, 'POST', `/encounters/${id}/estimates`, { token: TOKENS.coder })).status).toBe(403);

    const switched = await call(stack.apiUrl, 'POST', `/encounters/${id}/self-pay`, {
      token: TOKENS.biller,
      body: { reason: 'uninsured: pays cash', expectedVersion: 1 },
    });
    expect(switched.status).toBe(200);
    await waitForStage(id, 'awaiting_visit');
    const estimate = await call(stack.apiUrl, 'POST', `/encounters/${id}/estimates`, { token: TOKENS.biller });
    expect(estimate.status).toBe(201);
    expect(estimate.body).toMatchObject({
      kind: 'good_faith_estimate',
      label: 'GOOD-FAITH ESTIMATE — not a bill',
      payerId: null,
      benefitsAsOf: null,
      lines: [{ code: '73721', units: 1, chargeCents: 66000, expectedPriceCents: 66000 }],
      patientEstimateCents: 66000,
      insuranceEstimateCents: 0,
    });
    const again = await call(stack.apiUrl, 'POST', `/encounters/${id}/estimates`, { token: TOKENS.biller });
    expect([again.status, again.headers.get('idempotent-replay'), again.body.id]).toEqual([200, 'true', estimate.body.id]);
    const listed = await call(stack.apiUrl, 'GET', `/encounters/${id}/estimates`, { token: TOKENS.supervisor });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([estimate.body.id]);
    expect(await stack.db.prisma.patientEstimate.count({ where: { encounterId: id } })).toBe(1);
    expect(await stack.db.prisma.auditEvent.count({ where: { encounterId: id, action: 'estimate.created' } })).toBe(1);
    expect(await stack.db.prisma.auditEvent.count({ where: { encounterId: id, action: 'estimates.viewed' } })).toBe(1);
  });

  it('performed more than was authorized: the biller is asked (never a recode), and a retro-authorization is requested', async () => {
    const id = await submit(scheduledVisit(inDays(3), { services: [{ code: '72148', units: 1 }], diagnoses: ['M54.16'] }));
    await waitForStage(id, 'awaiting_visit');
    const documented = await documentVisit(stack.apiUrl, id, {
      notes: 'Low back pain radiating to the left leg. MRI lumbar spine without contrast performed twice (repeat for motion artifact).',
      diagnoses: [{ description: 'Radiculopathy, lumbar region', code: 'M54.16' }],
      procedures: [{ description: 'MRI lumbar spine without contrast', code: '72148', units: 2 }],
      testResults: [],
    });
    expect(documented.status).toBe(200);
    // Two MRIs on one day exceed the per-day units edit first: a coder confirms both are documented
    // (an accept of the units edit needs a note), then a supervisor accepts billing over the edit.
    await waitForStage(id, 'coder_review');
    const coderAccept = await call(stack.apiUrl, 'POST', `/encounters/${id}/coder-review`, {
      token: TOKENS.coder,
      body: { action: 'accept', note: 'repeat study documented (motion artifact)' },
    });
    expect(coderAccept.status).toBe(200);
    const edits = await waitForStage(id, 'needs_review');
    expect(edits.pendingDecision?.kind).toBe('edit_failed');
    expect(
      (await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, { token: TOKENS.supervisor, body: { decision: 'accept_codes' } }))
        .status,
    ).toBe(200);
    const review = await until('the authorization mismatch to be put to a decision', async () => {
      const current = await status(id);
      return current.pendingDecision?.kind === 'authorization_mismatch' && current;
    });
    expect(review.pendingDecision?.reason).toContain('72148: 2 units performed, 1 authorized');
    expect(review.pendingDecision).toMatchObject({ kind: 'authorization_mismatch', allowed: ['resubmit', 'accept_codes', 'bill_patient'] });
    const decided = await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.biller,
      body: { decision: 'resubmit' },
    });
    expect(decided.status).toBe(200);
    await waitForStage(id, 'billed');
    const auths = await stack.db.prisma.priorAuthorization.findMany({ where: { encounterId: id }, orderBy: { createdAt: 'asc' } });
    expect(auths.map((a) => a.timing)).toEqual(['pre_service', 'retro']);
    const codes = await stack.db.prisma.codeAssignment.findMany({ where: { encounterId: id, kind: 'procedure' } });
    expect(new Set(codes.map((c) => c.revision))).toEqual(new Set([1]));
  });
});
