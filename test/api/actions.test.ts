import { beforeAll, describe, expect, it } from 'vitest';
import { call, submitEncounter, TOKENS, useApiUnderTest } from './support.ts';
import { seedStatement } from '../../testkit/seed-statement.ts';

const api = useApiUnderTest();
let encounterId: string;
let patientId: string;
// The workflow makes query ids with uuid4.
const openQueryId = crypto.randomUUID();
const answeredQueryId = crypto.randomUUID();

beforeAll(async () => {
  encounterId = await submitEncounter(api.baseUrl);
  patientId = (await api.db.prisma.encounter.findUniqueOrThrow({ where: { id: encounterId } })).patientId;
});

async function addQuery(id: string, status = 'open') {
  await api.db.prisma.clarificationQuery.create({
    data: {
      id,
      encounterId,
      physicianNpi: '1234567893', // physician A
      question: 'Is the diabetes controlled?',
      clinicalIndicators: ['HbA1c 7.2 %'],
      options: ['controlled', 'uncontrolled'],
      reason: 'specificity',
      status,
      dueAt: new Date(Date.now() + 72 * 3600_000),
    },
  });
}

describe('clarification queries', () => {
  beforeAll(async () => {
    await addQuery(openQueryId);
    await addQuery(answeredQueryId, 'answered');
  });

  it('lists a physician’s open clarifications to that physician and supervisors only', async () => {
    const own = await call(api.baseUrl, 'GET', '/physicians/1234567893/clarifications', { token: TOKENS.physicianA });
    expect(own.status).toBe(200);
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0]).toMatchObject({ id: openQueryId, encounterId, options: ['controlled', 'uncontrolled'], remindersSent: 0 });
    expect(own.body.items[0].links.answer).toBe(`/clarifications/${openQueryId}/answer`);
    expect((await call(api.baseUrl, 'GET', '/physicians/1234567893/clarifications', { token: TOKENS.supervisor })).body.items).toHaveLength(
      1,
    );
    expect((await call(api.baseUrl, 'GET', '/physicians/1234567893/clarifications', { token: TOKENS.physicianB })).status).toBe(403);
    // The first path, kept as an alias.
    expect((await call(api.baseUrl, 'GET', '/physicians/1234567893/queries', { token: TOKENS.physicianA })).body).toEqual(own.body);
  });

  it('403 when another physician answers; 404 unknown; 409 not open; 400 empty answer', async () => {
    const other = await call(api.baseUrl, 'POST', `/clarifications/${openQueryId}/answer`, {
      token: TOKENS.physicianB,
      body: { option: 'controlled' },
    });
    expect(other.status).toBe(403);
    expect(other.contentType).toMatch(/problem\+json/);
    expect(
      (await call(api.baseUrl, 'POST', '/clarifications/nope/answer', { token: TOKENS.physicianA, body: { option: 'controlled' } })).status,
    ).toBe(404);
    expect(
      (
        await call(api.baseUrl, 'POST', `/clarifications/${answeredQueryId}/answer`, {
          token: TOKENS.physicianA,
          body: { option: 'controlled' },
        })
      ).status,
    ).toBe(409);
    expect((await call(api.baseUrl, 'POST', `/queries/${openQueryId}/answer`, { token: TOKENS.physicianA, body: {} })).status).toBe(400);
    expect(
      (await call(api.baseUrl, 'POST', `/queries/${openQueryId}/answer`, { token: TOKENS.coder, body: { option: 'controlled' } })).status,
    ).toBe(403);
  });

  it('503 (not a hang) when the workflow does not take the update in time', async () => {
    const response = await call(api.baseUrl, 'POST', `/clarifications/${openQueryId}/answer`, {
      token: TOKENS.physicianA,
      body: { option: 'controlled' },
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await api.db.prisma.auditEvent.count({ where: { action: 'clarification.answered' } })).toBe(0);
  });
});

describe('staff actions', () => {
  it('PUT codes: 400 for a bad code and a pointer past the diagnoses; 409 while the stage is received', async () => {
    const bad = await call(api.baseUrl, 'PUT', `/encounters/${encounterId}/codes`, {
      token: TOKENS.coder,
      body: { diagnoses: [{ code: 'E11.9' }, { code: 'diabetes' }], procedures: [{ code: '99213', diagnosisPointers: [3] }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['diagnoses.1.code', 'procedures.0.diagnosisPointers.0']);
    const early = await call(api.baseUrl, 'PUT', `/encounters/${encounterId}/codes`, {
      token: TOKENS.coder,
      body: { diagnoses: [{ code: 'E11.9' }], procedures: [{ code: '99213', diagnosisPointers: [1] }] },
    });
    expect(early.status).toBe(409);
  });

  it('decision: 503 without a live status for non-cancel decisions; 400 for an unknown decision', async () => {
    expect(
      (
        await call(api.baseUrl, 'POST', `/encounters/${encounterId}/decision`, {
          token: TOKENS.supervisor,
          body: { decision: 'extend', extendBy: '24h' },
        })
      ).status,
    ).toBe(503);
    const unknown = await call(api.baseUrl, 'POST', `/encounters/${encounterId}/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'shrug' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('decision');
  });

  it('cancel signals the workflow and is audited; 409 once the stored stage is final', async () => {
    const accepted = await call(api.baseUrl, 'POST', `/encounters/${encounterId}/cancel`, {
      token: TOKENS.biller,
      body: { reason: 'duplicate visit' },
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ accepted: true });

    const history = await api.env.client.workflow.getHandle(`encounter-${encounterId}`).fetchHistory();
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes);
    expect(signals.map((e) => e.workflowExecutionSignaledEventAttributes?.signalName)).toEqual(['cancel']);

    const audit = await call(api.baseUrl, 'GET', `/audit?encounterId=${encounterId}`, { token: TOKENS.supervisor });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actor: 'biller-demo', role: 'biller', action: 'encounter.cancel_requested', encounterId });

    await api.db.prisma.encounter.update({ where: { id: encounterId }, data: { stage: 'cancelled' } });
    const again = await call(api.baseUrl, 'POST', `/encounters/${encounterId}/cancel`, {
      token: TOKENS.supervisor,
      body: { reason: 'again' },
    });
    expect(again.status).toBe(409);
  });
});

describe('statements', () => {
  let statementId: string;

  beforeAll(async () => {
    ({ statementId } = await seedStatement(api.db.prisma, encounterId));
  });

  it('lists a patient’s statements and shows one as JSON or HTML', async () => {
    const list = await call(api.baseUrl, 'GET', `/patients/${patientId}/statements`, { token: TOKENS.biller });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: statementId,
        billedCents: 15_000,
        insuranceExpectedCents: 7_500,
        patientOwesCents: 2_500,
        dueDate: '2026-12-25',
      }),
    ]);

    const json = await call(api.baseUrl, 'GET', `/statements/${statementId}`, { token: TOKENS.supervisor });
    expect(json.body.document.totals.amountDueCents).toBe(2_500);
    const html = await call(api.baseUrl, 'GET', `/statements/${statementId}`, { token: TOKENS.biller, accept: 'text/html' });
    expect(html.contentType).toMatch(/^text\/html/);
    expect(html.text).toContain('McTestface');
    expect((await call(api.baseUrl, 'GET', `/statements/${statementId}?format=html`, { token: TOKENS.biller })).contentType).toMatch(
      /^text\/html/,
    );

    expect((await call(api.baseUrl, 'GET', `/statements/${statementId}`, { token: TOKENS.coder })).status).toBe(403);
    expect((await call(api.baseUrl, 'GET', `/patients/${crypto.randomUUID()}/statements`, { token: TOKENS.biller })).status).toBe(404);
  });
});
