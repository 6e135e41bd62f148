/**
 * Intake of an encounter submission: store it and start its workflow, idempotently on the
 * clinic's encounter id.
 *
 * 1. One DB transaction: if an Encounter with the clinicEncounterId exists, take it as is when
 *    the submission is the same (sha256 of the normalised submission, `submissionHash`) and
 *    refuse it (409) when it differs; otherwise upsert Payer and Provider, find or create the
 *    Patient and create the Encounter.
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
import type { Encounter } from '../generated/prisma/client.ts';
import { DATE_OF_SERVICE, ENCOUNTER_STAGE, PAYER_ID } from '../platform/search-attributes.ts';
import { encounterWorkflowId, type EncounterWorkflowInput } from '../workflows/config.ts';
import type { encounterWorkflow } from '../workflows/encounter.ts';
import type { ApiDeps } from './deps.ts';
import { HttpProblem, type FieldError } from './problem.ts';
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
    await tx.payer.upsert({
      where: { id: submission.payerId },
      create: { id: submission.payerId, name: submission.payerId },
      update: {},
    });
    const storedProvider = await tx.provider.upsert({
      where: { npi: provider.npi },
      create: { npi: provider.npi, name: provider.name, taxonomy: provider.taxonomy },
      update: { name: provider.name, taxonomy: provider.taxonomy },
    });
    const storedPatient = await tx.patient.upsert({
      where: { externalId: patient.externalId },
      create: {
        externalId: patient.externalId,
        firstName: patient.firstName,
        lastName: patient.lastName,
        dateOfBirth: dayToDate(patient.dateOfBirth),
        sex: patient.sex,
        memberId: patient.memberId,
      },
      update: {}, // an existing patient is never changed by intake (see the top of this file)
    });
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
        submissionHash: hash,
        stage: 'received',
        workflowId: encounterWorkflowId(id),
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
