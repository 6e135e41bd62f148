/**
 * Coding: the engine reads the stored documentation; each revision of the codes is stored with
 * its rationale and evidence spans. The engine's result also says whether a coder must look
 * first (coding/review-routing: low confidence, a physician's code changed, a payer rule), and a
 * coder's codes are checked here before the workflow accepts them.
 *
 * Over 300 lines because loading the record, storing each revision with its evidence and checking a
 * coder's codes share one set of row shapes; the engine itself lives in coding/.
 */
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { ClarificationAnswer, ClarificationQueryDraft, CodedDiagnosis, CodedProcedure, EditFinding } from '../domain/coding.ts';
import type { EncounterDocumentation, Sex } from '../domain/encounter.ts';
import type { CodeOverride, CodeProblem, CoderReviewReason } from '../workflows/messages.ts';
import type { ActivityDeps } from './deps.ts';
import type { CodeAssignment, Prisma } from '../generated/prisma/client.ts';
import { utcTimestamp } from '../platform/sql.ts';
import { requirementOf, type AuthorizationRequirement } from './authorization-requirement.ts';
import { PATIENT_JSON, patientOf, readEncounterWith, type CarriedTransitions } from './records.ts';
import { locateEvidence } from '../domain/evidence.ts';
import { reviewReasons } from './review-routing.ts';
import type { StraightThroughPolicy } from './straight-through-policy.ts';
import { dateToDay } from '../domain/days.ts';
import { INVALID_ENCOUNTER } from '../integrations/failure-types.ts';
import { SELF_PAY_PRICE_LIST } from '../billing/fee-schedule.ts';
import { codingInputProblems } from '../coding/limits.ts';
import { insertRows } from './raw-insert.ts';

export interface CodingSummary {
  revision: number;
  diagnoses: Array<{ code: string; description: string; confidence: number }>;
  procedures: Array<{ code: string; units: number; modifiers: string[]; diagnosisPointers: number[] }>;
  edits: Array<Pick<EditFinding, 'rule' | 'severity' | 'message'>>;
  clarification?: ClarificationQueryDraft;
  /** Why a coder must review these codes before billing (absent or empty: none; results before coder_review have none). */
  review?: { reasons: CoderReviewReason[] };
  /**
   * The engine's codes may be billed without a coder: straight-through is enabled by a qualifying
   * calibration, the encounter confidence reaches its threshold and nothing asks for review.
   * Behind CODER_CONFIRMS_BY_DEFAULT the workflow holds every engine result without it for a coder.
   */
  straightThrough?: { allowed: boolean; why: string };
  /** Who chose these codes: a coder's codes are not held again for confirmation. */
  source?: 'engine' | 'coder';
  /**
   * Whether this revision's procedures need prior authorization by `payerId` (the engine's results
   * say it, so the workflow asks no checkAuthorizationRequirement activity for them under
   * TRANSITIONS_CARRIED while the payer is the same).
   */
  authorizationRequirement?: AuthorizationRequirement & { payerId: string };
}

/** Whole years between the date of birth and the date of service. */
export function ageOnDate(dateOfBirth: Date, on: Date): number {
  let age = on.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < dateOfBirth.getUTCMonth() ||
    (on.getUTCMonth() === dateOfBirth.getUTCMonth() && on.getUTCDate() < dateOfBirth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** The encounter with its patient (one statement through node-postgres), after the carried transitions (written in the same statement: records.ts). */
export async function loadEncounterForCoding(
  prisma: ActivityDeps['prisma'],
  encounterId: string,
  transitions?: CarriedTransitions['transitions'],
) {
  const read = await readEncounterWith<{ patient: Record<string, unknown> }>(prisma, encounterId, transitions, [PATIENT_JSON]);
  if (!read) throw ApplicationFailure.nonRetryable(`encounter ${encounterId} not found`, INVALID_ENCOUNTER);
  const encounter = { ...read, patient: patientOf(read.patient) };
  return {
    encounter,
    documentation: encounter.documentation as unknown as EncounterDocumentation,
    patient: { ageYears: ageOnDate(encounter.patient.dateOfBirth, encounter.dateOfService), sex: encounter.patient.sex as Sex },
  };
}

function summarize(
  revision: number,
  diagnoses: CodedDiagnosis[],
  procedures: CodedProcedure[],
  edits: EditFinding[],
  clarification?: ClarificationQueryDraft,
): CodingSummary {
  return {
    revision,
    diagnoses: diagnoses.map((d) => ({ code: d.code, description: d.description, confidence: d.confidence })),
    procedures: procedures.map((p) => ({ code: p.code, units: p.units, modifiers: p.modifiers, diagnosisPointers: p.diagnosisPointers })),
    edits: edits.map((e) => ({ rule: e.rule, severity: e.severity, message: e.message })),
    clarification,
  };
}

async function storeRevision(
  prisma: ActivityDeps['prisma'],
  encounterId: string,
  revision: number,
  source: 'engine' | 'coder',
  diagnoses: CodedDiagnosis[],
  procedures: CodedProcedure[],
  documentation?: EncounterDocumentation,
): Promise<void> {
  const spans = (c: CodedDiagnosis | CodedProcedure) =>
    documentation ? (locateEvidence(documentation, c.evidence) as unknown as object[]) : [];
  const rows = [
    ...diagnoses.map((d, i) => ({
      id: randomUUID(),
      encounterId,
      revision,
      kind: 'diagnosis',
      sequence: i + 1,
      system: d.system,
      code: d.code,
      description: d.description,
      rationale: d.rationale,
      confidence: d.confidence,
      evidence: JSON.stringify(spans(d)),
      units: null,
      modifiers: [],
      diagnosisPointers: [],
      source,
    })),
    ...procedures.map((p, i) => ({
      id: randomUUID(),
      encounterId,
      revision,
      kind: 'procedure',
      sequence: i + 1,
      system: p.system,
      code: p.code,
      description: p.description,
      rationale: p.rationale,
      confidence: p.confidence,
      evidence: JSON.stringify(spans(p)),
      units: p.units,
      modifiers: p.modifiers,
      diagnosisPointers: p.diagnosisPointers,
      source,
    })),
  ];
  // The unique key (encounter, revision, kind, sequence) makes a retried activity a no-op.
  await insertRows(prisma, 'CodeAssignment', rows, { onConflictDoNothing: true });
}

/** The codes of one revision as the engine's types, for the edits and for billing. */
export async function loadRevision(prisma: ActivityDeps['prisma'], encounterId: string, revision: number) {
  return revisionCodes(await prisma.codeAssignment.findMany({ where: { encounterId, revision }, orderBy: REVISION_ORDER }));
}

/** The order a revision's stored codes are read in (submitClaim's read orders them the same: kind, sequence). */
export const REVISION_ORDER = [{ kind: 'asc' }, { sequence: 'asc' }] as const satisfies Prisma.CodeAssignmentOrderByWithRelationInput[];

/** A stored code as a JSON column holds it (to_jsonb: its time as text), with the Date Prisma gives. */
export function codeAssignmentOf(json: Record<string, unknown>): CodeAssignment {
  const row = json as unknown as CodeAssignment & { createdAt: Date | string };
  return { ...row, createdAt: utcTimestamp(String(row.createdAt)) };
}

/** A revision's stored codes (read in REVISION_ORDER) as the diagnoses and procedures to bill. */
export function revisionCodes(rows: CodeAssignment[]) {
  // What a stored code keeps of the engine's answer (its evidence and alternatives are not billed).
  const coded = (r: CodeAssignment) => ({
    code: r.code,
    description: r.description,
    confidence: r.confidence,
    rationale: r.rationale,
    evidence: [],
    alternatives: [],
  });
  const diagnoses: CodedDiagnosis[] = rows.filter((r) => r.kind === 'diagnosis').map((r) => ({ system: 'ICD-10-CM', ...coded(r) }));
  const procedures: CodedProcedure[] = rows
    .filter((r) => r.kind === 'procedure')
    .map((r) => ({
      system: r.system === 'HCPCS' ? 'HCPCS' : 'CPT',
      ...coded(r),
      units: r.units ?? 1,
      modifiers: r.modifiers,
      diagnosisPointers: r.diagnosisPointers,
    }));
  return { diagnoses, procedures };
}

/** Looks up a coder's codes; unknown ones are problems naming the field (nothing is thrown). */
function lookUpCoderCodes(coding: ActivityDeps['coding'], override: Pick<CodeOverride, 'diagnoses' | 'procedures'>, rationale: string) {
  const problems: CodeProblem[] = [];
  const diagnoses: CodedDiagnosis[] = [];
  override.diagnoses.forEach(({ code }, i) => {
    const found = coding.describe('ICD-10-CM', code);
    if (!found) problems.push({ field: `diagnoses.${i}.code`, code, message: `${code} is not an ICD-10-CM code in the code sets` });
    diagnoses.push({
      system: 'ICD-10-CM',
      code,
      description: found?.description ?? '',
      confidence: 1,
      rationale,
      evidence: [],
      alternatives: [],
    });
  });
  const procedures: CodedProcedure[] = override.procedures.map((p, i) => {
    const found = coding.describe('PROCEDURE', p.code);
    if (!found)
      problems.push({ field: `procedures.${i}.code`, code: p.code, message: `${p.code} is not a CPT/HCPCS code in the code sets` });
    const pointers = p.diagnosisPointers ?? diagnoses.slice(0, 4).map((_, n) => n + 1);
    const outOfRange = pointers.find((n) => n < 1 || n > diagnoses.length);
    if (outOfRange !== undefined) {
      problems.push({
        field: `procedures.${i}.diagnosisPointers`,
        code: p.code,
        message: `pointer ${outOfRange} does not name one of the ${diagnoses.length} diagnoses`,
      });
    }
    return {
      system: found?.system === 'HCPCS' ? 'HCPCS' : 'CPT',
      code: p.code,
      description: found?.description ?? '',
      confidence: 1,
      rationale,
      evidence: [],
      alternatives: [],
      units: p.units ?? 1,
      modifiers: p.modifiers ?? [],
      diagnosisPointers: pointers,
    };
  });
  return { diagnoses, procedures, problems };
}

/** Error-severity edits as problems, each on the field of the first code it names. */
function editProblems(edits: EditFinding[], override: Pick<CodeOverride, 'diagnoses' | 'procedures'>): CodeProblem[] {
  return edits
    .filter((e) => e.severity === 'error')
    .map((e) => {
      const code = e.codes[0] ?? '';
      const dx = override.diagnoses.findIndex((d) => d.code === code);
      const px = override.procedures.findIndex((p) => p.code === code);
      const field = dx >= 0 ? `diagnoses.${dx}.code` : px >= 0 ? `procedures.${px}.code` : 'codes';
      return { field, code, message: `${e.rule}: ${e.message}` };
    });
}

/** Whether the policy lets these engine codes go to billing unseen, and why not when it does not. */
function straightThroughOf(
  policy: StraightThroughPolicy,
  confidence: number,
  reasons: readonly CoderReviewReason[],
): { allowed: boolean; why: string } {
  if (!policy.enabled) return { allowed: false, why: policy.why };
  if (reasons.length > 0) return { allowed: false, why: 'the codes need a coder for the reasons listed' };
  if (confidence < policy.threshold)
    return { allowed: false, why: `encounter confidence ${confidence} is under the configured threshold ${policy.threshold}` };
  return {
    allowed: true,
    why: `confidence ${confidence} >= ${policy.threshold} (calibration measured ${policy.measuredPrecision} on ${policy.measuredOn})`,
  };
}

export function createCodingActivities({
  prisma,
  coding,
  payers,
  feeSchedule,
  straightThrough,
}: Pick<ActivityDeps, 'prisma' | 'coding' | 'payers' | 'feeSchedule' | 'straightThrough'>) {
  return {
    async codeEncounter(
      args: {
        encounterId: string;
        revision: number;
        answers: Array<{ queryId: string; option?: string; freeText?: string }>;
      } & CarriedTransitions,
    ): Promise<CodingSummary> {
      const { encounter, documentation, patient } = await loadEncounterForCoding(prisma, args.encounterId, args.transitions);
      const queries =
        args.answers.length === 0
          ? []
          : await prisma.clarificationQuery.findMany({ where: { id: { in: args.answers.map((a) => a.queryId) } } });
      const answers: ClarificationAnswer[] = args.answers.map((a) => ({
        question: queries.find((q) => q.id === a.queryId)?.question ?? '',
        option: a.option,
        freeText: a.freeText,
      }));
      // A stored record over the engine's limits (stored before they applied) fails once, not on every retry.
      const tooLarge = codingInputProblems(documentation, answers);
      if (tooLarge.length > 0) {
        throw ApplicationFailure.nonRetryable(
          `the record is over the coding engine's input limits: ${tooLarge.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
          INVALID_ENCOUNTER,
        );
      }
      const result = coding.code({
        documentation,
        patient,
        dateOfService: dateToDay(encounter.dateOfService),
        placeOfService: encounter.placeOfService,
        answers,
      });
      await storeRevision(prisma, args.encounterId, args.revision, 'engine', result.diagnoses, result.procedures, documentation);
      const summary = summarize(args.revision, result.diagnoses, result.procedures, result.edits, result.clarification);
      summary.review = {
        reasons: reviewReasons(
          result,
          payers.coderReviewOf(
            encounter.payerId,
            result.procedures.map((p) => p.code),
          ),
        ),
      };
      summary.straightThrough = straightThroughOf(straightThrough, result.confidence, summary.review.reasons);
      summary.source = 'engine';
      summary.authorizationRequirement = { payerId: encounter.payerId, ...requirementOf(payers, encounter.payerId, result.procedures) };
      return summary;
    },

    /**
     * Checks a coder's codes without storing them: each is looked up in the code sets and the
     * edits run on the whole set, and each procedure must have a price under the encounter's payer
     * (else the claim could not be built and the accepted codes would stop in needs_review). The
     * workflow's update handler refuses the coder's request with these problems (the API answers
     * 422 naming each code).
     */
    async checkCoderCodes(args: {
      encounterId: string;
      diagnoses: CodeOverride['diagnoses'];
      procedures: CodeOverride['procedures'];
    }): Promise<{ problems: CodeProblem[] }> {
      const { encounter, patient } = await loadEncounterForCoding(prisma, args.encounterId);
      const looked = lookUpCoderCodes(coding, args, '');
      if (looked.problems.length > 0) return { problems: looked.problems };
      // The price list billing will use (activities/billing.ts): the self-pay list once a biller switched to self-pay.
      const priceList = encounter.financialClass === 'self_pay' ? SELF_PAY_PRICE_LIST : encounter.payerId;
      const unpriced = args.procedures.flatMap((p, i): CodeProblem[] =>
        feeSchedule.findRate(priceList, p.code, p.modifiers ?? []) === undefined
          ? [
              {
                field: `procedures.${i}.code`,
                code: p.code,
                message: `${p.code} has no price on the ${priceList} fee schedule: the claim could not be built`,
              },
            ]
          : [],
      );
      return { problems: [...unpriced, ...editProblems(coding.edits(looked.diagnoses, looked.procedures, patient), args)] };
    },

    /** A coder's codes replace the engine's: looked up, checked by the edits, stored as a new revision. */
    async applyCoderOverride(args: { encounterId: string; revision: number; override: CodeOverride }): Promise<CodingSummary> {
      const { patient } = await loadEncounterForCoding(prisma, args.encounterId);
      const rationale = `entered by coder ${args.override.overriddenBy}${args.override.note ? `: ${args.override.note}` : ''}`;
      const { diagnoses, procedures, problems } = lookUpCoderCodes(coding, args.override, rationale);
      const unknown = problems.find((p) => p.field.endsWith('.code'));
      if (unknown) throw ApplicationFailure.nonRetryable(`code ${unknown.code} is not in the code sets`, INVALID_ENCOUNTER);
      const edits = coding.edits(diagnoses, procedures, patient);
      await storeRevision(prisma, args.encounterId, args.revision, 'coder', diagnoses, procedures);
      return { ...summarize(args.revision, diagnoses, procedures, edits), source: 'coder' };
    },
  };
}
