import { describe, expect, it } from 'vitest';
import { computePatientResponsibility } from '../../billing/patient-responsibility.ts';
import { buildPatientStatement, renderStatementHtml } from '../../billing/statement.ts';
import type { StatementFromClaimInput } from '../../billing/statement.ts';
import { claimInput, sampleClaim } from './fixtures.ts';

const claim = sampleClaim(); // 99214 $195.00 + 72148 $1,150.00
const responsibility = computePatientResponsibility(
  [12090, 71300],
  { copayCents: 2500, coinsuranceBps: 2000, deductibleCents: 150000, deductibleMetCents: 100000 },
  claim.totalChargeCents,
);

function statement(overrides: Partial<StatementFromClaimInput> = {}) {
  return buildPatientStatement({
    statementNumber: 'S-CLM-2026-0001',
    claim,
    patient: { ...claimInput().patient, lastName: 'Quinton <b>Jr</b>' },
    responsibility,
    issuedOn: '2026-12-01',
    lineDescriptions: { '72148': 'MRI lumbar spine without contrast' },
    ...overrides,
  });
}

describe('patient statement', () => {
  it('shows what was billed, the insurer share and what is due by when (30 days by default)', () => {
    const doc = statement();
    expect(doc.dueDate).toBe('2026-12-31');
    expect(doc.lines.map((l) => [l.code, l.chargeCents, l.description])).toEqual([
      ['99214', 19500, ''],
      ['72148', 115000, 'MRI lumbar spine without contrast'],
    ]);
    expect(doc.totals).toEqual({
      chargeCents: 134500,
      adjustmentCents: 51110,
      allowedCents: 83390,
      insuranceExpectedCents: 24712,
      copayCents: 2500,
      deductibleCents: 50000,
      coinsuranceCents: 6178,
      amountDueCents: 58678,
    });
    expect(doc.totals.chargeCents - doc.totals.adjustmentCents).toBe(doc.totals.insuranceExpectedCents + doc.totals.amountDueCents);
    expect(doc.patient).toEqual({ fullName: 'Avery Quinton <b>Jr</b>', accountNumber: 'P-1001' });
    expect(statement({ dueInDays: 15 }).dueDate).toBe('2026-12-16');
  });

  it('handles self-pay: no adjustment, the patient owes the full charge', () => {
    const selfPay = {
      chargeCents: 134500,
      copayCents: 0,
      deductibleAppliedCents: 0,
      coinsuranceCents: 0,
      patientOwesCents: 134500,
      insuranceExpectedCents: 0,
    };
    const doc = statement({ responsibility: selfPay, notes: ['Your insurer did not authorize this service.'] });
    expect(doc.totals).toMatchObject({ adjustmentCents: 0, amountDueCents: 134500, insuranceExpectedCents: 0 });
    expect(renderStatementHtml(doc)).toContain('Your insurer did not authorize this service.');
  });

  it('refuses a bad issue date or due days', () => {
    expect(() => statement({ issuedOn: '12/01/2026' })).toThrow(/issue date/);
    expect(() => statement({ dueInDays: -1 })).toThrow(/dueInDays/);
  });

  it('renders printable, escaped HTML', () => {
    const html = renderStatementHtml(statement());
    expect(html).toContain('@media print');
    expect(html).toContain('Avery Quinton &lt;b&gt;Jr&lt;/b&gt;');
    expect(html).not.toContain('<b>Jr');
    expect(html).toContain('Amount due: $586.78 by 2026-12-31');
    expect(html).toContain('$1,345.00');
    expect(html).toContain('99214-25');
    expect(html).toContain('100 Main St, Springfield, IL 62701');
  });
});

describe('patient statement from explicit lines', () => {
  const lines = [
    { code: '99214', description: 'Office visit', units: 1, chargeCents: 19500, allowedCents: 12090 },
    { code: '72148', units: 1, chargeCents: 115000, allowedCents: 71300 },
  ];
  const input = {
    statementNumber: 'ST-2',
    statementDate: '2026-11-25',
    patient: { fullName: 'Avery Quinton', accountNumber: 'P-1001' },
    practice: { name: 'Riverside Family Practice' },
    dateOfService: '2026-11-20',
    payerName: 'Acme Health Plan',
    lines,
    responsibility,
  };

  it('gives the same totals as the claim-based form', () => {
    const doc = buildPatientStatement(input);
    expect(doc.totals).toEqual(statement().totals);
    expect(doc.dueDate).toBe('2026-12-25');
    expect(doc.claimNumber).toBeUndefined();
  });

  it('refuses shares that do not add up to the lines’ allowed total', () => {
    expect(() => buildPatientStatement({ ...input, lines: lines.slice(0, 1) })).toThrow(/add up/);
  });
});
