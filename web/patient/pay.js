// The payment section of the patient page. Card data goes from this page straight to the payment
// provider's tokenization endpoint (its URL comes from GET /patient-api/balance); only the
// one-time token it returns is sent to our API, so no card number ever reaches encounterflow.
// Each attempt carries an Idempotency-Key: a retried request (a lost answer) posts once; a new
// key is made only after a definite answer. Listens for `statement-loaded` (patient.js) and
// dispatches `balance-changed` after a payment.

const API = '/patient-api';
const money = (cents) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const section = document.getElementById('pay');
let tokenizeUrl = '';
let attemptKey = crypto.randomUUID();

function field(id, label, attrs) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const labelNode = document.createElement('label');
  labelNode.htmlFor = id;
  labelNode.textContent = label;
  const input = document.createElement('input');
  input.id = id;
  input.name = id;
  input.required = true;
  for (const [key, value] of Object.entries(attrs)) input.setAttribute(key, value);
  wrap.append(labelNode, input);
  return wrap;
}

function buildForm() {
  const balance = document.createElement('p');
  balance.id = 'pay-balance';
  const form = document.createElement('form');
  form.id = 'pay-form';
  form.noValidate = true;
  form.append(
    field('pay-amount', 'Amount to pay (dollars)', { inputmode: 'decimal', autocomplete: 'transaction-amount' }),
    field('pay-card', 'Card number', { inputmode: 'numeric', autocomplete: 'cc-number', maxlength: '23' }),
    field('pay-exp', 'Expiry (MM/YY)', { inputmode: 'numeric', autocomplete: 'cc-exp', maxlength: '5', placeholder: 'MM/YY' }),
    field('pay-cvc', 'Security code', { inputmode: 'numeric', autocomplete: 'cc-csc', maxlength: '4' }),
  );
  const button = document.createElement('button');
  button.type = 'submit';
  button.textContent = 'Pay now';
  const result = document.createElement('p');
  result.id = 'pay-result';
  result.setAttribute('role', 'status');
  result.setAttribute('aria-live', 'polite');
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = 'Your card details go directly to our payment processor; we never see or keep your card number.';
  form.append(button, result, note);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void pay(form, button, result);
  });
  section.append(balance, form);
}

/** A problem with the payment: announced at once (role alert) and styled as an error. */
function showError(result, text) {
  result.setAttribute('role', 'alert');
  result.className = 'pay-error';
  result.textContent = text;
}

function showStatus(result, text) {
  result.setAttribute('role', 'status');
  result.className = '';
  result.textContent = text;
}

async function tokenize(cardNumber, exp, cvc) {
  const [month, year] = exp.split('/').map((part) => Number(part));
  const response = await fetch(tokenizeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cardNumber, expMonth: month, expYear: 2000 + (year ?? 0), cvc }),
  });
  if (!response.ok) return undefined;
  return (await response.json()).token;
}

async function pay(form, button, result) {
  const amountCents = Math.round(Number(form.elements['pay-amount'].value.replace(/[$,\s]/g, '')) * 100);
  const cardNumber = form.elements['pay-card'].value.replace(/[\s-]/g, '');
  const exp = form.elements['pay-exp'].value.trim();
  const cvc = form.elements['pay-cvc'].value.trim();
  if (!Number.isInteger(amountCents) || amountCents <= 0) return showError(result, 'Please enter the amount to pay.');
  if (!/^\d{12,19}$/.test(cardNumber) || !/^\d{2}\/\d{2}$/.test(exp) || !/^\d{3,4}$/.test(cvc)) {
    return showError(result, 'Please check the card number, expiry (MM/YY) and security code.');
  }
  button.disabled = true;
  showStatus(result, 'Paying…');
  try {
    const cardToken = await tokenize(cardNumber, exp, cvc);
    // The card fields are cleared at once: nothing of the card stays on the page.
    for (const id of ['pay-card', 'pay-exp', 'pay-cvc']) form.elements[id].value = '';
    if (cardToken === undefined) return showError(result, 'The card details were not accepted. Please check them and try again.');
    const response = await fetch(`${API}/payments`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'idempotency-key': attemptKey },
      body: JSON.stringify({ amountCents, cardToken }),
    });
    const data = await response.json().catch(() => null);
    if (response.status === 201 || response.status === 200) {
      attemptKey = crypto.randomUUID();
      showStatus(
        result,
        `Thank you: ${money(data.payment.amountCents)} was paid. You now owe ${money(Math.max(0, data.balance.balanceCents))}.`,
      );
      document.dispatchEvent(new CustomEvent('balance-changed'));
    } else if (response.status === 202) {
      attemptKey = crypto.randomUUID();
      showStatus(
        result,
        'Your payment is being confirmed with the card processor. Please check back in a few minutes before paying again.',
      );
    } else if (response.status === 402) {
      attemptKey = crypto.randomUUID();
      showError(result, 'Your card was declined. Nothing was charged. You can try another card.');
    } else {
      showError(result, data?.detail ?? 'The payment could not be made just now. Please try again.');
    }
  } catch {
    // The answer was lost: the same key is kept, so trying again cannot pay twice.
    showError(result, 'We could not reach the payment service. Please try again; you will not be charged twice.');
  } finally {
    button.disabled = false;
  }
}

async function refresh() {
  const response = await fetch(`${API}/balance`, { credentials: 'same-origin' });
  if (!response.ok) {
    section.hidden = true;
    return;
  }
  const balance = await response.json();
  tokenizeUrl = balance.tokenizeUrl;
  if (document.getElementById('pay-form') === null) buildForm();
  const owed = balance.balanceCents;
  document.getElementById('pay-balance').textContent = owed > 0 ? `You owe ${money(owed)}.` : 'Nothing is owed on this bill. Thank you.';
  document.getElementById('pay-form').hidden = owed <= 0;
  if (owed > 0 && document.getElementById('pay-amount').value === '') document.getElementById('pay-amount').value = (owed / 100).toFixed(2);
  section.hidden = false;
}

document.addEventListener('statement-loaded', () => void refresh());
