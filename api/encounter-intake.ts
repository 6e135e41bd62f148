/**
 * Intake of an encounter submission: store it and start its workflow, idempotently on the
 * clinic's encounter id.
 *
 * 1. One DB transaction: if an Encounter with the clinicEncounterId exists, take it as is;
 *    otherwise upsert Payer, Provider and Patient and create the Encounter.
 * 2. Start the workflow with workflow id `encounter-<id>`, conflict policy USE_EXISTING and
 *    reuse policy REJECT_DUPLICATE: a repeat never makes a second execution, and a repeat after a
 *    crash between step 1 and step 2 starts the missing one.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Encounter } from '../generated/prisma/client.ts';
import { DATE_OF_SERVICE, ENCOUNTER_STAGE, PAYER_ID } from '../platform/search-attributes.ts';
import { encounterWorkflowId, type EncounterWorkflowInput } from '../workflows/config.ts';
import type { encounterWorkflow } from '../workflows/encounter.ts';
import type { ApiDeps } from './deps.ts';
import type { EncounterSubmissionInput } from './schemas.ts';

export interface IntakeResult {
  encounter: Encounter;
  /** False when the clinicEncounterId was already known (the stored encounter is returned). */
  created: boolean;
}

/** YYYY-MM-DD → Date at 00:00 UTC (how @db.Date columns and the search attribute hold days). */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'P2002';
}

async function storeEncounter(deps: ApiDeps, submission: EncounterSubmissionInput): Promise<IntakeResult> {
  return deps.prisma.$transaction(async (tx) => {
    const existing = await tx.encounter.findUnique({ where: { clinicEncounterId: submission.clinicEncounterId } });
    if (existing !== null) return { encounter: existing, created: false };

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
    const demographics = {
      firstName: patient.firstName,
      lastName: patient.lastName,
      dateOfBirth: dayToDate(patient.dateOfBirth),
      sex: patient.sex,
      memberId: patient.memberId,
    };
    const storedPatient = await tx.patient.upsert({
      where: { externalId: patient.externalId },
      create: { externalId: patient.externalId, ...demographics },
      update: demographics,
    });
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
