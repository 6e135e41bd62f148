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
 *
 * Two statements on node-postgres (platform/sql.ts), values bound, where Prisma sent eight: the
 * encounter with its patient and provider (readEncounterForView: what the route needs to decide
 * who may see it), then everything else the view shows together with the view's audit row
 * (readViewDetails: a data-modifying CTE, sent while the workflow is asked for its live status).
 * This is the read a clinic's system and the staff screens poll most.
 */
import { Prisma } from '../generated/prisma/client.ts';
import type { EncounterStatus, StageTransition } from '../workflows/messages.ts';
import { isStage } from '../workflows/stages.ts';
import type { Principal } from './auth.ts';
import { viewAuditStatement } from './audit.ts';
import type { ApiDeps } from './deps.ts';
import { uuid } from './schemas.ts';
import { dateToDay } from '../domain/days.ts';
import type { EvidenceSpan } from '../domain/evidence.ts';
import { notFound } from '../platform/problem.ts';
import { sqlOf, type Db } from '../platform/sql.ts';

export interface StoredStatus {
  encounterId: string;
  stage: string;
  updatedAt: string;
  history: StageTransition[];
}

/** The encounter's columns a view shows, with its patient's and provider's. */
export interface EncounterForView {
  id: string;
  clinicEncounterId: string;
  workflowId: string;
  stage: string;
  payerId: string;
  dateOfService: Date;
  placeOfService: string;
  documentation: unknown;
  createdAt: Date;
  updatedAt: Date;
  patientId: string;
  patientExternalId: string;
  patientFirstName: string;
  patientLastName: string;
  providerNpi: string;
  providerName: string;
}

/** The encounter with this id with its patient and provider, or a 404 problem (also for a malformed id). */
export async function readEncounterForView(db: Db, id: string): Promise<EncounterForView> {
  const rows = uuid.safeParse(id).success
    ? await sqlOf(db).query<EncounterForView>(
        Prisma.sql`SELECT e."id", e."clinicEncounterId", e."workflowId", e."stage", e."payerId", e."dateOfService", e."placeOfService",
          e."documentation", e."createdAt", e."updatedAt", e."patientId", p."externalId" AS "patientExternalId",
          p."firstName" AS "patientFirstName", p."lastName" AS "patientLastName", pr."npi" AS "providerNpi", pr."name" AS "providerName"
        FROM "Encounter" e JOIN "Patient" p ON p."id" = e."patientId" JOIN "Provider" pr ON pr."id" = e."providerId"
        WHERE e."id" = ${id}`,
        { prepared: 'encounterflow_encounter_view' },
      )
    : [];
  const encounter = rows[0];
  if (encounter === undefined) throw notFound('No encounter has this id');
  return encounter;
}

interface CodeRow {
  kind: string;
  code: string;
  system: string;
  description: string;
  confidence: number;
  source: string;
  rationale: string;
  evidence: EvidenceSpan[];
  units: number | null;
  /** NULL in the column (written without one) reads as an empty list, as Prisma reads it. */
  modifiers: string[];
  diagnosisPointers: number[];
}
interface ClaimRow {
  id: string;
  claimNumber: string;
  status: string;
  totalChargeCents: number;
  ackStatus: string | null;
  submittedAt: string | null;
}
interface TransitionRow {
  fromStage: string;
  toStage: string;
  reason: string | null;
  actor: string | null;
  at: string;
}

/** What a view shows besides the encounter's own row. Claims and statement: staff only (else undefined / null). */
export interface ViewDetails {
  codeRevision: number | null;
  /** The newest revision's codes, diagnoses then procedures, each by sequence. */
  codes: CodeRow[];
  claims: ClaimRow[] | undefined;
  statementId: string | null;
  /** The stored stage transitions in order (shown when the workflow does not answer). */
  transitions: TransitionRow[];
}

const isStaff = (viewer: Principal) => viewer.role === 'coder' || viewer.role === 'biller' || viewer.role === 'supervisor';

/** A `timestamp` column as toISOString() writes it (the column holds UTC, milliseconds). */
const isoText = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Everything the view shows besides the encounter's row, and the view's audit row (recordView's
 * INSERT, one per viewer and window), in one statement.
 */
export async function readViewDetails(
  deps: Pick<ApiDeps, 'prisma' | 'limits'>,
  encounter: EncounterForView,
  viewer: Principal,
): Promise<ViewDetails> {
  const id = encounter.id;
  const staff = isStaff(viewer);
  const audit = viewAuditStatement(deps, viewer, 'encounter.viewed', { encounterId: id, patientId: encounter.patientId });
  const staffColumns = staff
    ? Prisma.sql`,
      (SELECT coalesce(json_agg(json_build_object('id', c."id", 'claimNumber', c."claimNumber", 'status', c."status",
          'totalChargeCents', c."totalChargeCents", 'ackStatus', c."ackStatus", 'submittedAt', ${isoText(Prisma.sql`c."submittedAt"`)})
          ORDER BY c."createdAt"), '[]'::json)
        FROM "Claim" c WHERE c."encounterId" = ${id}) AS "claims",
      (SELECT s."id" FROM "PatientStatement" s WHERE s."encounterId" = ${id}) AS "statementId"`
    : Prisma.empty;
  const rows = await sqlOf(deps.prisma).query<ViewDetails>(
    Prisma.sql`WITH view_audit AS (${audit}),
      newest AS (SELECT max(a."revision") AS "revision" FROM "CodeAssignment" a WHERE a."encounterId" = ${id})
    SELECT (SELECT "revision" FROM newest) AS "codeRevision",
      (SELECT coalesce(json_agg(json_build_object('kind', a."kind", 'code', a."code", 'system', a."system", 'description', a."description",
          'confidence', a."confidence", 'source', a."source", 'rationale', a."rationale", 'evidence', a."evidence", 'units', a."units",
          'modifiers', coalesce(a."modifiers", '{}'), 'diagnosisPointers', coalesce(a."diagnosisPointers", '{}')) ORDER BY a."kind", a."sequence"), '[]'::json)
        FROM "CodeAssignment" a WHERE a."encounterId" = ${id} AND a."revision" = (SELECT "revision" FROM newest)) AS "codes",
      (SELECT coalesce(json_agg(json_build_object('fromStage', t."fromStage", 'toStage', t."toStage", 'reason', t."reason",
          'actor', t."actor", 'at', ${isoText(Prisma.sql`t."at"`)}) ORDER BY t."sequence"), '[]'::json)
        FROM "EncounterTransition" t WHERE t."encounterId" = ${id}) AS "transitions"${staffColumns}`,
  );
  const row = rows[0]!;
  return { ...row, claims: staff ? row.claims : undefined, statementId: staff ? row.statementId : null };
}

function storedStatus(encounter: EncounterForView, transitions: TransitionRow[]): StoredStatus {
  const history: StageTransition[] = [];
  for (const t of transitions) {
    if (!isStage(t.fromStage) || !isStage(t.toStage)) continue;
    const transition: StageTransition = { from: t.fromStage, to: t.toStage, at: t.at };
    if (t.reason !== null) transition.reason = t.reason;
    if (t.actor !== null) transition.actor = t.actor;
    history.push(transition);
  }
  return { encounterId: encounter.id, stage: encounter.stage, updatedAt: encounter.updatedAt.toISOString(), history };
}

/** `withReasoning`: the rationale and evidence spans too (they quote the record: documentation readers only). */
function latestCodes(details: ViewDetails, withReasoning: boolean) {
  if (details.codeRevision === null) return null;
  const view = (row: CodeRow) => ({
    code: row.code,
    system: row.system,
    description: row.description,
    confidence: row.confidence,
    source: row.source,
    ...(withReasoning ? { rationale: row.rationale, evidence: row.evidence } : {}),
    ...(row.kind === 'procedure' ? { units: row.units ?? 1, modifiers: row.modifiers, diagnosisPointers: row.diagnosisPointers } : {}),
  });
  return {
    revision: details.codeRevision,
    diagnoses: details.codes.filter((r) => r.kind === 'diagnosis').map(view),
    procedures: details.codes.filter((r) => r.kind === 'procedure').map(view),
  };
}

function withoutQueryWording(live: EncounterStatus): EncounterStatus {
  if (live.openQuery === undefined) return live;
  const { question: _question, clinicalIndicators: _indicators, options: _options, ...rest } = live.openQuery;
  return { ...live, openQuery: rest as EncounterStatus['openQuery'] };
}

/** Whether this viewer is the encounter's own physician. */
export const isOwnPhysician = (encounter: EncounterForView, viewer: Principal) =>
  viewer.role === 'physician' && viewer.subject === encounter.providerNpi;

export function buildEncounterView(
  encounter: EncounterForView,
  details: ViewDetails,
  live: EncounterStatus | undefined,
  viewer: Principal,
) {
  const staff = isStaff(viewer);
  const seesDocumentation = viewer.role === 'coder' || viewer.role === 'supervisor' || isOwnPhysician(encounter, viewer);
  const { claims } = details;
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
      ? {
          id: encounter.patientId,
          externalId: encounter.patientExternalId,
          firstName: encounter.patientFirstName,
          lastName: encounter.patientLastName,
        }
      : { id: encounter.patientId, externalId: encounter.patientExternalId },
    provider: { npi: encounter.providerNpi, name: encounter.providerName },
    ...(seesDocumentation ? { documentation: encounter.documentation } : {}),
    codes: latestCodes(details, seesDocumentation),
    ...(claims !== undefined ? { claims } : {}),
    ...(details.statementId !== null ? { statementId: details.statementId } : {}),
    statusSource: live !== undefined ? ('workflow' as const) : ('database' as const),
    status: live === undefined ? storedStatus(encounter, details.transitions) : seesDocumentation ? live : withoutQueryWording(live),
  };
}
