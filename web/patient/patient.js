// The patient page. The access link is /patient/#<token>: the token is read from the fragment
// (never sent to a server in a URL), taken off the address bar at once, and posted with the
// date of birth and statement number to open a session (an httpOnly cookie the page cannot read).
// Every text goes in through textContent: nothing from the server is parsed as HTML.

const API = '/patient-api';
const $ = (id) => document.getElementById(id);
let token = location.hash.length > 1 ? location.hash.slice(1) : '';
if (token !== '') history.replaceState(null, '', location.pathname);

const money = (cents) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const day = (iso) => new Date(iso).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const when = (iso) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function announce(text) {
  $('status').textContent = text;
}

function showProblem(text) {
  const box = $('problem');
  box.textContent = text;
  box.hidden = text === '';
}

async function call(method, path, body) {
  const response = await fetch(API + path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  return { status: response.status, data };
}

function show(which) {
  for (const id of ['verify', 'no-link', 'bill']) $(id).hidden = id !== which;
  $('sign-out').hidden = which !== 'bill';
}

async function loadStatement() {
  const { status, data } = await call('GET', '/statement');
  if (status === 200) {
    render(data);
    return true;
  }
  if (status === 401) {
    show(token !== '' ? 'verify' : 'no-link');
    return false;
  }
  showProblem(data?.detail ?? 'Your bill could not be loaded; please try again in a moment.');
  return false;
}

function renderServices(bill) {
  const rows = bill.services.map((s) =>
    el(
      'tr',
      {},
      el('td', {}, s.words, el('span', { class: 'code' }, `${day(s.date)} · code ${s.code}${s.units > 1 ? ` · ${s.units} units` : ''}`)),
      el('td', { class: 'num' }, money(s.chargeCents)),
    ),
  );
  $('services').replaceChildren(...rows);
  const line = $('line');
  line.replaceChildren(
    el('option', { value: '' }, 'The whole bill'),
    ...bill.services.map((s) => el('option', { value: String(s.lineNumber) }, `${s.lineNumber}. ${s.words}`)),
  );
}

function renderAdjustments(bill) {
  const items = bill.adjustments.map((a) =>
    el(
      'li',
      {},
      el('div', { class: 'adjustment-head' }, el('span', {}, a.label), el('span', {}, money(a.amountCents))),
      el('span', { class: 'tag' }, a.youPay ? 'You pay this' : 'Taken off your bill'),
      el('p', {}, a.explanation),
      a.reason ? el('p', {}, el('strong', {}, 'Reason: '), a.reason) : null,
    ),
  );
  if (items.length === 0) items.push(el('li', {}, 'No changes: you pay what was charged.'));
  $('adjustments').replaceChildren(...items);
  $('notes').replaceChildren(...bill.notes.map((n) => el('p', {}, n)));
}

function renderQuestions(view) {
  const items = view.questions.map((q) => {
    const messages = q.messages.map((m) =>
      el(
        'div',
        { class: m.from === 'patient' ? 'message' : 'message office' },
        el('span', { class: 'who' }, `${m.from === 'patient' ? 'You' : 'Billing office'} · ${when(m.at)}`),
        el('p', {}, m.body),
        m.attachment === 'itemized_bill' ? el('p', {}, el('a', { href: view.links.print }, 'Your itemized bill')) : null,
      ),
    );
    const state = q.status === 'answered' ? 'Answered' : `Received · we will answer by ${when(q.dueAt)}`;
    return el(
      'li',
      { 'data-question': q.id, 'data-status': q.status },
      el('strong', {}, q.categoryLabel),
      el('span', { class: 'tag' }, state),
      ...messages,
    );
  });
  $('questions').replaceChildren(...items);
}

function render(view) {
  const { bill } = view;
  show('bill');
  showProblem('');
  $('practice-name').textContent = bill.practice.name;
  $('amount-due').textContent = money(bill.amountDueCents);
  $('due-date').textContent = day(`${bill.dueDate}T00:00:00Z`);
  $('statement-number-shown').textContent = bill.statementNumber;
  $('issued-on').textContent = day(`${bill.issuedOn}T00:00:00Z`);
  $('visit-line').textContent = `${bill.patientName}, your visit on ${day(`${bill.dateOfService}T00:00:00Z`)} with ${bill.physicianName}.`;
  $('charged').textContent = money(bill.chargedCents);
  $('payer-name').textContent = bill.payerName;
  $('insurer-pays').textContent = money(bill.insurerPaysCents);
  $('print-link').href = view.links.print;
  $('pdf-link').href = view.links.pdf;
  renderServices(bill);
  renderAdjustments(bill);
  renderQuestions(view);
  if ($('category').options.length === 0) {
    $('category').replaceChildren(...view.categories.map((c) => el('option', { value: c.value }, c.label)));
  }
  document.dispatchEvent(new CustomEvent('statement-loaded', { detail: view }));
}

$('verify-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const dateOfBirth = $('dob').value.trim();
  const statementNumber = $('statement-number').value.trim();
  if (dateOfBirth === '' || statementNumber === '') {
    showProblem('Please fill in your date of birth and the statement number.');
    return;
  }
  const { status, data } = await call('POST', '/session', { token, dateOfBirth, statementNumber });
  if (status === 201) {
    token = '';
    announce('Your bill is open.');
    await loadStatement();
    return;
  }
  showProblem(data?.detail ?? 'That did not work; please try again.');
});

$('question-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('question-text').value.trim();
  if (text === '') {
    showProblem('Please write your question.');
    $('question-text').focus();
    return;
  }
  const body = { category: $('category').value, text };
  if ($('line').value !== '') body.lineNumber = Number($('line').value);
  const { status, data } = await call('POST', '/questions', body);
  if (status === 201) {
    $('question-text').value = '';
    announce(`We received your question. We will answer by ${when(data.dueAt)}.`);
    await loadStatement();
    return;
  }
  showProblem(data?.detail ?? 'Your question could not be sent; please try again.');
});

$('sign-out').addEventListener('click', async () => {
  await call('DELETE', '/session');
  show('no-link');
  announce('You are signed out.');
});

document.addEventListener('balance-changed', () => void loadStatement());

void loadStatement();
