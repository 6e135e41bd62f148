import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExternalPartyRejectedError } from '../../integrations/errors.ts';
import { InsurerClient } from '../../integrations/insurer-client.ts';
import { startInsurerSandbox } from '../../sandbox/insurer/server.ts';
import { GENEROUS_TIMEOUT_MS, authorizationRequest, captureError, resetSandbox, sandboxRecords } from './helpers.ts';
import type { InsurerRecords } from './helpers.ts';

let sandbox: Awaited<ReturnType<typeof startInsurerSandbox>>;
let insurer: InsurerClient;

beforeAll(async () => {
  sandbox = await startInsurerSandbox({ port: 0 });
  insurer = new InsurerClient(sandbox.url, { timeoutMs: GENEROUS_TIMEOUT_MS });
});
afterAll(() => sandbox.stop());
beforeEach(() => resetSandbox(sandbox.url));

describe('insurer sandbox: prior-authorization outcomes over HTTP', () => {
  it('A1 certifies by default with an auth number and validity window', async () => {
    const decision = await insurer.submitPriorAuthorization(authorizationRequest(), 'key-a1');
    expect(decision.outcome).toBe('certified');
    expect(decision.authNumber).toMatch(/^AUTH-20261120-\d{6}$/);
    expect(decision.validFrom).toBe('2026-11-20');
    expect(decision.validTo).toBe('2027-02-17');
  });

  it('A2 certifies fewer units for 72148', async () => {
    const decision = await insurer.submitPriorAuthorization(authorizationRequest({ code: '72148', units: 3 }), 'key-a2');
    expect(decision.outcome).toBe('partial');
    expect(decision.authorizedUnits).toEqual({ '72148': 1 });
    expect(decision.authNumber).toBeDefined();
  });

  it('A3 denies member M-DENY with a reason and no auth number', async () => {
    const decision = await insurer.submitPriorAuthorization(authorizationRequest({ memberId: 'M-DENY' }), 'key-a3');
    expect(decision.outcome).toBe('denied');
    expect(decision.reason).toMatch(/^NOT_MEDICALLY_NECESSARY: /);
    expect(decision.authNumber).toBeUndefined();
  });

  it('A4 pends 95810 and certifies it after two status polls', async () => {
    const pended = await insurer.submitPriorAuthorization(authorizationRequest({ code: '95810' }), 'key-a4');
    expect(pended.outcome).toBe('pended');
    expect(pended.authNumber).toBeUndefined();
    const firstPoll = await insurer.getPriorAuthorization(pended.payerReference);
    expect(firstPoll.outcome).toBe('pended');
    const secondPoll = await insurer.getPriorAuthorization(pended.payerReference);
    expect(secondPoll).toMatchObject({ outcome: 'certified', payerReference: pended.payerReference });
    expect(secondPoll.authNumber).toBeDefined();
    const records = await sandboxRecords<InsurerRecords>(sandbox.url);
    expect(records.authorizations[0]?.statusPolls).toBe(2);
  });

  it('A4 can also end in a denial (member M-PEND-DENY)', async () => {
    const pended = await insurer.submitPriorAuthorization(authorizationRequest({ memberId: 'M-PEND-DENY' }), 'key-a4-deny');
    expect(pended.outcome).toBe('pended');
    await insurer.getPriorAuthorization(pended.payerReference);
    const decided = await insurer.getPriorAuthorization(pended.payerReference);
    expect(decided.outcome).toBe('denied');
    expect(decided.reason).toMatch(/ADDITIONAL_INFO_NOT_RECEIVED/);
  });

  it('A6 modifies 70553 to 70551', async () => {
    const decision = await insurer.submitPriorAuthorization(authorizationRequest({ code: '70553' }), 'key-a6');
    expect(decision.outcome).toBe('modified');
    expect(decision.authorizedUnits).toEqual({ '70551': 1 });
  });

  it('an unknown payer reference is a 404 rejection', async () => {
    const error = await captureError(insurer.getPriorAuthorization('PA-999999'));
    expect(error).toBeInstanceOf(ExternalPartyRejectedError);
    expect((error as ExternalPartyRejectedError).status).toBe(404);
  });
});

describe('insurer sandbox: validation and idempotency', () => {
  it('answers 422 problem+json naming the invalid fields, without echoing values', async () => {
    const request = authorizationRequest({ provider: { npi: '12' }, urgency: 'whenever' as 'standard' });
    const error = await captureError(insurer.submitPriorAuthorization(request, 'key-bad'));
    expect(error).toBeInstanceOf(ExternalPartyRejectedError);
    const rejected = error as ExternalPartyRejectedError;
    expect(rejected.status).toBe(422);
    expect(rejected.fields.map((f) => f.field).sort()).toEqual(['provider.npi', 'urgency']);
    expect(rejected.message).not.toContain('M-100200');
    expect((await sandboxRecords<InsurerRecords>(sandbox.url)).counts.authorizationRequests).toBe(0);
  });

  it('requires the Idempotency-Key header', async () => {
    const response = await fetch(`${sandbox.url}/prior-authorizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(authorizationRequest()),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
  });

  it('replays the same response for the same key and stores one request', async () => {
    const first = await insurer.submitPriorAuthorization(authorizationRequest({ code: '95810' }), 'key-replay');
    await insurer.getPriorAuthorization(first.payerReference);
    const again = await insurer.submitPriorAuthorization(authorizationRequest({ code: '95810' }), 'key-replay');
    expect(again).toEqual(first);
    const records = await sandboxRecords<InsurerRecords>(sandbox.url);
    expect(records.counts.authorizationRequests).toBe(1);
    expect(records.authorizations[0]).toMatchObject({ idempotencyKey: 'key-replay', replays: 1 });
  });

  it('refuses the same key with a different body (422) and keeps one record', async () => {
    await insurer.submitPriorAuthorization(authorizationRequest({ units: 1 }), 'key-reused');
    const error = await captureError(insurer.submitPriorAuthorization(authorizationRequest({ units: 2 }), 'key-reused'));
    expect(error).toBeInstanceOf(ExternalPartyRejectedError);
    expect((error as ExternalPartyRejectedError).status).toBe(422);
    expect((error as ExternalPartyRejectedError).problemType).toMatch(/idempotency-key-reused$/);
    expect((await sandboxRecords<InsurerRecords>(sandbox.url)).counts.authorizationRequests).toBe(1);
  });
});

describe('insurer sandbox: eligibility', () => {
  const query = { payerId: 'ACME-HEALTH', memberId: 'M-100200', dateOfService: '2026-11-20' };

  it('gives default benefits to any member not scripted otherwise', async () => {
    expect(await insurer.checkEligibility(query)).toEqual({
      active: true,
      copayCents: 2500,
      coinsuranceBps: 2000,
      deductibleCents: 150000,
      deductibleMetCents: 40000,
      deductibleRemainingCents: 110000,
      outOfPocketMaxCents: 600000,
      outOfPocketMetCents: 0,
      outOfPocketRemainingCents: 600000,
    });
  });

  it('answers a 271-shaped inquiry: plan dates decide the coverage, a subscriber who does not match is an AAA rejection', async () => {
    const subscriber = { lastName: 'McTestface', dateOfBirth: '1980-02-29' };
    const active = await insurer.inquireEligibility({ ...query, subscriber });
    expect(active).toMatchObject({
      found: true,
      response: { active: true, plan: { name: 'Demo PPO', begin: '2026-01-01', end: '2026-12-31' } },
    });
    const ended = await insurer.inquireEligibility({ ...query, memberId: 'M-TERMINATED', subscriber });
    expect(ended).toMatchObject({ found: true, response: { active: false, plan: { end: '2026-06-30' } } });
    const before = await insurer.inquireEligibility({ ...query, memberId: 'M-TERMINATED', dateOfService: '2026-03-02', subscriber });
    expect(before).toMatchObject({ found: true, response: { active: true } });
    const wrongPerson = await insurer.inquireEligibility({ ...query, memberId: 'M-MISMATCH', subscriber });
    expect(wrongPerson).toMatchObject({ found: true, response: { active: false, rejection: { code: '71' } } });
    const rightPerson = await insurer.inquireEligibility({
      ...query,
      memberId: 'M-MISMATCH',
      subscriber: { lastName: 'Doe', dateOfBirth: '1961-04-12' },
    });
    expect(rightPerson).toMatchObject({ found: true, response: { active: true } });
    expect(await insurer.inquireEligibility({ ...query, memberId: 'M-UNKNOWN' })).toEqual({ found: false });
  });

  it('uses the payer default, and a member script over it', async () => {
    expect(await insurer.checkEligibility({ ...query, payerId: 'MEDICARE-DEMO' })).toMatchObject({
      copayCents: 0,
      deductibleRemainingCents: 0,
    });
    expect(await insurer.checkEligibility({ ...query, memberId: 'M-INACTIVE' })).toMatchObject({ active: false });
  });

  it('answers an unknown member with a 404 rejection that does not carry the member id', async () => {
    const error = await captureError(insurer.checkEligibility({ ...query, memberId: 'M-UNKNOWN' }));
    expect(error).toBeInstanceOf(ExternalPartyRejectedError);
    const rejected = error as ExternalPartyRejectedError;
    expect(rejected.status).toBe(404);
    expect(rejected.problemType).toMatch(/member-not-found$/);
    expect(rejected.message).not.toContain('M-UNKNOWN');
  });
});

describe('insurer client: decision mapping', () => {
  it('reports authorized units only when the outcome limits them', async () => {
    const certified = await insurer.submitPriorAuthorization(authorizationRequest(), 'key-units-a1');
    expect(certified.authorizedUnits).toBeUndefined();
    const denied = await insurer.submitPriorAuthorization(authorizationRequest({ memberId: 'M-DENY' }), 'key-units-a3');
    expect(denied.authorizedUnits).toBeUndefined();
  });
});
