/**
 * The coder's code override form (coders, in the stages that take one): prefilled with the current
 * codes, refilled when they change unless the coder is editing (then a "codes changed" notice),
 * errors from the page or the API next to their inputs, one Idempotency-Key per body so a retry is
 * not applied twice, and the workflow's outcome (applied or rejected) once its flags say so.
 *
 * Over 300 lines: it is one form with its rows, errors, retry key and outcome; split further, each
 * part would need the others' state.
 */
import { ApiError } from '../lib/api-client.js';
import {
  buildOverrideBody,
  flagKind,
  newIdempotencyKey,
  overrideErrorTarget,
  overrideErrorsByInput,
  overrideFieldLabel,
  overrideRowsFromCodes,
} from '../lib/override-body.js';
import { offersCodeOverride } from '../lib/roles.js';
import { CODE_OVERRIDE_STAGES } from '../lib/stages.js';
import { codeField } from '../ui/code-field.js';
import { $, el, fill, time } from '../ui/dom.js';
import { api, handleError, refreshNow, session, showProblem, viewerRole } from '../ui/session.js';
import { selection } from './selection.js';

const override = {
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
};

/** How many of this encounter's flags were there before this page sent an override (Infinity: none sent). */
export function flagsBeforeOverride(encounterId) {
  const watch = override.watch;
  return watch !== null && watch.encounterId === encounterId ? watch.flagsBefore : Infinity;
}

/** The id of an override form input from its field key: `diagnoses.0.code` → `ovr-diagnoses-0-code`. */
const inputId = (key) => `ovr-${key.replaceAll('.', '-')}`;

export function resetOverride() {
  Object.assign(override, { filledFrom: '', dirty: false, retryKey: null, retryBody: null, watch: null, outcomeKey: '' });
  $('override-outcome').hidden = true;
  $('override-outcome').replaceChildren();
  $('override-stale').hidden = true;
  showOverrideErrors([], null);
}

/** Shows or hides the form for this encounter; refills it when the codes changed and the person has not edited it. */
export function renderOverride(view) {
  const role = viewerRole();
  const offered = offersCodeOverride(role, view.stage);
  $('override-form').hidden = !offered;
  $('override-coders-only').hidden = !(role === 'supervisor' && CODE_OVERRIDE_STAGES.includes(view.stage));
  const from = `${view.id}:${view.codes?.revision ?? 0}`;
  if (offered && from !== override.filledFrom) {
    if (override.dirty && override.filledFrom.startsWith(`${view.id}:`)) {
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
  override.filledFrom = `${view.id}:${view.codes?.revision ?? 0}`;
  override.dirty = false;
  $('override-stale').hidden = true;
  showOverrideErrors([], null);
}

/** One text input of a row, with its (visually hidden) label and its error messages. */
function overrideInput(key, label, value, errorsByKey, { size = 9, numeric = false, placeholder } = {}) {
  return codeField(inputId(key), key, label, value, errorsByKey.get(key) ?? [], {
    size,
    numeric,
    hiddenLabel: true,
    autocapitalize: numeric ? undefined : 'characters',
    placeholder,
  });
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
        el(
          'td',
          {},
          overrideInput(`diagnoses.${i}.code`, `Diagnosis ${i + 1} code (ICD-10-CM)`, d.code, errorsByKey, { placeholder: 'e.g. E11.9' }),
        ),
        el(
          'td',
          {},
          removeButton(`Remove diagnosis ${i + 1}`, () => removeRow('diagnoses', i)),
        ),
      ),
    ),
  );
  $('override-procedures').replaceChildren(
    ...rows.procedures.map((p, i) =>
      el(
        'tr',
        {},
        el('td', { className: 'number' }, String(i + 1)),
        el(
          'td',
          {},
          overrideInput(`procedures.${i}.code`, `Procedure ${i + 1} code (CPT or HCPCS)`, p.code, errorsByKey, {
            size: 7,
            placeholder: 'e.g. 99213',
          }),
        ),
        el(
          'td',
          {},
          overrideInput(`procedures.${i}.units`, `Procedure ${i + 1} units`, p.units, errorsByKey, {
            size: 3,
            numeric: true,
            placeholder: '1',
          }),
        ),
        el(
          'td',
          {},
          overrideInput(`procedures.${i}.modifiers`, `Procedure ${i + 1} modifiers`, p.modifiers, errorsByKey, {
            size: 8,
            placeholder: 'e.g. 25, 59',
          }),
        ),
        el(
          'td',
          {},
          overrideInput(`procedures.${i}.diagnosisPointers`, `Procedure ${i + 1} diagnosis pointers`, p.diagnosisPointers, errorsByKey, {
            size: 8,
            numeric: true,
            placeholder: 'e.g. 1, 2',
          }),
        ),
        el(
          'td',
          {},
          removeButton(`Remove procedure ${i + 1}`, () => removeRow('procedures', i)),
        ),
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
  override.dirty = true;
  document.getElementById(inputId(`${list}.${rows[list].length - 1}.code`))?.focus();
}

function removeRow(list, index) {
  const rows = readOverrideForm();
  rows[list].splice(index, 1);
  renderOverrideRows(rows);
  override.dirty = true;
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
      input !== null
        ? el('button', { type: 'button', className: 'link', onclick: () => input.focus() }, name)
        : el('code', {}, error.field),
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
  const watch = override.watch;
  if (watch === null || watch.encounterId !== view.id) {
    box.hidden = true;
    return;
  }
  const added = (view.status.flags ?? []).slice(watch.flagsBefore);
  const kinds = added.map(flagKind);
  const outcome = kinds.includes('rejected') ? 'rejected' : kinds.includes('applied') ? 'applied' : 'pending';
  const key = `${outcome}:${added.join('\n')}`;
  if (key === override.outcomeKey && !box.hidden) return; // unchanged: keep focus where it is
  override.outcomeKey = key;
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
    added.length > 0
      ? el(
          'ul',
          {},
          added.map((flag) => el('li', { className: flagKind(flag) }, flag)),
        )
      : null,
    el(
      'button',
      {
        type: 'button',
        className: 'dismiss',
        onclick: () => {
          override.watch = null;
          box.hidden = true;
          $('override-submit').focus();
          void refreshNow();
        },
      },
      'Dismiss',
    ),
  );
  box.hidden = false;
}

/** Wires the form's buttons (once, when the encounter screen is mounted). */
export function wireOverride() {
  $('override-form').addEventListener('input', () => {
    override.dirty = true;
  });
  $('add-diagnosis').addEventListener('click', () => addRow('diagnoses'));
  $('add-procedure').addEventListener('click', () => addRow('procedures'));
  for (const id of ['override-discard', 'override-reload']) {
    $(id).addEventListener('click', () => {
      if (selection.view === null || selection.view.id !== selection.id) return;
      fillOverride(selection.view);
      document.getElementById(inputId('diagnoses.0.code'))?.focus();
    });
  }

  $('override-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = selection.id;
    if (id === null || override.sending) return;
    const { body, errors } = buildOverrideBody(readOverrideForm());
    if (errors.length > 0) {
      showOverrideErrors(errors, { title: 'Check the codes', status: 0, detail: 'Nothing was sent.' });
      return;
    }
    // A new key for each new submit; the same key when re-sending a body that got no answer (the
    // first attempt may have reached the API: the repeat then gets its answer, and is not applied twice).
    const bodyText = JSON.stringify(body);
    const key = override.retryBody === bodyText && override.retryKey !== null ? override.retryKey : newIdempotencyKey();
    Object.assign(override, { retryKey: key, retryBody: bodyText, sending: true });
    const flagsBefore = selection.view?.id === id ? (selection.view.status.flags?.length ?? 0) : 0;
    $('override-submit').disabled = true;
    $('action-result').textContent = 'Sending the codes…';
    const sentAt = new Date().toISOString();
    // A 202: the workflow accepted the codes and is still checking them; the outcome box says pending until it is known.
    const onPending = () => {
      override.watch = { encounterId: id, flagsBefore, sentAt };
      $('action-result').textContent = 'Codes sent: pending. The workflow accepted them and is still applying them…';
      if (selection.view?.id === id) renderOverrideOutcome(selection.view);
    };
    try {
      await api.overrideCodes(id, body, { idempotencyKey: key, onPending });
      Object.assign(override, {
        retryKey: null,
        retryBody: null,
        dirty: false,
        watch: { encounterId: id, flagsBefore, sentAt },
      });
      $('action-result').textContent = 'Codes sent: the workflow applied them.';
      showOverrideErrors([], null);
      if (session.problemSource === 'action') showProblem(null);
      if (selection.view?.id === id) renderOverrideOutcome(selection.view);
      $('override-outcome').scrollIntoView({ block: 'nearest' });
    } catch (error) {
      // Refused while pending: shown as the API's answer would have been had it waited (the same 422).
      override.watch = null;
      $('override-outcome').hidden = true;
      $('action-result').textContent = 'Codes not sent (see the form).';
      if (error instanceof ApiError && error.status === 401) handleError(error);
      const problem =
        error instanceof ApiError
          ? error.problem
          : { title: 'Something went wrong in the page', status: 0, detail: String(error?.message ?? error), errors: [] };
      showOverrideErrors(problem.errors, problem);
      return;
    } finally {
      override.sending = false;
      $('override-submit').disabled = false;
    }
    await refreshNow();
  });
}
