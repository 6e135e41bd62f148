/**
 * One statement's money on the Billing work screen's Payments tab (#/billing/payments/<statementId>):
 * its balance, a payment taken at the desk (amount, method, receipt number; the new balance shown
 * at once from the API's answer), the refunds its overpayments opened (completed with how the money
 * went back and its reference; above the approval amount by a supervisor), and its payments.
 *
 * The forms are built once per statement and kept across the screen's 5-second refresh: only the
 * balance, the lists and the refund forms of refunds that came or went are redrawn.
 *
 * Over 300 lines because the two forms (payment, refund) share the statement's state and its
 * redraw rule; each form is one function.
 */
import { ApiError } from '../lib/api-client.js';
import { dollars } from '../lib/format.js';
import { newIdempotencyKey } from '../lib/override-body.js';
import {
  balanceWords,
  centsFromDollars,
  DESK_PAYMENT_METHODS,
  deskPaymentInput,
  paymentMethodWords,
  REFUND_METHODS,
  refundInput,
  refundMethodWords,
} from '../lib/payments.js';
import { el, facts, fill, table, time } from '../ui/dom.js';
import { fieldError, setError } from '../ui/form-errors.js';
import { api, refreshNow, viewerRole } from '../ui/session.js';

const desk = {
  root: null,
  statementId: null,
  /** The worklist's item of the statement (number, encounter), when it is listed. */
  known: null,
  /** What was last drawn in each part, so a refresh redraws only what changed. */
  drawn: new Map(),
};

const PAYMENT_STATUS = { confirmed: 'Confirmed', pending: 'Waiting for the provider', failed: 'Failed' };

/** Redraws `node` with `build()` only when `key` differs from what it shows (keeps focus and typing). */
function redraw(node, key, build) {
  if (desk.drawn.get(node.id) === key) return;
  desk.drawn.set(node.id, key);
  fill(node, build());
}

/** Puts an API refusal next to the input it is about (`inputs`: name -> [input, error node]), else in the form's alert. */
function showApiError(error, inputs, inputFor, formError) {
  const problem = error instanceof ApiError ? error.problem : { title: 'Error', detail: String(error?.message ?? error), errors: [] };
  let first = null;
  const unplaced = [];
  for (const e of problem.errors) {
    const target = inputs[inputFor(e.field)];
    if (target === undefined) unplaced.push(e.message);
    else {
      setError(target[0], target[1], e.message);
      first ??= target[0];
    }
  }
  if (first === null || unplaced.length > 0) {
    formError.textContent = [problem.detail, ...unplaced].join(' ');
    formError.hidden = false;
  }
  first?.focus();
}

/** Runs `action` with the form's button disabled; a refusal goes to `onError`. */
async function sending(submit, action, onError) {
  submit.disabled = true;
  try {
    await action();
  } catch (error) {
    onError(error);
  } finally {
    submit.disabled = false;
  }
}

function clearErrors(inputs, formError) {
  for (const [input, node] of Object.values(inputs)) setError(input, node, '');
  formError.hidden = true;
}

function balanceFacts(balance) {
  return facts([
    ['Owed', dollars(balance.owedCents)],
    ['Paid', dollars(balance.paidCents)],
    ['Refunded', dollars(balance.refundedCents)],
    ['Balance', el('strong', { id: 'desk-balance-amount' }, balanceWords(balance.balanceCents))],
  ]);
}

function showBalance(balance) {
  redraw(desk.root.querySelector('#desk-balance'), JSON.stringify(balance), () => balanceFacts(balance));
}

/** The desk payment form: amount in dollars, method, receipt number (the idempotency reference). */
function paymentForm() {
  const amount = el('input', {
    id: 'desk-amount',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    'aria-describedby': 'desk-amount-error',
  });
  const method = el(
    'select',
    { id: 'desk-method', 'aria-describedby': 'desk-method-error' },
    DESK_PAYMENT_METHODS.map(([value, label]) => el('option', { value }, label)),
  );
  const reference = el('input', {
    id: 'desk-reference',
    type: 'text',
    autocomplete: 'off',
    maxlength: '200',
    'aria-describedby': 'desk-reference-hint desk-reference-error',
  });
  const inputs = {
    amount: [amount, fieldError('desk-amount-error')],
    method: [method, fieldError('desk-method-error')],
    reference: [reference, fieldError('desk-reference-error')],
  };
  const formError = el('p', { className: 'field-error', role: 'alert', hidden: true });
  const outcome = el('p', { id: 'desk-payment-outcome', role: 'status' });
  const submit = el('button', { type: 'submit', className: 'primary' }, 'Record the payment');
  let key = newIdempotencyKey();

  async function send(event) {
    event.preventDefault();
    clearErrors(inputs, formError);
    const cents = centsFromDollars(amount.value);
    if (cents === null) {
      setError(amount, inputs.amount[1], 'Enter the amount in dollars, such as 25.00.');
      amount.focus();
      return;
    }
    const ref = reference.value.trim();
    const body = { amountCents: cents, method: method.value, ...(ref !== '' ? { reference: ref } : {}) };
    await sending(
      submit,
      async () => {
        const receipt = await api.deskPayment(desk.statementId, body, ref === '' ? { idempotencyKey: key } : {});
        key = newIdempotencyKey();
        showBalance(receipt.balance);
        const pending = receipt.payment.status === 'pending';
        outcome.textContent = `${pending ? 'Waiting for the provider on' : 'Recorded'} ${dollars(receipt.payment.amountCents)} (${paymentMethodWords(receipt.payment.method)}). Balance now ${balanceWords(receipt.balance.balanceCents)}.`;
        amount.value = '';
        reference.value = '';
        void refreshNow();
      },
      (error) => showApiError(error, inputs, deskPaymentInput, formError),
    );
  }

  return el(
    'form',
    { id: 'desk-payment-form', className: 'desk-form', novalidate: true, 'aria-labelledby': 'desk-payment-title', onsubmit: send },
    el('h4', { id: 'desk-payment-title' }, 'Record a payment at the desk'),
    el('div', { className: 'field' }, el('label', { for: 'desk-amount' }, 'Amount in dollars'), amount, inputs.amount[1]),
    el('div', { className: 'field' }, el('label', { for: 'desk-method' }, 'Paid by'), method, inputs.method[1]),
    el(
      'div',
      { className: 'field' },
      el('label', { for: 'desk-reference' }, 'Receipt number'),
      reference,
      el(
        'span',
        { id: 'desk-reference-hint', className: 'hint' },
        'The desk receipt’s number, 8 or more letters or digits (for a check, say CHK-0001042). The same number again posts nothing twice.',
      ),
      inputs.reference[1],
    ),
    el('div', { className: 'buttons' }, submit),
    formError,
    outcome,
  );
}

/** One open refund: the form that completes it, or (above the approval amount, for a biller) who completes it. */
function refundForm(refund, approvalAboveCents) {
  const base = `refund-${refund.id}`;
  const title = el(
    'h5',
    { id: `${base}-title` },
    `Refund ${dollars(refund.amountCents)} of an overpayment`,
    ' ',
    time(refund.createdAt, { short: true }),
  );
  if (refund.needsSupervisor && viewerRole() !== 'supervisor') {
    return el(
      'article',
      { className: 'refund', 'data-refund-id': refund.id, 'aria-labelledby': `${base}-title` },
      title,
      el('p', {}, `Above ${dollars(approvalAboveCents)}: a supervisor completes this refund.`),
    );
  }
  const method = el(
    'select',
    { id: `${base}-method`, 'aria-describedby': `${base}-method-error` },
    REFUND_METHODS.map(([value, label]) => el('option', { value }, label)),
  );
  const reference = el('input', {
    id: `${base}-reference`,
    type: 'text',
    autocomplete: 'off',
    maxlength: '100',
    'aria-describedby': `${base}-reference-error`,
  });
  const note = el('input', {
    id: `${base}-note`,
    type: 'text',
    autocomplete: 'off',
    maxlength: '500',
    'aria-describedby': `${base}-note-error`,
  });
  const inputs = {
    method: [method, fieldError(`${base}-method-error`)],
    reference: [reference, fieldError(`${base}-reference-error`)],
    note: [note, fieldError(`${base}-note-error`)],
  };
  const formError = el('p', { className: 'field-error', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', className: 'primary' }, `Complete the refund of ${dollars(refund.amountCents)}`);
  const key = newIdempotencyKey();

  async function send(event) {
    event.preventDefault();
    clearErrors(inputs, formError);
    const ref = reference.value.trim();
    if (ref === '') {
      setError(reference, inputs.reference[1], 'Give the check number or the refund’s receipt.');
      reference.focus();
      return;
    }
    await sending(
      submit,
      async () => {
        const done = await api.completeRefund(
          refund.id,
          { method: method.value, reference: ref, ...(note.value.trim() !== '' ? { note: note.value.trim() } : {}) },
          { idempotencyKey: key },
        );
        desk.root.querySelector('#desk-refund-outcome').textContent =
          `Refund of ${dollars(done.amountCents)} completed (${refundMethodWords(done.method)}, ${done.reference}).`;
        await refreshNow();
      },
      (error) => showApiError(error, inputs, refundInput, formError),
    );
  }

  return el(
    'form',
    { className: 'refund desk-form', novalidate: true, 'data-refund-id': refund.id, 'aria-labelledby': `${base}-title`, onsubmit: send },
    title,
    el('div', { className: 'field' }, el('label', { for: `${base}-method` }, 'How the money goes back'), method, inputs.method[1]),
    el(
      'div',
      { className: 'field' },
      el('label', { for: `${base}-reference` }, 'Check number or refund receipt'),
      reference,
      inputs.reference[1],
    ),
    el('div', { className: 'field' }, el('label', { for: `${base}-note` }, 'Note (optional)'), note, inputs.note[1]),
    el('div', { className: 'buttons' }, submit),
    formError,
  );
}

function refundsPart(open, refunded, approvalAboveCents) {
  return [
    open.length === 0 ? el('p', { className: 'muted' }, 'No refund to make.') : open.map((r) => refundForm(r, approvalAboveCents)),
    refunded.length === 0
      ? null
      : el(
          'ul',
          { className: 'refunded' },
          refunded.map((r) =>
            el(
              'li',
              {},
              `Refunded ${dollars(r.amountCents)}`,
              r.method ? ` (${refundMethodWords(r.method)}${r.reference ? `, ${r.reference}` : ''})` : '',
              ` by ${r.resolvedBy ?? 'someone'} `,
              time(r.resolvedAt, { short: true }),
            ),
          ),
        ),
  ];
}

function paymentsPart(payments) {
  if (payments.length === 0) return el('p', { className: 'muted' }, 'No payment yet.');
  return table(
    'Payments on this statement, newest first',
    ['When', 'Amount', 'Paid by', 'Status'],
    payments.map((p) => [
      time(p.createdAt, { short: true }),
      dollars(p.amountCents),
      paymentMethodWords(p.method),
      [PAYMENT_STATUS[p.status] ?? p.status, p.failureReason ? ` (${p.failureReason})` : ''],
    ]),
  );
}

function build() {
  const number = desk.known?.statementNumber;
  fill(
    desk.root,
    el(
      'section',
      { className: 'card desk', 'aria-labelledby': 'desk-title' },
      el(
        'h3',
        { id: 'desk-title', tabindex: '-1' },
        number ? `Statement ${number}: payments and refunds` : 'Payments and refunds of the statement',
      ),
      desk.known ? el('p', { className: 'muted' }, `Encounter ${desk.known.clinicEncounterId}, payer ${desk.known.payerId}`) : null,
      el('div', { id: 'desk-balance', 'aria-live': 'polite' }, el('p', { className: 'muted' }, 'Loading…')),
      paymentForm(),
      el('h4', {}, 'Refunds'),
      el('p', { id: 'desk-refund-outcome', role: 'status' }),
      el('div', { id: 'desk-refunds' }),
      el('h4', {}, 'Payments'),
      el('div', { id: 'desk-payments' }),
      el('p', {}, el('a', { href: '#/billing/payments' }, 'Close this statement')),
    ),
  );
}

export const paymentDesk = {
  mount(root) {
    desk.root = root;
    root.hidden = true;
  },
  /** Opens a statement (null closes); `known` is its worklist item when listed. */
  select(statementId, known) {
    if (statementId !== desk.statementId) {
      desk.statementId = statementId;
      desk.known = known ?? null;
      desk.drawn.clear();
      desk.root.hidden = statementId === null;
      if (statementId === null) fill(desk.root);
      else build();
    } else if (known && desk.known === null) {
      desk.known = known;
      desk.root.querySelector('#desk-title').textContent = `Statement ${known.statementNumber ?? ''}: payments and refunds`;
    }
  },
  async refresh() {
    const id = desk.statementId;
    if (id === null) return;
    const [balance, open, refunded] = await Promise.all([
      api.statementBalance(id),
      api.refunds({ status: 'open', statement: id }),
      api.refunds({ status: 'refunded', statement: id }),
    ]);
    if (id !== desk.statementId) return;
    const { payments, ...money } = balance;
    showBalance(money);
    redraw(desk.root.querySelector('#desk-refunds'), JSON.stringify([open, refunded]), () =>
      refundsPart(open.items, refunded.items, open.approvalAboveCents),
    );
    redraw(desk.root.querySelector('#desk-payments'), JSON.stringify(payments), () => paymentsPart(payments));
  },
  reset() {
    this.select(null);
  },
};
