/**
 * Intake of an encounter submission: store it and start its workflow, idempotently on the
 * clinic's encounter id. No interactive transaction: under load, a transaction held open across
 * round trips ties up a pooled connection per request and ends in P2028 (none could start).
 *
 * 1. A submission already stored under the clinicEncounterId is taken as is when it is the same
 *    (sha256 of the normalised submission, `submissionHash`) and refused (409) when it differs.
 * 2. Otherwise the payer (and a secondary payer) must be in the payer directory: an unknown or
 *    inactive one is refused with 400 naming the field. Provider and Patient are upserted in one
 *    batched transaction (statements sent together, no waiting in between), then the Encounter
 *    is inserted. A simultaneous submission that wins a unique key makes the loser look again.
 *    Each new patient gets demographics version 1 and each new encounter coverage version 1 (a
 *    biller's correction through the API adds a version).
 *
 * Patients are matched by the clinic's externalId and never changed by a later intake; the name
 * stays the one first submitted (earlier encounters, claims and statements keep showing what was
 * billed). The member id can change between encounters (a new insurance card), so each Encounter
 * keeps the one it was submitted with (`Encounter.memberId`). A date of birth or sex that differs
 * from the patient on file is not answered with an error (that would tell any intake caller
 * whether a guessed date of birth is right): the encounter is accepted like any other and the
 * mismatch is written to the audit log (`intake.demographics_mismatch`, naming the fields, never
 * the values) for a person to review.
 * 3. Start the workflow with workflow id `encounter-<id>`, conflict policy USE_EXISTING and
 *    reuse policy REJECT_DUPLICATE, within a bounded time: a repeat never makes a second
 *    execution, and Temporal being unreachable is a quick 503. The encounter is stored by then;
 *    the worker's reconciler (worker/workflow-reconciler.ts) starts any stored encounter whose
 *    workflow was never started, and a repeat of the request starts it too.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Prisma, type Encounter, type Patient } from '../generated/prisma/client.ts';
import type { PostalAddress } from '../domain/encounter.ts';
import { startEncounterWorkflow } from '../platform/encounter-workflow-start.ts';
import { encounterWorkflowId } from '../workflows/config.ts';
import type { ApiDeps } from './deps.ts';
import { HttpProblem, badRequest } from '../platform/problem.ts';
import type { EncounterSubmissionInput } from './schemas.ts';
import { dateToDay, dayToDate } from '../domain/days.ts';

export interface IntakeResult {
  encounter: Encounter;
  /** False when the clinicEncounterId was already known (the stored encounter is returned). */
  created: boolean;
}

/** JSON with object keys sorted at every level: the same submission always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 (hex) of the submission as validated (trimmed, defaults applied), keys sorted. */
export function submissionHash(submission: EncounterSubmissionInput): string {
  return createHash('sha256').update(canonicalJson(submission)).digest('hex');
}

export const DIFFERENT_SUBMISSION = 'clinicEncounterId already used with a different submission';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'P2002';
}

export const UNKNOWN_PAYER = 'Not a payer in the payer directory (or no longer active)';

/** The payer must be in the directory (the Payer table, loaded from data/payers.json) and active. */
async function requireDirectoryPayer(deps: ApiDeps, payerId: string, field: string): Promise<void> {
  const payer = await deps.prisma.payer.findUnique({ where: { id: payerId }, select: { active: true } });
  if (payer === null || !payer.active) throw badRequest(UNKNOWN_PAYER, [{ field, message: UNKNOWN_PAYER }]);
}

/** The Patient/PatientVersion columns of an address and phone (null when not given). */
export function addressColumns(address: PostalAddress | undefined, phone: string | undefined) {
  return {
    addressLine1: address?.line1 ?? null,
    addressLine2: address?.line2 ?? null,
    city: address?.city ?? null,
    state: address?.state ?? null,
    postalCode: address?.postalCode ?? null,
    phone: phone ?? null,
  };
}

/**
 * A patient on file from before intake asked for an address gets the one submitted now, as a new
 * demographics version by intake (never over an address already on file: the biller corrects
 * that through the API).
 */
async function addMissingAddress(
  deps: ApiDeps,
  stored: Patient,
  address: PostalAddress | undefined,
  phone: string | undefined,
): Promise<void> {
  const fillAddress = address !== undefined && stored.addressLine1 === null;
  const fillPhone = phone !== undefined && stored.phone === null;
  if (!fillAddress && !fillPhone) return;
  const added = addressColumns(fillAddress ? address : undefined, fillPhone ? phone : undefined);
  const next = {
    addressLine1: fillAddress ? added.addressLine1 : stored.addressLine1,
    addressLine2: fillAddress ? added.addressLine2 : stored.addressLine2,
    city: fillAddress ? added.city : stored.city,
    state: fillAddress ? added.state : stored.state,
    postalCode: fillAddress ? added.postalCode : stored.postalCode,
    phone: fillPhone ? added.phone : stored.phone,
  };
  const version = stored.version + 1;
  try {
    // Batched: both statements or neither; the version in the WHERE makes a concurrent change win.
    await deps.prisma.$transaction([
      deps.prisma.patient.update({ where: { id: stored.id, version: stored.version }, data: { ...next, version } }),
      deps.prisma.patientVersion.create({
        data: {
          patientId: stored.id,
          version,
          firstName: stored.firstName,
          lastName: stored.lastName,
          dateOfBirth: stored.dateOfBirth,
          sex: stored.sex,
          ...next,
          changedBy: 'intake',
          reason: fillAddress ? 'address given at intake' : 'phone given at intake',
        },
      }),
    ]);
  } catch (error) {
    // Someone else changed the patient (or added this version) first: theirs stands.
    const code = (error as { code?: unknown }).code;
    if (code !== 'P2025' && code !== 'P2002') throw error;
  }
}

/** The encounter stored earlier under this clinicEncounterId (a replay), a 409 for another body, or undefined. */
async function findEarlierSubmission(deps: ApiDeps, clinicEncounterId: string, hash: string): Promise<IntakeResult | undefined> {
  const existing = await deps.prisma.encounter.findUnique({ where: { clinicEncounterId } });
  if (existing === null) return undefined;
  // Encounters stored before the hash existed (null) cannot be compared: they replay as before.
  if (existing.submissionHash !== null && existing.submissionHash !== hash) {
    throw new HttpProblem(409, DIFFERENT_SUBMISSION, [{ field: 'clinicEncounterId', message: DIFFERENT_SUBMISSION }]);
  }
  return { encounter: existing, created: false };
}

async function storeEncounter(deps: ApiDeps, submission: EncounterSubmissionInput): Promise<IntakeResult> {
  const hash = submissionHash(submission);
  const earlier = await findEarlierSubmission(deps, submission.clinicEncounterId, hash);
  if (earlier !== undefined) return earlier;

  const { patient, provider } = submission;
  await requireDirectoryPayer(deps, submission.payerId, 'payerId');
  if (submission.secondaryCoverage) await requireDirectoryPayer(deps, submission.secondaryCoverage.payerId, 'secondaryCoverage.payerId');
  const demographics = {
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: dayToDate(patient.dateOfBirth),
    sex: patient.sex,
    ...addressColumns(patient.address, patient.phone),
  };
  const [storedProvider, storedPatient] = await deps.prisma.$transaction([
    deps.prisma.provider.upsert({
      where: { npi: provider.npi },
      create: { npi: provider.npi, name: provider.name, taxonomy: provider.taxonomy },
      update: { name: provider.name, taxonomy: provider.taxonomy },
    }),
    deps.prisma.patient.upsert({
      where: { externalId: patient.externalId },
      create: {
        externalId: patient.externalId,
        memberId: patient.memberId,
        ...demographics,
        versions: { create: { version: 1, ...demographics, changedBy: 'intake' } },
      },
      update: {}, // an existing patient is never changed by intake (see the top of this file)
    }),
  ]);
  await addMissingAddress(deps, storedPatient, patient.address, patient.phone);
  const mismatched: string[] = [];
  if (dateToDay(storedPatient.dateOfBirth) !== patient.dateOfBirth) mismatched.push('patient.dateOfBirth');
  if (storedPatient.sex !== patient.sex) mismatched.push('patient.sex');

  const id = randomUUID();
  const create = deps.prisma.encounter.create({
    data: {
      id,
      clinicEncounterId: submission.clinicEncounterId,
      patientId: storedPatient.id,
      providerId: storedProvider.id,
      payerId: submission.payerId,
      dateOfService: dayToDate(submission.dateOfService),
      placeOfService: submission.placeOfService,
      // A scheduled visit has no documentation yet (JSON null until PUT /encounters/:id/documentation).
      documentation: submission.documentation ?? Prisma.DbNull,
      scheduled: submission.plannedServices !== undefined,
      plannedServices: submission.plannedServices ?? Prisma.DbNull,
      memberId: patient.memberId,
      secondaryPayerId: submission.secondaryCoverage?.payerId ?? null,
      secondaryMemberId: submission.secondaryCoverage?.memberId ?? null,
      documentedAt: submission.documentation !== undefined ? new Date() : null,
      submissionHash: hash,
      stage: 'received',
      workflowId: encounterWorkflowId(id),
      coverageVersions: {
        create: { version: 1, kind: 'insurance', payerId: submission.payerId, memberId: patient.memberId, changedBy: 'intake' },
      },
    },
  });
  try {
    if (mismatched.length === 0) return { encounter: await create, created: true };
    const [encounter] = await deps.prisma.$transaction([
      create,
      deps.prisma.auditEvent.create({
        data: {
          encounterId: id,
          actor: 'encounterflow',
          role: 'system',
          action: 'intake.demographics_mismatch',
          // Field names only: the values are PHI, and the stored ones stay as they were.
          detail: { fields: mismatched, patientId: storedPatient.id },
          idempotencyKey: `intake-mismatch:${id}`,
        },
      }),
    ]);
    return { encounter, created: true };
  } catch (error) {
    // The same clinicEncounterId was stored a moment ago by a simultaneous request.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findEarlierSubmission(deps, submission.clinicEncounterId, hash);
    if (winner === undefined) throw error;
    return winner;
  }
}

/** Stores the submission (or finds the earlier one) and makes sure its workflow exists. */
export async function submitEncounter(deps: ApiDeps, submission: EncounterSubmissionInput): Promise<IntakeResult> {
  let result: IntakeResult;
  try {
    result = await storeEncounter(deps, submission);
  } catch (error) {
    // A simultaneous submission (same encounter, or same patient/provider/payer) won the race
    // on a unique key; once it has committed, a second attempt finds its rows.
    if (!isUniqueViolation(error)) throw error;
    result = await storeEncounter(deps, submission);
  }
  const physicianNpi = result.created
    ? submission.provider.npi
    : (await deps.prisma.provider.findUniqueOrThrow({ where: { id: result.encounter.providerId }, select: { npi: true } })).npi;
  await startEncounterWorkflow(
    deps.temporal,
    {
      taskQueue: deps.taskQueue,
      timings: deps.timings,
      ...(deps.limits?.workflowStartTimeoutMs !== undefined ? { timeoutMs: deps.limits.workflowStartTimeoutMs } : {}),
    },
    result.encounter,
    physicianNpi,
  );
  return result;
}
