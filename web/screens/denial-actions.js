/**
 * The biller's action on an encounter's open denials (POST /encounters/:id/denials/actions):
 * resubmit a corrected replacement claim (modifiers per code), appeal with a document (uploaded
 * first with POST /encounters/:id/attachments, then named by id) and a reason, or write off with
 * a reason. Each error is shown next to its field (the page's own checks first, then what the API
 * says); the form is the same element across the view's 5-second redraws, so nothing typed or
 * chosen is lost, and the outcome stays shown after the denials are no longer open.
 */
import { ApiError } from '../lib/api-client.js';
import { el } from '../ui/dom.js';
import { fieldError, setError } from '../ui/form-errors.js';
import { api, refreshNow } from '../ui/session.js';

const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'];
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MODIFIER = /^[0-9A-Z]{2}$/;

const ACTIONS = {
  resubmit: { label: 'Resubmit a corrected claim', submit: 'Resubmit the corrected claim', reason: 'Note for the record (optional)' },
  appeal: { label: 'Appeal with a document', submit: 'File the appeal', reason: 'Why the payer should pay (sent with the appeal)' },
  write_off: { label: 'Write off', submit: 'Write off the denied lines', reason: 'Reason for the write-off' },
};

const DONE = {
  resubmit: 'Corrected claim sent for resubmission.',
  appeal: 'Appeal filed with the payer.',
  write_off: 'Denied lines written off.',
};

/** The form on show (kept across redraws while the same denials are open) and the last outcome per encounter. */
const kept = { key: '', form: null };
const outcomes = new Map();

/** "Appeal filed …" after an action on this encounter's denials, or null. */
export function denialActionOutcome(encounterId) {
  const text = outcomes.get(encounterId);
  return text ? el('p', { className: 'outcome applied', role: 'status', id: 'denial-action-outcome', tabindex: '-1' }, text) : null;
}

/** True while the biller is in the form: the view is not redrawn under their hands. */
export function denialFormInUse() {
  return kept.form !== null && kept.form.isConnected && kept.form.contains(document.activeElement);
}

/** The modifiers typed for each code: { corrections, problems: [{ code, message }] }. */
function readCorrections(inputs) {
  const corrections = [];
  const problems = [];
  for (const [code, input] of inputs) {
    const text = input.value.trim().toUpperCase();
    if (text === '') continue;
    const modifiers = text.split(/[\s,]+/).filter(Boolean);
    if (modifiers.length > 4 || modifiers.some((m) => !MODIFIER.test(m))) {
      problems.push({ code, message: 'Up to four modifiers of two letters or digits, e.g. 25 or 25, 59' });
    } else corrections.push({ code, modifiers });
  }
  return { corrections, problems };
}

export function denialActionsForm(view, open) {
  const key = `${view.id}:${open.map((d) => d.id).join(',')}`;
  if (kept.key === key && kept.form !== null) return kept.form;

  const idKey = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).toString();
  let requestKey = idKey();
  const radios = Object.entries(ACTIONS).map(([value, a]) =>
    el('label', { className: 'option' }, el('input', { type: 'radio', name: 'denial-action', value }), a.label),
  );
  radios.forEach((label) => (label.querySelector('input').checked = label.querySelector('input').value === 'appeal'));
  const codes = [...new Set(open.map((d) => d.code))];
  const correctionInputs = new Map(
    codes.map((code) => [
      code,
      el('input', {
        id: `denial-modifiers-${code}`,
        type: 'text',
        size: '10',
        spellcheck: 'false',
        'aria-describedby': 'denial-corrections-error',
      }),
    ]),
  );
  const correctionsError = fieldError('denial-corrections-error');
  const reason = el('textarea', { id: 'denial-reason', rows: '3', maxlength: '2000', 'aria-describedby': 'denial-reason-error' });
  const reasonLabel = el('label', { for: 'denial-reason' });
  const reasonError = fieldError('denial-reason-error');
  const file = el('input', {
    id: 'denial-document',
    type: 'file',
    accept: DOCUMENT_TYPES.join(','),
    'aria-describedby': 'denial-document-hint denial-document-error',
  });
  const fileError = fieldError('denial-document-error');
  const formError = el('p', { className: 'field-error', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', className: 'primary' });

  const correctionsField = el(
    'div',
    { className: 'field' },
    codes.map((code) => [
      el('label', { for: `denial-modifiers-${code}` }, `Modifiers for ${code} on the corrected claim`),
      correctionInputs.get(code),
    ]),
    correctionsError,
  );
  const documentField = el(
    'div',
    { className: 'field' },
    el('label', { for: 'denial-document' }, 'Appeal document'),
    file,
    el('span', { id: 'denial-document-hint', className: 'hint' }, 'PDF, PNG, JPEG or TIFF, at most 5 MB'),
    fileError,
  );
  const chosen = () => radios.map((l) => l.querySelector('input')).find((i) => i.checked)?.value ?? 'appeal';
  const showFields = () => {
    const action = chosen();
    correctionsField.hidden = action !== 'resubmit';
    documentField.hidden = action !== 'appeal';
    reasonLabel.textContent = ACTIONS[action].reason;
    submit.textContent = ACTIONS[action].submit;
  };
  const clearErrors = () => {
    setError(reason, reasonError, '');
    setError(file, fileError, '');
    for (const input of correctionInputs.values()) setError(input, correctionsError, '');
    formError.hidden = true;
  };

  /** Puts an API refusal next to the field it is about (the whole form's error otherwise). */
  const showApiError = (error, uploading) => {
    const problem = error instanceof ApiError ? error.problem : { detail: String(error?.message ?? error), errors: [] };
    const text = problem.errors.length > 0 ? problem.errors.map((e) => e.message).join('; ') : problem.detail;
    const fields = problem.errors.map((e) => e.field).join(' ');
    if (uploading || /attachment|document/i.test(`${fields} ${problem.detail}`)) return setError(file, fileError, text);
    if (/reason/i.test(`${fields} ${problem.detail}`)) return setError(reason, reasonError, text);
    if (/correction|modifier/i.test(fields)) {
      for (const input of correctionInputs.values()) setError(input, correctionsError, text);
      return undefined;
    }
    formError.textContent = text;
    formError.hidden = false;
    return undefined;
  };

  const form = el(
    'form',
    {
      className: 'denial-actions',
      'aria-labelledby': 'denial-actions-title',
      novalidate: 'novalidate',
      onchange: (event) => {
        if (event.target.name === 'denial-action') {
          clearErrors();
          showFields();
        }
      },
      onsubmit: async (event) => {
        event.preventDefault();
        clearErrors();
        const action = chosen();
        const text = reason.value.trim();
        const { corrections, problems } = readCorrections(correctionInputs);
        const document_ = file.files?.[0];
        let invalid = null;
        if ((action === 'appeal' || action === 'write_off') && text === '') {
          setError(reason, reasonError, action === 'appeal' ? 'Say why the payer should pay.' : 'Say why it is written off.');
          invalid ??= reason;
        }
        if (action === 'appeal') {
          const problem =
            document_ === undefined
              ? 'Choose the document to send with the appeal.'
              : !DOCUMENT_TYPES.includes(document_.type)
                ? 'Only a PDF, PNG, JPEG or TIFF file is sent.'
                : document_.size > MAX_DOCUMENT_BYTES
                  ? 'The document is larger than 5 MB.'
                  : '';
          if (problem !== '') {
            setError(file, fileError, problem);
            invalid ??= file;
          }
        }
        if (action === 'resubmit' && problems.length > 0) {
          const input = correctionInputs.get(problems[0].code);
          setError(input, correctionsError, `${problems[0].code}: ${problems[0].message}`);
          invalid ??= input;
        }
        if (invalid !== null) return invalid.focus();

        submit.disabled = true;
        let uploading = false;
        try {
          const body = { action, ...(text !== '' ? { reason: text } : {}) };
          if (action === 'resubmit' && corrections.length > 0) body.corrections = corrections;
          if (action === 'appeal') {
            uploading = true;
            const stored = await api.uploadAttachment(view.id, document_, { idempotencyKey: `${requestKey}:document` });
            uploading = false;
            body.attachmentIds = [stored.id];
          }
          // A 202 is followed until the workflow took the action (or refused it, shown like the 409 at once).
          const onPending = () => {
            submit.textContent = 'Pending: the workflow is taking it…';
          };
          await api.denialAction(view.id, body, { idempotencyKey: requestKey, onPending });
          requestKey = idKey();
          outcomes.set(view.id, DONE[action]);
          kept.key = '';
          kept.form = null;
          await refreshNow();
          document.getElementById('denial-action-outcome')?.focus();
        } catch (error) {
          showApiError(error, uploading);
        } finally {
          submit.disabled = false;
          showFields();
        }
        return undefined;
      },
    },
    el('h4', { id: 'denial-actions-title' }, 'Act on the open denials'),
    el('fieldset', {}, el('legend', {}, 'What to do'), radios),
    correctionsField,
    documentField,
    el('div', { className: 'field' }, reasonLabel, reason, reasonError),
    el('div', { className: 'buttons' }, submit),
    formError,
  );
  showFields();
  kept.key = key;
  kept.form = form;
  return form;
}
