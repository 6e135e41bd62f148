/** Loading a statement with what its patient view needs (physician, clinic adjustments). */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { patientBillView, type AppliedClinicAdjustment, type PatientBillView } from '../billing/patient-view.ts';
import type { PatientStatementDocument } from '../billing/statement.ts';
import { notFound } from '../platform/problem.ts';
import { uuid } from './schemas.ts';

export async function loadStatementForView(prisma: PrismaClient, statementId: string) {
  const statement = await prisma.patientStatement.findUnique({
    where: { id: statementId },
    include: {
      encounter: {
        select: { id: true, stage: true, dateOfService: true, payerId: true, financialClass: true, provider: { select: { name: true } } },
      },
      adjustments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (statement === null) return null;
  const document = statement.breakdown as unknown as PatientStatementDocument;
  const applied: AppliedClinicAdjustment[] = statement.adjustments
    .filter((a) => a.status === 'applied')
    .map((a) => ({ kind: a.kind as AppliedClinicAdjustment['kind'], amountCents: a.amountCents, reason: a.reason }));
  const bill: PatientBillView = patientBillView(document, { physicianName: statement.encounter.provider.name, clinicAdjustments: applied });
  return { statement, document, bill };
}

/** The statement with what its views need (loadStatementForView), or a 404 for an unknown or malformed id. */
export async function statementOr404(prisma: PrismaClient, id: string) {
  const loaded = uuid.safeParse(id).success ? await loadStatementForView(prisma, id) : null;
  if (loaded === null) throw notFound('No statement has this id');
  return loaded;
}
