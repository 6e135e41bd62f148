import { describe, expect, it } from 'vitest';
import { isDeniedLine, balanceProblems } from '../../billing/remittance.ts';
import { parseX12_835, X12ParseError } from '../../billing/x12-835.ts';
import { renderX12_835 } from '../../sandbox/insurer/x12-835.ts';
import type { RemittanceToRender } from '../../sandbox/insurer/x12-835.ts';
import { envelope835, remittanceOf } from '../../testkit/remittance-835.ts';

const ENVELOPE = envelope835('ACME-HEALTH', 7);

function remittance(paidCents = 12000): RemittanceToRender {
  return remittanceOf([
    {
      claimNumber: 'CLM-1',
      status: '1',
      chargeCents: 20000,
      paidCents,
      patientResponsibilityCents: 4000,
      payerClaimNumber: '26000000001',
      adjustments: [],
      patient: { lastName: 'QUINTON', firstName: 'AVERY', memberId: 'M-1' },
      dateOfService: '2026-11-20',
      placeOfService: '11',
      lines: [
        {
          lineNumber: 1,
          code: '99214',
          modifiers: ['25'],
          units: 1,
          chargeCents: 20000,
          paidCents,
          allowedCents: 16000,
          adjustments: [
            { group: 'CO', reasonCode: '45', amountCents: 4000 },
            { group: 'PR', reasonCode: '2', amountCents: 1500 },
            { group: 'PR', reasonCode: '3', amountCents: 2500 },
          ],
          remarkCodes: [],
        },
      ],
    },
  ]);
}

describe('X12 835 reader', () => {
  it('reads back what the payer rendered: payment, trace, claim and line with adjustments by group', () => {
    const [parsed] = parseX12_835(renderX12_835(remittance(), ENVELOPE));
    expect(parsed).toMatchObject({
      traceNumber: '700000007',
      payerId: 'ACME-HEALTH',
      payeeNpi: '1234567893',
      paymentCents: 12000,
      paymentMethod: 'CHK',
      paymentDate: '2026-11-28',
    });
    const line = parsed!.claims[0]!.lines[0]!;
    expect(line).toMatchObject({ lineNumber: 1, code: '99214', modifiers: ['25'], allowedCents: 16000, paidCents: 12000 });
    expect(line.adjustments).toHaveLength(3);
    expect(balanceProblems(parsed!.claims[0]!)).toEqual([]);
    expect(isDeniedLine(line)).toBe(false);
  });

  it('refuses an 835 that does not balance, naming no patient data', () => {
    const text = renderX12_835(remittance(), ENVELOPE).replace('SVC*HC:99214:25*200.00*120.00', 'SVC*HC:99214:25*200.00*130.00');
    expect(() => parseX12_835(text)).toThrow(X12ParseError);
    try {
      parseX12_835(text);
    } catch (err) {
      expect((err as Error).message).toMatch(/does not balance/);
      expect((err as Error).message).not.toMatch(/QUINTON|AVERY|M-1/);
    }
  });

  it('refuses a wrong SE count, a non-835 transaction and text that is not X12', () => {
    const good = renderX12_835(remittance(), ENVELOPE);
    expect(() => parseX12_835(good.replace(/SE\*\d+\*0001/, 'SE*3*0001'))).toThrow(/SE01/);
    expect(() => parseX12_835(good.replace('ST*835', 'ST*837'))).toThrow(/ST01/);
    expect(() => parseX12_835('hello')).toThrow(X12ParseError);
    expect(() => parseX12_835(good.replace('BPR*I*120.00', 'BPR*I*99.00'))).toThrow(/BPR02/);
  });
});
