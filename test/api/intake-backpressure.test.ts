/**
 * Intake is held against the workers' backlog (api/intake-backpressure.ts): while the oldest
 * workflow task waiting for a worker is older than API_INTAKE_MAX_BACKLOG_AGE_MS, POST
 * /encounters answers 503 + Retry-After and stores nothing; reads still answer. Unit part: a
 * stand-in backlog and a fixed clock. Over HTTP: the real dev server with no worker, so the
 * backlog of the first encounter's workflow task only ages.
 */
import type { NextFunction, Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backlogAdmission, BACKLOG_READ_INTERVAL_MS, taskQueueBacklog, type WorkflowBacklog } from '../../api/intake-backpressure.ts';
import { loadConfig } from '../../platform/config.ts';
import type { HttpProblem } from '../../platform/problem.ts';
import { call, startApiUnderTest, TOKENS, validSubmission, type ApiUnderTest } from './support.ts';

/** Runs the handler once; what it passed to next (undefined: admitted). */
function admit(handler: ReturnType<typeof backlogAdmission>): unknown {
  let passed: unknown = 'not called';
  handler({} as Request, {} as Response, ((error?: unknown) => (passed = error)) as NextFunction);
  return passed;
}

describe('backlogAdmission', () => {
  let clock = 1_000_000;
  const now = () => clock;

  it('admits while the oldest waiting task is within the limit, refuses with 503 + Retry-After beyond it', async () => {
    let backlog: WorkflowBacklog = { oldestTaskAgeMs: 4_000, tasks: 12 };
    let reads = 0;
    const handler = backlogAdmission({ maxAgeMs: 5_000, read: async () => (reads++, backlog), now });
    expect(admit(handler)).toBeUndefined(); // nothing read yet: admitted, a reading started
    await handler.refresh();
    expect(admit(handler)).toBeUndefined(); // 4 s old: within 5 s
    backlog = { oldestTaskAgeMs: 12_500, tasks: 900 };
    await handler.refresh();
    const refused = admit(handler) as HttpProblem;
    expect(refused.status).toBe(503);
    expect(refused.headers?.['Retry-After']).toBe('8'); // 7.5 s over the limit, rounded up
    backlog = { oldestTaskAgeMs: 600_000, tasks: 9_000 };
    await handler.refresh();
    expect((admit(handler) as HttpProblem).headers?.['Retry-After']).toBe('30'); // at most 30 s
    // A fresh reading is not read again on every request; a stale one is.
    const before = reads;
    admit(handler);
    expect(reads).toBe(before);
    clock += BACKLOG_READ_INTERVAL_MS;
    backlog = { oldestTaskAgeMs: 0, tasks: 0 };
    admit(handler);
    expect(reads).toBe(before + 1);
    await handler.refresh();
    expect(admit(handler)).toBeUndefined(); // the workers caught up
  });

  it('admits when the backlog cannot be read (Temporal down: the start answers for itself)', async () => {
    const handler = backlogAdmission({ maxAgeMs: 5_000, read: () => Promise.reject(new Error('unavailable')), now });
    await handler.refresh();
    expect(admit(handler)).toBeUndefined();
  });

  it('is off at 0 and never reads the backlog', () => {
    let reads = 0;
    const handler = backlogAdmission({ maxAgeMs: 0, read: async () => (reads++, { oldestTaskAgeMs: 1e9, tasks: 1 }), now });
    expect(admit(handler)).toBeUndefined();
    expect(reads).toBe(0);
  });

  it('is API_INTAKE_MAX_BACKLOG_AGE_MS, 15 s unless configured', () => {
    expect(loadConfig({}).apiLimits.intakeMaxBacklogAgeMs).toBe(15_000);
    expect(loadConfig({ API_INTAKE_MAX_BACKLOG_AGE_MS: '0' }).apiLimits.intakeMaxBacklogAgeMs).toBe(0);
  });
});

describe('intake against a real backlog (dev server, no worker)', () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApiUnderTest({ limits: { intakeMaxBacklogAgeMs: 1 } });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('refuses new encounters with 503 + Retry-After once the first one waits for a worker; reads still answer', async () => {
    const first = await call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body: validSubmission() });
    expect(first.status).toBe(201);
    // The server reports the first workflow task waiting (no worker polls this task queue).
    const read = taskQueueBacklog(api.env.client, api.taskQueue);
    for (let i = 0; i < 100 && (await read()).oldestTaskAgeMs <= 1; i++) await new Promise((r) => setTimeout(r, 200));
    expect((await read()).oldestTaskAgeMs).toBeGreaterThan(1);

    let refused: Awaited<ReturnType<typeof call>> | undefined;
    const tried: string[] = [];
    for (let i = 0; i < 30 && refused === undefined; i++) {
      const body = validSubmission();
      const response = await call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
      if (response.status === 503) {
        refused = response;
        tried.push(body.clinicEncounterId);
      } else {
        expect(response.status).toBe(201); // the reading behind the decision is refreshed in the background
        await new Promise((r) => setTimeout(r, BACKLOG_READ_INTERVAL_MS / 4));
      }
    }
    expect(refused?.status).toBe(503);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused!.contentType).toContain('application/problem+json');
    expect(await api.db.prisma.encounter.count({ where: { clinicEncounterId: { in: tried } } })).toBe(0);
    const read201 = await call(api.baseUrl, 'GET', `/encounters/${first.body.id as string}`, { token: TOKENS.coder });
    expect(read201.status).toBe(200);
  });
});
