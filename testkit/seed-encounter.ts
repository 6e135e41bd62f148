/**
 * One stored encounter (payer, patient, provider, encounter rows) for activity tests that need a
 * real row to write against, without running intake. Each call makes a new patient and encounter.
 */
import type { PrismaClient } from '../platform/db.ts';

export async function seedStoredEncounter(
  prisma: PrismaClient,
  options: { memberId?: string } = {},
): Promise<{ encounterId: string; suffix: string }> {
  const suffix = Math.random().toString(36).slice(2, 10);
  await prisma.payer.upsert({ where: { id: 'ACME-HEALTH' }, create: { id: 'ACME-HEALTH', name: 'Acme Health' }, update: {} });
  const patient = await prisma.patient.create({
    data: {
      externalId: `P-${suffix}`,
      firstName: 'Ada',
      lastName: 'Example',
      dateOfBirth: new Date('1970-01-01'),
      sex: 'F',
      memberId: options.memberId ?? 'M-1',
    },
  });
  const provider = await prisma.provider.upsert({
    where: { npi: '1234567893' },
    create: { npi: '1234567893', name: 'Dr. One', taxonomy: '207Q00000X' },
    update: {},
  });
  const encounter = await prisma.encounter.create({
    data: {
      clinicEncounterId: `C-${suffix}`,
      patientId: patient.id,
      providerId: provider.id,
      payerId: 'ACME-HEALTH',
      dateOfService: new Date('2026-11-02'),
      placeOfService: '11',
      documentation: { notes: 'n', diagnoses: [], procedures: [], testResults: [] },
      workflowId: `encounter-${suffix}`,
    },
  });
  return { encounterId: encounter.id, suffix };
}
