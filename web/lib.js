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
  'eligibility',
  'awaiting_coverage',
  'authorization',
  'awaiting_visit',
  'coding',
  'awaiting_clarification',
  'escalated',
  'denied',
  'needs_review',
  'billing',
  'billed',
  'cancelled',
];

/** Stages after which nothing more happens to an encounter. */
export const FINAL_STAGES = ['billed', 'cancelled'];

/** Stages where a person is expected to step in. */
export const ATTENTION_STAGES = ['awaiting_coverage', 'escalated', 'denied', 'needs_review'];

const STAGE_LABELS = {
  received: 'Received',
  eligibility: 'Eligibility',
  awaiting_coverage: 'Coverage problem',
  awaiting_visit: 'Awaiting the visit',
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
  authorization_modified: 'The insurer modified the prior authorization',
  edit_failed: 'The claim failed the edits before submission',
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
  async function request(method, path, { body, accept = 'application/json', extraHeaders = {} } = {}) {
    const headers = { ...extraHeaders, accept };
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
    /** A coder's code override (202: the workflow applies it shortly). A repeat with the same key gets the first answer. */
    overrideCodes: (id, body, { idempotencyKey } = {}) =>
      request('PUT', `/encounters/${encodeURIComponent(id)}/codes`, {
        body,
        extraHeaders: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
      }),
    /** The audit trail of one encounter (supervisor): { items }, newest first. */
    audit: (encounterId) => request('GET', withQuery('/audit', { encounterId })),
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

// ---------------------------------------------------------------- roles

const DEMO_TOKENS = /^(intake|coder|biller|supervisor)-demo$|^(physician)-\d{10}-demo$/;

/**
 * The role of one of the demo tokens (see api/auth.ts), or null for any other token: the page
 * cannot know a real token's role, so it shows what might apply and lets the API say 403.
 */
export function demoRole(token) {
  const match = DEMO_TOKENS.exec(String(token ?? '').trim());
  return match === null ? null : (match[1] ?? match[2]);
}

/** Stages in which the API takes a code override (CODE_OVERRIDE_STAGES in api/routes/actions.ts). */
export const CODE_OVERRIDE_STAGES = ['coding', 'awaiting_clarification', 'escalated', 'needs_review'];

/** Roles PUT /encounters/:id/codes accepts (api/routes/actions.ts: requireRole('coder')). */
export const CODE_OVERRIDE_ROLES = ['coder'];

/** Whether to offer the code override form: the stage fits and the role may (or is unknown: null). */
export function offersCodeOverride(role, stage) {
  return CODE_OVERRIDE_STAGES.includes(stage) && (role === null || CODE_OVERRIDE_ROLES.includes(role));
}

/** Whether to ask for the audit trail (supervisors; an unknown role tries once and hides on 403). */
export function offersAudit(role) {
  return role === null || role === 'supervisor';
}

// ---------------------------------------------------------------- code override form

/** A list typed as "25, 59" or "25 59" as its items. */
function splitList(text) {
  return String(text ?? '')
    .split(/[\s,;]+/)
    .filter((item) => item !== '');
}

/** The form's rows (all strings) for the current codes; one empty diagnosis row when there are none. */
export function overrideRowsFromCodes(codes) {
  const diagnoses = (codes?.diagnoses ?? []).map((d) => ({ code: String(d.code ?? '') }));
  const procedures = (codes?.procedures ?? []).map((p) => ({
    code: String(p.code ?? ''),
    units: p.units === undefined || p.units === null ? '' : String(p.units),
    modifiers: (p.modifiers ?? []).join(', '),
    diagnosisPointers: (p.diagnosisPointers ?? []).join(', '),
  }));
  return { diagnoses: diagnoses.length > 0 ? diagnoses : [{ code: '' }], procedures };
}

/**
 * The body of PUT /encounters/:id/codes from the form's values (strings), and the mistakes the
 * page can see before sending, in the API's own field names (`procedures.0.units`). Codes are
 * trimmed and upper-cased; an empty units or pointers field is left out (the API's defaults:
 * 1 unit, pointing at the first diagnoses). Whether a code is valid is the API's to say.
 */
export function buildOverrideBody({ diagnoses = [], procedures = [], note = '' }) {
  const errors = [];
  const body = {
    diagnoses: diagnoses.map((d, i) => {
      const code = String(d.code ?? '').trim().toUpperCase();
      if (code === '') errors.push({ field: `diagnoses.${i}.code`, message: 'Enter a code, or remove the row' });
      return { code };
    }),
    procedures: procedures.map((p, i) => {
      const procedure = { code: String(p.code ?? '').trim().toUpperCase() };
      if (procedure.code === '') errors.push({ field: `procedures.${i}.code`, message: 'Enter a code, or remove the row' });
      const units = String(p.units ?? '').trim();
      if (units !== '') {
        if (/^\d{1,3}$/.test(units)) procedure.units = Number(units);
        else errors.push({ field: `procedures.${i}.units`, message: 'A whole number of units, e.g. 1' });
      }
      procedure.modifiers = splitList(p.modifiers).map((m) => m.toUpperCase());
      const pointers = splitList(p.diagnosisPointers);
      if (pointers.length > 0) {
        if (pointers.every((n) => /^\d{1,2}$/.test(n))) procedure.diagnosisPointers = pointers.map(Number);
        else errors.push({ field: `procedures.${i}.diagnosisPointers`, message: 'Diagnosis numbers such as 1, 2' });
      }
      return procedure;
    }),
  };
  if (body.diagnoses.length === 0) errors.push({ field: 'diagnoses', message: 'At least one diagnosis is needed' });
  const trimmed = String(note ?? '').trim();
  if (trimmed !== '') body.note = trimmed;
  return { body, errors };
}

/**
 * Which input of the override form an error of the API names, as { key, list, index, name }:
 * `diagnoses.1.code` is the key `diagnoses.1.code`; `procedures.0.diagnosisPointers.2` the key
 * `procedures.0.diagnosisPointers` (one input holds the whole list); `diagnoses.1` the row's code;
 * `note` the note; `diagnoses` the whole list (name null); anything else (`(body)`, a header)
 * has the key null.
 */
export function overrideErrorTarget(field) {
  const parts = String(field ?? '').split('.');
  const [list, index, name] = parts;
  if ((list === 'diagnoses' || list === 'procedures') && parts.length >= 3 && /^\d+$/.test(index) && name !== '') {
    return { key: `${list}.${index}.${name}`, list, index: Number(index), name };
  }
  if ((list === 'diagnoses' || list === 'procedures') && parts.length === 2 && /^\d+$/.test(index)) {
    return { key: `${list}.${index}.code`, list, index: Number(index), name: 'code' };
  }
  if (field === 'note') return { key: 'note', list: null, index: null, name: 'note' };
  if ((list === 'diagnoses' || list === 'procedures') && parts.length === 1) return { key: list, list, index: null, name: null };
  return { key: null, list: null, index: null, name: null };
}

/** A person's name for the input an error names: "Diagnosis 2 code", "Procedure 1 units". */
export function overrideFieldLabel(field) {
  const target = overrideErrorTarget(field);
  const names = { code: 'code', units: 'units', modifiers: 'modifiers', diagnosisPointers: 'diagnosis pointers' };
  if (target.key === 'note') return 'Note';
  if (target.list !== null && target.name === null) return target.list === 'diagnoses' ? 'Diagnoses' : 'Procedures';
  if (target.list !== null) return `${target.list === 'diagnoses' ? 'Diagnosis' : 'Procedure'} ${target.index + 1} ${names[target.name] ?? target.name}`;
  return String(field);
}

/** Errors grouped by the form input they belong to (`key`); those that fit no input under ''. */
export function overrideErrorsByInput(errors) {
  const grouped = new Map();
  for (const error of errors ?? []) {
    const key = overrideErrorTarget(error.field).key ?? '';
    if (!grouped.has(key)) grouped.set(key, []);
    grouped.get(key).push(error.message);
  }
  return grouped;
}

/** A random Idempotency-Key (letters, digits and -), from the Web Crypto API. */
export function newIdempotencyKey(cryptoImpl = globalThis.crypto) {
  if (typeof cryptoImpl?.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the workflow said about overrides, among flags: 'applied', 'rejected' or 'other'. */
export function flagKind(flag) {
  if (/^codes overridden by coder /.test(flag)) return 'applied';
  if (/^a coder's override was rejected/.test(flag)) return 'rejected';
  return 'other';
}

// ---------------------------------------------------------------- audit trail

const AUDIT_ACTION_LABELS = {
  'clarification.answered': 'Answered the physician query',
  'supervisor.decided': 'Decision sent',
  'codes.overridden': 'Codes overridden',
  'encounter.cancel_requested': 'Cancellation requested',
  'encounter.viewed': 'Viewed the encounter',
  'statement.viewed': 'Viewed the patient statement',
  'clarification:notified': 'Physician notified of a query',
  'clarification:reminded': 'Physician reminded of a query',
};

export function auditActionLabel(action) {
  const text = String(action);
  if (AUDIT_ACTION_LABELS[text] !== undefined) return AUDIT_ACTION_LABELS[text];
  if (text.startsWith('decision:')) return `Decision applied: ${decisionLabel(text.slice('decision:'.length))}`;
  if (text.startsWith('escalation:')) return `Escalated: ${pendingLabel(text.slice('escalation:'.length))}`;
  return text;
}

/** Free text people typed (it may name the patient): shown as present, never quoted. */
const AUDIT_FREE_TEXT = { note: 'with a note', reason: 'with a reason', freeText: 'with a free-text answer' };

/**
 * The non-PHI parts of an audit row's detail as short "name: value" texts: stages, decisions,
 * codes, the answer's status. Free text (notes, reasons) is only said to be there; ids of
 * patients and questions, and anything not known here, are left out.
 */
export function auditDetailSummary(detail) {
  if (detail === null || typeof detail !== 'object') return [];
  const parts = [];
  const text = (value) => String(value);
  if (typeof detail.stage === 'string') parts.push(`stage: ${stageLabel(detail.stage)}`);
  if (typeof detail.pending === 'string') parts.push(`question: ${pendingLabel(detail.pending)}`);
  if (typeof detail.kind === 'string') parts.push(`question: ${pendingLabel(detail.kind)}`);
  if (typeof detail.decision === 'string') parts.push(`decision: ${decisionLabel(detail.decision)}`);
  if (typeof detail.extendBy === 'string') parts.push(`extend by: ${detail.extendBy}`);
  if (Array.isArray(detail.diagnoses)) parts.push(`diagnoses: ${detail.diagnoses.map(text).join(', ')}`);
  if (Array.isArray(detail.procedures)) {
    const procedure = (p) =>
      p !== null && typeof p === 'object'
        ? `${p.code}${Number(p.units) > 1 ? ` × ${p.units}` : ''}${Array.isArray(p.modifiers) && p.modifiers.length > 0 ? `-${p.modifiers.join('-')}` : ''}`
        : text(p);
    parts.push(`procedures: ${detail.procedures.length > 0 ? detail.procedures.map(procedure).join(', ') : 'none'}`);
  }
  if (typeof detail.reminderNumber === 'number' && detail.reminderNumber > 0) parts.push(`reminder ${detail.reminderNumber}`);
  for (const [key, label] of Object.entries(AUDIT_FREE_TEXT)) {
    if ((typeof detail[key] === 'string' && detail[key] !== '') || detail[key] === true) parts.push(label);
  }
  if (detail.response !== null && typeof detail.response === 'object' && typeof detail.response.status === 'number') {
    parts.push(`answered ${detail.response.status}`);
  }
  return parts;
}

/**
 * Audit rows (newest first) with runs of the same person viewing the encounter folded into one
 * entry: { ...row, count, firstAt } (the page refreshes, and each read of patient data is audited).
 */
export function foldAuditRows(items) {
  const folded = [];
  for (const row of items ?? []) {
    const last = folded[folded.length - 1];
    if (
      last !== undefined &&
      String(row.action).endsWith('.viewed') &&
      last.action === row.action &&
      last.actor === row.actor &&
      last.role === row.role
    ) {
      last.count += 1;
      last.firstAt = row.at;
    } else {
      folded.push({ ...row, count: 1, firstAt: row.at });
    }
  }
  return folded;
}
