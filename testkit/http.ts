/**
 * HTTP helpers shared by the API, end-to-end and browser tests: tokens, one-call fetch, a valid
 * submission, and submitting an encounter and waiting for its stage over the API.
 */
import type { EncounterDocumentation, EncounterSubmission } from '../domain/encounter.ts';
import type { EncounterStatus } from '../workflows/messages.ts';
import type { Stage } from '../workflows/stages.ts';
import { daysAgo } from './calendar.ts';
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

/**
 * A valid submission with a fresh clinic encounter id (the fake patient is not a real person). Its
 * date of service is 12 days ago by the real clock: the intake refuses one in the future or more
 * than two years old.
 */
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
    dateOfService: daysAgo(12),
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

interface EncounterView {
  status: EncounterStatus;
  statusSource: 'workflow' | 'database';
}

async function encounterView(apiUrl: string, id: string): Promise<EncounterView> {
  const response = await call(apiUrl, 'GET', `/encounters/${id}`, { token: TOKENS.supervisor });
  if (response.status !== 200) throw new Error(`GET /encounters/${id} answered ${response.status}: ${response.text}`);
  return { status: response.body.status as EncounterStatus, statusSource: response.body.statusSource as EncounterView['statusSource'] };
}

/** The encounter's live status as a supervisor reads it (GET /encounters/:id); throws unless 200. */
export async function encounterStatus(apiUrl: string, id: string): Promise<EncounterStatus> {
  return (await encounterView(apiUrl, id)).status;
}

/**
 * Reads the encounter's status until the workflow itself answers that it is in `stage`, and returns
 * that status (testkit/poll.ts's generous limit). When the API could not query the workflow in time
 * (a busy machine) it answers the thinner stored status (`statusSource: 'database'`, no claim
 * number or adjudication): that is never taken, however many come in a row (a count of them would
 * only say how busy the machine was), since the tests read the live fields after the wait.
 */
export async function waitForEncounterStage(apiUrl: string, id: string, stage: Stage, timeoutMs?: number): Promise<EncounterStatus> {
  let last: EncounterView | undefined;
  const view = await until(
    () => `the workflow of encounter ${id} to answer that it is in ${stage} (last: ${last?.status.stage} from the ${last?.statusSource})`,
    async () => {
      last = await encounterView(apiUrl, id);
      return last.status.stage === stage && last.statusSource === 'workflow' && last;
    },
    timeoutMs,
  );
  return view.status;
}

/**
 * Waits until a worklist (GET `path`) lists encounter `id` and returns that item. A worklist reads
 * the stored stage, which the workflow's transition activity writes just after the workflow itself
 * (and so its status query) has moved: right after waitForEncounterStage the row may not be there yet.
 */
export async function waitForWorklistItem(apiUrl: string, path: string, token: string, id: string): Promise<Record<string, unknown>> {
  return until(`${path} to list encounter ${id}`, async () => {
    const worklist = await call(apiUrl, 'GET', path, { token });
    return (worklist.body?.items as Array<Record<string, unknown>> | undefined)?.find((i) => i.id === id);
  });
}
