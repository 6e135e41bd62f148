// Intake against the payer directory (unknown payers refused with 400 naming the field) and the
// patient's address: stored, versioned, never overwriting what is on file.
import { describe, expect, it } from 'vitest';
import { UNKNOWN_PAYER } from '../../api/encounter-intake.ts';
import { call, TOKENS, useApiUnderTest, validSubmission } from './support.ts';

const api = useApiUnderTest();

const post = (body: unknown) => call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body });

describe('the payer directory at intake', () => {
  it('the test database holds the shipped directory with its limits and prior-authorization rules', async () => {
    const acme = await api.db.prisma.payer.findUniqueOrThrow({ where: { id: 'ACME-HEALTH' } });
    expect(acme).toMatchObject({
      name: 'Acme Health Plan',
      active: true,
      claimRoute: 'clearinghouse',
      timelyFilingDays: 180,
      appealLimitDays: 180,
      followUpDays: 30,
    });
    expect(acme.priorAuthorization).toContainEqual({ codes: ['11042'], note: 'surgical debridement' });
  });

  it('400 naming payerId for a payer that is not in the directory, and nothing is stored', async () => {
    const submission = { ...validSubmission(), payerId: 'NOSUCH-PAYER' };
    const response = await post(submission);
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'payerId', message: UNKNOWN_PAYER }]);
    expect(await api.db.prisma.encounter.count({ where: { clinicEncounterId: submission.clinicEncounterId } })).toBe(0);
    expect(await api.db.prisma.payer.count({ where: { id: 'NOSUCH-PAYER' } })).toBe(0);
  });

  it('400 for an inactive payer, and for an unknown secondary payer naming secondaryCoverage.payerId', async () => {
    await api.db.prisma.payer.create({ data: { id: 'RETIRED-PLAN', name: 'Retired plan', active: false } });
    const inactive = await post({ ...validSubmission(), payerId: 'RETIRED-PLAN' });
    expect(inactive.status).toBe(400);
    expect(inactive.body.errors[0].field).toBe('payerId');

    const secondary = await post({ ...validSubmission(), secondaryCoverage: { payerId: 'NOSUCH-PAYER', memberId: 'SEC1' } });
    expect(secondary.status).toBe(400);
    expect(secondary.body.errors[0].field).toBe('secondaryCoverage.payerId');
  });

  it('stores a known secondary payer on the encounter and coverage version 1', async () => {
    const created = await post({ ...validSubmission(), secondaryCoverage: { payerId: 'BLUE-PLAINS', memberId: 'SEC-778' } });
    expect(created.status).toBe(201);
    const encounter = await api.db.prisma.encounter.findUniqueOrThrow({
      where: { id: created.body.id },
      include: { coverageVersions: true },
    });
    expect(encounter).toMatchObject({
      secondaryPayerId: 'BLUE-PLAINS',
      secondaryMemberId: 'SEC-778',
      coverageVersion: 1,
      financialClass: 'insurance',
    });
    expect(encounter.coverageVersions).toEqual([
      expect.objectContaining({ version: 1, kind: 'insurance', payerId: 'ACME-HEALTH', memberId: 'MBR12345', changedBy: 'intake' }),
    ]);
  });
});

describe('the patient address at intake', () => {
  it.each([
    ['a state of three letters', (s: any) => (s.patient.address.state = 'ILL'), 'patient.address.state'],
    ['a ZIP code of 6 digits', (s: any) => (s.patient.address.postalCode = '627041'), 'patient.address.postalCode'],
    ['an X12 separator in the street', (s: any) => (s.patient.address.line1 = '12 Main St*Apt 4'), 'patient.address.line1'],
    ['a phone number with letters', (s: any) => (s.patient.phone = '217555CALL'), 'patient.phone'],
  ])('400 naming the field for %s', async (_name, spoil, field) => {
    const submission = validSubmission();
    spoil(submission);
    const response = await post(submission);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(response.text).not.toContain('Main St');
  });

  it('stores the address and phone with demographics version 1', async () => {
    const submission = validSubmission();
    const created = await post(submission);
    expect(created.status).toBe(201);
    const encounter = await api.db.prisma.encounter.findUniqueOrThrow({
      where: { id: created.body.id },
      include: { patient: { include: { versions: true } } },
    });
    expect(encounter.patient).toMatchObject({
      addressLine1: '12 Test Lane',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62704',
      phone: '2175550100',
      version: 1,
    });
    expect(encounter.patient.versions).toEqual([
      expect.objectContaining({ version: 1, addressLine1: '12 Test Lane', changedBy: 'intake' }),
    ]);
  });

  it('adds an address to a patient on file without one as a new version, and never overwrites one on file', async () => {
    const first = validSubmission();
    delete first.patient.address;
    delete first.patient.phone;
    expect((await post(first)).status).toBe(201);
    const second = {
      ...validSubmission(),
      patient: { ...first.patient, address: { line1: '9 Elm Road', city: 'Peoria', state: 'IL', postalCode: '616020000' } },
    };
    expect((await post(second)).status).toBe(201);
    const third = {
      ...validSubmission(),
      patient: { ...first.patient, address: { line1: '1 Other Way', city: 'Chicago', state: 'IL', postalCode: '60601' } },
    };
    expect((await post(third)).status).toBe(201);

    const patient = await api.db.prisma.patient.findUniqueOrThrow({
      where: { externalId: first.patient.externalId },
      include: { versions: { orderBy: { version: 'asc' } } },
    });
    expect(patient).toMatchObject({ addressLine1: '9 Elm Road', postalCode: '616020000', version: 2 });
    expect(patient.versions.map((v) => [v.version, v.addressLine1, v.changedBy])).toEqual([
      [1, null, 'intake'],
      [2, '9 Elm Road', 'intake'],
    ]);
  });
});
