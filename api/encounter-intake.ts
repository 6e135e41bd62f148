/**
 * Intake of an encounter submission: store it and start its workflow, idempotently on the
 * clinic's encounter id. No interactive transaction: under load, a transaction held open across
 * round trips ties up a pooled connection per request and ends in P2028 (none could start).
 *
 * 1. A submission already stored under the clinicEncounterId is taken as is when it is the same
 *    (sha256 of the normalised submission, `submissionHash`) and refused (409) when it differs.
 * 2. Otherwise the payer (and a secondary payer) must be in the payer directory: an unknown or
 *    inactive one is refused with 400 naming the field. The earlier submission, payers, provider
 *    and patient are read at once (independent reads, sent together). A provider that is new or
 *    renamed is written in a statement of its own; a new Patient (with its version 1), the
 *    Encounter (with its coverage version 1) and any audit row go in one batched transaction.
 *    A simultaneous submission that wins a unique key makes the loser look again.
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
 * 3. Once stored, the encounter is durable and the answer (201) does not wait for Temporal: the
 *    start of its workflow (id `encounter-<id>`, conflict policy USE_EXISTING, reuse policy
 *    REJECT_DUPLICATE: a repeat never makes a second execution) is handed to the process's
 *    bounded starter (platform/encounter-workflow-starts.ts). Until the workflow runs, the
 *    encounter reads as stage `received` (the stored status), and an answer or action about it
 *    waits for the start or gets 503 + Retry-After (api/encounter-access.ts). Overload: with
 *    too many stored encounters waiting for their start, a submission is refused with 503 +
 *    Retry-After before anything is written (api/intake-admission.ts). Outage: once a start failed, intake starts the
 *    workflow itself and waits (bounded), so Temporal down is a quick 503, the encounter stored.
 *    The worker's reconciler (worker/workflow-reconciler.ts) starts any stored encounter whose
 *    workflow was never started (a crash with starts still waiting), and a repeat of the request
 *    starts it too.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Prisma, type Encounter, type Provider } from '../generated/prisma/client.ts';
import { workflowStartsOf } from './workflow-starts.ts';
import { addMissingAddress, addressColumns } from './patient-address.ts';
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
function requireDirectoryPayer(payer: { active: boolean } | null, field: string): void {
  if (payer === null || !payer.active) throw badRequest(UNKNOWN_PAYER, [{ field, message: UNKNOWN_PAYER }]);
}

/** The encounter stored earlier under this clinicEncounterId (a replay), a 409 for another body, or undefined. */
function earlierSubmission(existing: Encounter | null, hash: string): IntakeResult | undefined {
  if (existing === null) return undefined;
  // Encounters stored before the hash existed (null) cannot be compared: they replay as before.
  if (existing.submissionHash !== null && existing.submissionHash !== hash) {
    throw new HttpProblem(409, DIFFERENT_SUBMISSION, [{ field: 'clinicEncounterId', message: DIFFERENT_SUBMISSION }]);
  }
  return { encounter: existing, created: false };
}

async function findEarlierSubmission(deps: ApiDeps, clinicEncounterId: string, hash: string): Promise<IntakeResult | undefined> {
  return earlierSubmission(await deps.prisma.encounter.findUnique({ where: { clinicEncounterId } }), hash);
}

/**
 * The submitting physician's row: the stored one when it says the same, else written in one
 * statement of its own (insert, or the new name/taxonomy). Never inside the encounter's
 * transaction: one clinic's physicians sign most of its encounters, and a row lock held across
 * a transaction's round trips made simultaneous intakes of one physician wait for each other.
 */
async function providerRow(deps: ApiDeps, stored: Provider | null, provider: EncounterSubmissionInput['provider']): Promise<Provider> {
  if (stored !== null && stored.name === provider.name && stored.taxonomy === provider.taxonomy) return stored;
  return deps.prisma.provider.upsert({
    where: { npi: provider.npi },
    create: { npi: provider.npi, name: provider.name, taxonomy: provider.taxonomy },
    update: { name: provider.name, taxonomy: provider.taxonomy },
  });
}

async function storeEncounter(deps: ApiDeps, submission: EncounterSubmissionInput): Promise<IntakeResult> {
  const hash = submissionHash(submission);
  const { patient, provider } = submission;
  const secondaryPayerId = submission.secondaryCoverage?.payerId;
  // The reads do not depend on each other: sent at once, one round trip's wait instead of five.
  const payerSelect = { select: { active: true } } as const;
  const [existing, payer, secondaryPayer, knownProvider, knownPatient] = await Promise.all([
    deps.prisma.encounter.findUnique({ where: { clinicEncounterId: submission.clinicEncounterId } }),
    deps.prisma.payer.findUnique({ where: { id: submission.payerId }, ...payerSelect }),
    secondaryPayerId === undefined ? null : deps.prisma.payer.findUnique({ where: { id: secondaryPayerId }, ...payerSelect }),
    deps.prisma.provider.findUnique({ where: { npi: provider.npi } }),
    deps.prisma.patient.findUnique({ where: { externalId: patient.externalId } }),
  ]);
  // In this order: a replay is answered even if its payer has left the directory since.
  const earlier = earlierSubmission(existing, hash);
  if (earlier !== undefined) return earlier;
  requireDirectoryPayer(payer, 'payerId');
  if (secondaryPayerId !== undefined) requireDirectoryPayer(secondaryPayer, 'secondaryCoverage.payerId');

  const storedProvider = await providerRow(deps, knownProvider, provider);
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  let patientId: string;
  const mismatched: string[] = [];
  if (knownPatient === null) {
    // A new patient is written in the encounter's transaction (a simultaneous first intake of
    // the same patient loses on the unique externalId and looks again).
    patientId = randomUUID();
    const demographics = {
      firstName: patient.firstName,
      lastName: patient.lastName,
      dateOfBirth: dayToDate(patient.dateOfBirth),
      sex: patient.sex,
      ...addressColumns(patient.address, patient.phone),
    };
    // Flat creates, each one INSERT ... RETURNING: a nested create adds a SELECT of the parent.
    writes.push(
      deps.prisma.patient.create({
        data: { id: patientId, externalId: patient.externalId, memberId: patient.memberId, ...demographics },
        select: { id: true },
      }),
      deps.prisma.patientVersion.create({
        data: { patientId, version: 1, ...demographics, changedBy: 'intake' },
        select: { id: true },
      }),
    );
  } else {
    // An existing patient is never changed by intake (see the top of this file), only completed.
    patientId = knownPatient.id;
    await addMissingAddress(deps, knownPatient, patient.address, patient.phone);
    if (dateToDay(knownPatient.dateOfBirth) !== patient.dateOfBirth) mismatched.push('patient.dateOfBirth');
    if (knownPatient.sex !== patient.sex) mismatched.push('patient.sex');
  }

  const id = randomUUID();
  const encounterIndex = writes.length;
  writes.push(
    deps.prisma.encounter.create({
      data: {
        id,
        clinicEncounterId: submission.clinicEncounterId,
        patientId,
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
      },
    }),
    deps.prisma.coverageVersion.create({
      data: {
        encounterId: id,
        version: 1,
        kind: 'insurance',
        payerId: submission.payerId,
        memberId: patient.memberId,
        changedBy: 'intake',
      },
      select: { id: true },
    }),
  );
  if (mismatched.length > 0) {
    writes.push(
      deps.prisma.auditEvent.create({
        data: {
          encounterId: id,
          actor: 'encounterflow',
          role: 'system',
          action: 'intake.demographics_mismatch',
          // Field names only: the values are PHI, and the stored ones stay as they were.
          detail: { fields: mismatched, patientId },
          idempotencyKey: `intake-mismatch:${id}`,
        },
        select: { id: true },
      }),
    );
  }
  try {
    // Batched: the statements go together, all or none (no interactive transaction, see the top).
    const written = await deps.prisma.$transaction(writes);
    return { encounter: written[encounterIndex] as Encounter, created: true };
  } catch (error) {
    // The same clinicEncounterId was stored a moment ago by a simultaneous request.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findEarlierSubmission(deps, submission.clinicEncounterId, hash);
    if (winner === undefined) throw error;
    return winner;
  }
}

/**
 * Stores the submission (or finds the earlier one) and makes sure its workflow gets started: handed
 * off (the answer does not wait for Temporal), or started here and waited for while Temporal is
 * known to be unreachable (a failure is then a 503; the encounter stays stored for the reconciler).
 */
export async function submitEncounter(deps: ApiDeps, submission: EncounterSubmissionInput): Promise<IntakeResult> {
  // Too many starts pending here is refused before this (api/intake-admission.ts), so nothing is written.
  const starts = workflowStartsOf(deps);
  let result: IntakeResult;
  try {
    result = await storeEncounter(deps, submission);
  } catch (error) {
    // A simultaneous submission (same encounter, or same patient/provider/payer) won the race
    // on a unique key; once it has committed, a second attempt finds its rows.
    if (!isUniqueViolation(error)) throw error;
    result = await storeEncounter(deps, submission);
  }
  // The workflow's first step moves the stage on: past `received` it was started long ago.
  if (!result.created && result.encounter.stage !== 'received') return result;
  const physicianNpi = result.created
    ? submission.provider.npi
    : (await deps.prisma.provider.findUniqueOrThrow({ where: { id: result.encounter.providerId }, select: { npi: true } })).npi;
  if (starts.temporalUnreachable) await starts.startNow(result.encounter, physicianNpi);
  else starts.enqueue(result.encounter, physicianNpi);
  return result;
}
