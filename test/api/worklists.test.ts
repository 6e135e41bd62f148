// The biller's worklists over the API and a real database: which encounters each lists, the
// authorization decision deadlines (standard and expedited from the payer directory), filters,
// cursor pages and roles. Encounters are posted through intake, then put in their stage directly.
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, call, submitEncounter, TOKENS, useApiUnderTest } from './support.ts';

const api = useApiUnderTest();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ids: Record<string, string> = {};

async function encounterIn(name: string, stage: string): Promise<string> {
  const id = await submitEncounter(api.baseUrl);
  await api.db.prisma.encounter.update({ where: { id }, data: { stage } });
  ids[name] = id;
  return id;
}

async function authorization(
  encounterId: string,
  status: string,
  requestedUnits: Record<string, number>,
  ageMs: number,
  extra: { reason?: string } = {},
) {
  await api.db.prisma.priorAuthorization.create({
    data: {
      encounterId,
      idempotencyKey: `${encounterId}:pa:pre:1`,
      timing: 'pre_service',
      status,
      requestedUnits,
      createdAt: new Date(Date.now() - ageMs),
      ...(status !== 'requested' ? { payerReference: `REF-${status}` } : {}),
      ...extra,
    },
  });
}

beforeAll(async () => {
  const waiting = await encounterIn('inactive', 'awaiting_coverage');
  await api.db.prisma.eligibilityCheck.create({
    data: {
      encounterId: waiting,
      idempotencyKey: `${waiting}:elig:1`,
      payerId: 'ACME-HEALTH',
      memberId: 'MBR12345',
      dateOfService: new Date('2026-11-20'),
      status: 'inactive',
      planBegin: new Date('2025-01-01'),
      planEnd: new Date('2026-06-30'),
      reason: 'coverage ended on 2026-06-30',
      response: { active: false },
    },
  });
  await api.db.prisma.encounterTransition.create({
    data: {
      encounterId: waiting,
      sequence: 1,
      fromStage: 'eligibility',
      toStage: 'awaiting_coverage',
      at: new Date('2026-11-28T10:00:00Z'),
    },
  });
  await authorization(await encounterIn('overdue', 'authorization'), 'pended', { '72148': 1 }, 8 * DAY);
  await authorization(await encounterIn('expedited', 'authorization'), 'requested', { '29880': 1 }, 1 * HOUR);
  await authorization(await encounterIn('denied', 'denied'), 'denied', { '70551': 1 }, 2 * DAY, {
    reason: 'Service not medically necessary',
  });
  await authorization(await encounterIn('decided', 'authorization'), 'certified', { '73721': 1 }, 1 * HOUR);
  // needs_review for another question (its workflow has no worker here, so no authorization question is pending).
  await authorization(await encounterIn('otherReview', 'needs_review'), 'certified', { '73721': 1 }, 1 * HOUR);
}, 120_000);

describe('the eligibility worklist', () => {
  it('lists encounters stopped for their coverage, with the insurer’s answer and the version to correct', async () => {
    const response = await call(api.baseUrl, 'GET', '/worklists/eligibility', { token: TOKENS.biller });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        encounterId: ids.inactive,
        clinicEncounterId: expect.any(String),
        payerId: 'ACME-HEALTH',
        dateOfService: expect.any(String),
        scheduled: false,
        coverageVersion: 1,
        waitingSince: '2026-11-28T10:00:00.000Z',
        eligibility: {
          status: 'inactive',
          reason: 'coverage ended on 2026-06-30',
          checkedAt: expect.any(String),
          planBegin: '2025-01-01',
          planEnd: '2026-06-30',
        },
        links: expect.objectContaining({
          selfPay: `/encounters/${ids.inactive}/self-pay`,
          coverage: `/encounters/${ids.inactive}/coverage`,
        }),
      },
    ]);
    expect(response.body.nextCursor).toBeNull();
    expect(JSON.stringify(response.body)).not.toContain('McTestface');
  });

  it('filters by payer; billers and supervisors only', async () => {
    expect((await call(api.baseUrl, 'GET', '/worklists/eligibility?payer=BLUE-PLAINS', { token: TOKENS.supervisor })).body.items).toEqual(
      [],
    );
    expect((await call(api.baseUrl, 'GET', '/worklists/eligibility', { token: TOKENS.coder })).status).toBe(403);
    expect((await call(api.baseUrl, 'GET', '/worklists/eligibility', { token: TOKENS.intake })).status).toBe(403);
    expect((await call(api.baseUrl, 'GET', '/worklists/eligibility')).status).toBe(401);
  });
});

describe('the authorization worklist', () => {
  it('lists pending requests with their decision deadline, and denials for the biller, oldest first across cursor pages', async () => {
    const items = await allPages(api, '/worklists/authorizations', TOKENS.biller);
    expect(items.map((i) => i.encounterId)).toEqual([ids.overdue, ids.expedited, ids.denied]);
    const [overdue, expedited, denied] = items;

    expect(overdue).toMatchObject({
      state: 'pending',
      stage: 'authorization',
      authorization: { status: 'pended', timing: 'pre_service', expedited: false, overdue: true, requestedUnits: { '72148': 1 } },
    });
    const standardWindow = Date.parse(overdue!.authorization.decisionDueAt) - Date.parse(overdue!.authorization.requestedAt);
    expect(standardWindow).toBe(7 * DAY);

    // Knee arthroscopy is expedited in the payer directory: 72 h.
    expect(expedited).toMatchObject({ state: 'pending', authorization: { status: 'requested', expedited: true, overdue: false } });
    expect(Date.parse(expedited!.authorization.decisionDueAt) - Date.parse(expedited!.authorization.requestedAt)).toBe(72 * HOUR);

    expect(denied).toMatchObject({
      state: 'needs_biller',
      stage: 'denied',
      authorization: { status: 'denied', reason: 'Service not medically necessary' },
    });
    expect(denied!.links.decision).toBe(`/encounters/${ids.denied}/decision`);
  });

  it('filters by state and payer, and refuses a cursor it did not issue', async () => {
    const pending = await call(api.baseUrl, 'GET', '/worklists/authorizations?state=pending', { token: TOKENS.supervisor });
    expect(pending.body.items.map((i: { encounterId: string }) => i.encounterId)).toEqual([ids.overdue, ids.expedited]);
    const biller = await call(api.baseUrl, 'GET', '/worklists/authorizations?state=needs_biller', { token: TOKENS.biller });
    expect(biller.body.items.map((i: { encounterId: string }) => i.encounterId)).toEqual([ids.denied]);
    expect((await call(api.baseUrl, 'GET', '/worklists/authorizations?payer=BLUE-PLAINS', { token: TOKENS.biller })).body.items).toEqual(
      [],
    );
    const badState = await call(api.baseUrl, 'GET', '/worklists/authorizations?state=lost', { token: TOKENS.biller });
    expect([badState.status, badState.body.errors[0].field]).toEqual([400, 'state']);
    const badCursor = await call(api.baseUrl, 'GET', '/worklists/authorizations?cursor=bm90LW91cnM', { token: TOKENS.biller });
    expect([badCursor.status, badCursor.body.errors[0].field]).toEqual([400, 'cursor']);
    expect((await call(api.baseUrl, 'GET', '/worklists/authorizations', { token: TOKENS.coder })).status).toBe(403);
  });
});
