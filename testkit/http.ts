/**
 * HTTP helpers shared by the API, end-to-end and browser tests: tokens, one-call fetch, a valid
 * submission, and submitting an encounter and waiting for its stage over the API.
 */
import type { EncounterDocumentation, EncounterSubmission } from '../domain/encounter.ts';
import type { EncounterStatus } from '../workflows/messages.ts';
import type { Stage } from '../workflows/stages.ts';
import { until } from './poll.ts';

export const TOKENS = {
  intake: 'intake-demo',
  coder: 'coder-demo',
  biller: 'biller-demo',
  supervisor: 'supervisor-demo',
  physicianA: 'physician-1234567893-demo',
  physicianB: 'physician-1245319599-demo',
} as const;

export interface Call {
  status: number;
  contentType: string;
  headers: Headers;
  body: any;
  text: string;
}

/** One HTTP request; JSON bodies are serialised, JSON and problem+json responses parsed. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; accept?: string; headers?: Record<string, string> } = {},
): Promise<Call> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.accept !== undefined) headers.accept = options.accept;
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.rawBody ?? JSON.stringify(options.body);
  }
  const response = await fetch(baseUrl + path, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    contentType,
    headers: response.headers,
    text,
    body: /json/.test(contentType) && text !== '' ? JSON.parse(text) : undefined,
  };
}

let counter = 0;

/** A valid submission with a fresh clinic encounter id (the fake patient is not a real person). */
export function validSubmission(
  overrides: { clinicEncounterId?: string } = {},
): EncounterSubmission & { documentation: EncounterDocumentation } {
  counter += 1;
  return {
    clinicEncounterId: overrides.clinicEncounterId ?? `CLN-${Date.now()}-${counter}`,
    patient: {
      externalId: `PAT-${counter}-${process.pid}`,
      firstName: 'Testy',
      lastName: 'McTestface',
      dateOfBirth: '1980-02-29',
      sex: 'F' as const,
      memberId: 'MBR12345',
      address: { line1: '12 Test Lane', city: 'Springfield', state: 'IL', postalCode: '62704' },
      phone: '2175550100',
    },
    provider: { npi: '1234567893', name: 'Dr. Demo One', taxonomy: '207Q00000X' },
    payerId: 'ACME-HEALTH',
    dateOfService: '2026-11-20',
    placeOfService: '11',
    documentation: {
      notes: 'Follow-up for type 2 diabetes; A1c reviewed.',
      diagnoses: [{ description: 'Type 2 diabetes mellitus without complications', code: 'E11.9' }],
      procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
      testResults: [{ name: 'HbA1c', value: '7.2', unit: '%', flag: 'H' }],
    },
  };
}

/** Submits an encounter with the intake token and returns its id; throws unless the API answers 201. */
export async function submitEncounter(apiUrl: string, body: unknown = validSubmission()): Promise<string> {
  const response = await call(apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
  if (response.status !== 201) throw new Error(`POST /encounters answered ${response.status}: ${response.text}`);
  return response.body.id as string;
}

/** The encounter's live status as a supervisor reads it (GET /encounters/:id); throws unless 200. */
export async function encounterStatus(apiUrl: string, id: string): Promise<EncounterStatus> {
  const response = await call(apiUrl, 'GET', `/encounters/${id}`, { token: TOKENS.supervisor });
  if (response.status !== 200) throw new Error(`GET /encounters/${id} answered ${response.status}: ${response.text}`);
  return response.body.status as EncounterStatus;
}

/** Reads the encounter's status until it is in `stage` and returns that status (testkit/poll.ts's generous limit). */
export async function waitForEncounterStage(apiUrl: string, id: string, stage: Stage, timeoutMs?: number): Promise<EncounterStatus> {
  let last: EncounterStatus | undefined;
  return until(
    () => `encounter ${id} to reach ${stage} (it stayed in ${last?.stage})`,
    async () => {
      last = await encounterStatus(apiUrl, id);
      return last.stage === stage && last;
    },
    timeoutMs,
  );
}
