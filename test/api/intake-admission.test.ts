/**
 * Intake admission (api/intake-admission.ts): one decision over the two overload signals, pending
 * workflow starts in this process and the workers' backlog (api/intake-backpressure.ts). Each
 * refusal is 503 + Retry-After from the signal that refused, problem type intake-overloaded, and
 * counted by reason in encounterflow_intake_refused_total. Unit part: stand-in signals and a
 * fixed clock. Over HTTP: the real dev server with no worker, so the backlog of the first
 * encounter's workflow task only ages (the pending-starts refusal over HTTP is in
 * test/e2e/intake-before-start.test.ts).
 */
import type { NextFunction, Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideIntake, intakeAdmission, INTAKE_OVERLOADED, TOO_MANY_UNSTARTED, type PendingStarts } from '../../api/intake-admission.ts';
import { backlogMonitor, BACKLOG_READ_INTERVAL_MS, taskQueueBacklog, type WorkflowBacklog } from '../../api/intake-backpressure.ts';
import { API_PROBLEM_BASE } from '../../api/problem-base.ts';
import { loadConfig } from '../../platform/config.ts';
import type { HttpProblem } from '../../platform/problem.ts';
import { until } from '../../testkit/poll.ts';
import { call, startApiUnderTest, TOKENS, validSubmission, type ApiUnderTest } from './support.ts';

/** A starter with `pending` starts waiting, each taking `startMs`, 8 at a time. */
function starts(pending: number, max: number, startMs = 100): PendingStarts {
  return { pending, full: pending >= max, secondsToSend: (count) => (count * startMs) / 8 / 1000 };
}

const calm = { maxBacklogAgeMs: 5_000, maxPendingStarts: 200 };

describe('decideIntake', () => {
  it('admits while both signals are within their limits', () => {
    expect(decideIntake({ ...calm, starts: starts(199, 200), oldestTaskAgeMs: 5_000 })).toEqual({ admit: true });
    // No backlog reading yet (or unreadable): admitted on the starts alone.
    expect(decideIntake({ ...calm, starts: starts(0, 200), oldestTaskAgeMs: undefined })).toEqual({ admit: true });
  });

  it('refuses on pending workflow starts, Retry-After the time to send the excess at the recent pace', () => {
    const decision = decideIntake({ ...calm, starts: starts(200, 200), oldestTaskAgeMs: 0 });
    expect(decision).toEqual({ admit: false, reason: 'workflow_starts_pending', retryAfterSeconds: 1, detail: TOO_MANY_UNSTARTED });
    // 41 over the limit at 2 s a start, 8 at a time: 41 * 2 / 8 = 10.25 s, rounded up.
    const slow = decideIntake({ ...calm, starts: starts(240, 200, 2_000), oldestTaskAgeMs: 0 });
    expect(slow).toMatchObject({ reason: 'workflow_starts_pending', retryAfterSeconds: 11 });
    expect(decideIntake({ ...calm, starts: starts(5_000, 200, 60_000), oldestTaskAgeMs: 0 })).toMatchObject({ retryAfterSeconds: 30 });
  });

  it("refuses on the workers' backlog, Retry-After its excess age", () => {
    const decision = decideIntake({ ...calm, starts: starts(0, 200), oldestTaskAgeMs: 12_500 });
    expect(decision).toMatchObject({ admit: false, reason: 'workflow_backlog', retryAfterSeconds: 8 }); // 7.5 s over, rounded up
    expect(decideIntake({ ...calm, starts: starts(0, 200), oldestTaskAgeMs: 600_000 })).toMatchObject({ retryAfterSeconds: 30 });
    // Off at 0.
    expect(decideIntake({ ...calm, maxBacklogAgeMs: 0, starts: starts(0, 200), oldestTaskAgeMs: 600_000 })).toEqual({ admit: true });
  });

  it('names the pending starts when both signals refuse (the exact, in-process one)', () => {
    expect(decideIntake({ ...calm, starts: starts(200, 200), oldestTaskAgeMs: 600_000 })).toMatchObject({
      reason: 'workflow_starts_pending',
    });
  });
});

/** Runs the handler once; what it passed to next (undefined: admitted). */
function admit(handler: ReturnType<typeof intakeAdmission>): unknown {
  let passed: unknown = 'not called';
  handler({} as Request, {} as Response, ((error?: unknown) => (passed = error)) as NextFunction);
  return passed;
}

describe('intakeAdmission', () => {
  const clock = 1_000_000;
  const now = () => clock;

  it('refuses with one problem type, Retry-After from the refusing signal, and tells which', async () => {
    let backlog: WorkflowBacklog = { oldestTaskAgeMs: 4_000, tasks: 12 };
    let pending = starts(0, 2);
    const refused: string[] = [];
    const handler = intakeAdmission({
      starts: () => pending,
      maxPendingStarts: 2,
      maxBacklogAgeMs: 5_000,
      readBacklog: async () => backlog,
      onRefused: (reason) => refused.push(reason),
      now,
    });
    expect(admit(handler)).toBeUndefined(); // nothing read yet: admitted, a reading started
    await handler.refresh();
    expect(admit(handler)).toBeUndefined(); // 4 s old: within 5 s
    backlog = { oldestTaskAgeMs: 12_500, tasks: 900 };
    await handler.refresh();
    const byBacklog = admit(handler) as HttpProblem;
    expect([byBacklog.status, byBacklog.problemType, byBacklog.headers['Retry-After']]).toEqual([503, INTAKE_OVERLOADED, '8']);
    backlog = { oldestTaskAgeMs: 0, tasks: 0 };
    await handler.refresh();
    pending = starts(3, 2, 4_000); // 2 over the limit at 4 s a start, 8 at a time: 1 s
    const byStarts = admit(handler) as HttpProblem;
    expect([byStarts.status, byStarts.problemType, byStarts.headers['Retry-After'], byStarts.detail]).toEqual([
      503,
      INTAKE_OVERLOADED,
      '1',
      TOO_MANY_UNSTARTED,
    ]);
    expect(refused).toEqual(['workflow_backlog', 'workflow_starts_pending']);
  });
});

describe('backlogMonitor', () => {
  let clock = 1_000_000;
  const now = () => clock;

  it('reads in the background, again only once the reading is stale', async () => {
    let reads = 0;
    const monitor = backlogMonitor({ read: async () => (reads++, { oldestTaskAgeMs: 7_000, tasks: 3 }), now });
    expect(monitor.oldestTaskAgeMs()).toBeUndefined(); // nothing read yet; a reading started
    await monitor.refresh();
    const before = reads;
    expect(monitor.oldestTaskAgeMs()).toBe(7_000);
    expect(reads).toBe(before);
    clock += BACKLOG_READ_INTERVAL_MS;
    monitor.oldestTaskAgeMs();
    expect(reads).toBe(before + 1);
  });

  it('says nothing when the backlog cannot be read (Temporal down: the start answers for itself)', async () => {
    const monitor = backlogMonitor({ read: () => Promise.reject(new Error('unavailable')), now });
    await monitor.refresh();
    expect(monitor.oldestTaskAgeMs()).toBeUndefined();
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
    await until('the server to report the first workflow task waiting', async () => (await read()).oldestTaskAgeMs > 1);

    // Intakes are admitted until the API's background reading of the backlog has caught up (it is
    // refreshed every BACKLOG_READ_INTERVAL_MS); from then on they are refused.
    const tried: string[] = [];
    const refused = await until(
      'an intake to be refused',
      async () => {
        const body = validSubmission();
        const response = await call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
        if (response.status !== 503) {
          expect(response.status).toBe(201);
          return undefined;
        }
        tried.push(body.clinicEncounterId);
        return response;
      },
      undefined,
      BACKLOG_READ_INTERVAL_MS / 4,
    );
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.type).toBe(`${API_PROBLEM_BASE}/${INTAKE_OVERLOADED}`);
    const metrics = await fetch(`${api.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/encounterflow_intake_refused_total\{reason="workflow_backlog"\} [1-9]/);
    expect(metrics).toContain('encounterflow_intake_refused_total{reason="workflow_starts_pending"} 0');
    expect(await api.db.prisma.encounter.count({ where: { clinicEncounterId: { in: tried } } })).toBe(0);
    const read201 = await call(api.baseUrl, 'GET', `/encounters/${first.body.id as string}`, { token: TOKENS.coder });
    expect(read201.status).toBe(200);
  });
});
