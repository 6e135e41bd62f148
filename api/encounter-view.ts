/**
 * What GET /encounters/:id shows, by role (minimum necessary). The route itself answers intake
 * with ids, stage and links only, and another physician's encounter with 404; this view is for
 * the encounter's own physician, coders, billers and supervisors. They see ids, stage, payer,
 * dates, codes and status. The patient's name only goes to coder, biller and supervisor; the
 * clinical documentation only to the coder, the supervisor and the encounter's own physician,
 * and so does the open query's wording (its question and clinical indicators quote the notes: a
 * biller sees that a query is open and until when, not what it asks), and so do each code's
 * rationale and evidence spans (offsets into the documentation, for highlighting); claims only to coder,
 * biller and supervisor. `status` is the workflow's live status, or (when it cannot answer) the
 * stored stage with the transitions recorded in the database.
 */
import type { Encounter, PrismaClient } from '../generated/prisma/client.ts';
import type { EncounterStatus, StageTransition } from '../workflows/messages.ts';
import { isStage } from '../workflows/stages.ts';
import type { Principal } from './auth.ts';
import { dateToDay } from '../domain/days.ts';
import type { EvidenceSpan } from '../domain/evidence.ts';

export interface StoredStatus {
  encounterId: string;
  stage: string;
  updatedAt: string;
  history: StageTransition[];
}

async function storedStatus(prisma: PrismaClient, encounter: Encounter): Promise<StoredStatus> {
  const transitions = await prisma.encounterTransition.findMany({
    where: { encounterId: encounter.id },
    orderBy: { sequence: 'asc' },
  });
  const history: StageTransition[] = [];
  for (const t of transitions) {
    if (!isStage(t.fromStage) || !isStage(t.toStage)) continue;
    const transition: StageTransition = { from: t.fromStage, to: t.toStage, at: t.at.toISOString() };
    if (t.reason !== null) transition.reason = t.reason;
    if (t.actor !== null) transition.actor = t.actor;
    history.push(transition);
  }
  return { encounterId: encounter.id, stage: encounter.stage, updatedAt: encounter.updatedAt.toISOString(), history };
}

/** `withReasoning`: the rationale and evidence spans too (they quote the record: documentation readers only). */
async function latestCodes(prisma: PrismaClient, encounterId: string, withReasoning: boolean) {
  const newest = await prisma.codeAssignment.findFirst({ where: { encounterId }, orderBy: { revision: 'desc' } });
  if (newest === null) return null;
  const rows = await prisma.codeAssignment.findMany({
    where: { encounterId, revision: newest.revision },
    orderBy: [{ kind: 'asc' }, { sequence: 'asc' }],
  });
  const view = (row: (typeof rows)[number]) => ({
    code: row.code,
    system: row.system,
    description: row.description,
    confidence: row.confidence,
    source: row.source,
    ...(withReasoning ? { rationale: row.rationale, evidence: row.evidence as unknown as EvidenceSpan[] } : {}),
    ...(row.kind === 'procedure' ? { units: row.units ?? 1, modifiers: row.modifiers, diagnosisPointers: row.diagnosisPointers } : {}),
  });
  return {
    revision: newest.revision,
    diagnoses: rows.filter((r) => r.kind === 'diagnosis').map(view),
    procedures: rows.filter((r) => r.kind === 'procedure').map(view),
  };
}

function withoutQueryWording(live: EncounterStatus): EncounterStatus {
  if (live.openQuery === undefined) return live;
  const { question: _question, clinicalIndicators: _indicators, options: _options, ...rest } = live.openQuery;
  return { ...live, openQuery: rest as EncounterStatus['openQuery'] };
}

export async function buildEncounterView(prisma: PrismaClient, encounter: Encounter, live: EncounterStatus | undefined, viewer: Principal) {
  const [patient, provider] = await Promise.all([
    prisma.patient.findUniqueOrThrow({ where: { id: encounter.patientId } }),
    prisma.provider.findUniqueOrThrow({ where: { id: encounter.providerId } }),
  ]);
  const staff = viewer.role === 'coder' || viewer.role === 'biller' || viewer.role === 'supervisor';
  const ownPhysician = viewer.role === 'physician' && viewer.subject === provider.npi;
  const seesDocumentation = viewer.role === 'coder' || viewer.role === 'supervisor' || ownPhysician;

  const claims = staff
    ? await prisma.claim.findMany({
        where: { encounterId: encounter.id },
        orderBy: { createdAt: 'asc' },
        select: { id: true, claimNumber: true, status: true, totalChargeCents: true, ackStatus: true, submittedAt: true },
      })
    : undefined;
  const statement = staff ? await prisma.patientStatement.findUnique({ where: { encounterId: encounter.id }, select: { id: true } }) : null;

  return {
    id: encounter.id,
    clinicEncounterId: encounter.clinicEncounterId,
    workflowId: encounter.workflowId,
    stage: live?.stage ?? encounter.stage,
    payerId: encounter.payerId,
    dateOfService: dateToDay(encounter.dateOfService),
    placeOfService: encounter.placeOfService,
    createdAt: encounter.createdAt.toISOString(),
    updatedAt: encounter.updatedAt.toISOString(),
    patient: staff
      ? { id: patient.id, externalId: patient.externalId, firstName: patient.firstName, lastName: patient.lastName }
      : { id: patient.id, externalId: patient.externalId },
    provider: { npi: provider.npi, name: provider.name },
    ...(seesDocumentation ? { documentation: encounter.documentation } : {}),
    codes: await latestCodes(prisma, encounter.id, seesDocumentation),
    ...(claims !== undefined ? { claims: claims.map((c) => ({ ...c, submittedAt: c.submittedAt?.toISOString() ?? null })) } : {}),
    ...(statement !== null ? { statementId: statement.id } : {}),
    statusSource: live !== undefined ? ('workflow' as const) : ('database' as const),
    status: live === undefined ? await storedStatus(prisma, encounter) : seesDocumentation ? live : withoutQueryWording(live),
  };
}
