/**
 * Intake of an encounter submission: store it and start its workflow, idempotently on the
 * clinic's encounter id.
 *
 * 1. One DB transaction: if an Encounter with the clinicEncounterId exists, take it as is when
 *    the submission is the same (sha256 of the normalised submission, `submissionHash`) and
 *    refuse it (409) when it differs; otherwise upsert Payer and Provider, find or create the
 *    Patient and create the Encounter.
 *
 * The payer (and a secondary payer) must be in the payer directory: an unknown or inactive one is
 * refused with 400 naming the field. Each new patient gets demographics version 1 and each new
 * encounter coverage version 1 (a biller's correction through the API adds a version).
 *
 * Patients are matched by the clinic's externalId and never changed by a later intake: their
 * date of birth and sex must agree (409 naming the field otherwise), and the name stays the one
 * first submitted (a name change is not applied; the clinic corrects it in its own record, and
 * earlier encounters, claims and statements keep showing what was billed). The member id can
 * change between encounters (a new insurance card), so each Encounter keeps the one it was
 * submitted with (`Encounter.memberId`): claims, eligibility and prior authorization use that.
 * 2. Start the workflow with workflow id `encounter-<id>`, conflict policy USE_EXISTING and
 *    reuse policy REJECT_DUPLICATE: a repeat never makes a second execution, and a repeat after a
 *    crash between step 1 and step 2 starts the missing one.
 */
import { createHash, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Encounter, Patient } from '../generated/prisma/client.ts';
import type { PostalAddress } from '../domain/encounter.ts';
import { DATE_OF_SERVICE, ENCOUNTER_STAGE, PAYER_ID } from '../platform/search-attributes.ts';
import { encounterWorkflowId, type EncounterWorkflowInput } from '../workflows/config.ts';
import type { encounterWorkflow } from '../workflows/encounter.ts';
import type { ApiDeps } from './deps.ts';
import { HttpProblem, badRequest, type FieldError } from './problem.ts';
import type { EncounterSubmissionInput } from './schemas.ts';
import { dateToDay, dayToDate } from '../domain/days.ts';

export interface IntakeResult {
  encounter: Encounter;
  /** False when the clinicEncounterId was already known (the stored encounter is returned). */
  created: boolean;
}


/** JSON with object keys sorted at every level: the same submission always gives the same text. */
function canonicalJson(value: unknown): string {
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

type Tx = Parameters<Parameters<ApiDeps['prisma']['$transaction']>[0]>[0];

export const UNKNOWN_PAYER = 'Not a payer in the payer directory (or no longer active)';

/** The payer must be in the directory (the Payer table, loaded from data/payers.json) and active. */
async function requireDirectoryPayer(tx: Tx, payerId: string, field: string): Promise<void> {
  const payer = await tx.payer.findUnique({ where: { id: payerId }, select: { active: true } });
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
async function addMissingAddress(tx: Tx, stored: Patient, address: PostalAddress | undefined, phone: string | undefined): Promise<void> {
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
  await tx.patient.update({ where: { id: stored.id, version: stored.version }, data: { ...next, version } });
  await tx.patientVersion.create({
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
  });
}

async function storeEncounter(deps: ApiDeps, submission: EncounterSubmissionInput): Promise<IntakeResult> {
  const hash = submissionHash(submission);
  return deps.prisma.$transaction(async (tx) => {
    const existing = await tx.encounter.findUnique({ where: { clinicEncounterId: submission.clinicEncounterId } });
    if (existing !== null) {
      // Encounters stored before the hash existed (null) cannot be compared: they replay as before.
      if (existing.submissionHash !== null && existing.submissionHash !== hash) {
        throw new HttpProblem(409, DIFFERENT_SUBMISSION, [{ field: 'clinicEncounterId', message: DIFFERENT_SUBMISSION }]);
      }
      return { encounter: existing, created: false };
    }

    const { patient, provider } = submission;
    await requireDirectoryPayer(tx, submission.payerId, 'payerId');
    if (submission.secondaryCoverage) await requireDirectoryPayer(tx, submission.secondaryCoverage.payerId, 'secondaryCoverage.payerId');
    const storedProvider = await tx.provider.upsert({
      where: { npi: provider.npi },
      create: { npi: provider.npi, name: provider.name, taxonomy: provider.taxonomy },
      update: { name: provider.name, taxonomy: provider.taxonomy },
    });
    const demographics = {
      firstName: patient.firstName,
      lastName: patient.lastName,
      dateOfBirth: dayToDate(patient.dateOfBirth),
      sex: patient.sex,
      ...addressColumns(patient.address, patient.phone),
    };
    const storedPatient = await tx.patient.upsert({
      where: { externalId: patient.externalId },
      create: { externalId: patient.externalId, memberId: patient.memberId, ...demographics, versions: { create: { version: 1, ...demographics, changedBy: 'intake' } } },
      update: {}, // an existing patient is never changed by intake (see the top of this file)
    });
    await addMissingAddress(tx, storedPatient, patient.address, patient.phone);
    const mismatches: FieldError[] = [];
    if (dateToDay(storedPatient.dateOfBirth) !== patient.dateOfBirth) {
      mismatches.push({ field: 'patient.dateOfBirth', message: 'Differs from the date of birth on file for this patient (externalId)' });
    }
    if (storedPatient.sex !== patient.sex) {
      mismatches.push({ field: 'patient.sex', message: 'Differs from the sex on file for this patient (externalId)' });
    }
    if (mismatches.length > 0) {
      throw new HttpProblem(409, 'The patient (externalId) is on file with other demographics', mismatches);
    }
    const id = randomUUID();
    const encounter = await tx.encounter.create({
      data: {
        id,
        clinicEncounterId: submission.clinicEncounterId,
        patientId: storedPatient.id,
        providerId: storedProvider.id,
        payerId: submission.payerId,
        dateOfService: dayToDate(submission.dateOfService),
        placeOfService: submission.placeOfService,
        documentation: submission.documentation,
        memberId: patient.memberId,
        secondaryPayerId: submission.secondaryCoverage?.payerId ?? null,
        secondaryMemberId: submission.secondaryCoverage?.memberId ?? null,
        documentedAt: new Date(),
        submissionHash: hash,
        stage: 'received',
        workflowId: encounterWorkflowId(id),
        coverageVersions: { create: { version: 1, kind: 'insurance', payerId: submission.payerId, memberId: patient.memberId, changedBy: 'intake' } },
      },
    });
    return { encounter, created: true };
  });
}

async function startWorkflow(deps: ApiDeps, encounter: Encounter, physicianNpi: string): Promise<void> {
  const input: EncounterWorkflowInput = {
    encounterId: encounter.id,
    payerId: encounter.payerId,
    dateOfService: dateToDay(encounter.dateOfService),
    physicianNpi,
    timings: deps.timings,
  };
  try {
    await deps.temporal.workflow.start<typeof encounterWorkflow>('encounterWorkflow', {
      workflowId: encounter.workflowId,
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: ENCOUNTER_STAGE, value: 'received' },
        { key: PAYER_ID, value: encounter.payerId },
        { key: DATE_OF_SERVICE, value: encounter.dateOfService },
      ],
    });
  } catch (error) {
    // The execution ran and closed already (REJECT_DUPLICATE): nothing to heal.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
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
  const provider = await deps.prisma.provider.findUniqueOrThrow({ where: { id: result.encounter.providerId }, select: { npi: true } });
  await startWorkflow(deps, result.encounter, provider.npi);
  return result;
}
