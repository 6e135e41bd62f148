/**
 * The coder's worklist (#/coder-review[/<id>]): encounters waiting for a coder (GET
 * /coder-review/worklist), oldest first with why; the one opened shows why it waits, the suggested
 * codes with each code's rationale and its evidence highlighted in the note (web/coder-review.js),
 * and the codes as a form: accept them as suggested, or change them and send the edit (POST
 * /encounters/:id/coder-review). The API checks an edit at once: a code it refuses (422) or a
 * malformed field (400) is shown next to its input. Then the outcome: where the encounter went.
 *
 * The 5-second refresh redraws the list; the open encounter is redrawn only when its review or
 * codes changed and the coder has not touched the form.
 */
import { ApiError } from '../lib/api-client.js';
import { buildOverrideBody, newIdempotencyKey, overrideErrorsByInput, overrideRowsFromCodes } from '../lib/override-body.js';
import { stageLabel } from '../lib/stages.js';
import { reasonLabel, renderRationale } from '../coder-review.js';
import { codeRows, readForm } from './coder-code-form.js';
import { $, el, facts, fill, section, time } from '../ui/dom.js';
import { api, handleError, showProblem, viewerRole } from '../ui/session.js';

const state = {
  root: null,
  openId: null,
  view: null,
  /** What the open form was drawn from (review id + codes revision); '' = nothing drawn. */
  drawnFrom: '',
  dirty: false,
  sending: false,
  /** The Idempotency-Key of a send that got no answer, with its body: a retry of the same body reuses it. */
  retry: null,
};

function worklistRows(items) {
  if (items.length === 0) return el('p', { className: 'muted' }, 'No encounter is waiting for a coder.');
  return el(
    'table',
    { className: 'rows' },
    el('caption', { className: 'visually-hidden' }, 'Encounters waiting for a coder, oldest first'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['Encounter', 'Payer', 'Date of service', 'Waiting since', 'Why'].map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      items.map((item) =>
        el(
          'tr',
          { 'aria-current': item.id === state.openId ? 'true' : undefined },
          el(
            'td',
            { 'data-label': 'Encounter' },
            el('a', { href: `#/coder-review/${encodeURIComponent(item.id)}`, 'data-encounter-id': item.id }, item.clinicEncounterId),
          ),
          el('td', { 'data-label': 'Payer' }, item.payerId),
          el('td', { 'data-label': 'Date of service' }, item.dateOfService),
          el('td', { 'data-label': 'Waiting since' }, time(item.waitingSince, { short: true })),
          el('td', { 'data-label': 'Why' }, item.reason ?? ''),
        ),
      ),
    ),
  );
}

const onEdit = () => markDirty(true);

function markDirty(dirty) {
  state.dirty = dirty;
  const accept = document.getElementById('cr-accept');
  const edit = document.getElementById('cr-edit');
  if (accept) accept.disabled = dirty || state.sending;
  if (edit) edit.disabled = !dirty || state.sending;
  const undo = document.getElementById('cr-undo');
  if (undo) undo.hidden = !dirty;
}

function outcome(kind, ...content) {
  return fill($('cr-outcome'), el('div', { className: `outcome ${kind}` }, ...content));
}

/** Sends accept or edit; field errors of a 400/422 go next to their inputs, and the first gets the focus. */
async function send(action) {
  const view = state.view;
  const review = view.status.coderReview;
  const rows = overrideRowsFromCodes(view.codes);
  const values = readForm(rows);
  let body;
  if (action === 'accept') {
    body = { action: 'accept', reviewId: review.id, ...(values.note.trim() !== '' ? { note: values.note.trim() } : {}) };
  } else {
    const built = buildOverrideBody(values);
    if (built.errors.length > 0) return showFieldErrors(values, built.errors, 'Some fields need fixing before sending');
    body = { action: 'edit', reviewId: review.id, ...built.body };
  }
  const text = JSON.stringify(body);
  const key = state.retry?.body === text ? state.retry.key : newIdempotencyKey();
  state.retry = { key, body: text };
  state.sending = true;
  markDirty(state.dirty);
  outcome('pending', action === 'accept' ? 'Accepting the codes…' : 'Sending your codes…');
  try {
    // A 202 is followed to the outcome: pending meanwhile; a code refused then is the same 422 as one refused at once.
    const onPending = () =>
      outcome('pending', el('strong', {}, 'Pending.'), ' The workflow accepted your answer and is still applying it…');
    await api.coderReview(view.id, body, { idempotencyKey: key, onPending });
    state.retry = null;
    showProblem(null);
    await showResult(view.id, action);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 422) && error.problem.errors.length > 0) {
      state.retry = null; // the same body would be refused again
      showFieldErrors(values, error.problem.errors, error.problem.detail);
    } else {
      outcome('rejected', error instanceof ApiError ? `${error.problem.title}: ${error.problem.detail}` : String(error));
      handleError(error, 'action');
    }
  } finally {
    state.sending = false;
    markDirty(state.dirty);
  }
}

/** Redraws the form with what was typed and the errors at their fields; focus on the first one. */
function showFieldErrors(values, errors, title) {
  const grouped = overrideErrorsByInput(errors);
  fill($('cr-codes'), codeRows(values, state.view.codes, grouped, onEdit));
  const loose = grouped.get('') ?? [];
  outcome('rejected', el('strong', {}, title), loose.length > 0 ? el('p', {}, loose.join(' ')) : null);
  markDirty(true);
  state.root.querySelector('[aria-invalid="true"]')?.focus();
}

/** After a 200: the workflow took it; say where the encounter went (its stage now). */
async function showResult(id, action) {
  const done = action === 'accept' ? 'Codes accepted.' : 'Your codes were accepted.';
  const after = await api.getEncounter(id).catch(() => null);
  state.drawnFrom = '';
  state.dirty = false;
  const stage = after?.stage;
  outcome(
    'applied',
    el('strong', {}, done),
    ' ',
    stage === undefined
      ? 'The encounter goes on from coder review.'
      : stage === 'coder_review'
        ? 'The encounter is still in coder review; it moves on shortly.'
        : `The encounter moved on to ${stageLabel(stage)}.`,
    ' ',
    el('a', { href: `#/encounters/${encodeURIComponent(id)}` }, 'Open the encounter'),
  );
  $('cr-form').hidden = true;
  await loadList();
}

function renderOpen(view) {
  const review = view.status.coderReview;
  const canAct = viewerRole() === 'coder';
  const rows = overrideRowsFromCodes(view.codes);
  state.view = view;
  state.drawnFrom = `${review?.id ?? ''}:${view.codes?.revision ?? 0}`;
  state.dirty = false;
  const form = el(
    'form',
    { id: 'cr-form', className: 'coder-form', novalidate: true, 'aria-labelledby': 'cr-form-title', onsubmit: (e) => e.preventDefault() },
    el('h4', { id: 'cr-form-title' }, 'Suggested codes'),
    el(
      'p',
      { className: 'hint' },
      'Accept them as they stand, or change a code and send your codes; a refused code is marked at its field.',
    ),
    el('div', { id: 'cr-codes' }, codeRows(rows, view.codes, new Map(), onEdit)),
    el(
      'div',
      { className: 'field' },
      el('label', { for: 'cr-note' }, 'Note for the record (optional)'),
      el('textarea', { id: 'cr-note', rows: '2', maxlength: '2000' }),
    ),
    el(
      'div',
      { className: 'buttons' },
      el(
        'button',
        { type: 'button', id: 'cr-accept', className: 'primary', onclick: () => void send('accept') },
        'Accept the suggested codes',
      ),
      el('button', { type: 'button', id: 'cr-edit', disabled: true, onclick: () => void send('edit') }, 'Send my codes'),
      el(
        'button',
        {
          type: 'button',
          id: 'cr-undo',
          hidden: true,
          onclick: () => {
            fill($('cr-codes'), codeRows(rows, view.codes, new Map(), onEdit));
            fill($('cr-outcome'));
            markDirty(false);
            $('cr-accept').focus();
          },
        },
        'Undo my changes',
      ),
    ),
  );
  fill(
    $('cr-detail'),
    el('h3', { id: 'cr-title', tabindex: '-1' }, `Encounter ${view.clinicEncounterId}`),
    facts([
      ['Stage', el('span', { className: `stage stage-${view.stage}` }, stageLabel(view.stage))],
      ['Payer', view.payerId],
      ['Date of service', view.dateOfService],
      ['Provider', `${view.provider.name} (NPI ${view.provider.npi})`],
    ]),
    review
      ? section(
          'Why it waits for a coder',
          el(
            'ul',
            {},
            review.reasons.map((r) => el('li', {}, el('strong', {}, reasonLabel(r.kind)), ': ', r.detail)),
          ),
        )
      : el('p', { className: 'muted' }, 'This encounter is not waiting for a coder any more.'),
    el('div', { id: 'cr-outcome', role: 'status' }),
    review && canAct ? form : null,
    renderRationale({ el, section }, view),
  );
}

async function loadList() {
  const list = await api.coderWorklist();
  fill($('cr-list'), worklistRows(list.items));
}

async function loadOpen() {
  if (state.openId === null) return;
  const id = state.openId;
  const view = await api.getEncounter(id);
  if (id !== state.openId) return;
  const from = `${view.status.coderReview?.id ?? ''}:${view.codes?.revision ?? 0}`;
  const fresh = state.view?.id !== id;
  if (fresh || (!state.dirty && !state.sending && from !== state.drawnFrom && state.drawnFrom !== '')) {
    renderOpen(view);
    if (fresh) $('cr-title').focus();
  }
}

const screen = {
  name: 'coder-review',
  label: 'Coder review',
  roles: ['coder', 'supervisor'],
  mount(root) {
    state.root = root;
    root.classList.add('split');
    fill(
      root,
      el(
        'section',
        { 'aria-labelledby': 'cr-list-title' },
        el('h2', { id: 'cr-list-title' }, 'Waiting for a coder'),
        el('div', { id: 'cr-list' }),
      ),
      el('section', { id: 'cr-detail', 'aria-label': 'The encounter under review' }),
    );
  },
  /** `rest` is an encounter id (#/coder-review/<id>) or ''. */
  show(rest) {
    const id = rest === '' ? null : decodeURIComponent(rest);
    if (id === state.openId) return;
    Object.assign(state, { openId: id, view: null, drawnFrom: '', dirty: false, retry: null });
    fill($('cr-detail'), id === null ? el('p', { className: 'muted' }, 'Open an encounter from the list.') : null);
  },
  refresh: () => Promise.all([loadList(), loadOpen()]),
  reset() {
    Object.assign(state, { openId: null, view: null, drawnFrom: '', dirty: false, retry: null });
    if (state.root !== null) {
      fill($('cr-list'));
      fill($('cr-detail'));
    }
  },
};

export default screen;
