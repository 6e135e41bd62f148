/** The bill in a patient's words: services without jargon, each adjustment explained, what is owed. */
import { describe, expect, it } from 'vitest';
import { patientBillView } from '../../billing/patient-view.ts';
import { plainReason, plainServiceName } from '../../billing/plain-language.ts';
import type { PatientStatementDocument } from '../../billing/statement.ts';

function statement(totals: Partial<PatientStatementDocument['totals']>, notes: string[] = []): PatientStatementDocument {
  return {
    statementNumber: 'S-1',
    issuedOn: '2026-11-20',
    dueDate: '2026-12-20',
    patient: { fullName: 'Pat Example', accountNumber: 'A-1' },
    practice: { name: 'Clinic' },
    payerName: 'Acme Health',
    dateOfService: '2026-11-20',
    lines: [
      {
        dateOfService: '2026-11-20',
        code: '99213',
        modifiers: [],
        description: 'Established patient office visit low complexity decision making',
        units: 1,
        chargeCents: 13500,
      },
    ],
    totals: {
      chargeCents: 13500,
      adjustmentCents: 0,
      allowedCents: 0,
      insuranceExpectedCents: 0,
      copayCents: 0,
      deductibleCents: 0,
      coinsuranceCents: 0,
      amountDueCents: 0,
      ...totals,
    },
    notes,
  };
}

describe('the patient’s view of a statement', () => {
  it('explains the contract discount, deductible and copay, and calls nothing "not covered" when the plan’s shares explain the amount', () => {
    const view = patientBillView(
      statement({ adjustmentCents: 5130, allowedCents: 8370, deductibleCents: 5870, copayCents: 2500, amountDueCents: 8370 }),
      { physicianName: 'Dr. One' },
    );
    expect(view.services[0]!.words).toBe('Visit with your doctor — Established patient office visit low complexity decision making');
    expect(view.adjustments.map((a) => [a.kind, a.amountCents, a.youPay])).toEqual([
      ['contractual', 5130, false],
      ['deductible', 5870, true],
      ['copay', 2500, true],
    ]);
    expect(view.amountDueCents).toBe(8370);
  });

  it('says what the insurer did not cover, with the statement’s reason, and subtracts the clinic’s write-offs', () => {
    const view = patientBillView(
      statement({ allowedCents: 13500, amountDueCents: 13500 }, ['Your insurer did not authorize this service.']),
      {
        physicianName: 'Dr. One',
        clinicAdjustments: [{ kind: 'write_off', amountCents: 3500, reason: 'Financial assistance' }],
      },
    );
    expect(view.adjustments.map((a) => a.kind)).toEqual(['not_covered', 'write_off']);
    expect(view.adjustments[0]).toMatchObject({ amountCents: 13500, reason: 'Your insurer did not authorize this service.' });
    expect(view.amountDueCents).toBe(10000);
  });

  it('explains per-line remittance adjustments (group + reason code) when the statement carries them', () => {
    const doc = statement({ amountDueCents: 2000 });
    (doc.lines[0] as unknown as { adjustments: unknown[] }).adjustments = [
      { group: 'CO', reason: '45', amountCents: 5000 },
      { group: 'PR', reason: '2', amountCents: 2000 },
      { group: 'CO', reason: '97', amountCents: 100 },
    ];
    const view = patientBillView(doc, { physicianName: 'Dr. One' });
    expect(view.adjustments.map((a) => [a.kind, a.youPay, a.lineNumber])).toEqual([
      ['contractual', false, 1],
      ['coinsurance', true, 1],
      ['other', false, 1],
    ]);
    expect(view.adjustments[2]!.reason).toMatch(/included in the payment for another service/);
  });

  it('words services and reasons without codes a patient cannot read', () => {
    expect(plainServiceName('85025', 'Complete blood count CBC with automated differential')).toBe(
      'Laboratory test of a sample (blood, urine or a swab) — Complete blood count with automated differential',
    );
    expect(plainServiceName('12345', '')).toBe('A medical service');
    expect(plainReason('96')).toBe('Your plan does not cover this service.');
    expect(plainReason('999')).toMatch(/reason code 999/);
  });
});
