/**
 * What a biller does from a patient question besides answering it: an adjustment or write-off of
 * what the patient owes (with the reason the patient reads), a payment plan, and the claim sent
 * back to the insurer through the encounter's denial path (these two with the answer the patient
 * reads, one Idempotency-Key per question and action until it succeeds). Used by
 * patient-questions.js for the open question.
 */
import { dollars } from '../lib/format.js';
import { el, fill } from '../ui/dom.js';
import { api, handleError, refreshNow } from '../ui/session.js';

export function adjustmentForm(detail) {
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
            { onPending },
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

export function paymentPlanForm(detail) {
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

export function claimForm(detail) {
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
