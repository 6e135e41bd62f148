/**
 * Talking to the API: every call carries the user's bearer token; problem+json answers become
 * ApiError with a readable problem. No DOM here (the tests call it from Node).
 */
import { STAGES } from './stages.js';

/** An error the API answered with; `problem` is its problem+json body (or a stand-in). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/**
 * A problem+json body as { title, status, detail, errors: [{ field, message }] }, whatever came
 * back: a proper problem, some other JSON, or text (a proxy's error page, say).
 */
export function toProblem(status, body) {
  const problem = body !== null && typeof body === 'object' ? body : {};
  const errors = Array.isArray(problem.errors)
    ? problem.errors
        .filter((e) => e !== null && typeof e === 'object')
        .map((e) => ({ field: String(e.field ?? '(unknown)'), message: String(e.message ?? '') }))
    : [];
  return {
    title: typeof problem.title === 'string' ? problem.title : `HTTP ${status}`,
    status,
    detail: typeof problem.detail === 'string' ? problem.detail : `The server answered with status ${status}.`,
    errors,
  };
}

/** How long a page follows an update's status link before it says the outcome will show later. */
export const UPDATE_FOLLOW_LIMIT_MS = 120_000;

/** An answer 202 `{ accepted: true, completed: false, statusUrl }`: the workflow took it and is still working on it. */
export function isUpdateInProgress(body) {
  return body !== null && typeof body === 'object' && body.completed === false && typeof body.statusUrl === 'string';
}

/** A 201 receipt `{ ..., statusUrl }` (no `completed`): what was asked is stored, and an update it sent the workflow is still being taken. */
function isReceiptOfPendingUpdate(body) {
  return body !== null && typeof body === 'object' && !('completed' in body) && typeof body.statusUrl === 'string';
}

/** An update the workflow accepted that was still being worked on when the page stopped following it. */
export class UpdatePendingError extends ApiError {
  constructor(statusUrl) {
    super(202, {
      title: 'Still being worked on',
      status: 202,
      detail: 'The workflow accepted this and is still working on it; the encounter will show the outcome.',
      errors: [],
    });
    this.name = 'UpdatePendingError';
    this.statusUrl = statusUrl;
  }
}

/** The error a refused update stands for: the problem its request would have answered had it waited (a coder's code: 422 naming the field). */
export function refusalError(status) {
  const problem = status.problem ?? { title: 'Conflict', detail: status.detail ?? 'The workflow refused it.' };
  const code = typeof problem.status === 'number' ? problem.status : 409;
  return new ApiError(code, toProblem(code, problem));
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows an update the workflow accepted but had not finished (`answer` is its 202 with
 * statusUrl) until it is applied or refused: `onPending(statusUrl)` once, then `getStatus(statusUrl)`
 * every `pollMs` (the API itself waits up to a second for the outcome; a network error or a 5xx
 * meanwhile is asked again). Applied: resolves `{ accepted: true }`. Refused: throws the ApiError the
 * request would have thrown had it waited. Still running after `limitMs`: throws UpdatePendingError.
 * Any other answer (a 200, a signal's 202) is returned as it is.
 */
export async function followUpdate(
  answer,
  getStatus,
  { onPending, pollMs = 1_000, limitMs = UPDATE_FOLLOW_LIMIT_MS, sleep = pause, now = Date.now } = {},
) {
  if (!isUpdateInProgress(answer)) return answer;
  onPending?.(answer.statusUrl);
  const until = now() + limitMs;
  for (;;) {
    let status;
    try {
      status = await getStatus(answer.statusUrl);
    } catch (error) {
      if (!(error instanceof ApiError && (error.status === 0 || error.status >= 500))) throw error;
    }
    if (status?.state === 'completed') return { accepted: true };
    if (status?.state === 'refused') throw refusalError(status);
    if (now() >= until) throw new UpdatePendingError(answer.statusUrl);
    await sleep(pollMs);
  }
}

/** `path` with the query parameters whose values are not empty. */
export function withQuery(path, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * A small client of the encounterflow API.
 *   baseUrl   '' in the browser (same origin), 'http://host:port' elsewhere
 *   getToken  returns the current bearer token ('' for none)
 *   fetchImpl the fetch to use (the global one by default)
 */
export function createApiClient({ baseUrl = '', getToken, fetchImpl = globalThis.fetch.bind(globalThis) }) {
  /**
   * `body` is sent as JSON; `file` (a Blob or File) as it is, with its own type; `idempotencyKey`
   * (when given) as the Idempotency-Key header, so a repeat gets the first answer.
   */
  async function request(method, path, { body, file, accept = 'application/json', idempotencyKey, extraHeaders = {} } = {}) {
    const headers = { ...extraHeaders, accept };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const token = getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (file !== undefined) headers['content-type'] = file.type || 'application/octet-stream';
    let response;
    try {
      response = await fetchImpl(baseUrl + path, {
        method,
        headers,
        body: file !== undefined ? file : body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, toProblem(0, { title: 'Network error', detail: 'The API could not be reached.' }));
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok) {
      const parsed = /json/.test(contentType) ? await response.json().catch(() => null) : null;
      throw new ApiError(response.status, toProblem(response.status, parsed));
    }
    if (accept === 'text/html' || accept === 'application/edi-x12') return response.text();
    return /json/.test(contentType) ? response.json() : null;
  }

  const updateStatus = (statusUrl) => request('GET', statusUrl);

  /**
   * A request that sends the workflow an update: a 202 with a status link is followed to the
   * outcome (followUpdate). A receipt naming the link of an update still being taken (a patient
   * question's claim sent back through the denial path) is followed the same way, then returned.
   */
  async function update(method, path, options, onPending) {
    const answer = await request(method, path, options);
    if (!isReceiptOfPendingUpdate(answer)) return followUpdate(answer, updateStatus, { onPending });
    await followUpdate({ completed: false, statusUrl: answer.statusUrl }, updateStatus, { onPending });
    return answer;
  }

  return {
    /** The stages in workflow order: { items: [{ name, final, takesCodeOverride }] }. */
    stages: () => request('GET', '/stages'),
    /** The token's role and subject: { role, subject } (401 for a token the API does not know). */
    whoami: () => request('GET', '/whoami'),
    /** Supervisors: what waits in every queue, by age, payer and physician, escalated and overdue first. */
    worklistOverview: ({ payer, physician, perQueue, attention } = {}) =>
      request('GET', withQuery('/worklists/overview', { payer, physician, perQueue, attention })),
    /** One page of the worklist: { items, nextCursor }. */
    listEncounters: ({ stage, payer, cursor, limit } = {}) => request('GET', withQuery('/encounters', { stage, payer, cursor, limit })),
    getEncounter: (id) => request('GET', `/encounters/${encodeURIComponent(id)}`),
    /**
     * The calls below that send the workflow an update take `onPending(statusUrl)`: called when the
     * API answered 202 (accepted, still being worked on); they resolve once it is applied and throw
     * the refusal as the API would have answered it had it waited.
     */
    decide: (id, decision, { onPending } = {}) =>
      update('POST', `/encounters/${encodeURIComponent(id)}/decision`, { body: decision }, onPending),
    cancel: (id, reason) => request('POST', `/encounters/${encodeURIComponent(id)}/cancel`, { body: { reason } }),
    /** A coder's code override (200 once the workflow checked the codes; 422 names each refused code). A repeat with the same key gets the first answer. */
    overrideCodes: (id, body, { idempotencyKey, onPending } = {}) =>
      update('PUT', `/encounters/${encodeURIComponent(id)}/codes`, { body, idempotencyKey }, onPending),
    /** A coder's answer in coder_review: { action: 'accept' | 'query' | 'edit', reviewId?, note?, question?, diagnoses?, procedures? }; a repeat with the same key gets the first answer. */
    coderReview: (id, body, { idempotencyKey, onPending } = {}) =>
      update('POST', `/encounters/${encodeURIComponent(id)}/coder-review`, { body, idempotencyKey }, onPending),
    /** The coders' worklist: encounters waiting in coder_review, oldest first, with why. */
    coderWorklist: () => request('GET', '/coder-review/worklist'),
    /** Audit events (supervisor), newest first: { items, nextCursor }; by encounter, action ('decision:*' a prefix), actor. */
    audit: ({ encounterId, action, actor, cursor, limit } = {}) =>
      request('GET', withQuery('/audit', { encounterId, action, actor, cursor, limit })),
    /** Patient questions, oldest first: { items } (status open | answered | all). */
    patientQuestions: (status = 'open') => request('GET', withQuery('/patient-questions', { status })),
    /** One question with its encounter, claim, codes, statement and conversation. */
    patientQuestion: (id) => request('GET', `/patient-questions/${encodeURIComponent(id)}`),
    answerPatientQuestion: (id, body) => request('POST', `/patient-questions/${encodeURIComponent(id)}/answers`, { body }),
    /** From a question: a payment plan or the claim sent back to the insurer, with the answer the patient reads. */
    questionAction: (id, kind, body, idempotencyKey, { onPending } = {}) =>
      update(
        'POST',
        `/patient-questions/${encodeURIComponent(id)}/${kind === 'plan' ? 'payment-plan' : 'claim-actions'}`,
        { body, idempotencyKey },
        onPending,
      ),
    /** An adjustment or write-off of what the patient owes (may wait for a supervisor). */
    adjustStatement: (statementId, body) => request('POST', `/statements/${encodeURIComponent(statementId)}/adjustments`, { body }),
    /** A new patient access link (its URL is shown once). */
    createPatientLink: (statementId) => request('POST', `/statements/${encodeURIComponent(statementId)}/access-links`),
    /** Clarifications (physician queries): { items }; physician 'me' or an NPI, state 'open' or 'closed'. */
    clarifications: ({ physician, state, limit } = {}) => request('GET', withQuery('/clarifications', { physician, state, limit })),
    /** A physician's answer: { option?, freeText? }. A repeat with the same key gets the first answer. */
    answerClarification: (id, body, { idempotencyKey, onPending } = {}) =>
      update('POST', `/clarifications/${encodeURIComponent(id)}/answer`, { body, idempotencyKey }, onPending),
    /** The biller's worklists: one page each, { items, nextCursor }. */
    eligibilityWorklist: ({ payer, cursor, limit } = {}) => request('GET', withQuery('/worklists/eligibility', { payer, cursor, limit })),
    authorizationWorklist: ({ state, payer, cursor, limit } = {}) =>
      request('GET', withQuery('/worklists/authorizations', { state, payer, cursor, limit })),
    /** Open and escalated denials across encounters, soonest appeal deadline first. */
    denialWorklist: ({ status, overdue, payer, cursor, limit } = {}) =>
      request('GET', withQuery('/worklists/denials', { status, overdue, payer, cursor, limit })),
    /** Statements with a balance owed, a refund to make or a missed installment, earliest due date first. */
    balanceWorklist: ({ needs, payer, cursor, limit } = {}) =>
      request('GET', withQuery('/worklists/balances', { needs, payer, cursor, limit })),
    /** What the patient still owes on a statement: { owedCents, paidCents, refundedCents, balanceCents, payments }. */
    statementBalance: (statementId) => request('GET', `/statements/${encodeURIComponent(statementId)}/balance`),
    /** A payment taken at the desk: { amountCents, method, reference? }; answers { payment, balance }. Idempotent on the reference (else the key). */
    deskPayment: (statementId, body, { idempotencyKey } = {}) =>
      request('POST', `/statements/${encodeURIComponent(statementId)}/payments`, { body, idempotencyKey }),
    /** Refund work items (overpayments): { items, approvalAboveCents }; status open | refunded, one statement's or all. */
    refunds: ({ status, statement } = {}) => request('GET', withQuery('/refunds', { status, statement })),
    /** The money went back: { method, reference, note? }; a repeat with the same key answers what was recorded. */
    completeRefund: (id, body, { idempotencyKey } = {}) =>
      request('POST', `/refunds/${encodeURIComponent(id)}/complete`, { body, idempotencyKey }),
    /** An encounter's claims (status history, remittances in words, 837P link) and denial work items. */
    encounterClaims: (id) => request('GET', `/encounters/${encodeURIComponent(id)}/claims`),
    /** The 837P of a claim as text (X12). */
    claim837p: (claimId) => request('GET', `/claims/${encodeURIComponent(claimId)}/837p`, { accept: 'application/edi-x12' }),
    /** Uploads an appeal document (PDF or image); answers { id, filename, ... }. */
    uploadAttachment: (id, file, { idempotencyKey } = {}) =>
      request('POST', `/encounters/${encodeURIComponent(id)}/attachments`, {
        file,
        idempotencyKey,
        // A header carries ASCII only: other characters of the name become '_' (the API does the same to the rest).
        extraHeaders: { 'x-filename': String(file.name || 'document').replace(/[^\x20-\x7e]/g, '_') },
      }),
    /** A biller's action on the open denials: { action: 'resubmit' | 'appeal' | 'write_off', reason?, attachmentIds?, corrections? }. */
    denialAction: (id, body, { idempotencyKey, onPending } = {}) =>
      update('POST', `/encounters/${encodeURIComponent(id)}/denials/actions`, { body, idempotencyKey }, onPending),
    /** The patient statement as an HTML document (text). */
    statementHtml: (id) => request('GET', withQuery(`/statements/${encodeURIComponent(id)}`, { format: 'html' }), { accept: 'text/html' }),
  };
}

/**
 * How many encounters are in each stage, counted over every page of the list (at most
 * `maxPages` pages of 200). `complete` is false when it stopped early.
 */
export async function countByStage(client, { payer, maxPages = 10 } = {}) {
  const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0]));
  let total = 0;
  let cursor;
  for (let page = 0; page < maxPages; page++) {
    const result = await client.listEncounters({ payer, cursor, limit: 200 });
    for (const item of result.items) {
      counts[item.stage] = (counts[item.stage] ?? 0) + 1;
      total += 1;
    }
    if (result.nextCursor === null) return { counts, total, complete: true };
    cursor = result.nextCursor;
  }
  return { counts, total, complete: false };
}
