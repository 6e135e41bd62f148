import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimDocument } from '../../billing/types.ts';
import { renderX12_837P } from '../../billing/x12-837p.ts';
import { ClearinghouseClient } from '../../integrations/clearinghouse-client.ts';
import { ExternalPartyRejectedError, ExternalPartyUnavailableError } from '../../integrations/errors.ts';
import { startClearinghouseSandbox } from '../../sandbox/clearinghouse/server.ts';
import { ENVELOPE, sampleClaim, sampleX12 } from '../billing/fixtures.ts';
import { GENEROUS_TIMEOUT_MS, captureError, resetSandbox, sandboxRecords } from './helpers.ts';
import type { ClearinghouseRecords } from './helpers.ts';

let sandbox: Awaited<ReturnType<typeof startClearinghouseSandbox>>;
let clearinghouse: ClearinghouseClient;

beforeAll(async () => {
  sandbox = await startClearinghouseSandbox({ faults: { retryAfterSeconds: 2 } });
  clearinghouse = new ClearinghouseClient(sandbox.url, { timeoutMs: GENEROUS_TIMEOUT_MS });
});
afterAll(() => sandbox.stop());
beforeEach(() => resetSandbox(sandbox.url));

/** A claim changed after rendering, as a buggy or tampered sender would post it. */
function altered(change: (claim: ClaimDocument) => void): ClaimDocument {
  const claim = structuredClone(sampleClaim());
  change(claim);
  return claim;
}

describe('clearinghouse sandbox over HTTP', () => {
  it('accepts a valid claim: 999 A, 277CA A2, a clearinghouse claim id', async () => {
    const ack = await clearinghouse.submitClaim(sampleClaim(), sampleX12());
    expect(ack).toMatchObject({
      claimNumber: 'CLM-2026-0001',
      status: 'accepted',
      functionalAck: 'A',
      claimStatusCategory: 'A2',
      rejections: [],
      duplicate: false,
    });
    expect(ack.clearinghouseClaimId).toMatch(/^CH-\d{8}$/);
    expect(await clearinghouse.getClaim('CLM-2026-0001')).toEqual(ack);
  });

  it('answers a resubmission with the original acknowledgement marked duplicate, and keeps one record', async () => {
    const first = await clearinghouse.submitClaim(sampleClaim(), sampleX12());
    const second = await clearinghouse.submitClaim(sampleClaim(), sampleX12());
    expect(second).toEqual({ ...first, duplicate: true });
    const records = await sandboxRecords<ClearinghouseRecords>(sandbox.url);
    expect(records.counts).toMatchObject({ claims: 1, accepted: 1, submissions: 2 });
  });

  it.each([
    ['a missing billing NPI', altered((c) => (c.billingProvider.npi = '')), 'MISSING_NPI', 'billingProvider.npi'],
    ['an invalid rendering NPI', altered((c) => (c.renderingProvider.npi = '1234567890')), 'INVALID_NPI', 'renderingProvider.npi'],
    [
      'a diagnosis pointer past the codes',
      altered((c) => (c.lines[1]!.diagnosisPointers = [5])),
      'INVALID_DIAGNOSIS_POINTER',
      'lines[1].diagnosisPointers',
    ],
    [
      'no prior auth number on a claim that needs one',
      altered((c) => delete c.priorAuthorizationNumber),
      'MISSING_PRIOR_AUTH',
      'priorAuthorizationNumber',
    ],
    ['a total that is not the sum of the lines', altered((c) => (c.totalChargeCents += 1)), 'TOTAL_MISMATCH', 'totalChargeCents'],
  ])('rejects %s (277CA A3) naming the field', async (_name, claim, code, field) => {
    const ack = await clearinghouse.submitClaim(claim, sampleX12());
    expect(ack.status).toBe('rejected');
    expect(ack.claimStatusCategory).toBe('A3');
    expect(ack.clearinghouseClaimId).toBeUndefined();
    expect(ack.rejections).toContainEqual(expect.objectContaining({ code, field }));
  });

  it('rejects a broken X12 structure with a 999 R', async () => {
    const broken = sampleX12().replace(/SE\*\d+\*0001/, 'SE*3*0001');
    const ack = await clearinghouse.submitClaim(sampleClaim(), broken);
    expect(ack).toMatchObject({ status: 'rejected', functionalAck: 'R' });
    expect(ack.rejections[0]).toMatchObject({ code: 'X12_STRUCTURE', field: 'x12' });
    expect(ack.rejections[0]?.message).toMatch(/SE01 \(3\)/);
  });

  it('rejects X12 whose CLM01 is another claim', async () => {
    const other = renderX12_837P(sampleClaim({ claimNumber: 'CLM-OTHER' }), ENVELOPE);
    const ack = await clearinghouse.submitClaim(sampleClaim(), other);
    expect(ack.rejections.map((r) => r.code)).toEqual(['X12_CLAIM_MISMATCH']);
  });

  it('evaluates a corrected resubmission after a rejection, still one record', async () => {
    const rejected = await clearinghouse.submitClaim(
      altered((c) => (c.billingProvider.npi = '')),
      sampleX12(),
    );
    expect(rejected.status).toBe('rejected');
    const corrected = await clearinghouse.submitClaim(sampleClaim(), sampleX12());
    expect(corrected).toMatchObject({ status: 'accepted', duplicate: false });
    const records = await sandboxRecords<ClearinghouseRecords>(sandbox.url);
    expect(records.counts).toMatchObject({ claims: 1, accepted: 1, rejected: 0, submissions: 2 });
  });

  it('refuses a malformed submission with 422 problem+json naming the field', async () => {
    const { claimNumber: _dropped, ...withoutNumber } = sampleClaim();
    const error = await captureError(clearinghouse.submitClaim(withoutNumber as ClaimDocument, sampleX12()));
    expect(error).toBeInstanceOf(ExternalPartyRejectedError);
    expect((error as ExternalPartyRejectedError).status).toBe(422);
    expect((error as ExternalPartyRejectedError).fields.map((f) => f.field)).toContain('claim.claimNumber');
  });

  it('a 503 is unavailable with Retry-After; the retried claim is recorded once', async () => {
    const faulty = new ClearinghouseClient(sandbox.url, { timeoutMs: GENEROUS_TIMEOUT_MS, headers: { 'X-Sandbox-Fault': '503' } });
    const error = await captureError(faulty.submitClaim(sampleClaim(), sampleX12()));
    expect(error).toBeInstanceOf(ExternalPartyUnavailableError);
    expect((error as ExternalPartyUnavailableError).retryAfterMs).toBe(2000);
    await clearinghouse.submitClaim(sampleClaim(), sampleX12());
    expect((await sandboxRecords<ClearinghouseRecords>(sandbox.url)).counts.claims).toBe(1);
  });

  it('a reset after receipt: the retry is answered as a duplicate of the stored claim', async () => {
    const faulty = new ClearinghouseClient(sandbox.url, { timeoutMs: GENEROUS_TIMEOUT_MS, headers: { 'X-Sandbox-Fault': 'reset-after' } });
    const error = await captureError(faulty.submitClaim(sampleClaim(), sampleX12()));
    expect(error).toBeInstanceOf(ExternalPartyUnavailableError);
    const retried = await clearinghouse.submitClaim(sampleClaim(), sampleX12());
    expect(retried).toMatchObject({ status: 'accepted', duplicate: true });
    expect((await sandboxRecords<ClearinghouseRecords>(sandbox.url)).counts).toMatchObject({ claims: 1, submissions: 2 });
  });
});
