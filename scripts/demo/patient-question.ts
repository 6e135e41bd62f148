/**
 * The patient's part of `npm run demo`, on one billed encounter: a biller issues an access link,
 * the patient opens it (date of birth + statement number), reads the bill in plain words, asks a
 * question; the biller finds it on the worklist and answers; the patient reads the answer. The
 * patient's calls carry the session cookie, as the browser would; the link is printed to open in
 * a browser (the demo's data are synthetic).
 */
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
): Promise<{ status: number; body: T; cookie: string }> {
  const response = await fetch(new URL(path, api.baseUrl), {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
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
}
