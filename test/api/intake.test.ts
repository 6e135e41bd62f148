import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { ENCOUNTER_STAGE, PAYER_ID } from '../../platform/search-attributes.ts';
import { call, useApiUnderTest, TOKENS, validSubmission } from './support.ts';
import { ROUTES_OUTSIDE_OPENAPI } from '../../api/app.ts';
import { until } from '../../testkit/poll.ts';
import { addDays, dayDate } from '../../testkit/calendar.ts';

const api = useApiUnderTest();

const post = (body: unknown, token: string = TOKENS.intake) => call(api.baseUrl, 'POST', '/encounters', { token, body });

function expectProblem(response: { status: number; contentType: string; body: any }, status: number) {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
}

describe('POST /encounters validation', () => {
  it.each([
    ['missing patient.dateOfBirth', (s: any) => delete s.patient.dateOfBirth, 'patient.dateOfBirth'],
    ['NPI with a wrong check digit', (s: any) => (s.provider.npi = '1234567890'), 'provider.npi'],
    ['DOB after DOS', (s: any) => (s.patient.dateOfBirth = addDays(s.dateOfService, 1)), 'patient.dateOfBirth'],
    ['units 0', (s: any) => (s.documentation.procedures[0].units = 0), 'documentation.procedures.0.units'],
    ['a date that does not exist', (s: any) => (s.dateOfService = '2026-02-30'), 'dateOfService'],
    ['place of service of one digit', (s: any) => (s.placeOfService = '1'), 'placeOfService'],
  ])('400 naming the field for %s', async (_name, spoil, field) => {
    const submission = validSubmission();
    spoil(submission);
    const response = await post(submission);
    expectProblem(response, 400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    // The problem never echoes patient data.
    expect(response.text).not.toContain('McTestface');
  });

  it('400 for a body that is not JSON', async () => {
    const response = await call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, rawBody: '{"clinicEncounterId": ' });
    expectProblem(response, 400);
  });
});

describe('authentication and roles', () => {
  it('401 without a token and with an unknown token', async () => {
    const without = await call(api.baseUrl, 'POST', '/encounters', { body: validSubmission() });
    expectProblem(without, 401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectProblem(await post(validSubmission(), 'not-a-token'), 401);
  });

  it('403 for the wrong role', async () => {
    expectProblem(await post(validSubmission(), TOKENS.coder), 403);
    expectProblem(await call(api.baseUrl, 'GET', '/encounters', { token: TOKENS.intake }), 403);
    expectProblem(await call(api.baseUrl, 'GET', '/audit', { token: TOKENS.biller }), 403);
  });
});

describe('intake is idempotent on clinicEncounterId', () => {
  it('makes one Encounter row and one workflow execution; the repeat says replay', async () => {
    const submission = validSubmission();
    const first = await post(submission);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replay')).toBeNull();
    expect(first.body).toMatchObject({ clinicEncounterId: submission.clinicEncounterId, stage: 'received' });
    expect(first.body.workflowId).toBe(`encounter-${first.body.id}`);

    // A repeat of the same submission returns the stored encounter; a changed body is a 409.
    const second = await post(submission);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replay')).toBe('true');
    expect(second.body).toEqual(first.body);
    expectProblem(await post({ ...submission, placeOfService: '22' }), 409);

    expect(await api.db.prisma.encounter.count({ where: { clinicEncounterId: submission.clinicEncounterId } })).toBe(1);
    const stored = await api.db.prisma.encounter.findUniqueOrThrow({ where: { id: first.body.id } });
    expect(stored.placeOfService).toBe('11');

    // The answer came once the encounter was stored; its start was handed off.
    await api.workflowStarts.idle();
    const description = await api.env.client.workflow.getHandle(first.body.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('encounterWorkflow');
    expect(description.taskQueue).toBe(api.taskQueue);
    expect(description.typedSearchAttributes.get(ENCOUNTER_STAGE)).toBe('received');
    expect(description.typedSearchAttributes.get(PAYER_ID)).toBe('ACME-HEALTH');

    // Exactly one execution with this workflow id (visibility is eventually consistent).
    const runs = await until(`visibility to list ${first.body.workflowId}`, async () => {
      const listed: string[] = [];
      for await (const execution of api.env.client.workflow.list({ query: `WorkflowId = '${first.body.workflowId}'` })) {
        listed.push(execution.runId);
      }
      return listed.length > 0 && listed;
    });
    expect(runs).toEqual([description.runId]);
  });

  it('simultaneous first submissions make one encounter: one 201, the rest replays', async () => {
    const submission = validSubmission();
    const responses = await Promise.all([post(submission), post(submission), post(submission)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await api.db.prisma.encounter.count({ where: { clinicEncounterId: submission.clinicEncounterId } })).toBe(1);
  });

  it('an intake that loses a new patient to another one committing first writes nothing, is sent again, and uses that patient', async () => {
    // The other intake's rows, in a transaction held open until the POST's statement waits on them
    // (on a PostgreSQL server; the embedded database runs one statement at a time, so there the
    // other intake simply commits first). Its date of birth differs: the mismatch is audited.
    const submission = validSubmission();
    const other = new pg.Client({ connectionString: api.db.url });
    await other.connect();
    const winnerId = crypto.randomUUID();
    let answer: Promise<Awaited<ReturnType<typeof post>>>;
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO "Patient" (id, "externalId", "firstName", "lastName", "dateOfBirth", sex, "memberId")
         VALUES ($1, $2, 'Testy', 'McTestface', '1980-03-01', 'F', 'MBR12345')`,
        [winnerId, submission.patient.externalId],
      );
      answer = post(submission);
      if (api.db.kind === 'server') {
        const waiting = async () =>
          (
            await other.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).rows[0].n > 0;
        while (!(await waiting())) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    const response = await answer;
    expect(response.status).toBe(201);
    const stored = await api.db.prisma.encounter.findUniqueOrThrow({
      where: { id: response.body.id },
      include: { coverageVersions: true, auditEvents: true },
    });
    expect(stored.patientId).toBe(winnerId);
    expect(stored.coverageVersions.map((v) => v.version)).toEqual([1]);
    expect(stored.auditEvents.map((e) => [e.action, e.detail])).toEqual([
      ['intake.demographics_mismatch', { fields: ['patient.dateOfBirth'], patientId: winnerId }],
    ]);
    // Nothing of the first attempt stayed: one patient, no version 1 from it; the address the
    // patient on file lacked came as version 2 (api/patient-address.ts).
    expect(await api.db.prisma.patient.count({ where: { externalId: submission.patient.externalId } })).toBe(1);
    const versions = await api.db.prisma.patientVersion.findMany({ where: { patientId: winnerId } });
    expect(versions.map((v) => [v.version, v.reason])).toEqual([[2, 'address given at intake']]);
  });

  it('simultaneous first encounters of one new patient and a new physician store each once; a renamed physician is updated', async () => {
    const npi = '1245319599';
    const first = validSubmission();
    first.provider = { npi, name: 'Dr. New Arrival', taxonomy: first.provider.taxonomy };
    const others = [1, 2, 3].map((i) => ({ ...first, clinicEncounterId: `${first.clinicEncounterId}-${i}` }));
    const responses = await Promise.all([first, ...others].map((body) => post(body)));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const patient = await api.db.prisma.patient.findUniqueOrThrow({
      where: { externalId: first.patient.externalId },
      include: { versions: true },
    });
    expect(patient.versions.map((v) => v.version)).toEqual([1]);
    expect(await api.db.prisma.encounter.count({ where: { patientId: patient.id } })).toBe(4);
    expect(await api.db.prisma.provider.count({ where: { npi } })).toBe(1);

    const renamed = {
      ...first,
      clinicEncounterId: `${first.clinicEncounterId}-renamed`,
      provider: { ...first.provider, name: 'Dr. New Arrival-Smith' },
    };
    expect((await post(renamed)).status).toBe(201);
    expect(await api.db.prisma.provider.findUniqueOrThrow({ where: { npi } })).toMatchObject({ name: 'Dr. New Arrival-Smith' });
  });

  it('heals a missing workflow: a repeat after a crash between DB commit and start starts it', async () => {
    // The state a crash leaves behind: the rows committed, no workflow started.
    const submission = validSubmission();
    const id = crypto.randomUUID();
    const { prisma } = api.db;
    await prisma.payer.upsert({ where: { id: submission.payerId }, create: { id: submission.payerId, name: 'x' }, update: {} });
    const provider = await prisma.provider.upsert({
      where: { npi: submission.provider.npi },
      create: { npi: submission.provider.npi, name: 'Dr', taxonomy: submission.provider.taxonomy },
      update: {},
    });
    const patient = await prisma.patient.create({
      data: {
        externalId: submission.patient.externalId,
        firstName: 'A',
        lastName: 'B',
        dateOfBirth: new Date('1980-01-01'),
        sex: 'U',
        memberId: 'M1',
      },
    });
    await prisma.encounter.create({
      data: {
        id,
        clinicEncounterId: submission.clinicEncounterId,
        patientId: patient.id,
        providerId: provider.id,
        payerId: submission.payerId,
        dateOfService: dayDate(submission.dateOfService),
        placeOfService: '11',
        documentation: JSON.parse(JSON.stringify(submission.documentation)),
        workflowId: `encounter-${id}`,
      },
    });
    await expect(api.env.client.workflow.getHandle(`encounter-${id}`).describe()).rejects.toThrow();

    const repeat = await post(submission);
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(id);
    await api.workflowStarts.idle();
    const description = await api.env.client.workflow.getHandle(`encounter-${id}`).describe();
    expect(description.status.name).toBe('RUNNING');
  });

  it('does not start a closed workflow again', async () => {
    const submission = validSubmission();
    const first = await post(submission);
    expect(first.status).toBe(201);
    await api.workflowStarts.idle();
    const handle = api.env.client.workflow.getHandle(first.body.workflowId);
    await handle.terminate('test');
    expect((await post(submission)).status).toBe(200);
    await api.workflowStarts.idle();
    const description = await handle.describe();
    expect(description.status.name).toBe('TERMINATED');
  });
});

describe('reading encounters', () => {
  it('GET /encounters/:id shows stored data by role, falling back to the stored status', async () => {
    const submission = validSubmission();
    const created = await post(submission);
    const asBiller = await call(api.baseUrl, 'GET', `/encounters/${created.body.id}`, { token: TOKENS.biller });
    expect(asBiller.status).toBe(200);
    expect(asBiller.body).toMatchObject({
      id: created.body.id,
      stage: 'received',
      payerId: 'ACME-HEALTH',
      dateOfService: submission.dateOfService,
      patient: { lastName: 'McTestface' },
      statusSource: 'database',
      status: { stage: 'received', history: [] },
    });
    expect(asBiller.body.documentation).toBeUndefined();

    const asIntake = await call(api.baseUrl, 'GET', `/encounters/${created.body.id}`, { token: TOKENS.intake });
    expect(asIntake.status).toBe(200);
    expect(asIntake.text).not.toContain('McTestface');
    expect(asIntake.body).toEqual({ ...created.body, links: { self: `/encounters/${created.body.id}` } });

    const asOwnPhysician = await call(api.baseUrl, 'GET', `/encounters/${created.body.id}`, { token: TOKENS.physicianA });
    expect(asOwnPhysician.body.documentation.notes).toContain('A1c');
    const asOtherPhysician = await call(api.baseUrl, 'GET', `/encounters/${created.body.id}`, { token: TOKENS.physicianB });
    expectProblem(asOtherPhysician, 404);
  });

  it('404 problem for an unknown or malformed id, and for an unknown route', async () => {
    expectProblem(await call(api.baseUrl, 'GET', '/encounters/9b2f3c1e-0000-4000-8000-000000000000', { token: TOKENS.coder }), 404);
    expectProblem(await call(api.baseUrl, 'GET', '/encounters/not-a-uuid', { token: TOKENS.coder }), 404);
    expectProblem(await call(api.baseUrl, 'GET', '/no/such/route', { token: TOKENS.coder }), 404);
  });

  it('GET /encounters pages with an opaque cursor and validates filters', async () => {
    // A payer of its own (added to the directory table here), so no other test's encounters show up.
    const payerId = `PAGE-PAYER-${Date.now()}`;
    await api.db.prisma.payer.create({ data: { id: payerId, name: 'Paging test payer' } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await post({ ...validSubmission(), payerId })).body.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/encounters?payer=${payerId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(api.baseUrl, 'GET', query, { token: TOKENS.supervisor });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: { id: string; payerId: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(ids);

    const badStage = await call(api.baseUrl, 'GET', '/encounters?stage=flying', { token: TOKENS.coder });
    expectProblem(badStage, 400);
    expect(badStage.body.errors[0].field).toBe('stage');
    const badCursor = await call(api.baseUrl, 'GET', '/encounters?cursor=garbage', { token: TOKENS.coder });
    expectProblem(badCursor, 400);
    const none = await call(api.baseUrl, 'GET', `/encounters?payer=${payerId}&from=${addDays(validSubmission().dateOfService, 1)}`, {
      token: TOKENS.coder,
    });
    expect(none.body.items).toEqual([]);
  });
});

describe('health and documentation', () => {
  it('/healthz is 200; /readyz is 503 naming a failing check', async () => {
    expect((await call(api.baseUrl, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await call(api.baseUrl, 'GET', '/readyz')).status).toBe(200);
    api.readiness.database = false;
    const notReady = await call(api.baseUrl, 'GET', '/readyz');
    api.readiness.database = true;
    expect(notReady.status).toBe(503);
    expect(notReady.body.failing).toEqual(['database']);
  });

  it('/openapi.json covers every route of the app with zod-generated bodies', async () => {
    const response = await call(api.baseUrl, 'GET', '/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.bearer.scheme).toBe('bearer');

    const routes: string[] = [];
    const collect = (stack: any[]) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const method of Object.keys(layer.route.methods)) {
            routes.push(`${method} ${String(layer.route.path).replace(/:(\w+)/g, '{$1}')}`);
          }
        } else if (layer.handle?.stack) {
          collect(layer.handle.stack);
        }
      }
    };
    collect((api.app as any).router.stack);
    expect(routes.length).toBeGreaterThan(10);
    // The exceptions are exactly the ones api/app.ts declares, and each of them is really mounted.
    for (const route of ROUTES_OUTSIDE_OPENAPI) expect(routes).toContain(route);
    for (const route of routes.filter((r) => !ROUTES_OUTSIDE_OPENAPI.includes(r))) {
      const [method, path] = route.split(' ') as [string, string];
      expect(document.paths[path]?.[method], route).toBeDefined();
    }
    const intakeBody = document.paths['/encounters'].post.requestBody.content['application/json'].schema;
    expect(intakeBody.properties.patient.required).toContain('dateOfBirth');
  });
});
