// Temporal unreachable during intake: the first submission is stored and answered (its start is
// handed off and fails), after that quick 503 + Retry-After, the rows stay stored, and once
// Temporal is back the reconciler starts every one of them; each then completes. Over the real
// stack; the API reaches Temporal through a proxy the test takes down and brings back.
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { EncounterWorkflowStarts } from '../../platform/encounter-workflow-starts.ts';
import { encounterWorkflowStarts } from '../../api/workflow-starts.ts';
import { demoTokenDirectory } from '../../api/auth.ts';
import { listen, type RunningServer } from '../../platform/http-server.ts';
import { encryptingDataConverter } from '../../platform/payload-codec.ts';
import { DATE_OF_SERVICE } from '../../platform/search-attributes.ts';
import { TOKENS, call, validSubmission } from '../../testkit/http.ts';
import { FAST_TIMINGS } from '../../testkit/stack.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { startTcpProxy, type TcpProxy } from '../../testkit/tcp-proxy.ts';
import { reconcileUnstartedWorkflows } from '../../worker/workflow-reconciler.ts';

const stack = useTestStack();
let proxy: TcpProxy;
let server: RunningServer | undefined;
let apiUrl: string;
let connection: Connection;
let workflowStarts: EncounterWorkflowStarts;

beforeAll(async () => {
  const [host, port] = stack.env.connection.options.address.split(':');
  proxy = await startTcpProxy({ host: host === 'localhost' ? '127.0.0.1' : host!, port: Number(port) });
  connection = await Connection.connect({ address: proxy.address });
  const temporal = new Client({
    connection,
    namespace: stack.env.namespace ?? 'default',
    dataConverter: encryptingDataConverter(stack.payloadCodec),
  });
  // No backlog signal (api/intake-backpressure.ts): its background DescribeTaskQueue, retrying through
  // the downed proxy, could outlive the connection closed in afterAll (an uncaught "Channel has
  // been shut down" from the SDK's retry timer). This test is about the workflow starts.
  const limits = { workflowStartTimeoutMs: 2_000, intakeMaxBacklogAgeMs: 0 };
  workflowStarts = encounterWorkflowStarts({ temporal, taskQueue: stack.taskQueue, timings: FAST_TIMINGS, limits });
  const app = createApp({
    workflowStarts,
    prisma: stack.db.prisma,
    temporal,
    taskQueue: stack.taskQueue,
    timings: FAST_TIMINGS,
    tokens: demoTokenDirectory(),
    payloadCodec: stack.payloadCodec,
    readiness: async () => ({}),
    limits,
  });
  // As the test stack's API: the server never closes an idle connection (platform/http-server.ts).
  server = await listen(app, { port: 0, host: '127.0.0.1', closeConnections: 'all', keepAliveTimeoutMs: 0 });
  apiUrl = server.url;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await workflowStarts?.idle();
  await connection?.close().catch(() => undefined);
  await proxy?.close();
});

async function hasWorkflow(workflowId: string): Promise<boolean> {
  try {
    await stack.client.workflow.getHandle(workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

describe('no orphans when Temporal is down during intake', () => {
  it('stored and answered until a start fails, 503 + Retry-After after; once it is back the reconciler starts every stored encounter and each completes', async () => {
    await proxy.down();
    const submissions = Array.from({ length: 4 }, () => validSubmission());
    // Nothing has told this API yet that Temporal is down: the encounter is stored, the answer
    // does not wait for the start, and the start handed off fails.
    const accepted = await call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body: submissions[0] });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ stage: 'received' });
    await workflowStarts.idle();
    expect(workflowStarts.temporalUnreachable).toBe(true);
    // From then on intake waits for the start itself: 503 + Retry-After, the encounter stored.
    const started = Date.now();
    const responses = await Promise.all(
      submissions.slice(1).map((body) => call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body })),
    );
    console.log(`intake with Temporal known down: ${responses.map((r) => r.status).join(',')} in ${Date.now() - started} ms`);
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const stored = await stack.db.prisma.encounter.findMany({
      where: { clinicEncounterId: { in: submissions.map((s) => s.clinicEncounterId) } },
      select: { id: true, workflowId: true },
    });
    expect(stored).toHaveLength(submissions.length);
    const withWorkflow = await Promise.all(stored.map((e) => hasWorkflow(e.workflowId)));
    expect(withWorkflow.filter(Boolean)).toHaveLength(0);

    await proxy.up();
    const pass = await reconcileUnstartedWorkflows({
      prisma: stack.db.prisma,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      timings: FAST_TIMINGS,
      graceMs: 0,
    });
    expect(pass.started).toBe(submissions.length);
    // A second pass (another worker, the next interval) finds nothing to do.
    const again = await reconcileUnstartedWorkflows({
      prisma: stack.db.prisma,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      timings: FAST_TIMINGS,
      graceMs: 0,
    });
    expect(again.started).toBe(0);
    const orphans = (await Promise.all(stored.map((e) => hasWorkflow(e.workflowId)))).filter((exists) => !exists);
    expect(orphans).toHaveLength(0);

    // Each completes (the default scenario bills it), and the clinic's retry is an idempotent replay.
    for (const encounter of stored) {
      await stack.client.workflow.getHandle(encounter.workflowId).result();
    }
    const final = await stack.db.prisma.encounter.findMany({ where: { id: { in: stored.map((e) => e.id) } }, select: { stage: true } });
    expect(final.map((e) => e.stage)).toEqual(stored.map(() => 'billed'));
    // DateOfService is published coarsened to the month, at start and by the workflow.
    const description = await stack.client.workflow.getHandle(stored[0]!.workflowId).describe();
    const first = submissions.find((s) => s.clinicEncounterId !== undefined)!;
    expect(description.typedSearchAttributes.get(DATE_OF_SERVICE)?.toISOString().slice(8)).toBe('01T00:00:00.000Z');
    expect(first.dateOfService.slice(0, 7)).toBe(description.typedSearchAttributes.get(DATE_OF_SERVICE)?.toISOString().slice(0, 7));
    const retry = await call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body: submissions[0] });
    expect([retry.status, retry.headers.get('idempotent-replay')]).toEqual([200, 'true']);
  }, 180_000);
});
