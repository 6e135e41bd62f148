/**
 * The patient's part of `npm run demo`, on one billed encounter: a biller issues an access link,
 * the patient opens it (date of birth + statement number), reads the bill in plain words, asks a
 * question; the biller finds it on the worklist and answers; the patient reads the answer and pays
 * the balance by card (tokenized at the payment-provider sandbox; the payment sent twice posts once). The
 * patient's calls carry the session cookie, as the browser would; the link is printed to open in
 * a browser (the demo's data are synthetic).
 */
import { randomUUID } from 'node:crypto';
import type { DemoApi } from './api.ts';
import { TOKENS } from './api.ts';

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

interface PatientView {
  bill: {
    amountDueCents: number;
    dueDate: string;
    services: Array<{ words: string }>;
    adjustments: Array<{ label: string; amountCents: number }>;
  };
  questions: Array<{ id: string; status: string; messages: Array<{ from: string; body: string }> }>;
}

async function patientCall<T>(
  api: DemoApi,
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; cookie: string }> {
  const response = await fetch(new URL(path, api.baseUrl), {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  const setCookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T, cookie: setCookie };
}

export async function patientAsksBillerAnswers(
  api: DemoApi,
  encounterId: string,
  dateOfBirth: string,
  print: (line: string) => void,
): Promise<void> {
  const say = (text: string) => print(`[patient] ${text}`);
  const encounter = await api.encounter(encounterId);
  const statementId = encounter.status.statementId ?? encounter.statementId;
  if (statementId === undefined) throw new Error('the billed encounter has no statement');
  const statement = (
    await api.call<{ document: { statementNumber: string } }>('GET', `/statements/${statementId}?format=json`, TOKENS.biller)
  ).body;
  const link = (await api.call<{ url: string }>('POST', `/statements/${statementId}/access-links`, TOKENS.biller)).body;
  say(`biller issued an access link: ${link.url}`);
  say(`  (open it in a browser; date of birth ${dateOfBirth}, statement number ${statement.document.statementNumber})`);

  const token = new URL(link.url).hash.slice(1);
  const session = await patientCall(api, 'POST', '/patient-api/session', '', {
    token,
    dateOfBirth,
    statementNumber: statement.document.statementNumber,
  });
  const cookie = session.cookie;
  const view = (await patientCall<PatientView>(api, 'GET', '/patient-api/statement', cookie)).body;
  say(
    `opened the bill: owes ${dollars(view.bill.amountDueCents)} by ${view.bill.dueDate}; services: ${view.bill.services.map((s) => s.words).join('; ')}`,
  );
  say(`  why: ${view.bill.adjustments.map((a) => `${a.label} ${dollars(a.amountCents)}`).join(', ')}`);

  const asked = (
    await patientCall<{ id: string; dueAt: string }>(api, 'POST', '/patient-api/questions', cookie, {
      category: 'dont_understand_charge',
      text: 'Why do I owe anything for this visit? I thought my insurance covered it.',
    })
  ).body;
  say(`asked a question; acknowledged, answer due by ${asked.dueAt}`);

  const worklist = (await api.call<{ items: Array<{ id: string; overdue: boolean }> }>('GET', '/patient-questions', TOKENS.biller)).body;
  if (!worklist.items.some((q) => q.id === asked.id)) throw new Error('the question is not on the billers’ worklist');
  await api.call('POST', `/patient-questions/${asked.id}/answers`, TOKENS.biller, {
    text: 'Your plan has a copay for office visits and part of the price went to your yearly deductible; your insurer paid the rest under its contract. The itemized bill is attached.',
    attachItemizedBill: true,
  });
  print(`[biller] answered question ${asked.id} from the worklist (${worklist.items.length} open)`);

  const reread = (await patientCall<PatientView>(api, 'GET', '/patient-api/statement', cookie)).body;
  const answer = reread.questions.find((q) => q.id === asked.id)?.messages.find((m) => m.from === 'billing_office');
  if (answer === undefined) throw new Error('the patient does not see the answer');
  say(`reads the answer on the page: "${answer.body.slice(0, 90)}…"`);

  await patientPays(api, cookie, say);
}

interface Balance {
  balanceCents: number;
  tokenizeUrl: string;
}

/** The patient pays what is owed by card; the page's request is sent twice, as a flaky network would. */
async function patientPays(api: DemoApi, cookie: string, say: (text: string) => void): Promise<void> {
  const before = (await patientCall<Balance>(api, 'GET', '/patient-api/balance', cookie)).body;
  if (before.balanceCents <= 0) {
    say('owes nothing, so pays nothing');
    return;
  }
  // The card goes to the provider, never to encounterflow: the page gets back a one-time token.
  const tokenized = await fetch(before.tokenizeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cardNumber: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' }),
    signal: AbortSignal.timeout(15_000),
  });
  if (tokenized.status !== 201) throw new Error(`the payment provider answered ${tokenized.status} to tokenizing a test card`);
  const { token } = (await tokenized.json()) as { token: string };
  const key = randomUUID();
  const body = { amountCents: before.balanceCents, cardToken: token };
  const pay = () =>
    patientCall<{ payment: { id: string }; balance: Balance }>(api, 'POST', '/patient-api/payments', cookie, body, {
      'idempotency-key': key,
    });
  const first = await pay();
  const second = await pay();
  if (second.body.payment.id !== first.body.payment.id) throw new Error('a payment sent twice was posted twice');
  say(
    `paid ${dollars(before.balanceCents)} by card (sent twice: ${first.status} then ${second.status}, one payment ${first.body.payment.id}); balance now ${dollars(second.body.balance.balanceCents)}`,
  );
}
