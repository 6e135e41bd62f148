/**
 * Intake of an encounter submission: store it and start its workflow, idempotently on the
 * clinic's encounter id. No interactive transaction: under load, a transaction held open across
 * round trips ties up a pooled connection per request and ends in P2028 (none could start).
 *
 * 1. A submission already stored under the clinicEncounterId is taken as is when it is the same
 *    (sha256 of the normalised submission, `submissionHash`) and refused (409) when it differs.
 * 2. Otherwise the payer (and a secondary payer) must be in the payer directory: an unknown or
 *    inactive one is refused with 400 naming the field. All of it is ONE statement
 *    (api/intake-statement.ts): it reads the earlier submission, payers, physician and patient and,
 *    only for a new submission with payers in the directory, writes a new or renamed physician, a
 *    new Patient (with its version 1), the Encounter (with its coverage version 1) and any audit
 *    row, all or nothing. A simultaneous submission that wins a unique key makes the loser's
 *    statement write nothing; it is sent again and finds the winner's rows.
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
import { createHash } from 'node:crypto';
import type { Encounter } from '../generated/prisma/client.ts';
import { workflowStartsOf } from './workflow-starts.ts';
import { addMissingAddress } from './patient-address.ts';
import { runIntakeStatement, type IntakeRow } from './intake-statement.ts';
import type { ApiDeps } from './deps.ts';
import { HttpProblem, badRequest } from '../platform/problem.ts';
import type { EncounterSubmissionInput } from './schemas.ts';
import { dayToDate } from '../domain/days.ts';
import { isUniqueViolation } from '../platform/sql.ts';

export interface IntakeResult {
  encounter: Pick<Encounter, 'id' | 'clinicEncounterId' | 'workflowId' | 'stage' | 'payerId' | 'dateOfService' | 'scheduled'>;
  /** False when the clinicEncounterId was already known (the stored encounter is returned). */
  created: boolean;
  /** The NPI of the encounter's physician (its workflow's input). */
  physicianNpi: string;
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

export const UNKNOWN_PAYER = 'Not a payer in the payer directory (or no longer active)';

/** The payer must be in the directory (the Payer table, loaded from data/payers.json) and active. */
function requireDirectoryPayer(active: boolean | null, field: string): void {
  if (active !== true) throw badRequest(UNKNOWN_PAYER, [{ field, message: UNKNOWN_PAYER }]);
}

/** The encounter stored under this clinicEncounterId: a 409 when it was stored for another body. */
function requireSameSubmission(stored: IntakeRow, hash: string): void {
  // Encounters stored before the hash existed (null) cannot be compared: they replay as before.
  if (stored.created === false && stored.submissionHash !== null && stored.submissionHash !== hash) {
    throw new HttpProblem(409, DIFFERENT_SUBMISSION, [{ field: 'clinicEncounterId', message: DIFFERENT_SUBMISSION }]);
  }
}

/**
 * One statement (api/intake-statement.ts), sent again when a simultaneous submission won a unique
 * key (nothing of this one was written; the second run finds the winner's rows).
 */
async function storeEncounter(deps: ApiDeps, submission: EncounterSubmissionInput): Promise<IntakeResult> {
  const hash = submissionHash(submission);
  let row: IntakeRow;
  for (let attempt = 1; ; attempt += 1) {
    try {
      row = await runIntakeStatement(deps, submission, hash);
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === 3) throw error;
    }
  }
  // In this order: a replay is answered even if its payer has left the directory since.
  if (row.created === null) {
    requireDirectoryPayer(row.payerActive, 'payerId');
    if (submission.secondaryCoverage !== undefined) requireDirectoryPayer(row.secondaryPayerActive, 'secondaryCoverage.payerId');
  }
  requireSameSubmission(row, hash);
  // With its payers in the directory and no earlier encounter, the statement stores one.
  if (row.created === null) throw new Error('The intake statement stored no encounter');
  if (row.created && row.patientId !== null && row.patientLacksContact) {
    // A patient on file from before intake asked for an address (rare): a version of its own.
    const stored = await deps.prisma.patient.findUnique({ where: { id: row.patientId } });
    if (stored !== null) await addMissingAddress(deps, stored, submission.patient.address, submission.patient.phone);
  }
  return {
    created: row.created === true,
    physicianNpi: row.providerNpi!,
    encounter: {
      id: row.id!,
      clinicEncounterId: row.clinicEncounterId!,
      workflowId: row.workflowId!,
      stage: row.stage!,
      payerId: row.payerId!,
      dateOfService: dayToDate(row.dateOfService!),
      scheduled: row.scheduled!,
    },
  };
}

/**
 * Stores the submission (or finds the earlier one) and makes sure its workflow gets started: handed
 * off (the answer does not wait for Temporal), or started here and waited for while Temporal is
 * known to be unreachable (a failure is then a 503; the encounter stays stored for the reconciler).
 */
export async function submitEncounter(deps: ApiDeps, submission: EncounterSubmissionInput): Promise<IntakeResult> {
  // Too many starts pending here is refused before this (api/intake-admission.ts), so nothing is written.
  const starts = workflowStartsOf(deps);
  const result = await storeEncounter(deps, submission);
  // The workflow's first step moves the stage on: past `received` it was started long ago.
  if (!result.created && result.encounter.stage !== 'received') return result;
  if (starts.temporalUnreachable) await starts.startNow(result.encounter, result.physicianNpi);
  else starts.enqueue(result.encounter, result.physicianNpi);
  return result;
}
