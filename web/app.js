/**
 * The staff web UI: a worklist of encounters with stage filters and counts, the live status of
 * the chosen encounter, and the actions a person takes (supervisor decisions, a coder's code
 * override, cancel, patient statement), with the encounter's audit trail for supervisors.
 * Everything comes from the API with the token typed into the page.
 *
 * Rendering rule: text from the API only ever reaches the page through `textContent` (via `el`),
 * never through innerHTML, so nothing the API returns can become markup.
 */
import {
  ApiError,
  ATTENTION_STAGES,
  CODE_OVERRIDE_STAGES,
  FINAL_STAGES,
  STAGES,
  auditActionLabel,
  auditDetailSummary,
  buildOverrideBody,
  countByStage,
  createApiClient,
  loadStages,
  decisionLabel,
  demoRole,
  dollars,
  flagKind,
  foldAuditRows,
  isDuration,
  newIdempotencyKey,
  offersAudit,
  offersCodeOverride,
  overrideErrorTarget,
  overrideErrorsByInput,
  overrideFieldLabel,
  overrideRowsFromCodes,
  pendingLabel,
  relativeTime,
  stageLabel,
} from './lib.js';
import { renderCoderReview, renderRationale } from './coder-review.js';

const TOKEN_KEY = 'encounterflow.token';
const REFRESH_MS = 5_000;
const PAGE_SIZE = 50;

const $ = (id) => {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`#${id} is missing from index.html`);
  return node;
};

/** A new element: `el('td', { className: 'x' }, 'text', child)`. Strings become text nodes. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className' || key === 'textContent' || key === 'hidden' || key === 'disabled' || key === 'type') node[key] = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a node's children, like el() builds them: strings become text, null and false are left out. */
function fill(node, ...children) {
  node.replaceChildren(
    ...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false).map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))),
  );
  return node;
}

/** A <time> element: local date and time with the distance from now; `short` shows the distance only. */
function time(iso, { short = false } = {}) {
  if (typeof iso !== 'string' || iso === '') return el('span', { className: 'muted' }, '—');
  const local = new Date(iso).toLocaleString();
  return el('time', { datetime: iso, title: local }, short ? relativeTime(iso) : `${local} (${relativeTime(iso)})`);
}

const state = {
  token: sessionStorage.getItem(TOKEN_KEY) ?? '',
  stage: '', // '' = all stages
  payer: '',
  /** Cursors of the pages before the current one; the current page's own cursor. */
  previousCursors: [],
  cursor: undefined,
  nextCursor: null,
  selectedId: decodeURIComponent(location.hash.replace(/^#\/encounters\//, '')) || null,
  /** Key of the decision buttons shown, so a refresh does not rebuild them under the user's hand. */
  decisionKey: '',
  statementId: null,
  busy: false,
  /** Who raised the error on show: 'refresh', 'action' or null. */
  problemSource: null,
  /** Set after a 401: auto-refresh waits for a new token. */
  needsToken: false,
  /** Set when GET /audit answered 403 for this token: the panel stays hidden. */
  auditForbidden: false,
  override: {
    /** `encounterId:revision` the form was filled from; '' = not filled. */
    filledFrom: '',
    /** The person changed the form since it was filled. */
    dirty: false,
    sending: false,
    /** The Idempotency-Key and body of the last submit that got no 2xx: a retry of the same body reuses the key. */
    retryKey: null,
    retryBody: null,
    /** After a 202: { encounterId, flagsBefore } until the person moves on; the outcome shows the flags added since. */
    watch: null,
    /** What the outcome box shows, so a refresh does not redraw it needlessly. */
    outcomeKey: '',
  },
};

const api = createApiClient({ getToken: () => state.token });

/** The viewer's role when the token is a demo token; null (unknown) otherwise. */
const viewerRole = () => demoRole(state.token);

/** The encounter view drawn last. */
let currentView = null;

// ---------------------------------------------------------------- problems and results

/**
 * Shows an error at the top of the page (or hides it, for null). `source` says who raised it: a
 * refresh that later succeeds clears its own error, but never the error of something a person did.
 */
function showProblem(error, source = 'action') {
  const box = $('problem');
  box.replaceChildren();
  state.problemSource = error === null ? null : source;
  if (error === null) {
    box.hidden = true;
    return;
  }
  const problem =
    error instanceof ApiError
      ? error.problem
      : { title: 'Something went wrong in the page', status: 0, detail: String(error?.message ?? error), errors: [] };
  box.append(el('strong', {}, problem.status ? `${problem.title} (${problem.status})` : problem.title), ' ', problem.detail);
  if (problem.errors.length > 0) {
    box.append(el('ul', {}, problem.errors.map((e) => el('li', {}, el('code', {}, e.field), ': ', e.message))));
  }
  if (problem.status === 401) box.append(' ', el('span', {}, 'Enter a valid token above.'));
  box.append(' ', el('button', { type: 'button', className: 'dismiss', onclick: () => showProblem(null) }, 'Dismiss'));
  box.hidden = false;
}

function handleError(error, source = 'action') {
  if (error instanceof ApiError && error.status === 401) {
    state.needsToken = true;
    $('token').focus();
  }
  showProblem(error, source);
}

// ---------------------------------------------------------------- worklist

function renderStageFilters(counts) {
  const group = $('stage-filters');
  const focusedStage = document.activeElement?.dataset?.stage;
  const button = (stage, label, count) =>
    el(
      'button',
      {
        type: 'button',
        className: ATTENTION_STAGES.includes(stage) && count > 0 ? 'filter attention' : 'filter',
        'aria-pressed': String(state.stage === stage),
        'data-stage': stage,
        onclick: () => {
          state.stage = stage;
          resetPaging();
          void refresh();
        },
      },
      label,
      ' ',
      el('span', { className: 'count' }, count === undefined ? '…' : String(count)),
    );
  const total = counts === null ? undefined : `${counts.total}${counts.complete ? '' : '+'}`;
  group.replaceChildren(
    button('', 'All', total),
    ...STAGES.map((stage) => button(stage, stageLabel(stage), counts?.counts[stage])),
  );
  if (focusedStage !== undefined) group.querySelector(`[data-stage="${CSS.escape(focusedStage)}"]`)?.focus();
}

function renderRows(items) {
  const body = $('rows');
  const focusedId = document.activeElement?.dataset?.encounterId;
  body.replaceChildren(
    ...items.map((item) =>
      el(
        'tr',
        { 'aria-current': item.id === state.selectedId ? 'true' : undefined },
        el(
          'td',
          {},
          el(
            'button',
            { type: 'button', className: 'link', 'data-encounter-id': item.id, onclick: () => select(item.id) },
            item.clinicEncounterId,
          ),
        ),
        el('td', {}, el('span', { className: `stage stage-${item.stage}` }, stageLabel(item.stage))),
        el('td', {}, item.payerId),
        el('td', {}, item.dateOfService),
        el('td', {}, time(item.updatedAt, { short: true })),
      ),
    ),
  );
  $('empty').hidden = items.length > 0;
  if (focusedId !== undefined) body.querySelector(`[data-encounter-id="${CSS.escape(focusedId)}"]`)?.focus();
  $('prev-page').disabled = state.previousCursors.length === 0;
  $('next-page').disabled = state.nextCursor === null;
}

function resetPaging() {
  state.previousCursors = [];
  state.cursor = undefined;
}

async function loadWorklist() {
  const [page, counts] = await Promise.all([
    api.listEncounters({ stage: state.stage, payer: state.payer, cursor: state.cursor, limit: PAGE_SIZE }),
    countByStage(api, { payer: state.payer }),
  ]);
  state.nextCursor = page.nextCursor;
  renderStageFilters(counts);
  renderRows(page.items);
  $('rows-caption').textContent = `Encounters${state.stage ? ` in stage ${stageLabel(state.stage)}` : ''}, oldest first`;
}

// ---------------------------------------------------------------- one encounter

function select(id) {
  state.selectedId = id;
  state.decisionKey = '';
  history.replaceState(null, '', `#/encounters/${encodeURIComponent(id)}`);
  $('action-result').textContent = '';
  $('statement-link').hidden = true;
  resetOverride();
  for (const row of $('rows').querySelectorAll('tr')) {
    const current = row.querySelector('[data-encounter-id]')?.dataset.encounterId === id;
    if (current) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
  }
  void loadDetail().then(() => $('detail-title').focus());
}

/** A definition list from [label, value] pairs; pairs with an empty value are left out. */
function facts(pairs) {
  return el(
    'dl',
    { className: 'facts' },
    pairs
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([label, value]) => [el('dt', {}, label), el('dd', {}, value)]),
  );
}

function section(title, ...content) {
  return el('section', { className: 'card' }, el('h3', {}, title), ...content);
}

function table(caption, headers, rows) {
  return el(
    'table',
    {},
    el('caption', { className: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))),
  );
}

function renderOpenQuery(query) {
  return section(
    'Open query to the physician',
    el('p', { className: 'question' }, query.question),
    query.clinicalIndicators.length > 0
      ? [el('h4', {}, 'Clinical indicators'), el('ul', {}, query.clinicalIndicators.map((i) => el('li', {}, i)))]
      : null,
    query.options.length > 0 ? [el('h4', {}, 'Options'), el('ul', {}, query.options.map((o) => el('li', {}, o)))] : null,
    facts([
      ['Physician NPI', query.physicianNpi],
      ['Asked', time(query.askedAt)],
      ['Due', time(query.dueAt)],
      ['Reminders sent', String(query.remindersSent)],
    ]),
  );
}

function renderAuthorization(auth) {
  const units = auth.authorizedUnits
    ? Object.entries(auth.authorizedUnits)
        .map(([code, n]) => `${code} × ${n}`)
        .join(', ')
    : '';
  return section(
    'Prior authorization',
    facts([
      ['Outcome', auth.outcome],
      ['Attempt', String(auth.attempt)],
      ['Authorization number', auth.authNumber],
      ['Payer reference', auth.payerReference],
      ['Valid', auth.validFrom ? `${auth.validFrom} – ${auth.validTo ?? ''}` : ''],
      ['Authorized units', units],
      ['Reason', auth.reason],
    ]),
  );
}

function renderCodes(codes) {
  if (codes === null) return section('Codes', el('p', { className: 'muted' }, 'Not coded yet.'));
  const confidence = (c) => (typeof c.confidence === 'number' ? `${Math.round(c.confidence * 100)} %` : '');
  return section(
    `Codes (revision ${codes.revision})`,
    table(
      'Diagnoses',
      ['Diagnosis', 'Description', 'Confidence', 'Source'],
      codes.diagnoses.map((d) => [el('code', {}, d.code), d.description, confidence(d), d.source]),
    ),
    codes.procedures.length > 0
      ? table(
          'Procedures',
          ['Procedure', 'Description', 'Units', 'Modifiers', 'Diagnosis pointers', 'Source'],
          codes.procedures.map((p) => [
            el('code', {}, p.code),
            p.description,
            String(p.units),
            p.modifiers.join(', '),
            p.diagnosisPointers.join(', '),
            p.source,
          ]),
        )
      : null,
  );
}

function renderHistory(transitions) {
  return section(
    'History',
    transitions.length === 0
      ? el('p', { className: 'muted' }, 'No transitions yet.')
      : table(
          'Stage transitions, oldest first',
          ['When', 'From', 'To', 'Reason', 'By'],
          transitions.map((t) => [time(t.at), stageLabel(t.from), stageLabel(t.to), t.reason ?? '', t.actor ?? '']),
        ),
  );
}

/** The workflow's flags; those added since this page sent a code override are marked new. */
function renderFlags(view) {
  const watch = state.override.watch;
  const since = watch !== null && watch.encounterId === view.id ? watch.flagsBefore : Infinity;
  return section(
    'Flags',
    el(
      'ul',
      { className: 'flags' },
      view.status.flags.map((flag, i) =>
        el('li', { className: i >= since ? `new ${flagKind(flag)}` : undefined }, i >= since ? [el('span', { className: 'badge' }, 'new'), ' '] : null, flag),
      ),
    ),
  );
}

/** The audit trail (supervisors): runs of the same person viewing are folded into one row. */
function renderAudit(id, audit) {
  const panel = $('audit');
  if (audit === null) {
    panel.hidden = true;
    $('audit-body').replaceChildren();
    return;
  }
  panel.hidden = false;
  if (audit.error !== undefined) {
    const problem = audit.error instanceof ApiError ? audit.error.problem : { title: 'The audit trail could not be read', detail: String(audit.error) };
    $('audit-body').replaceChildren(el('p', { className: 'field-error' }, `${problem.title}: ${problem.detail}`));
    return;
  }
  const rows = foldAuditRows(audit.items);
  fill(
    $('audit-body'),
    rows.length === 0
      ? el('p', { className: 'muted' }, 'Nothing recorded yet.')
      : table(
          `Audit trail of encounter ${id}, newest first`,
          ['When', 'Who', 'Role', 'Action', 'Detail'],
          rows.map((row) => [
            row.count > 1 ? [time(row.at), el('div', { className: 'muted' }, `${row.count} times, the first `, time(row.firstAt, { short: true }))] : time(row.at),
            row.actor,
            row.role,
            auditActionLabel(row.action),
            auditDetailSummary(row.detail).join('; '),
          ]),
        ),
    audit.items.length >= 500 ? el('p', { className: 'hint' }, 'Showing the newest 500 entries (the most the API returns).') : null,
  );
}

function renderDetail(view, audit = null) {
  currentView = view;
  const status = view.status;
  const patientName = view.patient.firstName !== undefined ? `${view.patient.firstName} ${view.patient.lastName}` : '';
  $('detail-title').textContent = `Encounter ${view.clinicEncounterId}`;
  const parts = [
    facts([
      ['Stage', el('span', { className: `stage stage-${view.stage}` }, stageLabel(view.stage))],
      ['Payer', view.payerId],
      ['Date of service', view.dateOfService],
      ['Place of service', view.placeOfService],
      ['Provider', `${view.provider.name} (NPI ${view.provider.npi})`],
      ['Patient', patientName],
      ['Received', time(view.createdAt)],
      ['Status from', view.statusSource === 'workflow' ? 'the running workflow (live)' : 'the database (the workflow did not answer)'],
    ]),
    status.flags?.length > 0 ? renderFlags(view) : null,
    status.openQuery ? renderOpenQuery(status.openQuery) : null,
    status.authorization ? renderAuthorization(status.authorization) : null,
    view.claims?.length > 0
      ? section(
          'Claims',
          table(
            'Claims',
            ['Claim number', 'Status', 'Charge', 'Acknowledgement', 'Submitted'],
            view.claims.map((c) => [c.claimNumber, c.status, dollars(c.totalChargeCents), c.ackStatus ?? '', time(c.submittedAt)]),
          ),
        )
      : null,
    status.coderReview
      ? renderCoderReview({ el, section }, status.coderReview, {
          canAct: viewerRole() === 'coder' || viewerRole() === null,
          actions: {
            accept: () => void act('Accept codes', () => api.coderReview(view.id, { action: 'accept', reviewId: status.coderReview.id })),
            query: (question) => void act('Query the physician', () => api.coderReview(view.id, { action: 'query', reviewId: status.coderReview.id, question })),
          },
        })
      : null,
    renderCodes(view.codes),
    renderRationale({ el, section }, view),
    renderHistory(status.history ?? []),
  ];
  $('detail-body').replaceChildren(...parts.filter((part) => part !== null));
  renderAudit(view.id, audit);
  renderActions(view);
  $('detail').hidden = false;
}

function renderActions(view) {
  const pending = view.status.pendingDecision;
  const final = FINAL_STAGES.includes(view.stage);
  const panel = $('decision-panel');
  const key = pending ? `${view.id}:${pending.kind}:${pending.since}:${pending.allowed.join(',')}` : '';
  if (key !== state.decisionKey) {
    state.decisionKey = key;
    panel.hidden = pending === undefined;
    $('decision-buttons').replaceChildren();
    $('extend-field').hidden = true;
    if (pending !== undefined) {
      $('decision-reason').replaceChildren(
        el('strong', {}, pendingLabel(pending.kind)),
        ` since ${new Date(pending.since).toLocaleString()}: `,
        pending.reason,
      );
      $('extend-field').hidden = !pending.allowed.includes('extend');
      $('decision-buttons').append(
        ...pending.allowed.map((decision) =>
          el(
            'button',
            { type: 'button', className: decision === 'cancel' ? 'danger' : 'primary', onclick: () => decide(view.id, decision, pending.id) },
            decisionLabel(decision),
          ),
        ),
      );
    }
  }
  renderOverride(view);
  $('cancel-form').hidden = final;
  state.statementId = view.statementId ?? view.status.statementId ?? null;
  $('open-statement').hidden = state.statementId === null;
  $('actions').hidden = final && pending === undefined && state.statementId === null;
}

/** The audit trail for the panel: { items }, { error }, or null when this viewer does not get one. */
async function loadAudit(id) {
  if (!offersAudit(viewerRole()) || state.auditForbidden) return null;
  try {
    return { items: (await api.audit(id)).items };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      state.auditForbidden = true; // not a supervisor: no panel, no error
      return null;
    }
    if (error instanceof ApiError && error.status === 401) return null; // the encounter's own request reports it
    return { error };
  }
}

async function loadDetail() {
  if (state.selectedId === null) return;
  const id = state.selectedId;
  try {
    const [view, audit] = await Promise.all([api.getEncounter(id), loadAudit(id)]);
    if (id !== state.selectedId) return; // the person chose another encounter meanwhile
    renderDetail(view, audit);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      state.selectedId = null;
      $('detail').hidden = true;
      history.replaceState(null, '', location.pathname);
    }
    throw error;
  }
}

// ---------------------------------------------------------------- actions

async function act(description, action) {
  const result = $('action-result');
  result.textContent = `${description}…`;
  try {
    await action();
    result.textContent = `${description}: accepted. The workflow acts on it shortly.`;
    showProblem(null);
    state.decisionKey = '';
    await refresh();
  } catch (error) {
    result.textContent = `${description}: not done (see the message at the top).`;
    handleError(error);
  }
}

/** `decisionId` names the question being answered, so a stale click cannot answer a later one. */
function decide(id, decision, decisionId) {
  const body = { decision };
  if (decisionId) body.decisionId = decisionId;
  const note = $('decision-note').value.trim();
  if (note !== '') body.note = note;
  if (decision === 'extend') {
    const extendBy = $('extend-by').value.trim();
    if (!isDuration(extendBy)) {
      showProblem(new ApiError(0, { title: 'Check the form', status: 0, detail: 'The extension is not a duration.', errors: [{ field: 'extendBy', message: 'A duration such as 24h or 2d' }] }));
      $('extend-by').focus();
      return;
    }
    body.extendBy = extendBy;
  }
  if (decision === 'cancel' && !confirm('Cancel this encounter? It will not be billed.')) return;
  void act(decisionLabel(decision), async () => {
    await api.decide(id, body);
    $('decision-note').value = '';
  });
}

$('cancel-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = state.selectedId;
  if (id === null) return;
  const reason = $('cancel-reason').value.trim();
  if (!confirm('Cancel this encounter? It will not be billed.')) return;
  void act('Cancel', async () => {
    await api.cancel(id, reason);
    $('cancel-reason').value = '';
  });
});

$('open-statement').addEventListener('click', async () => {
  if (state.statementId === null) return;
  try {
    const html = await api.statementHtml(state.statementId);
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    const link = $('statement-link');
    link.href = url;
    // The opened document inherits this page's Content-Security-Policy: scripts in it do not run.
    if (window.open(url, '_blank', 'noopener') === null) {
      link.hidden = false; // a popup blocker said no: let the user click
      link.focus();
    }
    showProblem(null);
  } catch (error) {
    handleError(error);
  }
});

// ---------------------------------------------------------------- code override

/** The id of an override form input from its field key: `diagnoses.0.code` → `ovr-diagnoses-0-code`. */
const inputId = (key) => `ovr-${key.replaceAll('.', '-')}`;

function resetOverride() {
  Object.assign(state.override, { filledFrom: '', dirty: false, retryKey: null, retryBody: null, watch: null, outcomeKey: '' });
  $('override-outcome').hidden = true;
  $('override-outcome').replaceChildren();
  $('override-stale').hidden = true;
  showOverrideErrors([], null);
}

/** Shows or hides the form for this encounter; refills it when the codes changed and the person has not edited it. */
function renderOverride(view) {
  const role = viewerRole();
  const offered = offersCodeOverride(role, view.stage);
  $('override-form').hidden = !offered;
  $('override-coders-only').hidden = !(role === 'supervisor' && CODE_OVERRIDE_STAGES.includes(view.stage));
  const from = `${view.id}:${view.codes?.revision ?? 0}`;
  if (offered && from !== state.override.filledFrom) {
    if (state.override.dirty && state.override.filledFrom.startsWith(`${view.id}:`)) {
      $('override-stale-text').textContent = `The codes changed since you started editing (now revision ${view.codes?.revision ?? 0}).`;
      $('override-stale').hidden = false;
    } else {
      fillOverride(view);
    }
  }
  renderOverrideOutcome(view);
}

function fillOverride(view) {
  renderOverrideRows(overrideRowsFromCodes(view.codes));
  $('override-note').value = '';
  state.override.filledFrom = `${view.id}:${view.codes?.revision ?? 0}`;
  state.override.dirty = false;
  $('override-stale').hidden = true;
  showOverrideErrors([], null);
}

/** One text input of a row, with its (visually hidden) label and its error messages. */
function overrideInput(key, label, value, errorsByKey, { size = 9, numeric = false, placeholder } = {}) {
  const id = inputId(key);
  const messages = errorsByKey.get(key) ?? [];
  const input = el('input', {
    id,
    type: 'text',
    size,
    spellcheck: 'false',
    autocomplete: 'off',
    autocapitalize: numeric ? undefined : 'characters',
    inputmode: numeric ? 'numeric' : undefined,
    placeholder,
    'data-field': key,
    'aria-invalid': messages.length > 0 ? 'true' : undefined,
    'aria-describedby': messages.length > 0 ? `${id}-error` : undefined,
  });
  input.value = value;
  return [
    el('label', { for: id, className: 'visually-hidden' }, label),
    input,
    messages.length > 0 ? el('p', { id: `${id}-error`, className: 'field-error' }, messages.join(' ')) : null,
  ];
}

function removeButton(label, onclick) {
  return el('button', { type: 'button', className: 'remove', 'aria-label': label, onclick }, 'Remove');
}

/** Draws the rows (strings) of both lists, with the errors for their inputs. */
function renderOverrideRows(rows, errorsByKey = new Map()) {
  $('override-diagnoses').replaceChildren(
    ...rows.diagnoses.map((d, i) =>
      el(
        'tr',
        {},
        el('td', { className: 'number' }, String(i + 1)),
        el('td', {}, overrideInput(`diagnoses.${i}.code`, `Diagnosis ${i + 1} code (ICD-10-CM)`, d.code, errorsByKey, { placeholder: 'e.g. E11.9' })),
        el('td', {}, removeButton(`Remove diagnosis ${i + 1}`, () => removeRow('diagnoses', i))),
      ),
    ),
  );
  $('override-procedures').replaceChildren(
    ...rows.procedures.map((p, i) =>
      el(
        'tr',
        {},
        el('td', { className: 'number' }, String(i + 1)),
        el('td', {}, overrideInput(`procedures.${i}.code`, `Procedure ${i + 1} code (CPT or HCPCS)`, p.code, errorsByKey, { size: 7, placeholder: 'e.g. 99213' })),
        el('td', {}, overrideInput(`procedures.${i}.units`, `Procedure ${i + 1} units`, p.units, errorsByKey, { size: 3, numeric: true, placeholder: '1' })),
        el('td', {}, overrideInput(`procedures.${i}.modifiers`, `Procedure ${i + 1} modifiers`, p.modifiers, errorsByKey, { size: 8, placeholder: 'e.g. 25, 59' })),
        el('td', {}, overrideInput(`procedures.${i}.diagnosisPointers`, `Procedure ${i + 1} diagnosis pointers`, p.diagnosisPointers, errorsByKey, { size: 8, numeric: true, placeholder: 'e.g. 1, 2' })),
        el('td', {}, removeButton(`Remove procedure ${i + 1}`, () => removeRow('procedures', i))),
      ),
    ),
  );
  $('override-procedures-empty').hidden = rows.procedures.length > 0;
  for (const list of ['diagnoses', 'procedures']) {
    const messages = errorsByKey.get(list) ?? [];
    $(`override-${list}-error`).textContent = messages.join(' ');
    $(`override-${list}-error`).hidden = messages.length === 0;
  }
  const noteMessages = errorsByKey.get('note') ?? [];
  $('override-note-error').textContent = noteMessages.join(' ');
  $('override-note-error').hidden = noteMessages.length === 0;
  if (noteMessages.length > 0) {
    $('override-note').setAttribute('aria-invalid', 'true');
    $('override-note').setAttribute('aria-describedby', 'override-note-error');
  } else {
    $('override-note').removeAttribute('aria-invalid');
    $('override-note').removeAttribute('aria-describedby');
  }
}

/** The form's values as strings, as buildOverrideBody takes them. */
function readOverrideForm() {
  const value = (key) => document.getElementById(inputId(key))?.value ?? '';
  return {
    diagnoses: [...$('override-diagnoses').rows].map((_, i) => ({ code: value(`diagnoses.${i}.code`) })),
    procedures: [...$('override-procedures').rows].map((_, i) => ({
      code: value(`procedures.${i}.code`),
      units: value(`procedures.${i}.units`),
      modifiers: value(`procedures.${i}.modifiers`),
      diagnosisPointers: value(`procedures.${i}.diagnosisPointers`),
    })),
    note: $('override-note').value,
  };
}

function addRow(list) {
  const rows = readOverrideForm();
  rows[list].push(list === 'diagnoses' ? { code: '' } : { code: '', units: '1', modifiers: '', diagnosisPointers: '' });
  renderOverrideRows(rows);
  state.override.dirty = true;
  document.getElementById(inputId(`${list}.${rows[list].length - 1}.code`))?.focus();
}

function removeRow(list, index) {
  const rows = readOverrideForm();
  rows[list].splice(index, 1);
  renderOverrideRows(rows);
  state.override.dirty = true;
  // Focus stays in the list: the row that took this one's place, the one before it, or the add button.
  const next = $(`override-${list}`).rows[Math.min(index, rows[list].length - 1)];
  (next?.querySelector('button.remove') ?? $(list === 'diagnoses' ? 'add-diagnosis' : 'add-procedure')).focus();
}

/**
 * Shows `errors` (the API's or the page's, by field name) at their inputs and as a list at the top
 * of the form, under the problem's title; [] and null clear them.
 */
function showOverrideErrors(errors, problem) {
  const summary = $('override-errors');
  const grouped = overrideErrorsByInput(errors);
  if ($('override-diagnoses').rows.length > 0 || grouped.size > 0) renderOverrideRows(readOverrideForm(), grouped);
  if (problem === null) {
    summary.hidden = true;
    summary.replaceChildren();
    return;
  }
  const item = (error) => {
    const key = overrideErrorTarget(error.field).key;
    const input = key === null ? null : key === 'note' ? $('override-note') : document.getElementById(inputId(key));
    const name = overrideFieldLabel(error.field);
    return el(
      'li',
      {},
      input !== null ? el('button', { type: 'button', className: 'link', onclick: () => input.focus() }, name) : el('code', {}, error.field),
      `: ${error.message}`,
    );
  };
  fill(
    summary,
    el('strong', {}, problem.status ? `${problem.title} (${problem.status})` : problem.title),
    ' ',
    problem.detail,
    problem.status === 403 ? el('p', {}, 'This token may not change codes: the API takes code overrides from coders only.') : null,
    errors.length > 0 ? el('ul', {}, errors.map(item)) : null,
  );
  summary.hidden = false;
  summary.focus();
}

/** After a 202: the flags the workflow added since (codes applied, or the override rejected and why). */
function renderOverrideOutcome(view) {
  const box = $('override-outcome');
  const watch = state.override.watch;
  if (watch === null || watch.encounterId !== view.id) {
    box.hidden = true;
    return;
  }
  const added = (view.status.flags ?? []).slice(watch.flagsBefore);
  const kinds = added.map(flagKind);
  const outcome = kinds.includes('rejected') ? 'rejected' : kinds.includes('applied') ? 'applied' : 'pending';
  const key = `${outcome}:${added.join('\n')}`;
  if (key === state.override.outcomeKey && !box.hidden) return; // unchanged: keep focus where it is
  state.override.outcomeKey = key;
  box.className = `outcome ${outcome}`;
  const heading = {
    pending: 'Codes sent. Waiting for the workflow to apply them…',
    applied: 'The workflow applied the codes.',
    rejected: 'The workflow rejected the override.',
  }[outcome];
  if (outcome !== 'pending') $('action-result').textContent = '';
  fill(
    box,
    el('strong', {}, heading),
    ' ',
    el('span', { className: 'muted' }, 'Sent ', time(watch.sentAt, { short: true }), '.'),
    added.length > 0 ? el('ul', {}, added.map((flag) => el('li', { className: flagKind(flag) }, flag))) : null,
    el(
      'button',
      {
        type: 'button',
        className: 'dismiss',
        onclick: () => {
          state.override.watch = null;
          box.hidden = true;
          $('override-submit').focus();
          void refresh();
        },
      },
      'Dismiss',
    ),
  );
  box.hidden = false;
}

$('override-form').addEventListener('input', () => {
  state.override.dirty = true;
});
$('add-diagnosis').addEventListener('click', () => addRow('diagnoses'));
$('add-procedure').addEventListener('click', () => addRow('procedures'));
for (const id of ['override-discard', 'override-reload']) {
  $(id).addEventListener('click', () => {
    if (currentView === null || currentView.id !== state.selectedId) return;
    fillOverride(currentView);
    document.getElementById(inputId('diagnoses.0.code'))?.focus();
  });
}

$('override-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = state.selectedId;
  if (id === null || state.override.sending) return;
  const { body, errors } = buildOverrideBody(readOverrideForm());
  if (errors.length > 0) {
    showOverrideErrors(errors, { title: 'Check the codes', status: 0, detail: 'Nothing was sent.' });
    return;
  }
  // A new key for each new submit; the same key when re-sending a body that got no answer (the
  // first attempt may have reached the API: the repeat then gets its answer, and is not applied twice).
  const bodyText = JSON.stringify(body);
  const key = state.override.retryBody === bodyText && state.override.retryKey !== null ? state.override.retryKey : newIdempotencyKey();
  Object.assign(state.override, { retryKey: key, retryBody: bodyText, sending: true });
  const flagsBefore = currentView?.id === id ? (currentView.status.flags?.length ?? 0) : 0;
  $('override-submit').disabled = true;
  $('action-result').textContent = 'Sending the codes…';
  try {
    await api.overrideCodes(id, body, { idempotencyKey: key });
    Object.assign(state.override, { retryKey: null, retryBody: null, dirty: false, watch: { encounterId: id, flagsBefore, sentAt: new Date().toISOString() } });
    $('action-result').textContent = 'Codes sent: accepted. The workflow applies them shortly.';
    showOverrideErrors([], null);
    if (state.problemSource === 'action') showProblem(null);
    if (currentView?.id === id) renderOverrideOutcome(currentView);
    $('override-outcome').scrollIntoView({ block: 'nearest' });
  } catch (error) {
    $('action-result').textContent = 'Codes not sent (see the form).';
    if (error instanceof ApiError && error.status === 401) handleError(error);
    const problem =
      error instanceof ApiError ? error.problem : { title: 'Something went wrong in the page', status: 0, detail: String(error?.message ?? error), errors: [] };
    showOverrideErrors(problem.errors, problem);
    return;
  } finally {
    state.override.sending = false;
    $('override-submit').disabled = false;
  }
  await refresh();
});

// ---------------------------------------------------------------- token, paging, refresh

function renderTokenState() {
  $('token').value = state.token;
  $('forget-token').disabled = state.token === '';
}

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.token = $('token').value.trim();
  sessionStorage.setItem(TOKEN_KEY, state.token);
  state.needsToken = false;
  state.auditForbidden = false;
  showProblem(null);
  resetOverride();
  renderTokenState();
  resetPaging();
  void refresh();
});

$('forget-token').addEventListener('click', () => {
  state.token = '';
  sessionStorage.removeItem(TOKEN_KEY);
  renderTokenState();
  $('rows').replaceChildren();
  $('detail').hidden = true;
  renderStageFilters(null);
  $('token').focus();
});

$('payer').addEventListener('change', () => {
  state.payer = $('payer').value.trim();
  resetPaging();
  void refresh();
});

$('prev-page').addEventListener('click', () => {
  state.cursor = state.previousCursors.pop();
  void refresh();
});

$('next-page').addEventListener('click', () => {
  if (state.nextCursor === null) return;
  state.previousCursors.push(state.cursor);
  state.cursor = state.nextCursor;
  void refresh();
});

$('refresh').addEventListener('click', () => {
  state.needsToken = false;
  void refresh();
});

async function refresh() {
  if (state.token === '' || state.busy) return;
  state.busy = true;
  try {
    await Promise.all([loadWorklist(), loadDetail()]);
    $('updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    if (state.problemSource === 'refresh') showProblem(null);
  } catch (error) {
    handleError(error, 'refresh');
  } finally {
    state.busy = false;
  }
}

setInterval(() => {
  if ($('auto-refresh').checked && !document.hidden && !state.needsToken) void refresh();
}, REFRESH_MS);

renderTokenState();
// The stage list comes from the API (GET /stages, no token needed) before anything is drawn by stage.
await loadStages(api).catch((error) => handleError(error, 'refresh'));
renderStageFilters(null);
if (state.token === '') $('token').focus();
else void refresh();
