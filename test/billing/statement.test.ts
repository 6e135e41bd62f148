import { describe, expect, it } from 'vitest';
import { computePatientResponsibility } from '../../billing/patient-responsibility.ts';
import { buildPatientStatement, renderStatementHtml } from '../../billing/statement.ts';

const lines = [
  { code: '99214', description: 'Office visit, established patient', units: 1, chargeCents: 19500, allowedCents: 12090 },
  { code: '72148', description: 'MRI lumbar spine w/o contrast', units: 1, chargeCents: 115000, allowedCents: 71300 },
];
const responsibility = computePatientResponsibility(
  lines.map((l) => l.allowedCents),
  { copayCents: 2500, coinsuranceBps: 2000, deductibleCents: 150000, deductibleMetCents: 100000 },
  134500,
);

function statement(overrides: Partial<Parameters<typeof buildPatientStatement>[0]> = {}) {
  return buildPatientStatement({
    statementNumber: 'ST-000123',
    statementDate: '2026-12-01',
    patient: { fullName: 'Avery <b>Quinton</b>', accountNumber: 'P-1001' },
    practice: { name: 'Riverside Family Practice', phone: '555-0100' },
    dateOfService: '2026-11-20',
    payerName: 'Acme Health Plan',
    claimNumber: 'CLM-2026-0001',
    lines,
    responsibility,
    ...overrides,
  });
}

describe('patient statement', () => {
  it('shows what was billed, the insurer share and what is due by when (30 days by default)', () => {
    const doc = statement();
    expect(doc.dueDate).toBe('2026-12-31');
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
    expect(statement({ dueInDays: 15 }).dueDate).toBe('2026-12-16');
  });

  it('refuses a responsibility that does not match the lines', () => {
    expect(() => statement({ lines: lines.slice(0, 1) })).toThrow(/add up/);
  });

  it('renders printable, escaped HTML', () => {
    const html = renderStatementHtml(statement());
    expect(html).toContain('@media print');
    expect(html).toContain('Avery &lt;b&gt;Quinton&lt;/b&gt;');
    expect(html).not.toContain('<b>Quinton');
    expect(html).toContain('Amount due: $586.78 by 2026-12-31');
    expect(html).toContain('$1,345.00');
    expect(html).toContain('72148');
  });
});
