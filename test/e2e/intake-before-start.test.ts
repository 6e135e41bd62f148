// Intake answers once the encounter is stored and hands its workflow start off
// (platform/encounter-workflow-starts.ts). Until the workflow exists, everything that reads or
// changes the encounter answers honestly: stage `received` from the stored state, and an action
// a 503 + Retry-After (after waiting for the start this process handed off). Once the start goes
// out, the encounter runs to billed, and an action sent right after intake reaches the workflow.
// Real stack; the API's starts go through a client whose start the test holds back.
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { demoTokenDirectory } from '../../api/auth.ts';
import { WORKFLOW_NOT_STARTED } from '../../api/encounter-access.ts';
import { INTAKE_OVERLOADED, TOO_MANY_UNSTARTED } from '../../api/intake-admission.ts';
import { API_PROBLEM_BASE } from '../../api/problem-base.ts';
import { EncounterWorkflowStarts } from '../../platform/encounter-workflow-starts.ts';
import { listen, type RunningServer } from '../../platform/http-server.ts';
import { encryptingDataConverter } from '../../platform/payload-codec.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { TOKENS, call, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { FAST_TIMINGS } from '../../testkit/stack.ts';

const stack = useTestStack();
let server: RunningServer | undefined;
let apiUrl: string;
let workflowStarts: EncounterWorkflowStarts;
let release: () => void = () => undefined;
const held = new Promise<void>((resolve) => (release = resolve));
const undeclared: string[] = [];

beforeAll(async () => {
  // The starts wait until the test releases them; everything else goes through the stack's client.
  const startingClient = new Client({
    connection: stack.env.connection,
    namespace: stack.env.namespace ?? 'default',
    dataConverter: encryptingDataConverter(stack.payloadCodec),
    interceptors: {
      workflow: [
        {
          async start(input, next) {
            await held;
            return next(input);
          },
        },
      ],
    },
  });
  // A start's own time limit runs while it is held: long enough for the test's steps.
  workflowStarts = new EncounterWorkflowStarts({
    temporal: startingClient,
    taskQueue: stack.taskQueue,
    timings: FAST_TIMINGS,
    timeoutMs: 150_000,
    maxPending: 2,
  });
  const app = createApp({
    workflowStarts,
    prisma: stack.db.prisma,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    timings: FAST_TIMINGS,
    tokens: demoTokenDirectory(),
    payloadCodec: stack.payloadCodec,
    readiness: async () => ({}),
    updateTimeoutMs: 1_000,
    limits: { workflowStartTimeoutMs: 5_000, statusQueryTimeoutMs: 1_000 },
    onUndeclaredResponse: (message) => undeclared.push(message),
  });
  // As the test stack's API: the server never closes an idle connection (platform/http-server.ts).
  server = await listen(app, { port: 0, host: '127.0.0.1', closeConnections: 'all', keepAliveTimeoutMs: 0 });
  apiUrl = server.url;
}, 180_000);

afterAll(async () => {
  release();
  await server?.stop();
  await workflowStarts?.idle();
  expect(undeclared).toEqual([]);
});

describe('an encounter stored before its workflow started', () => {
  it('reads as received, refuses actions with 503 + Retry-After, and runs to billed once the start goes out', async () => {
    const submission = validSubmission();
    const posted = await call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body: submission });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ stage: 'received', clinicEncounterId: submission.clinicEncounterId });
    const id = posted.body.id as string;
    expect(workflowStarts.pending).toBe(1);

    // Reads: the receipt, the staff view (stored status, said so), the list filtered by stage.
    const receipt = await call(apiUrl, 'GET', `/encounters/${id}`, { token: TOKENS.intake });
    expect([receipt.status, receipt.body.stage]).toEqual([200, 'received']);
    const view = await call(apiUrl, 'GET', `/encounters/${id}`, { token: TOKENS.supervisor });
    expect(view.status).toBe(200);
    expect(view.body.status.stage).toBe('received');
    expect(view.body.statusSource).toBe('database');
    const listed = await call(apiUrl, 'GET', '/encounters?stage=received&limit=100', { token: TOKENS.supervisor });
    expect(listed.status).toBe(200);
    expect((listed.body.items as Array<{ id: string }>).map((item) => item.id)).toContain(id);
    // A repeat of the submission is a replay of the stored encounter, its start still the one waiting.
    const replay = await call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body: submission });
    expect([replay.status, replay.body.id, replay.body.stage]).toEqual([200, id, 'received']);
    expect(workflowStarts.pending).toBe(1);
    // Overload: with as many stored encounters waiting for their start as allowed (2), the next
    // submission is refused before anything is written.
    expect((await call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body: validSubmission() })).status).toBe(201);
    const shed = validSubmission();
    const refused = await call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body: shed });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.detail).toBe(TOO_MANY_UNSTARTED);
    expect(refused.body.type).toBe(`${API_PROBLEM_BASE}/${INTAKE_OVERLOADED}`);
    expect(await stack.db.prisma.encounter.count({ where: { clinicEncounterId: shed.clinicEncounterId } })).toBe(0);
    expect(await stack.db.prisma.patient.count({ where: { externalId: shed.patient.externalId } })).toBe(0);

    // Actions: a signal (cancel) and an update (coverage correction) wait for the start, then 503.
    const cancel = await call(apiUrl, 'POST', `/encounters/${id}/cancel`, {
      token: TOKENS.biller,
      body: { reason: 'duplicate visit' },
    });
    expect(cancel.status).toBe(503);
    expect(Number(cancel.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(cancel.body.detail).toBe(WORKFLOW_NOT_STARTED);
    const corrected = await call(apiUrl, 'POST', `/encounters/${id}/coverage`, {
      token: TOKENS.biller,
      body: { payerId: 'BLUE-PLAINS', memberId: 'BP-100', reason: 'new insurance card', expectedVersion: 1 },
    });
    expect(corrected.status).toBe(503);
    expect(Number(corrected.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(corrected.body.detail).toBe(WORKFLOW_NOT_STARTED);
    expect(workflowStarts.temporalUnreachable).toBe(false);
    expect(await stack.db.prisma.auditEvent.count({ where: { encounterId: id, action: 'encounter.cancel_requested' } })).toBe(0);

    // The start goes out: the encounter runs as any other, and its live status is served.
    release();
    await workflowStarts.idle();
    expect(workflowStarts.pending).toBe(0);
    const billed = await waitForEncounterStage(apiUrl, id, 'billed');
    expect(billed.stage).toBe('billed');
  }, 180_000);

  it('an action sent right after intake waits for the start this process handed off and reaches the workflow', async () => {
    const posted = await call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body: validSubmission() });
    expect(posted.status).toBe(201);
    const id = posted.body.id as string;
    const cancel = await call(apiUrl, 'POST', `/encounters/${id}/cancel`, {
      token: TOKENS.biller,
      body: { reason: 'duplicate visit' },
    });
    expect(cancel.status).toBe(202);
    const cancelled = await waitForEncounterStage(apiUrl, id, 'cancelled');
    expect(cancelled.stage).toBe('cancelled');
  }, 180_000);
});
