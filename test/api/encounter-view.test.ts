/**
 * GET /encounters/:id with everything a view can show stored (two coding revisions with
 * procedure details, evidence and rationale; claims; a patient statement; stage transitions):
 * the whole answer of each role, field by field, and one view audit row per viewer. No worker runs,
 * so the status comes from the database (the live status's redaction is e2e's).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encounterLinks } from '../../api/routes/encounters.ts';
import { seedStatement } from '../../testkit/seed-statement.ts';
import { call, useApiUnderTest, TOKENS, validSubmission } from './support.ts';

const api = useApiUnderTest();

async function seedEverything() {
  const submission = validSubmission();
  const posted = await call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body: submission });
  expect(posted.status).toBe(201);
  const id = posted.body.id as string;
  const prisma = api.db.prisma;
  const code = (revision: number, kind: string, sequence: number, value: string, extra: Record<string, unknown> = {}) => ({
    encounterId: id,
    revision,
    kind,
    sequence,
    system: kind === 'diagnosis' ? 'ICD-10-CM' : 'CPT',
    code: value,
    description: `description of ${value}`,
    rationale: `why ${value}`,
    confidence: 0.5 + sequence / 10,
    source: revision === 1 ? 'engine' : 'coder',
    ...extra,
  });
  await prisma.codeAssignment.createMany({
    data: [
      code(1, 'diagnosis', 1, 'E11.8'),
      // Revision 2, inserted out of order: the answer orders by kind, then sequence.
      code(2, 'procedure', 1, '99213', { units: 2, modifiers: ['25'], diagnosisPointers: [1, 2] }),
      code(2, 'diagnosis', 2, 'I10', { evidence: [{ section: 'assessment', text: 'hypertension', start: 3, end: 15 }] }),
      code(2, 'diagnosis', 1, 'E11.9', { evidence: [{ section: 'notes', text: 'type 2 diabetes' }] }),
      code(2, 'procedure', 2, '36415'),
    ],
  });
  await prisma.encounterTransition.createMany({
    data: [
      {
        encounterId: id,
        sequence: 2,
        fromStage: 'coding',
        toStage: 'coder_review',
        reason: 'low confidence',
        at: new Date('2026-11-20T10:00:02.123Z'),
      },
      { encounterId: id, sequence: 1, fromStage: 'received', toStage: 'coding', actor: 'worker', at: new Date('2026-11-20T10:00:01.000Z') },
      { encounterId: id, sequence: 3, fromStage: 'coder_review', toStage: 'no_such_stage', at: new Date('2026-11-20T10:00:03Z') },
    ],
  });
  const first = await prisma.claim.create({
    data: {
      encounterId: id,
      claimNumber: `CLM-${randomUUID()}`,
      status: 'submitted',
      totalChargeCents: 12_345,
      payload: {},
      x12: 'ISA*~',
      ackStatus: 'A',
      submittedAt: new Date('2026-11-21T08:30:00.456Z'),
      createdAt: new Date('2026-11-21T08:00:00Z'),
    },
  });
  // seedStatement adds a second claim (created now, so after the first) and the statement.
  const statement = await seedStatement(prisma, id);
  const encounter = await prisma.encounter.findUniqueOrThrow({ where: { id }, include: { patient: true } });
  return { id, submission, first, statement, encounter };
}

describe('GET /encounters/:id with codes, claims, a statement and transitions', () => {
  it('answers each role exactly its view and records one view per viewer', async () => {
    const { id, submission, first, statement, encounter } = await seedEverything();
    const diagnosis = (value: string, sequence: number, evidence: unknown, reasoning: boolean) => ({
      code: value,
      system: 'ICD-10-CM',
      description: `description of ${value}`,
      confidence: 0.5 + sequence / 10,
      source: 'coder',
      ...(reasoning ? { rationale: `why ${value}`, evidence } : {}),
    });
    const procedure = (value: string, sequence: number, units: number, modifiers: string[], pointers: number[], reasoning: boolean) => ({
      code: value,
      system: 'CPT',
      description: `description of ${value}`,
      confidence: 0.5 + sequence / 10,
      source: 'coder',
      ...(reasoning ? { rationale: `why ${value}`, evidence: [] } : {}),
      units,
      modifiers,
      diagnosisPointers: pointers,
    });
    const codes = (reasoning: boolean) => ({
      revision: 2,
      diagnoses: [
        diagnosis('E11.9', 1, [{ section: 'notes', text: 'type 2 diabetes' }], reasoning),
        diagnosis('I10', 2, [{ section: 'assessment', text: 'hypertension', start: 3, end: 15 }], reasoning),
      ],
      procedures: [procedure('99213', 1, 2, ['25'], [1, 2], reasoning), procedure('36415', 2, 1, [], [], reasoning)],
    });
    const links = encounterLinks(id);
    const common = {
      id,
      clinicEncounterId: submission.clinicEncounterId,
      workflowId: encounter.workflowId,
      stage: 'received',
      payerId: 'ACME-HEALTH',
      dateOfService: submission.dateOfService,
      placeOfService: '11',
      createdAt: encounter.createdAt.toISOString(),
      updatedAt: encounter.updatedAt.toISOString(),
      provider: { npi: '1234567893', name: 'Dr. Demo One' },
      statusSource: 'database',
      status: {
        encounterId: id,
        stage: 'received',
        updatedAt: encounter.updatedAt.toISOString(),
        history: [
          { from: 'received', to: 'coding', at: '2026-11-20T10:00:01.000Z', actor: 'worker' },
          { from: 'coding', to: 'coder_review', at: '2026-11-20T10:00:02.123Z', reason: 'low confidence' },
        ],
      },
      links,
    };
    const staffPatient = { id: encounter.patientId, externalId: submission.patient.externalId, firstName: 'Testy', lastName: 'McTestface' };
    const claims = [
      {
        id: first.id,
        claimNumber: first.claimNumber,
        status: 'submitted',
        totalChargeCents: 12_345,
        ackStatus: 'A',
        submittedAt: '2026-11-21T08:30:00.456Z',
      },
      {
        id: statement.claimId,
        claimNumber: statement.claimNumber,
        status: 'accepted',
        totalChargeCents: 15_000,
        ackStatus: null,
        submittedAt: null,
      },
    ];
    const staff = { claims, statementId: statement.statementId, patient: staffPatient };
    const documentation = JSON.parse(JSON.stringify(submission.documentation));

    const get = async (token: string) => {
      const response = await call(api.baseUrl, 'GET', `/encounters/${id}`, { token });
      expect(response.status).toBe(200);
      return response.body;
    };
    expect(await get(TOKENS.coder)).toEqual({ ...common, ...staff, documentation, codes: codes(true) });
    expect(await get(TOKENS.supervisor)).toEqual({ ...common, ...staff, documentation, codes: codes(true) });
    expect(await get(TOKENS.biller)).toEqual({ ...common, ...staff, codes: codes(false) });
    expect(await get(TOKENS.physicianA)).toEqual({
      ...common,
      patient: { id: encounter.patientId, externalId: submission.patient.externalId },
      documentation,
      codes: codes(true),
    });
    expect(await get(TOKENS.intake)).toEqual({
      id,
      clinicEncounterId: submission.clinicEncounterId,
      workflowId: encounter.workflowId,
      stage: 'received',
      links: { self: `/encounters/${id}` },
    });
    expect((await call(api.baseUrl, 'GET', `/encounters/${id}`, { token: TOKENS.physicianB })).status).toBe(404);
    // Read again within the audit window: still one row per viewer.
    await get(TOKENS.coder);
    await get(TOKENS.intake);

    const views = await api.db.prisma.auditEvent.findMany({ where: { encounterId: id, action: 'encounter.viewed' } });
    expect(views.map((v) => `${v.role}:${v.actor}`).sort()).toEqual([
      'biller:biller-demo',
      'coder:coder-demo',
      'intake:intake-demo',
      'physician:1234567893',
      'supervisor:supervisor-demo',
    ]);
    for (const view of views) expect(view.detail).toEqual({ patientId: encounter.patientId });
  });

  it('answers an encounter not coded yet with codes null and no claims', async () => {
    const submission = validSubmission();
    const posted = await call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body: submission });
    const view = await call(api.baseUrl, 'GET', `/encounters/${posted.body.id}`, { token: TOKENS.biller });
    expect(view.status).toBe(200);
    expect(view.body.codes).toBeNull();
    expect(view.body.claims).toEqual([]);
    expect(view.body).not.toHaveProperty('statementId');
    expect(view.body.status.history).toEqual([]);
  });
});
