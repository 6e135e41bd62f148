/**
 * The physician's inbox (#/inbox): the queries waiting for the signed-in physician, past due
 * first and then the earliest due, each with the question, the clinical indicators quoted from
 * the record, the options and free text ("Other" needs text), the due time and the reminders
 * sent. Answering takes two clicks: the option, then "Send answer". Below, what was answered.
 *
 * The 5-second refresh keeps each query's card (and what the physician chose in it) unless the
 * query itself changed.
 */
import { ApiError } from '../lib/api-client.js';
import { buildAnswerBody, OTHER_OPTION } from '../lib/clarifications.js';
import { newIdempotencyKey } from '../lib/override-body.js';
import { $, el, fill, table, time } from '../ui/dom.js';
import { api, handleError, showProblem } from '../ui/session.js';

const inbox = {
  /** Query id → { key, node }: the cards drawn, so a refresh keeps the ones that did not change. */
  cards: new Map(),
  /** Query id → the Idempotency-Key of an answer that got no reply (a retry reuses it). */
  retryKeys: new Map(),
};

/** What makes a card stale: anything the physician reads on it. */
const cardKey = (q) => [q.status, q.dueAt, q.remindersSent, q.question, q.options.join('|'), q.clinicalIndicators.join('|')].join('#');

function dueLine(q) {
  const late = q.status === 'escalated' || Date.parse(q.dueAt) < Date.now();
  return el(
    'p',
    { className: late ? 'due late' : 'due' },
    late ? el('strong', {}, 'Past due: ') : 'Due ',
    time(q.dueAt),
    ` · asked `,
    time(q.askedAt, { short: true }),
    ` · ${q.remindersSent} reminder${q.remindersSent === 1 ? '' : 's'} sent`,
  );
}

function answerForm(q) {
  const base = `answer-${q.id}`;
  const errorId = `${base}-error`;
  const textId = `${base}-text`;
  const form = el('form', { className: 'answer', novalidate: true, 'aria-label': `Answer the query for encounter ${q.clinicEncounterId}` });
  const freeText = el('textarea', { id: textId, rows: 2, maxlength: 5000, 'aria-describedby': `${textId}-hint` });
  const error = el('p', { id: errorId, className: 'field-error', role: 'alert', hidden: true });
  const send = el('button', { type: 'submit', className: 'primary' }, 'Send answer');
  form.append(
    el(
      'fieldset',
      {},
      el('legend', {}, 'Your answer'),
      q.options.map((option, i) =>
        el(
          'div',
          { className: 'option' },
          el('input', { type: 'radio', name: base, id: `${base}-${i}`, value: option }),
          el('label', { for: `${base}-${i}` }, option),
        ),
      ),
    ),
    el(
      'div',
      { className: 'field' },
      el('label', { for: textId }, 'In your words'),
      freeText,
      el('span', { id: `${textId}-hint`, className: 'hint' }, `Required with "${OTHER_OPTION}"; optional otherwise.`),
    ),
    error,
    el('div', { className: 'buttons' }, send),
  );
  const showError = (message, focus) => {
    error.textContent = message;
    error.hidden = message === '';
    if (message !== '') focus?.focus();
    freeText.toggleAttribute('aria-invalid', message !== '' && focus === freeText);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const option = form.querySelector(`input[name="${CSS.escape(base)}"]:checked`)?.value ?? '';
    const { body, errors } = buildAnswerBody({ option, freeText: freeText.value });
    if (errors.length > 0) {
      showError(
        errors.map((e) => e.message).join(' '),
        errors[0].field === 'freeText' ? freeText : form.querySelector('input[type="radio"]'),
      );
      return;
    }
    showError('');
    const key = inbox.retryKeys.get(q.id) ?? newIdempotencyKey();
    inbox.retryKeys.set(q.id, key);
    send.disabled = true;
    send.textContent = 'Sending…';
    try {
      // A 202 is followed until the workflow took the answer (or refused it: shown like a 422 at once).
      const onPending = () => {
        send.textContent = 'Pending…';
        showError('');
      };
      await api.answerClarification(q.id, body, { idempotencyKey: key, onPending });
      inbox.retryKeys.delete(q.id);
      showProblem(null);
      const card = inbox.cards.get(q.id)?.node;
      if (card)
        fill(
          card,
          el('h3', {}, `Encounter ${q.clinicEncounterId}`),
          el('p', { className: 'outcome applied', role: 'status' }, 'Answer sent. Thank you: coding goes on with it.'),
        );
      void load();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
        showError(
          `${error.problem.detail}${error.problem.errors.length > 0 ? ` (${error.problem.errors.map((e) => e.message).join('; ')})` : ''}`,
          freeText,
        );
      } else {
        handleError(error);
      }
      send.disabled = false;
      send.textContent = 'Send answer';
    }
  });
  return form;
}

function card(q) {
  return el(
    'article',
    { className: `card query${q.status === 'escalated' ? ' escalated' : ''}`, 'aria-labelledby': `q-${q.id}-title`, 'data-query-id': q.id },
    el(
      'h3',
      { id: `q-${q.id}-title` },
      `Encounter ${q.clinicEncounterId}`,
      q.status === 'escalated' ? [' ', el('span', { className: 'stage stage-escalated' }, 'Escalated')] : null,
    ),
    dueLine(q),
    el('p', { className: 'question' }, q.question),
    q.clinicalIndicators.length > 0
      ? [
          el('h4', {}, 'Clinical indicators (quoted from the record)'),
          el(
            'ul',
            { className: 'indicators' },
            q.clinicalIndicators.map((i) => el('li', {}, el('q', {}, i))),
          ),
        ]
      : null,
    answerForm(q),
  );
}

function renderOpen(items) {
  const list = $('inbox-open');
  const seen = new Set();
  const nodes = items.map((q) => {
    seen.add(q.id);
    const drawn = inbox.cards.get(q.id);
    if (drawn !== undefined && drawn.key === cardKey(q)) return drawn.node;
    const node = card(q);
    inbox.cards.set(q.id, { key: cardKey(q), node });
    return node;
  });
  for (const id of [...inbox.cards.keys()]) if (!seen.has(id)) inbox.cards.delete(id);
  // Append in order; nodes already in place stay (focus and choices survive).
  nodes.forEach((node, i) => {
    if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null);
  });
  while (list.children.length > nodes.length) list.lastElementChild.remove();
  $('inbox-empty').hidden = items.length > 0;
  $('inbox-count').textContent = items.length === 0 ? '' : ` (${items.length})`;
}

function renderHistory(items) {
  fill(
    $('inbox-history'),
    items.length === 0
      ? el('p', { className: 'muted' }, 'Nothing answered yet.')
      : table(
          'Answered and withdrawn queries, newest first',
          ['Encounter', 'Question', 'Answer', 'When'],
          items.map((q) => [
            q.clinicEncounterId,
            q.question,
            q.status === 'answered'
              ? [q.answer?.option ?? '', q.answer?.freeText ? [el('br'), el('span', { className: 'muted' }, q.answer.freeText)] : null]
              : el('span', { className: 'muted' }, 'Withdrawn (no answer needed)'),
            time(q.answer?.at ?? q.dueAt, { short: true }),
          ]),
        ),
  );
}

async function load() {
  const [open, closed] = await Promise.all([
    api.clarifications({ physician: 'me', state: 'open' }),
    api.clarifications({ physician: 'me', state: 'closed', limit: 20 }),
  ]);
  renderOpen(open.items);
  renderHistory(closed.items);
}

export default {
  name: 'inbox',
  label: 'My queries',
  roles: ['physician'],
  mount(root) {
    root.append(
      el(
        'section',
        { 'aria-labelledby': 'inbox-title' },
        el('h2', { id: 'inbox-title' }, 'Queries waiting for your answer', el('span', { id: 'inbox-count' })),
        el('p', { className: 'hint' }, 'Past due first, then the earliest due. Choose an answer and send it.'),
        el('div', { id: 'inbox-open', className: 'queries' }),
        el('p', { id: 'inbox-empty', className: 'muted', hidden: true }, 'No query is waiting for you.'),
      ),
      el(
        'section',
        { 'aria-labelledby': 'inbox-history-title' },
        el('h2', { id: 'inbox-history-title' }, 'Answered'),
        el('div', { id: 'inbox-history' }),
      ),
    );
  },
  show() {},
  refresh: load,
  reset() {
    inbox.cards.clear();
    inbox.retryKeys.clear();
    $('inbox-open').replaceChildren();
    $('inbox-history').replaceChildren();
  },
};
