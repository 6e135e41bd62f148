/**
 * The parts of the staff UI that need no browser: talking to the API (every call carries the
 * user's bearer token), reading problem+json errors, labels and formatting. app.js uses them to
 * draw the page; the tests import this module in Node.
 *
 * Plain ES module, no build step. Keep it free of `document` and `window`.
 */

/** The encounter stages, in workflow order (the same list as workflows/stages.ts; a test checks). */
export const STAGES = [
  'received',
  'coding',
  'awaiting_clarification',
  'escalated',
  'authorization',
  'denied',
  'needs_review',
  'billing',
  'billed',
  'cancelled',
];

/** Stages after which nothing more happens to an encounter. */
export const FINAL_STAGES = ['billed', 'cancelled'];

/** Stages where a person is expected to step in. */
export const ATTENTION_STAGES = ['escalated', 'denied', 'needs_review'];

const STAGE_LABELS = {
  received: 'Received',
  coding: 'Coding',
  awaiting_clarification: 'Awaiting physician',
  escalated: 'Escalated',
  authorization: 'Prior authorization',
  denied: 'Authorization denied',
  needs_review: 'Needs review',
  billing: 'Billing',
  billed: 'Billed',
  cancelled: 'Cancelled',
};

export function stageLabel(stage) {
  return STAGE_LABELS[stage] ?? String(stage);
}

const DECISION_LABELS = {
  extend: 'Give the physician more time',
  accept_codes: 'Bill with the codes as they stand',
  resubmit: 'Resubmit the authorization',
  bill_patient: 'Bill the patient (notice was given)',
  cancel: 'Cancel the encounter',
};

export function decisionLabel(decision) {
  return DECISION_LABELS[decision] ?? String(decision);
}

const PENDING_LABELS = {
  clarification_overdue: 'The physician did not answer the query in time',
  authorization_denied: 'The insurer denied the prior authorization',
  authorization_expired: 'The prior authorization was not decided in time',
  claim_rejected: 'The claim was rejected',
  statement_failed: 'The patient statement could not be produced',
};

export function pendingLabel(kind) {
  return PENDING_LABELS[kind] ?? String(kind);
}

/** Duration accepted by `extendBy` (same rule as api/schemas.ts durationText). */
export function isDuration(text) {
  return /^[1-9][0-9]{0,3}(ms|s|m|h|d)$/.test(text);
}

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
  async function request(method, path, { body, accept = 'application/json' } = {}) {
    const headers = { accept };
    const token = getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetchImpl(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
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
    if (accept === 'text/html') return response.text();
    return /json/.test(contentType) ? response.json() : null;
  }

  return {
    /** One page of the worklist: { items, nextCursor }. */
    listEncounters: ({ stage, payer, cursor, limit } = {}) =>
      request('GET', withQuery('/encounters', { stage, payer, cursor, limit })),
    getEncounter: (id) => request('GET', `/encounters/${encodeURIComponent(id)}`),
    decide: (id, decision) => request('POST', `/encounters/${encodeURIComponent(id)}/decision`, { body: decision }),
    cancel: (id, reason) => request('POST', `/encounters/${encodeURIComponent(id)}/cancel`, { body: { reason } }),
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

/** "3 min ago", "in 2 h": a rough distance from `now` for an ISO time. */
export function relativeTime(iso, now = Date.now()) {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  const [amount, unit] =
    abs < 60 ? [abs, 's'] : abs < 3600 ? [Math.round(abs / 60), 'min'] : abs < 86_400 ? [Math.round(abs / 3600), 'h'] : [Math.round(abs / 86_400), 'd'];
  return seconds >= 0 ? `in ${amount} ${unit}` : `${amount} ${unit} ago`;
}

/** Money in cents as dollars. */
export function dollars(cents) {
  return typeof cents === 'number' ? `$${(cents / 100).toFixed(2)}` : '';
}
