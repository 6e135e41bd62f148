// Beyond capacity the API sheds (503 + Retry-After) or limits a token (429 + Retry-After), fast; never a 500.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, startApiUnderTest, TOKENS, validSubmission, type ApiUnderTest } from './support.ts';

let api: ApiUnderTest;
beforeAll(async () => {
  // One intake at a time, two may wait 50 ms: a burst of 24 while one is held must be shed in part.
  api = await startApiUnderTest({ limits: { intakeConcurrency: 1, intakeQueue: 2, intakeMaxWaitMs: 50, rateLimitPerMinute: 40 } });
});
afterAll(async () => {
  await api?.close();
});

describe('admission limit on intake', () => {
  it('a burst beyond capacity gets 503 with Retry-After for the excess and 201 for the rest; every 201 is stored', async () => {
    // The first admitted intake is held at the database (its insert waits for the table lock this
    // test holds), so the burst overlaps it however fast or slow the machine is: one is worked on,
    // two wait their 50 ms and are shed, the other 21 are shed at once.
    const lock = new pg.Client({ connectionString: api.db.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE "Encounter" IN EXCLUSIVE MODE');
    const submissions = Array.from({ length: 24 }, () => validSubmission());
    let answered = 0;
    const pending = submissions.map((body) =>
      call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body }).finally(() => {
        answered += 1;
      }),
    );
    await vi.waitFor(() => expect(answered).toBe(23), { timeout: 60_000, interval: 20 });
    await lock.query('COMMIT');
    await lock.end();
    const responses = await Promise.all(pending);
    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 503),
      statuses.join(','),
    ).toBe(true);
    const shed = responses.filter((r) => r.status === 503);
    expect(shed).toHaveLength(23);
    for (const response of shed) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.contentType).toContain('application/problem+json');
    }
    const accepted = responses.filter((r) => r.status === 201).map((r) => r.body.id as string);
    expect(accepted).toHaveLength(1);
    expect(await api.db.prisma.encounter.count({ where: { id: { in: accepted } } })).toBe(accepted.length);
    // Shed submissions were not stored: the clinic's retry is a first submission, not a replay.
    const shedIds = submissions.filter((_, i) => statuses[i] === 503).map((s) => s.clinicEncounterId);
    expect(await api.db.prisma.encounter.count({ where: { clinicEncounterId: { in: shedIds } } })).toBe(0);
  });
});

describe('rate limit per token', () => {
  it('past the limit a token gets 429 with Retry-After; another token is not affected', async () => {
    const responses = [];
    for (let i = 0; i < 45; i++) responses.push(await call(api.baseUrl, 'GET', '/encounters?limit=1', { token: TOKENS.coder }));
    const limited = responses.filter((r) => r.status === 429);
    expect(responses.filter((r) => r.status === 200).length).toBeLessThanOrEqual(40);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited[0]!.contentType).toContain('application/problem+json');
    expect((await call(api.baseUrl, 'GET', '/encounters?limit=1', { token: TOKENS.biller })).status).toBe(200);
  });
});
