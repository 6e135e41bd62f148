/**
 * Patient questions (billers, supervisors): the worklist of open questions, oldest first, late
 * ones flagged; one question beside it with the bill as the patient sees it, the encounter, the
 * claim, the codes with their rationale and the conversation; the answer form (with the itemized
 * bill), an adjustment or write-off with a reason, a payment plan, and the claim sent back to the
 * insurer through the encounter's denial path (each with the answer the patient reads).
 * #/questions/<id> opens one.
 */
import { dollars } from '../lib/format.js';
import { el, fill, facts, section, time } from '../ui/dom.js';
import { api, handleError, refreshNow } from '../ui/session.js';

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

function adjustmentForm(detail) {
  const kind = el(
    'select',
    { id: 'adjust-kind' },
    el('option', { value: 'adjustment' }, 'Adjustment'),
    el('option', { value: 'write_off' }, 'Write-off'),
  );
  const amount = el('input', { id: 'adjust-amount', type: 'number', min: '0.01', step: '0.01', inputmode: 'decimal' });
  const reason = el('input', { id: 'adjust-reason', type: 'text' });
  return el(
    'form',
    {
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          const result = await api.adjustStatement(detail.statement.id, {
            kind: kind.value,
            amountCents: Math.round(Number(amount.value) * 100),
            reason: reason.value.trim(),
            questionId: detail.question.id,
          });
          fill(
            document.getElementById('adjust-result') ?? el('p'),
            result.status === 'applied' ? 'Applied.' : 'Waiting for a supervisor’s approval.',
          );
          await refreshNow();
        } catch (error) {
          handleError(error);
        }
      },
    },
    el('label', { for: 'adjust-kind' }, 'Kind'),
    kind,
    el('label', { for: 'adjust-amount' }, 'Amount ($)'),
    amount,
    el('label', { for: 'adjust-reason' }, 'Reason (the patient reads it)'),
    reason,
    el('button', { type: 'submit' }, 'Adjust'),
    el('p', { id: 'adjust-result', role: 'status' }),
  );
}

/** One Idempotency-Key per question and action until it succeeds, so a double click or a retry acts once. */
const actionKeys = new Map();
function actionKey(questionId, kind) {
  const name = `${questionId}:${kind}`;
  if (!actionKeys.has(name)) actionKeys.set(name, `${kind}-${crypto.randomUUID()}`);
  return actionKeys.get(name);
}

/** A form of the question's actions: fields, then the answer the patient reads, then the button. */
function actionForm(detail, kind, { fields, answer, button, body }) {
  const id = `${kind}-answer`;
  const text = el('textarea', { id, rows: '3', required: 'required' });
  text.value = answer;
  const result = el('p', { id: `${kind}-result`, role: 'status' });
  return el(
    'form',
    {
      id: `${kind}-form`,
      onsubmit: async (event) => {
        event.preventDefault();
        if (text.value.trim() === '') return text.focus();
        // The claim sent back through the encounter's denial path may still be being taken (202 link): pending until it is.
        const onPending = () => fill(result, 'Pending: the encounter’s workflow is still taking the claim back…');
        try {
          await api.questionAction(
            detail.question.id,
            kind,
            { ...body(), answer: text.value.trim() },
            actionKey(detail.question.id, kind),
            {
              onPending,
            },
          );
          actionKeys.delete(`${detail.question.id}:${kind}`);
          fill(result, 'Done; the patient reads the answer on their page.');
          await refreshNow();
        } catch (error) {
          handleError(error);
        }
      },
    },
    ...fields,
    el('label', { for: id }, 'Answer the patient (they read it on their page)'),
    text,
    el('button', { type: 'submit' }, button),
    result,
  );
}

function paymentPlanForm(detail) {
  if (detail.paymentPlan) {
    return el(
      'p',
      {},
      `A payment plan runs: ${detail.paymentPlan.installments} installments, ${dollars(detail.paymentPlan.totalCents)} in all.`,
    );
  }
  const count = el('input', { id: 'plan-installments', type: 'number', min: '2', max: '24', step: '1', value: '3', inputmode: 'numeric' });
  const first = el('input', { id: 'plan-first-due', type: 'date', required: 'required' });
  const next = new Date(Date.now() + 30 * 86_400_000);
  first.value = next.toISOString().slice(0, 10);
  const interval = el('input', { id: 'plan-interval', type: 'number', min: '7', max: '62', step: '1', value: '30', inputmode: 'numeric' });
  return actionForm(detail, 'plan', {
    fields: [
      el('label', { for: 'plan-installments' }, 'Installments'),
      count,
      el('label', { for: 'plan-first-due' }, 'First payment due'),
      first,
      el('label', { for: 'plan-interval' }, 'Days between payments'),
      interval,
    ],
    answer: 'We set up a payment plan for what you owe: equal monthly payments. We will remind you before each one.',
    button: 'Set up the plan',
    body: () => ({ installments: Number(count.value), firstDueDate: first.value, intervalDays: Number(interval.value) }),
  });
}

function claimForm(detail) {
  const open = detail.denials.filter((d) => d.status === 'open');
  const reason = el('input', { id: 'claim-reason', type: 'text' });
  return actionForm(detail, 'claim', {
    fields: [
      open.length === 0
        ? el(
            'p',
            { className: 'muted' },
            'No denied line is open on this claim; the insurer’s workflow will say why it cannot take it back.',
          )
        : el(
            'ul',
            {},
            open.map((d) => el('li', {}, `Line ${d.lineNumber} ${d.code}: ${d.reasons[0] ?? 'denied'}`)),
          ),
      el('label', { for: 'claim-reason' }, 'What to correct (for the insurer)'),
      reason,
    ],
    answer: 'We sent your claim back to your insurance company to look at again. We will send you a new statement when they answer.',
    button: 'Resubmit a corrected claim',
    body: () => ({ action: 'resubmit', ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) }),
  });
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
