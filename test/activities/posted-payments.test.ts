/**
 * postedPayments (one raw statement, activities/posting.ts) answers every posted payment of the
 * claims named, oldest remittance first and in the remittance's order, each with its lines in line
 * order and each line with its own adjustments (the claim-level ones belong to no line), in a
 * process whose time zone is not UTC.
 */
process.env.TZ = 'Pacific/Honolulu';

import { describe, expect, it } from 'vitest';
import { postRemittanceFile, postedPayments } from '../../activities/posting.ts';
import { remittanceOf, render835 } from '../../testkit/remittance-835.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';

const db = useTestDatabase();

const claim = {
  claimNumber: 'CLM-POSTED-1',
  payerClaimNumber: '26000000042',
  patient: { lastName: 'TEST', firstName: 'PAT', memberId: 'M-1' },
  dateOfService: '2026-11-20',
  placeOfService: '11',
};

const line = (
  lineNumber: number,
  code: string,
  paid: number,
  adjustments: Array<{ group: 'CO' | 'PR'; reasonCode: string; amountCents: number }>,
) => ({
  lineNumber,
  code,
  modifiers: lineNumber === 2 ? ['25'] : [],
  units: 1,
  chargeCents: 10000,
  paidCents: paid,
  ...(paid > 0 ? { allowedCents: 8000 } : {}),
  adjustments,
  remarkCodes: paid === 0 ? ['N130'] : [],
});

describe('postedPayments', () => {
  it('answers each payment with its remittance, lines and their adjustments, oldest first', async () => {
    const first = remittanceOf(
      [
        {
          ...claim,
          status: '1',
          chargeCents: 20000,
          paidCents: 6000,
          patientResponsibilityCents: 2000,
          adjustments: [{ group: 'CO', reasonCode: '45', amountCents: 500 }],
          lines: [
            line(2, '99213', 0, [{ group: 'CO', reasonCode: '96', amountCents: 10000 }]),
            line(1, '99214', 6000, [
              { group: 'CO', reasonCode: '45', amountCents: 2000 },
              { group: 'PR', reasonCode: '3', amountCents: 2000 },
            ]),
          ],
        },
      ],
      { traceNumber: '700000041', paymentDate: '2026-11-27' },
    );
    const second = remittanceOf(
      [{ ...claim, status: '22', chargeCents: -20000, paidCents: -6000, patientResponsibilityCents: 0, adjustments: [], lines: [] }],
      { traceNumber: '700000042', paymentDate: '2026-11-28' },
    );
    const [posted1] = await postRemittanceFile(db.prisma, render835(first, 41));
    const [posted2] = await postRemittanceFile(db.prisma, render835(second, 42));

    const payments = await postedPayments(db.prisma, ['CLM-POSTED-1', 'CLM-NOT-POSTED']);
    expect(payments.map((p) => [p.remittanceId, p.traceNumber, p.paymentDate, p.status, p.chargeCents, p.paidCents])).toEqual([
      [posted1!.remittanceId, '700000041', '2026-11-27', '1', 20000, 6000],
      [posted2!.remittanceId, '700000042', '2026-11-28', '22', -20000, -6000],
    ]);
    const [answer, reversal] = payments;
    expect(answer).toMatchObject({ claimNumber: 'CLM-POSTED-1', payerClaimNumber: '26000000042', patientResponsibilityCents: 2000 });
    expect(answer!.reconciled).toBe(false); // no claim of ours has this number
    expect(answer!.reconciliationNote).toContain('no claim of ours');
    expect(answer!.lines.map((l) => [l.lineNumber, l.code, l.paidCents, l.allowedCents, l.denied, l.remarks.map((r) => r.code)])).toEqual([
      [1, '99214', 6000, 8000, false, []],
      [2, '99213', 0, undefined, true, ['N130']],
    ]);
    expect(answer!.lines.map((l) => l.adjustments.map((a) => `${a.group}-${a.reasonCode} ${a.amountCents}`))).toEqual([
      ['CO-45 2000', 'PR-3 2000'],
      ['CO-96 10000'],
    ]);
    expect(answer!.lines[0]!.adjustments[1]!.words).not.toBe('');
    expect(reversal!.lines).toEqual([]);
    expect(await postedPayments(db.prisma, ['CLM-NOT-POSTED'])).toEqual([]);
  });
});
