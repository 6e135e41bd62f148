/**
 * What the screens ask the API: GET /audit in pages, filtered by encounter, action and actor;
 * repeated views of one record by one user written once per window; GET /encounters?overdue=
 * honoured (an unknown or malformed parameter refused by name, never ignored); the physician's
 * inbox (GET /clarifications) and "Other" needing free text.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordView } from '../../api/audit.ts';
import { call, startApiUnderTest, TOKENS, validSubmission, type ApiUnderTest } from './support.ts';

let api: ApiUnderTest;

beforeAll(async () => {
  // A window of decades: the test's reads never straddle two windows, however slow the machine.
  api = await startApiUnderTest({ limits: { viewAuditWindowMs: 1e12 } });
});

afterAll(async () => {
  await api?.close();
});

async function newEncounter(on: ApiUnderTest): Promise<string> {
  const created = await call(on.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body: validSubmission() });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

const views = (on: ApiUnderTest, encounterId: string) =>
  on.db.prisma.auditEvent.findMany({ where: { encounterId, action: 'encounter.viewed' } });

describe('views of a record are audited once per user and window', () => {
  it('writes one row for a user reading the same encounter again and again, one per other user', async () => {
    const id = await newEncounter(api);
    const reads = await Promise.all(
      Array.from({ length: 4 }, () => call(api.baseUrl, 'GET', `/encounters/${id}`, { token: TOKENS.supervisor })),
    );
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await call(api.baseUrl, 'GET', `/encounters/${id}`, { token: TOKENS.coder })).status).toBe(200);
    expect((await call(api.baseUrl, 'GET', `/encounters/${id}`, { token: TOKENS.supervisor })).status).toBe(200);
    const rows = await views(api, id);
    expect(rows.map((r) => r.actor).sort()).toEqual(['coder-demo', 'supervisor-demo']);
  });

  it('writes every view when the window is 0, and once per window otherwise', async () => {
    const id = await newEncounter(api);
    const supervisor = { role: 'supervisor', subject: 'supervisor-demo' } as const;
    const view = (viewAuditWindowMs: number) =>
      recordView({ prisma: api.db.prisma, limits: { viewAuditWindowMs } }, supervisor, 'encounter.viewed', { encounterId: id });
    for (let i = 0; i < 3; i++) await view(0);
    expect(await views(api, id)).toHaveLength(3);
    await Promise.all([view(1e12), view(1e12), view(1e12)]);
    expect(await views(api, id)).toHaveLength(4);
  });
});

describe('GET /audit in pages', () => {
  it('pages newest first with a cursor, and filters by encounter, action (or prefix) and actor', async () => {
    const id = await newEncounter(api);
    const base = Date.parse('2026-11-01T10:00:00Z');
    await api.db.prisma.auditEvent.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        encounterId: id,
        actor: i % 2 === 0 ? 'encounterflow' : 'supervisor-demo',
        role: i % 2 === 0 ? 'system' : 'supervisor',
        action: i % 2 === 0 ? `clarification:reminded` : 'decision:extend',
        detail: { n: i },
        at: new Date(base + i * 1000),
      })),
    });
    const seen: number[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await call(
        api.baseUrl,
        'GET',
        `/audit?encounterId=${id}&action=${encodeURIComponent('clarification:*')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token: TOKENS.supervisor,
        },
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: { detail: { n: number } }) => item.detail.n));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual([6, 4, 2, 0]); // newest first, each once, reminders only
    expect(pages).toBe(2);

    const byActor = await call(api.baseUrl, 'GET', `/audit?encounterId=${id}&actor=supervisor-demo`, { token: TOKENS.supervisor });
    expect(byActor.body.items.map((item: { detail: { n: number } }) => item.detail.n)).toEqual([5, 3, 1]);
    expect(byActor.body.nextCursor).toBeNull();
    const exact = await call(api.baseUrl, 'GET', `/audit?encounterId=${id}&action=decision:extend&limit=1`, { token: TOKENS.supervisor });
    expect(exact.body.items).toHaveLength(1);
    expect(exact.body.nextCursor).toEqual(expect.any(String));
  });

  it('refuses a cursor it did not issue, a limit out of range and an unknown parameter, by name', async () => {
    const bad = async (query: string, field: string) => {
      const answer = await call(api.baseUrl, 'GET', `/audit?${query}`, { token: TOKENS.supervisor });
      expect(answer.status, query).toBe(400);
      expect(
        answer.body.errors.map((e: { field: string }) => e.field),
        query,
      ).toContain(field);
    };
    await bad('cursor=not-a-cursor', 'cursor');
    await bad('limit=0', 'limit');
    await bad('limit=501', 'limit');
    await bad('encounter=abc', 'encounter');
  });
});

describe('GET /encounters?overdue=', () => {
  it('lists only encounters with a physician query past due (or escalated) for true, the others for false', async () => {
    const [late, onTime, none] = [await newEncounter(api), await newEncounter(api), await newEncounter(api)];
    const query = (encounterId: string, dueAt: Date, n: number) => ({
      id: `q-${encounterId}-${n}`,
      encounterId,
      physicianNpi: '1234567893',
      question: 'Which type?',
      clinicalIndicators: [],
      options: ['Type 1', 'Type 2'],
      reason: 'unspecified type',
      status: 'open',
      dueAt,
    });
    await api.db.prisma.clarificationQuery.createMany({
      data: [query(late, new Date(Date.now() - 60_000), 1), query(onTime, new Date(Date.now() + 3_600_000), 2)],
    });
    const list = async (overdue: string) => {
      const page = await call(api.baseUrl, 'GET', `/encounters?overdue=${overdue}&limit=200`, { token: TOKENS.supervisor });
      expect(page.status).toBe(200);
      return page.body.items.map((item: { id: string }) => item.id) as string[];
    };
    const overdue = await list('true');
    expect(overdue).toContain(late);
    expect(overdue).not.toContain(onTime);
    expect(overdue).not.toContain(none);
    const others = await list('false');
    expect(others).toEqual(expect.arrayContaining([onTime, none]));
    expect(others).not.toContain(late);

    for (const [q, field] of [
      ['overdue=yes', 'overdue'],
      ['overdu=true', 'overdu'],
    ] as const) {
      const answer = await call(api.baseUrl, 'GET', `/encounters?${q}`, { token: TOKENS.supervisor });
      expect(answer.status, q).toBe(400);
      expect(answer.body.errors, q).toEqual([expect.objectContaining({ field })]);
    }
  });
});

describe('GET /clarifications (the physician inbox)', () => {
  it('gives a physician their own open queries, past due first, and their history; a supervisor every physician’s', async () => {
    const [a, b] = [await newEncounter(api), await newEncounter(api)];
    const now = Date.now();
    const row = (id: string, encounterId: string, physicianNpi: string, status: string, dueInMs: number) => ({
      id,
      encounterId,
      physicianNpi,
      question: `Question ${id}`,
      clinicalIndicators: ['Diagnosis: "Diabetes"'],
      options: ['Type 1 diabetes mellitus', 'Type 2 diabetes mellitus', 'Other (please specify)', 'Clinically undetermined'],
      reason: 'unspecified type',
      status,
      dueAt: new Date(now + dueInMs),
      ...(status === 'answered' ? { answerOption: 'Type 2 diabetes mellitus', answeredBy: physicianNpi, answeredAt: new Date(now) } : {}),
    });
    const ids = { soon: randomUUID(), later: randomUUID(), late: randomUUID(), answered: randomUUID(), other: randomUUID() };
    await api.db.prisma.clarificationQuery.createMany({
      data: [
        row(ids.later, a, '1234567893', 'open', 7_200_000),
        row(ids.soon, a, '1234567893', 'open', 3_600_000),
        row(ids.late, b, '1234567893', 'escalated', -60_000),
        row(ids.answered, b, '1234567893', 'answered', -3_600_000),
        row(ids.other, b, '1245319599', 'open', 60_000),
      ],
    });
    const mine = await call(api.baseUrl, 'GET', '/clarifications?physician=me', { token: TOKENS.physicianA });
    expect(mine.status).toBe(200);
    const known: string[] = Object.values(ids);
    const openIds = mine.body.items.map((q: { id: string }) => q.id).filter((id: string) => known.includes(id));
    expect(openIds).toEqual([ids.late, ids.soon, ids.later]);
    expect(mine.body.items[0]).toMatchObject({
      status: 'escalated',
      clinicalIndicators: ['Diagnosis: "Diabetes"'],
      remindersSent: 0,
      answer: null,
      clinicEncounterId: expect.any(String),
    });

    const history = await call(api.baseUrl, 'GET', '/clarifications?physician=me&state=closed', { token: TOKENS.physicianA });
    expect(history.body.items.find((q: { id: string }) => q.id === ids.answered)).toMatchObject({
      status: 'answered',
      answer: { option: 'Type 2 diabetes mellitus', by: '1234567893' },
    });

    const all = await call(api.baseUrl, 'GET', '/clarifications', { token: TOKENS.supervisor });
    expect(all.body.items.map((q: { id: string }) => q.id)).toEqual(expect.arrayContaining([ids.late, ids.soon, ids.other]));
    const forB = await call(api.baseUrl, 'GET', '/clarifications?physician=1245319599', { token: TOKENS.supervisor });
    expect(forB.body.items.map((q: { id: string }) => q.id)).toEqual([ids.other]);

    expect((await call(api.baseUrl, 'GET', '/clarifications?physician=1245319599', { token: TOKENS.physicianA })).status).toBe(403);
    expect((await call(api.baseUrl, 'GET', '/clarifications', { token: TOKENS.coder })).status).toBe(403);
    const me = await call(api.baseUrl, 'GET', '/clarifications?physician=me', { token: TOKENS.supervisor });
    expect(me.status).toBe(400);
    expect(me.body.errors).toEqual([expect.objectContaining({ field: 'physician' })]);
  });

  it('refuses "Other" without the answer written out, naming freeText', async () => {
    const answer = await call(api.baseUrl, 'POST', `/clarifications/${randomUUID()}/answer`, {
      token: TOKENS.physicianA,
      body: { option: 'Other (please specify)', freeText: '  ' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('freeText');
    const blank = await call(api.baseUrl, 'POST', `/clarifications/${randomUUID()}/answer`, {
      token: TOKENS.physicianA,
      body: { option: 'Other (please specify)' },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'freeText', message: expect.stringMatching(/free text/) })]);
  });
});
