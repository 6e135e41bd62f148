/**
 * Patient questions (billers, supervisors): the worklist of open questions, oldest first, late
 * ones flagged; one question beside it with the bill as the patient sees it, the encounter, the
 * claim, the codes with their rationale and the conversation; the answer form (with the itemized
 * bill), an adjustment or write-off with a reason, a payment plan, and the claim sent back to the
 * insurer through the encounter's denial path (each with the answer the patient reads; those
 * forms are in question-actions.js).
 * #/questions/<id> opens one.
 */
import { dollars } from '../lib/format.js';
import { el, fill, facts, section, time } from '../ui/dom.js';
import { api, handleError, refreshNow } from '../ui/session.js';
import { adjustmentForm, claimForm, paymentPlanForm } from './question-actions.js';

const state = { root: null, status: 'open', openId: null, detail: null, draft: { text: '', itemized: false } };

function worklistTable(items) {
  if (items.length === 0) return el('p', { className: 'muted' }, state.status === 'open' ? 'No open questions.' : 'No questions.');
  return el(
    'table',
    { className: 'rows' },
    el('caption', { className: 'visually-hidden' }, 'Patient questions, oldest first'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['Question', 'Statement', 'Asked', 'Due', 'Status'].map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      items.map((q) =>
        el(
          'tr',
          { className: q.overdue ? 'overdue' : undefined, 'data-question-id': q.id },
          el(
            'td',
            {},
            el('a', { href: `#/questions/${q.id}` }, q.categoryLabel),
            el('div', { className: 'muted' }, q.lastMessage.slice(0, 80)),
          ),
          el('td', {}, q.statementNumber, el('div', { className: 'muted' }, dollars(q.amountDueCents))),
          el('td', {}, time(q.askedAt, { short: true })),
          el('td', {}, time(q.dueAt, { short: true })),
          el(
            'td',
            {},
            q.status === 'answered'
              ? 'Answered'
              : q.overdue
                ? el('strong', { className: 'late' }, q.escalatedAt ? 'Late, escalated' : 'Late')
                : 'Open',
          ),
        ),
      ),
    ),
  );
}

function conversation(question) {
  return el(
    'ol',
    { className: 'conversation' },
    question.messages.map((m) =>
      el(
        'li',
        { className: m.from === 'patient' ? 'from-patient' : 'from-office' },
        el('strong', {}, m.from === 'patient' ? 'Patient' : 'Billing office'),
        ' ',
        time(m.at, { short: true }),
        el('p', {}, m.body),
        m.attachment ? el('p', { className: 'muted' }, 'Itemized bill attached') : null,
      ),
    ),
  );
}

function answerForm(question) {
  // The draft outlives the 5-second redraws of the panel.
  const text = el('textarea', { id: 'answer-text', rows: '4', required: 'required', oninput: () => (state.draft.text = text.value) });
  text.value = state.draft.text;
  const itemized = el('input', { id: 'answer-itemized', type: 'checkbox', onchange: () => (state.draft.itemized = itemized.checked) });
  itemized.checked = state.draft.itemized;
  return el(
    'form',
    {
      id: 'answer-form',
      onsubmit: async (event) => {
        event.preventDefault();
        if (text.value.trim() === '') return text.focus();
        try {
          await api.answerPatientQuestion(question.id, { text: text.value.trim(), attachItemizedBill: itemized.checked });
          state.draft = { text: '', itemized: false };
          await refreshNow();
        } catch (error) {
          handleError(error);
        }
      },
    },
    el('label', { for: 'answer-text' }, 'Answer the patient (they read it on their page)'),
    text,
    el('label', { className: 'inline' }, itemized, ' Attach the itemized bill'),
    el('button', { type: 'submit' }, 'Send answer'),
  );
}

function renderDetail(detail) {
  const { question, bill, encounter, claim } = detail;
  return el(
    'div',
    { id: 'question-detail' },
    el('h3', {}, `${question.categoryLabel} — statement ${bill.statementNumber}`),
    facts([
      ['Status', question.status === 'answered' ? 'Answered' : question.overdue ? 'Late' : 'Open'],
      ['Asked', time(question.askedAt)],
      ['Answer due', time(question.dueAt)],
      [
        'Line',
        question.lineNumber === null ? 'Whole statement' : `${question.lineNumber}. ${bill.services[question.lineNumber - 1]?.words ?? ''}`,
      ],
      ['Patient owes', dollars(detail.statement.patientOwesCents)],
      [
        'Encounter',
        el('a', { href: `#/encounters/${encounter.id}` }, `${encounter.dateOfService} · ${encounter.physicianName} · ${encounter.payerId}`),
      ],
      [
        'Claim',
        `${claim.claimNumber} (${claim.status}${claim.ackStatus ? `, ${claim.ackStatus}` : ''}) ${dollars(claim.totalChargeCents)}`,
      ],
    ]),
    section('Conversation', conversation(question)),
    question.status === 'open' ? section('Answer', answerForm(question)) : null,
    section(
      'Codes and rationale',
      el(
        'ul',
        {},
        detail.codes.map((c) => el('li', {}, el('strong', {}, c.code), ` ${c.description} — ${c.rationale}`)),
      ),
    ),
    section(
      'The bill as the patient reads it',
      el(
        'ul',
        {},
        bill.services.map((s) => el('li', {}, `${s.lineNumber}. ${s.words}: ${dollars(s.chargeCents)}`)),
        bill.adjustments.map((a) => el('li', {}, `${a.label}: ${dollars(a.amountCents)}${a.reason ? ` (${a.reason})` : ''}`)),
      ),
    ),
    section('Adjust or write off', adjustmentForm(detail)),
    question.status === 'open' ? section('Set up a payment plan', paymentPlanForm(detail)) : null,
    question.status === 'open' ? section('Send the claim back to the insurer', claimForm(detail)) : null,
  );
}

async function load() {
  const list = await api.patientQuestions(state.status);
  fill(state.root.querySelector('#question-rows'), worklistTable(list.items));
  const panel = state.root.querySelector('#question-panel');
  if (state.openId === null) return fill(panel);
  if (panel.contains(document.activeElement) && document.activeElement?.closest('form')) return; // not under the biller's typing
  state.detail = await api.patientQuestion(state.openId);
  fill(panel, renderDetail(state.detail));
}

const screen = {
  name: 'questions',
  label: 'Patient questions',
  roles: ['biller', 'supervisor'],
  mount(root) {
    state.root = root;
    const filter = el(
      'select',
      {
        id: 'question-status',
        onchange: () => {
          state.status = filter.value;
          void refreshNow();
        },
      },
      el('option', { value: 'open' }, 'Open'),
      el('option', { value: 'answered' }, 'Answered'),
      el('option', { value: 'all' }, 'All'),
    );
    fill(
      root,
      el('h2', {}, 'Patient questions'),
      el('div', { className: 'controls' }, el('label', { for: 'question-status' }, 'Show'), filter),
      el('div', { id: 'question-rows' }),
      el('div', { id: 'question-panel', 'aria-live': 'polite' }),
    );
  },
  show(rest) {
    const id = rest === '' ? null : decodeURIComponent(rest);
    if (id !== state.openId) state.draft = { text: '', itemized: false };
    state.openId = id;
  },
  refresh: () => load().catch((error) => handleError(error, 'refresh')),
  reset() {
    state.openId = null;
    state.detail = null;
    if (state.root) fill(state.root.querySelector('#question-rows'));
  },
};

export default screen;
