/**
 * The staff web UI: a worklist of encounters with stage filters and counts, the live status of
 * the chosen encounter, and the actions a person takes (supervisor decisions, cancel, patient
 * statement). Everything comes from the API with the token typed into the page.
 *
 * Rendering rule: text from the API only ever reaches the page through `textContent` (via `el`),
 * never through innerHTML, so nothing the API returns can become markup.
 */
import {
  ApiError,
  ATTENTION_STAGES,
  FINAL_STAGES,
  STAGES,
  countByStage,
  createApiClient,
  decisionLabel,
  dollars,
  isDuration,
  pendingLabel,
  relativeTime,
  stageLabel,
} from './lib.js';

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
};

const api = createApiClient({ getToken: () => state.token });

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

function renderDetail(view) {
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
    status.flags?.length > 0 ? section('Flags', el('ul', { className: 'flags' }, status.flags.map((f) => el('li', {}, f)))) : null,
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
    renderCodes(view.codes),
    renderHistory(status.history ?? []),
  ];
  $('detail-body').replaceChildren(...parts.filter((part) => part !== null));
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
  $('cancel-form').hidden = final;
  state.statementId = view.statementId ?? view.status.statementId ?? null;
  $('open-statement').hidden = state.statementId === null;
  $('actions').hidden = final && pending === undefined && state.statementId === null;
}

async function loadDetail() {
  if (state.selectedId === null) return;
  try {
    renderDetail(await api.getEncounter(state.selectedId));
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
  showProblem(null);
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
renderStageFilters(null);
if (state.token === '') $('token').focus();
else void refresh();
