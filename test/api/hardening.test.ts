// Findings of the security/compliance review, each over real HTTP against the API under test.
// Over 300 lines because every finding shares one API under test.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { standaloneSettingsFrom } from '../../platform/standalone.ts';
import { call, TOKENS, useApiUnderTest, validSubmission } from './support.ts';
import { seedStatement } from '../../testkit/seed-statement.ts';
import { daysFromNow } from '../../testkit/calendar.ts';

const api = useApiUnderTest();

const post = (body: unknown) => call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
const fields = (response: { body: any }) => (response.body?.errors ?? []).map((e: { field: string }) => e.field);
const day = daysFromNow;

async function newEncounter(spoil: (s: any) => void = () => undefined) {
  const submission: any = validSubmission();
  spoil(submission);
  const created = await post(submission);
  expect(created.status).toBe(201);
  return { id: created.body.id as string, submission };
}

describe('control characters and lone surrogates (H2, M6)', () => {
  it.each([
    ['NUL in the notes', (s: any) => (s.documentation.notes = 'fine\u0000notes'), 'documentation.notes'],
    ['BEL in the last name', (s: any) => (s.patient.lastName = 'Mc\u0007Test'), 'patient.lastName'],
    ['lone high surrogate in the first name', (s: any) => (s.patient.firstName = 'Te\ud800sty'), 'patient.firstName'],
    [
      'lone low surrogate in a test result',
      (s: any) => (s.documentation.testResults[0].value = '\udc007.2'),
      'documentation.testResults.0.value',
    ],
    [
      'ESC in a diagnosis description',
      (s: any) => (s.documentation.diagnoses[0].description = 'x\u001b[31m'),
      'documentation.diagnoses.0.description',
    ],
  ])('intake: 400 naming the field for %s', async (_name, spoil, field) => {
    const submission: any = validSubmission();
    spoil(submission);
    const response = await post(submission);
    expect(response.status).toBe(400);
    expect(fields(response)).toContain(field);
  });

  it('intake: TAB, LF, CR and a surrogate pair (emoji) are fine', async () => {
    await newEncounter((s) => {
      s.documentation.notes = 'line one\r\n\tline two 👍';
      s.patient.firstName = 'Zoë 😀';
    });
  });

  it('answer, cancel, decision and codes refuse NUL with a 400 naming the field (nothing reaches the workflow)', async () => {
    const { id } = await newEncounter();
    const queryId = randomUUID();
    await api.db.prisma.clarificationQuery.create({
      data: {
        id: queryId,
        encounterId: id,
        physicianNpi: '1234567893',
        question: 'Q?',
        clinicalIndicators: [],
        options: ['a'],
        reason: 'r',
        status: 'open',
        dueAt: new Date(Date.now() + 3_600_000),
      },
    });
    const answer = await call(api.baseUrl, 'POST', `/queries/${queryId}/answer`, {
      token: TOKENS.physicianA,
      body: { freeText: 'yes\u0000' },
    });
    expect([answer.status, fields(answer)]).toEqual([400, ['freeText']]);
    const cancel = await call(api.baseUrl, 'POST', `/encounters/${id}/cancel`, { token: TOKENS.supervisor, body: { reason: 'dup\u0000' } });
    expect([cancel.status, fields(cancel)]).toEqual([400, ['reason']]);
    const decision = await call(api.baseUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'cancel', note: '\ud800' },
    });
    expect([decision.status, fields(decision)]).toEqual([400, ['note']]);
    const codes = await call(api.baseUrl, 'PUT', `/encounters/${id}/codes`, {
      token: TOKENS.coder,
      body: { diagnoses: [{ code: 'E11.9' }], procedures: [], note: 'n\u0001' },
    });
    expect([codes.status, fields(codes)]).toEqual([400, ['note']]);
    const history = await api.env.client.workflow.getHandle(`encounter-${id}`).fetchHistory();
    expect((history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes)).toEqual([]);
  });
});

describe('malformed path and query input (M5)', () => {
  it.each([
    ['GET', '/encounters/%E0%A4%A', TOKENS.coder],
    ['GET', '/statements/%ZZ', TOKENS.biller],
    ['POST', '/queries/%E0%A4%A/answer', TOKENS.physicianA],
  ])('%s %s: 400 problem naming (path)', async (method, path, token) => {
    const response = await call(api.baseUrl, method, path, { token, body: method === 'POST' ? { option: 'a' } : undefined });
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/problem\+json/);
    expect(fields(response)).toEqual(['(path)']);
  });

  it('a query id that is not a uuid (NUL, too long) is a 404, not a 500', async () => {
    for (const id of ['%00', 'q-1', 'x'.repeat(300)]) {
      const response = await call(api.baseUrl, 'POST', `/queries/${id}/answer`, { token: TOKENS.physicianA, body: { option: 'a' } });
      expect(response.status, id).toBe(404);
    }
  });

  it.each([
    ['a date past year 9999', ['+275760-09-13T00:00:00.000Z', randomUUID()]],
    ['a date before 1970', ['1969-12-31T23:59:59.000Z', randomUUID()]],
    ['an id with NUL', ['2026-01-01T00:00:00.000Z', 'abc\u0000']],
    ['an id that is not a uuid', ['2026-01-01T00:00:00.000Z', 'abc']],
    ['not a pair', { createdAt: '2026-01-01T00:00:00.000Z' }],
  ])('a cursor holding %s is a 400 naming cursor', async (_name, content) => {
    const cursor = Buffer.from(JSON.stringify(content)).toString('base64url');
    const response = await call(api.baseUrl, 'GET', `/encounters?cursor=${cursor}`, { token: TOKENS.coder });
    expect(response.status).toBe(400);
    expect(fields(response)).toEqual(['cursor']);
  });

  it('a valid-looking cursor still pages', async () => {
    const cursor = Buffer.from(JSON.stringify(['1970-01-01T00:00:00.000Z', randomUUID()])).toString('base64url');
    expect((await call(api.baseUrl, 'GET', `/encounters?cursor=${cursor}`, { token: TOKENS.coder })).status).toBe(200);
  });
});

describe('intake replay with another body (M7)', () => {
  it('the same body replays (200), a different body is a 409, a trimmed-equal body replays', async () => {
    const submission = validSubmission();
    expect((await post(submission)).status).toBe(201);
    const same = await post(JSON.parse(JSON.stringify(submission)));
    expect([same.status, same.headers.get('idempotent-replay')]).toEqual([200, 'true']);
    const padded = await post({
      ...submission,
      documentation: { ...submission.documentation, notes: `  ${submission.documentation.notes}  ` },
    });
    expect(padded.status).toBe(200);
    const changed = await post({ ...submission, placeOfService: '22' });
    expect(changed.status).toBe(409);
    expect(changed.body.detail).toBe('clinicEncounterId already used with a different submission');
    const stored = await api.db.prisma.encounter.findUniqueOrThrow({ where: { clinicEncounterId: submission.clinicEncounterId } });
    expect(stored.placeOfService).toBe('11');
    expect(stored.submissionHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('patient demographics are not overwritten (M2)', () => {
  it('a later intake keeps name, DOB, sex; the encounter keeps its own member id', async () => {
    const first = await newEncounter((s) => (s.patient.memberId = 'MBR-OLD'));
    const later: any = validSubmission();
    later.patient = { ...first.submission.patient, firstName: 'Renamed', lastName: 'Person', memberId: 'MBR-NEW' };
    const second = await post(later);
    expect(second.status).toBe(201);
    const [a, b] = await Promise.all(
      [first.id, second.body.id].map((id) => api.db.prisma.encounter.findUniqueOrThrow({ where: { id }, include: { patient: true } })),
    );
    expect(a!.patientId).toBe(b!.patientId);
    expect([a!.memberId, b!.memberId]).toEqual(['MBR-OLD', 'MBR-NEW']);
    expect(b!.patient).toMatchObject({ firstName: 'Testy', lastName: 'McTestface', memberId: 'MBR-OLD', sex: 'F' });
  });

  it.each([
    ['patient.dateOfBirth', (p: any) => (p.dateOfBirth = '1981-03-01')],
    ['patient.sex', (p: any) => (p.sex = 'M')],
  ])('a differing %s is answered like a match (no oracle), kept off the patient, and audited for review', async (field, spoil) => {
    const first = await newEncounter();
    const matching: any = validSubmission();
    matching.patient = { ...first.submission.patient };
    const differing: any = validSubmission();
    differing.patient = { ...first.submission.patient };
    spoil(differing.patient);
    const [match, mismatch] = [await post(matching), await post(differing)];
    // The intake caller cannot tell the two apart: same status, same headers of note, same body shape.
    expect([match.status, mismatch.status]).toEqual([201, 201]);
    expect(Object.keys(mismatch.body).sort()).toEqual(Object.keys(match.body).sort());
    expect(mismatch.body.stage).toBe(match.body.stage);
    const patient = await api.db.prisma.patient.findUniqueOrThrow({ where: { externalId: first.submission.patient.externalId } });
    expect([patient.dateOfBirth.toISOString().slice(0, 10), patient.sex]).toEqual(['1980-02-29', 'F']);
    const audits = await api.db.prisma.auditEvent.findMany({ where: { action: 'intake.demographics_mismatch' } });
    const mine = audits.filter((a) => a.encounterId === mismatch.body.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.detail).toEqual({ fields: [field], patientId: patient.id });
    expect(audits.some((a) => a.encounterId === match.body.id)).toBe(false);
    // The clinic's replay of the identical (mismatching) body stays idempotent: same encounter, no second audit row.
    const replay = await post(differing);
    expect([replay.status, replay.body.id, replay.headers.get('idempotent-replay')]).toEqual([200, mismatch.body.id, 'true']);
    expect(await api.db.prisma.auditEvent.count({ where: { action: 'intake.demographics_mismatch', encounterId: mismatch.body.id } })).toBe(
      1,
    );
  });
});

describe('dates (M8)', () => {
  it.each([
    ['a date of service two days ahead', (s: any) => (s.dateOfService = day(2)), 'dateOfService'],
    ['a date of service more than 2 years ago', (s: any) => (s.dateOfService = day(-2 * 366 - 1)), 'dateOfService'],
    [
      'a date of birth 131 years before the date of service',
      (s: any) => (s.patient.dateOfBirth = `${Number(s.dateOfService.slice(0, 4)) - 131}-01-01`),
      'patient.dateOfBirth',
    ],
  ])('400 naming the field for %s', async (_name, spoil, field) => {
    const submission: any = validSubmission();
    spoil(submission);
    const response = await post(submission);
    expect(response.status).toBe(400);
    expect(fields(response)).toEqual([field]);
  });

  it('tomorrow (clock skew) and a 129-year-old patient are accepted', async () => {
    await newEncounter((s) => {
      s.dateOfService = day(1);
      s.patient.dateOfBirth = `${Number(day(1).slice(0, 4)) - 129}-06-15`;
    });
  });
});

describe('minimum necessary on GET /encounters/:id (M3) and PHI reads audited (M10)', () => {
  it('intake: ids, stage, links; other physician: 404; own physician, coder, biller, supervisor: more', async () => {
    const { id } = await newEncounter();
    const get = (token: string) => call(api.baseUrl, 'GET', `/encounters/${id}`, { token });

    const intake = await get(TOKENS.intake);
    expect(intake.status).toBe(200);
    expect(Object.keys(intake.body).sort()).toEqual(['clinicEncounterId', 'id', 'links', 'stage', 'workflowId']);

    const other = await get(TOKENS.physicianB);
    expect(other.status).toBe(404);
    expect(other.body.detail).toBe('No encounter has this id');

    const own = await get(TOKENS.physicianA);
    expect(own.status).toBe(200);
    expect(own.body.documentation.notes).toContain('A1c');
    expect(own.body).toHaveProperty('codes');
    expect(own.body).toHaveProperty('status');
    expect(own.body.patient.lastName).toBeUndefined();

    const coder = await get(TOKENS.coder);
    expect(coder.body).toMatchObject({
      patient: { lastName: 'McTestface' },
      documentation: expect.any(Object),
      status: expect.any(Object),
    });
    const biller = await get(TOKENS.biller);
    expect(biller.body).toMatchObject({ patient: { lastName: 'McTestface' }, claims: [] });
    expect(biller.body.documentation).toBeUndefined();
    const supervisor = await get(TOKENS.supervisor);
    expect(supervisor.body).toMatchObject({ documentation: expect.any(Object), claims: [] });

    const views = await api.db.prisma.auditEvent.findMany({
      where: { encounterId: id, action: 'encounter.viewed' },
      orderBy: { at: 'asc' },
    });
    expect(views.map((v) => v.actor)).toEqual(['intake-demo', '1234567893', 'coder-demo', 'biller-demo', 'supervisor-demo']);
    expect(views[0]?.detail).toEqual({ patientId: expect.any(String) });
    expect(JSON.stringify(views)).not.toContain('McTestface');
  });

  it('statement and query reads are audited with ids only', async () => {
    const { id } = await newEncounter();
    const { patientId, statementId } = await seedStatement(api.db.prisma, id, {
      billedCents: 100,
      insuranceExpectedCents: 0,
      patientOwesCents: 100,
      dueDate: new Date('2026-12-25'),
    });
    expect((await call(api.baseUrl, 'GET', `/statements/${statementId}`, { token: TOKENS.biller })).status).toBe(200);
    expect((await call(api.baseUrl, 'GET', `/patients/${patientId}/statements`, { token: TOKENS.supervisor })).status).toBe(200);
    expect((await call(api.baseUrl, 'GET', '/physicians/1234567893/queries', { token: TOKENS.physicianA })).status).toBe(200);

    const statementView = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'statement.viewed', encounterId: id } });
    expect(statementView).toMatchObject({ actor: 'biller-demo', role: 'biller', detail: { patientId, statementId } });
    const listView = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'patient_statements.viewed', detail: { path: ['patientId'], equals: patientId } },
    });
    expect(listView).toMatchObject({ actor: 'supervisor-demo', role: 'supervisor', detail: { statementIds: [statementId] } });
    const queriesView = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'physician_queries.viewed' } });
    expect(queriesView).toMatchObject({ actor: '1234567893', role: 'physician', detail: { physicianNpi: '1234567893' } });
  });
});

describe('Idempotency-Key on actions (M9)', () => {
  it('a repeated cancel with the same key answers the first response without signalling again; one audit row', async () => {
    const { id } = await newEncounter();
    const send = (key: string) =>
      fetch(`${api.baseUrl}/encounters/${id}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.biller}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ reason: 'duplicate visit' }),
      });
    const first = await send('cancel-1');
    expect(first.status).toBe(202);
    const again = await send('cancel-1');
    expect([again.status, again.headers.get('idempotent-replay'), await again.json()]).toEqual([202, 'true', { accepted: true }]);
    const history = await api.env.client.workflow.getHandle(`encounter-${id}`).fetchHistory();
    expect((history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes)).toHaveLength(1);
    const rows = await api.db.prisma.auditEvent.findMany({ where: { encounterId: id, action: 'encounter.cancel_requested' } });
    expect(rows.map((r) => r.idempotencyKey)).toEqual([`${id}:cancel-1`]);
    // The same key for another action on this encounter is a conflict; a malformed key a 400.
    const codes = await fetch(`${api.baseUrl}/encounters/${id}/codes`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKENS.coder}`, 'content-type': 'application/json', 'idempotency-key': 'cancel-1' },
      body: JSON.stringify({ diagnoses: [{ code: 'E11.9' }], procedures: [] }),
    });
    expect(codes.status).toBe(409);
    expect((await send('bad key with spaces')).status).toBe(400);
  });

  it('decision: 503 when the workflow does not answer (no audit row); cancel needs no pending decision', async () => {
    const { id } = await newEncounter();
    const decide = (body: unknown) => call(api.baseUrl, 'POST', `/encounters/${id}/decision`, { token: TOKENS.supervisor, body });
    expect((await decide({ decision: 'extend', extendBy: '24h' })).status).toBe(503);
    // With an explicit decisionId the API sends the update; with no worker it times out: 503, not a hang.
    expect((await decide({ decision: 'accept_codes', decisionId: randomUUID() })).status).toBe(503);
    expect((await decide({ decision: 'cancel' })).status).toBe(503);
    expect(await api.db.prisma.auditEvent.count({ where: { encounterId: id, action: 'supervisor.decided' } })).toBe(0);
  });
});

describe('low findings (L)', () => {
  it('extendBy is capped at 30 days', async () => {
    const { id } = await newEncounter();
    const response = await call(api.baseUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'extend', extendBy: '31d' },
    });
    expect([response.status, fields(response)]).toEqual([400, ['extendBy']]);
    const hours = await call(api.baseUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'extend', extendBy: '721h' },
    });
    expect(fields(hours)).toEqual(['extendBy']);
  });

  it.each(['*', '~', ':', '^'])('X12 delimiter %s is refused in patient.memberId and clinicEncounterId', async (delimiter) => {
    const submission: any = validSubmission();
    submission.patient.memberId = `MBR${delimiter}1`;
    submission.clinicEncounterId = `CLN${delimiter}${Date.now()}`;
    const response = await post(submission);
    expect(response.status).toBe(400);
    expect(fields(response).sort()).toEqual(['clinicEncounterId', 'patient.memberId']);
  });

  it('workflow durations are validated at startup, naming the variable', () => {
    expect(loadConfig({}).timings.clarificationDeadline).toBe('72h');
    expect(loadConfig({ CLARIFICATION_DEADLINE: '45s', AUTHORIZATION_POLL_INTERVAL: '1500' }).timings.authorizationPollInterval).toBe(
      '1500',
    );
    expect(() => loadConfig({ CLARIFICATION_DEADLINE: 'soon' })).toThrow(/CLARIFICATION_DEADLINE/);
    expect(() => loadConfig({ CLARIFICATION_REMINDER_INTERVAL: '0s' })).toThrow(/CLARIFICATION_REMINDER_INTERVAL/);
    expect(() => loadConfig({ AUTHORIZATION_POLL_INTERVAL: '-5m' })).toThrow(/AUTHORIZATION_POLL_INTERVAL/);
    expect(() => loadConfig({ AUTHORIZATION_DEADLINE_STANDARD: '366d' })).toThrow(/AUTHORIZATION_DEADLINE_STANDARD/);
    expect(() => loadConfig({ AUTHORIZATION_DEADLINE_EXPEDITED: '2y' })).toThrow(/AUTHORIZATION_DEADLINE_EXPEDITED/);
    expect(loadConfig({}).timings.eligibilityRecheckAfter).toBe('7d');
    expect(loadConfig({ ELIGIBILITY_RECHECK_AFTER: '30d' }).timings.eligibilityRecheckAfter).toBe('30d');
    expect(() => loadConfig({ ELIGIBILITY_RECHECK_AFTER: 'later' })).toThrow(/ELIGIBILITY_RECHECK_AFTER/);
  });
});

describe('demo tokens and dev secret outside the embedded demo (M9 config)', () => {
  const base = {
    DATABASE_URL: 'postgres://db.example/encounterflow',
    TEMPORAL_ADDRESS: 'temporal.example:7233',
    PAYLOAD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  };

  it('a standalone API refuses to start without API_TOKENS; with them it starts', () => {
    expect(() => standaloneSettingsFrom(base, 'API')).toThrow(/API_TOKENS/);
    expect(standaloneSettingsFrom({ ...base, API_TOKENS: 't=coder:c' }, 'API').databaseUrl).toBe(base.DATABASE_URL);
    // The worker takes no bearer tokens.
    expect(() => standaloneSettingsFrom(base, 'worker')).not.toThrow();
  });

  it('a configured webhook needs WEBHOOK_SIGNING_SECRET, in every mode', () => {
    const webhook = { PHYSICIAN_WEBHOOK_URL: 'https://hooks.example/p' };
    expect(() => standaloneSettingsFrom({ ...base, ...webhook }, 'worker')).toThrow(/WEBHOOK_SIGNING_SECRET/);
    expect(() => loadConfig({ SUPERVISOR_WEBHOOK_URL: 'https://hooks.example/s' })).toThrow(/WEBHOOK_SIGNING_SECRET/);
    expect(standaloneSettingsFrom({ ...base, ...webhook, WEBHOOK_SIGNING_SECRET: 's3cret' }, 'worker').config.webhookSigningSecret).toBe(
      's3cret',
    );
  });

  it('a standalone API or worker refuses to start without PAYLOAD_ENCRYPTION_KEYS; a malformed list is refused naming no key', () => {
    const { PAYLOAD_ENCRYPTION_KEYS: _keys, ...withoutKeys } = base;
    expect(() => standaloneSettingsFrom({ ...withoutKeys, API_TOKENS: 't=coder:c' }, 'API')).toThrow(/PAYLOAD_ENCRYPTION_KEYS/);
    expect(() => standaloneSettingsFrom(withoutKeys, 'worker')).toThrow(/PAYLOAD_ENCRYPTION_KEYS/);
    expect(standaloneSettingsFrom(base, 'worker').config.payloadEncryptionKeys).toBe(base.PAYLOAD_ENCRYPTION_KEYS);
    const short = `k1:${Buffer.alloc(16, 9).toString('base64')}`;
    let message = '';
    try {
      standaloneSettingsFrom({ ...base, PAYLOAD_ENCRYPTION_KEYS: short }, 'worker');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/entry #1 \(key id "k1"\) must be 32 bytes/);
    expect(message).not.toContain(short.slice(3));
  });

  it('npm start with the embedded database keeps the demo defaults', () => {
    const config = loadConfig({});
    expect(config.apiTokens).toBeUndefined();
    expect(config.webhookSigningSecret).toBe('dev-only-signing-secret');
    expect(config.payloadEncryptionKeys).toBeUndefined();
    expect(config.temporalUiOrigins).toEqual(['http://127.0.0.1:8233', 'http://localhost:8233']);
  });
});
