/**
 * A small client for the encounterflow HTTP API, as the demo's people use it: each call names
 * the role (and so the demo bearer token) it acts as. Every request has a time limit; a refused
 * connection is retried briefly and then reported as `ApiUnreachable`, which the demo turns into
 * exit code 2.
 *
 * Over 300 lines because it is the demo's whole client: one typed method per route its people
 * use, beside the response shapes they read.
 */
import type { EncounterStatus, PendingDecision, StageTransition, SupervisorDecisionKind } from '../../workflows/messages.ts';
import type { Stage } from '../../workflows/stages.ts';
import type { EncounterSubmission } from '../../domain/encounter.ts';

/** The demo tokens of api/auth.ts (accepted while API_TOKENS is not set). */
export const TOKENS = {
  intake: 'intake-demo',
  coder: 'coder-demo',
  biller: 'biller-demo',
  supervisor: 'supervisor-demo',
  physician: (npi: string) => `physician-${npi}-demo`,
} as const;

/** The API could not be reached at all (connection refused, DNS, timeout). */
export class ApiUnreachable extends Error {
  override name = 'ApiUnreachable';
}

/** The API answered with an error status; `detail` is its problem+json detail. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly detail: string,
    /** The parsed response body, for callers that read more than the detail. */
    readonly body?: unknown,
  ) {
    super(`${method} ${path} → ${status}: ${detail}`);
  }
}

// ---- response shapes (only the fields the demo reads) ------------------------------------------

export interface SubmitResponse {
  id: string;
  clinicEncounterId: string;
  stage: Stage;
}

/** `status` is the workflow's live status, or the stored stage and history when it cannot answer. */
export type LiveOrStoredStatus = Partial<EncounterStatus> & { stage: Stage; history: StageTransition[] };

export interface EncounterView {
  id: string;
  clinicEncounterId: string;
  stage: Stage;
  payerId: string;
  codes: {
    revision: number;
    diagnoses: Array<{ code: string; description: string }>;
    procedures: Array<{ code: string; description: string; units?: number }>;
  } | null;
  statementId?: string;
  statusSource: 'workflow' | 'database';
  status: LiveOrStoredStatus;
}

export interface EncounterListPage {
  items: Array<{ id: string; clinicEncounterId: string; stage: Stage; payerId: string }>;
  nextCursor: string | null;
}

export interface PhysicianQuery {
  id: string;
  encounterId: string;
  options: string[];
  dueAt: string;
}

export interface StatementSummary {
  id: string;
  dueDate: string;
  billedCents: number;
  insuranceExpectedCents: number;
  patientOwesCents: number;
  claim: { claimNumber: string; status: string };
}

export interface EligibilityWorkItem {
  encounterId: string;
  clinicEncounterId: string;
  coverageVersion: number;
  eligibility: { status: string; reason: string | null } | null;
}

export interface PatientEstimate {
  id: string;
  kind: 'estimate' | 'good_faith_estimate';
  label: string;
  chargeCents: number;
  copayCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  patientEstimateCents: number;
  insuranceEstimateCents: number;
}

/** GET /encounters/:id/claims (the fields the demo reads). */
export interface EncounterClaims {
  claims: Array<{
    id: string;
    claimNumber: string;
    frequencyCode: string;
    statusHistory: Array<{ source: string; category: string; words: string }>;
  }>;
  denials: Array<{ id: string; lineNumber: number; code: string; reasons: string[]; status: string; appealDueAt: string | null }>;
}

/** A document uploaded as it is (not JSON). */
export class RawBody {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
  ) {}
}

export type { PendingDecision, SupervisorDecisionKind };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DemoApi {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  /**
   * One HTTP call; JSON in and out (or a raw upload: `body` as `{ raw, contentType }`). Retries a
   * refused connection 3 times before giving up.
   */
  async call<T>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const url = new URL(path, this.baseUrl);
    const raw = body instanceof RawBody ? body : undefined;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(raw !== undefined ? { 'content-type': raw.contentType } : body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          body: raw !== undefined ? raw.bytes : body !== undefined ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        if (attempt < 4) {
          await sleep(1_000);
          continue;
        }
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
        throw new ApiUnreachable(`the encounterflow API at ${this.baseUrl} is not reachable (${cause})`);
      }
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        parsed = text;
      }
      if (!response.ok) {
        const detail = (parsed as { detail?: string } | undefined)?.detail ?? response.statusText;
        throw new ApiError(method, url.pathname, response.status, detail, parsed);
      }
      return { status: response.status, body: parsed as T };
    }
  }

  // ---- the calls the demo makes, by who makes them ---------------------------------------------

  /** Intake: submit (idempotent on clinicEncounterId: 201 new, 200 already known). */
  async submit(submission: EncounterSubmission): Promise<{ created: boolean; encounter: SubmitResponse }> {
    const { status, body } = await this.call<SubmitResponse>('POST', '/encounters', TOKENS.intake, submission);
    return { created: status === 201, encounter: body };
  }

  /** Coder's view of one encounter (coders see codes, claims and the live status). */
  async encounter(id: string): Promise<EncounterView> {
    return (await this.call<EncounterView>('GET', `/encounters/${id}`, TOKENS.coder)).body;
  }

  /** Supervisor: every encounter in a stage (all pages). */
  async encountersInStage(stage: Stage): Promise<EncounterListPage['items']> {
    const items: EncounterListPage['items'] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ stage, limit: '200', ...(cursor !== null ? { cursor } : {}) });
      const page: EncounterListPage = (await this.call<EncounterListPage>('GET', `/encounters?${query}`, TOKENS.supervisor)).body;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  }

  /** Physician: their open clarification queries. */
  async physicianQueries(npi: string): Promise<PhysicianQuery[]> {
    return (await this.call<{ items: PhysicianQuery[] }>('GET', `/physicians/${npi}/clarifications`, TOKENS.physician(npi))).body.items;
  }

  /** Physician: answer a query with one of its options and/or free text. */
  async answerQuery(npi: string, queryId: string, answer: { option?: string; freeText?: string }): Promise<void> {
    await this.call('POST', `/clarifications/${encodeURIComponent(queryId)}/answer`, TOKENS.physician(npi), answer);
  }

  /** Coder: replace the codes. */
  async overrideCodes(id: string, override: unknown): Promise<void> {
    await this.call('PUT', `/encounters/${id}/codes`, TOKENS.coder, override);
  }

  /** Coder: accept the codes an encounter stopped in coder_review with. */
  async coderAccepts(id: string, note: string): Promise<void> {
    await this.call('POST', `/encounters/${id}/coder-review`, TOKENS.coder, { action: 'accept', note });
  }

  /** Supervisor: decide a pending escalation, denial or rejection. */
  async decide(id: string, decision: { decision: SupervisorDecisionKind; note?: string; extendBy?: string }): Promise<void> {
    await this.call('POST', `/encounters/${id}/decision`, TOKENS.supervisor, decision);
  }

  /** Biller (or coder/supervisor): cancel. */
  async cancel(id: string, reason: string): Promise<void> {
    await this.call('POST', `/encounters/${id}/cancel`, TOKENS.biller, { reason });
  }

  /** Biller: the encounters waiting because of their coverage (all pages). */
  async eligibilityWorklist(): Promise<EligibilityWorkItem[]> {
    const items: EligibilityWorkItem[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: '200', ...(cursor !== null ? { cursor } : {}) });
      const page: { items: EligibilityWorkItem[]; nextCursor: string | null } = (
        await this.call<{ items: EligibilityWorkItem[]; nextCursor: string | null }>(
          'GET',
          `/worklists/eligibility?${query}`,
          TOKENS.biller,
        )
      ).body;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  }

  /** Biller: switch to self-pay, naming the coverage version seen. */
  async switchToSelfPay(id: string, reason: string, expectedVersion: number): Promise<void> {
    await this.call('POST', `/encounters/${id}/self-pay`, TOKENS.biller, { reason, expectedVersion });
  }

  /** Biller: a patient estimate before the visit (the same inputs answer the stored one). */
  async estimate(id: string): Promise<PatientEstimate> {
    return (await this.call<PatientEstimate>('POST', `/encounters/${id}/estimates`, TOKENS.biller)).body;
  }

  /** Biller: the estimates given for an encounter. */
  async estimates(id: string): Promise<PatientEstimate[]> {
    return (await this.call<{ items: PatientEstimate[] }>('GET', `/encounters/${id}/estimates`, TOKENS.biller)).body.items;
  }

  /** Clinic (intake): the documentation of a scheduled visit, after it happened. */
  async documentVisit(id: string, documentation: unknown): Promise<void> {
    await this.call('PUT', `/encounters/${id}/documentation`, TOKENS.intake, documentation);
  }

  /** Biller: the patient statement (JSON). */
  async statement(id: string): Promise<StatementSummary> {
    return (await this.call<StatementSummary>('GET', `/statements/${id}?format=json`, TOKENS.biller)).body;
  }

  /** Biller: the encounter's claims, remittances and denial work items. */
  async claims(id: string): Promise<EncounterClaims> {
    return (await this.call<EncounterClaims>('GET', `/encounters/${id}/claims`, TOKENS.biller)).body;
  }

  /** Biller: uploads an appeal document (the same Idempotency-Key again answers the stored one). */
  async uploadAttachment(id: string, document: RawBody, filename: string, idempotencyKey: string): Promise<{ id: string }> {
    return (
      await this.call<{ id: string }>('POST', `/encounters/${id}/attachments`, TOKENS.biller, document, {
        'x-filename': filename,
        'idempotency-key': idempotencyKey,
      })
    ).body;
  }

  /** Biller: resubmit, appeal or write off the open denials. */
  async denialAction(
    id: string,
    action: { action: 'resubmit' | 'appeal' | 'write_off'; reason?: string; attachmentIds?: string[] },
    idempotencyKey: string,
  ): Promise<void> {
    await this.call('POST', `/encounters/${id}/denials/actions`, TOKENS.biller, action, { 'idempotency-key': idempotencyKey });
  }

  /** Liveness and readiness. */
  async health(): Promise<{ live: boolean; ready: boolean; failing: string[] }> {
    try {
      await this.call('GET', '/healthz', TOKENS.intake);
    } catch (error) {
      if (error instanceof ApiError) return { live: false, ready: false, failing: [`healthz answered ${error.status}`] };
      throw error;
    }
    try {
      await this.call('GET', '/readyz', TOKENS.intake);
      return { live: true, ready: true, failing: [] };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const failing = (error.body as { failing?: unknown } | undefined)?.failing;
      return { live: true, ready: false, failing: Array.isArray(failing) ? failing.map(String) : [error.detail] };
    }
  }
}
