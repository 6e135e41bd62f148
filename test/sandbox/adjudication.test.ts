/**
 * The claim's life after the clearinghouse, over real HTTP: the clearinghouse forwards accepted
 * claims to the insurer, the insurer acknowledges at payer level and adjudicates them into 835
 * remittances (read back with our own parser and with pyx12), answers 276 status inquiries,
 * takes appeals and replacement claims (each answered by a reversal and a new adjudication).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { balanceProblems, isDeniedLine, linePatientResponsibility } from '../../billing/remittance.ts';
import { parseX12_835 } from '../../billing/x12-835.ts';
import { renderX12_837P } from '../../billing/x12-837p.ts';
import { ClearinghouseClient } from '../../integrations/clearinghouse-client.ts';
import { InsurerClient } from '../../integrations/insurer-client.ts';
import { startClearinghouseSandbox } from '../../sandbox/clearinghouse/server.ts';
import { DEFAULT_INSURER_SCENARIO_PATH } from '../../sandbox/insurer/scenarios.ts';
import { startInsurerSandbox } from '../../sandbox/insurer/server.ts';
import { checkX12File } from '../../testkit/pyx12.ts';
import { ENVELOPE, sampleClaim } from '../billing/fixtures.ts';
import { GENEROUS_TIMEOUT_MS, resetSandbox } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'adjudication-'));
const scenarioPath = join(dir, 'insurer.json');
{
  const scenario = JSON.parse(readFileSync(DEFAULT_INSURER_SCENARIO_PATH, 'utf8')) as { adjudication: { delaySeconds: number } };
  scenario.adjudication.delaySeconds = 0;
  writeFileSync(scenarioPath, JSON.stringify(scenario));
}

let insurer: Awaited<ReturnType<typeof startInsurerSandbox>>;
let clearinghouseSandbox: Awaited<ReturnType<typeof startClearinghouseSandbox>>;
let clearinghouse: ClearinghouseClient;
let payer: InsurerClient;

beforeAll(async () => {
  insurer = await startInsurerSandbox({ scenarioPath });
  clearinghouseSandbox = await startClearinghouseSandbox({ payerUrl: insurer.url });
  clearinghouse = new ClearinghouseClient(clearinghouseSandbox.url, { timeoutMs: GENEROUS_TIMEOUT_MS });
  payer = new InsurerClient(insurer.url, { timeoutMs: GENEROUS_TIMEOUT_MS });
});
afterAll(async () => {
  await clearinghouseSandbox.stop();
  await insurer.stop();
});
beforeEach(async () => {
  await resetSandbox(insurer.url);
  await resetSandbox(clearinghouseSandbox.url);
});

function claimFor(
  memberId: string,
  claimNumber: string,
  lines?: NonNullable<Parameters<typeof sampleClaim>[0]>['lines'],
  payerId = 'ACME-HEALTH',
) {
  const base = sampleClaim({
    claimNumber,
    payerId,
    priorAuthorizationRequired: false,
    priorAuthorizationNumber: undefined,
    ...(lines ? { lines } : {}),
  });
  return { ...base, subscriber: { ...base.subscriber, memberId } };
}

async function submit(claim: ReturnType<typeof claimFor>) {
  const ack = await clearinghouse.submitClaim(claim, renderX12_837P(claim, ENVELOPE));
  expect(ack.status).toBe('accepted');
}

async function pyx12(x12: string): Promise<void> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.x12`);
  writeFileSync(file, x12);
  const verdict = await checkX12File(file);
  expect(verdict.errors, verdict.output).toEqual([]);
  expect(verdict.ok, verdict.output).toBe(true);
}

describe('adjudication through the clearinghouse', () => {
  it('forwards an accepted claim, acknowledges it at payer level and answers with a balanced 835 that pyx12 accepts', async () => {
    await submit(claimFor('M-100200', 'CLM-PAID-1'));
    const tracking = await clearinghouse.trackClaim('CLM-PAID-1');
    expect(tracking.forwardedToPayer).toBe(true);
    expect(tracking.payerAcknowledgement).toMatchObject({ status: 'accepted', claimStatusCategory: 'A2' });

    const delivered = await clearinghouse.fetchRemittances('CLM-PAID-1');
    expect(delivered).toHaveLength(1);
    const [remittance] = parseX12_835(delivered[0]!.x12);
    expect(JSON.parse(JSON.stringify(remittance))).toEqual(delivered[0]!.remittance);
    const claim = remittance!.claims[0]!;
    expect(claim.claimNumber).toBe('CLM-PAID-1');
    expect(claim.payerClaimNumber).toBe(tracking.payerAcknowledgement!.payerClaimNumber);
    expect(balanceProblems(claim)).toEqual([]);
    // Allowed 80 % of 195.00 and 1150.00; $25 copay on the first line, then $1,100 deductible left, 20 % coinsurance.
    const [visit, mri] = claim.lines;
    expect(visit!.allowedCents).toBe(15600);
    expect(visit!.adjustments).toEqual([
      { group: 'CO', reasonCode: '45', amountCents: 3900 },
      { group: 'PR', reasonCode: '1', amountCents: 13100 },
      { group: 'PR', reasonCode: '3', amountCents: 2500 },
    ]);
    // The MRI's allowed 920.00 all goes to the deductible (968.00 still unmet): the payer pays nothing yet.
    expect(mri!.adjustments).toEqual([
      { group: 'CO', reasonCode: '45', amountCents: 23000 },
      { group: 'PR', reasonCode: '1', amountCents: 92000 },
    ]);
    expect(claim.patientResponsibilityCents).toBe(claim.lines.reduce((sum, l) => sum + linePatientResponsibility(l), 0));
    expect(remittance!.paymentCents).toBe(claim.paidCents);
    await pyx12(delivered[0]!.x12);
  });

  it('keeps a silent payer silent until a 276 inquiry, which finalizes it', async () => {
    const claim = claimFor('M-SILENT', 'CLM-SILENT-1');
    await submit(claim);
    expect(await clearinghouse.fetchRemittances('CLM-SILENT-1')).toEqual([]);
    const inquiry = {
      claimNumber: 'CLM-SILENT-1',
      payerId: 'ACME-HEALTH',
      memberId: 'M-SILENT',
      dateOfService: '2026-11-20',
      chargeCents: claim.totalChargeCents,
    };
    const first = await clearinghouse.inquireClaimStatus(inquiry);
    // The inquiry shook it loose: adjudicated at once (no delay here); all of it went to the deductible.
    expect(first).toMatchObject({ category: 'F4', paidCents: 0 });
    const delivered = await clearinghouse.fetchRemittances('CLM-SILENT-1');
    expect(delivered).toHaveLength(1);
    expect(first.traceNumber).toBe(delivered[0]!.traceNumber);
    const unknown = await clearinghouse.inquireClaimStatus({ ...inquiry, claimNumber: 'NO-SUCH-CLAIM' });
    expect(unknown.category).toBe('A4');
  });

  it('answers P1 while a never-adjudicated claim is pending', async () => {
    const claim = claimFor('M-LOST', 'CLM-LOST-1');
    await submit(claim);
    const status = await clearinghouse.inquireClaimStatus({
      claimNumber: 'CLM-LOST-1',
      payerId: 'ACME-HEALTH',
      memberId: 'M-LOST',
      dateOfService: '2026-11-20',
      chargeCents: claim.totalChargeCents,
    });
    expect(status).toMatchObject({ category: 'P1', statusCode: '20' });
    expect(await clearinghouse.fetchRemittances('CLM-LOST-1')).toEqual([]);
  });

  it('rejects at payer level a member who is not covered (277CA A3), after the clearinghouse accepted the claim', async () => {
    await submit(claimFor('M-INACTIVE', 'CLM-INACTIVE-1'));
    const tracking = await clearinghouse.trackClaim('CLM-INACTIVE-1');
    expect(tracking.payerAcknowledgement).toMatchObject({
      status: 'rejected',
      claimStatusCategory: 'A3',
      reasons: [{ code: 'COVERAGE_INACTIVE' }],
    });
  });

  it('delivers a scripted duplicate 835 twice with the same trace number', async () => {
    await submit(claimFor('M-DUP-ERA', 'CLM-DUP-1'));
    const delivered = await clearinghouse.fetchRemittances('CLM-DUP-1');
    expect(delivered).toHaveLength(2);
    expect(delivered[0]!.traceNumber).toBe(delivered[1]!.traceNumber);
    expect(delivered[0]!.deliveryId).not.toBe(delivered[1]!.deliveryId);
  });

  it('denies a line with reasons, and an appeal with a document reverses the denial and pays (pyx12 accepts the reversal)', async () => {
    const lines = [{ code: '99215', modifiers: [], units: 1, diagnosisPointers: [1], unitPriceCents: 27000, chargeCents: 27000 }];
    // BLUE-PLAINS: the deductible is met, so the overturned line pays.
    await submit(claimFor('M-DENY-LEVEL5', 'CLM-DENY-1', lines, 'BLUE-PLAINS'));
    const [denial] = await clearinghouse.fetchRemittances('CLM-DENY-1');
    const denied = parseX12_835(denial!.x12)[0]!.claims[0]!;
    expect(denied.status).toBe('4');
    expect(isDeniedLine(denied.lines[0]!)).toBe(true);
    expect(denied.lines[0]).toMatchObject({
      paidCents: 0,
      adjustments: [{ group: 'CO', reasonCode: '50', amountCents: 27000 }],
      remarkCodes: ['N115'],
    });
    await pyx12(denial!.x12);

    const pdf = Buffer.from('%PDF-1.4 medical necessity letter');
    const appeal = {
      payerId: 'BLUE-PLAINS',
      claimNumber: 'CLM-DENY-1',
      payerClaimNumber: denied.payerClaimNumber,
      lineNumbers: [1],
      reason: 'the visit was medically necessary; see the attached notes',
      documents: [
        {
          id: 'doc-1',
          filename: 'letter.pdf',
          contentType: 'application/pdf' as const,
          sha256: 'a'.repeat(64),
          contentBase64: pdf.toString('base64'),
        },
      ],
    };
    const receipt = await payer.fileAppeal(appeal, 'appeal-key-1');
    expect(await payer.fileAppeal(appeal, 'appeal-key-1')).toEqual(receipt);
    const after = await clearinghouse.fetchRemittances('CLM-DENY-1');
    expect(after).toHaveLength(2);
    const [reversal, paid] = parseX12_835(after[1]!.x12)[0]!.claims;
    expect(reversal).toMatchObject({ status: '22', chargeCents: -27000, paidCents: 0 });
    expect(paid!.status).toBe('1');
    expect(paid!.paidCents).toBeGreaterThan(0);
    expect(paid!.lines[0]!.remarkCodes).toContain('MA91');
    await pyx12(after[1]!.x12);
  });

  it('answers a replacement claim (frequency 7, REF*F8) with a reversal of the original and a new adjudication', async () => {
    const wrong = [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [1], unitPriceCents: 19500, chargeCents: 19500 }];
    await submit(claimFor('M-MOD25', 'CLM-MOD-1', wrong));
    const [first] = await clearinghouse.fetchRemittances('CLM-MOD-1');
    const original = first!.remittance.claims[0]!;
    expect(original.lines[0]!.adjustments[0]).toMatchObject({ group: 'CO', reasonCode: '4' });

    const corrected = {
      ...claimFor('M-MOD25', 'CLM-MOD-2', [{ ...wrong[0]!, modifiers: ['25'] }]),
      frequencyCode: '7' as const,
      originalReference: original.payerClaimNumber,
    };
    const x12 = renderX12_837P(corrected, ENVELOPE);
    expect(x12).toContain(`REF*F8*${original.payerClaimNumber}~`);
    expect(x12).toMatch(/CLM\*CLM-MOD-2\*195\.00\*\*\*11:B:7\*/);
    await pyx12(x12);
    await submit(corrected);
    const [replacement] = await clearinghouse.fetchRemittances('CLM-MOD-2');
    const claims = parseX12_835(replacement!.x12)[0]!.claims;
    expect(claims.map((c) => [c.claimNumber, c.status])).toEqual([
      ['CLM-MOD-1', '22'],
      ['CLM-MOD-2', '1'],
    ]);
    await pyx12(replacement!.x12);
  });
});
