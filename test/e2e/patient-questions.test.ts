/**
 * The patient's side of billing over the real stack (API, Temporal dev server, worker, database,
 * sandboxes): a biller issues an access link, the patient opens it with the date of birth and
 * the statement number, reads the bill in plain words, asks a question; the biller finds it on
 * the worklist and answers; the patient reads the answer and the clinic's messaging is told by a
 * signed webhook. The service-level timer escalates a late question while the worker is stopped
 * and started again; five wrong answers lock a link. Short configured deadlines, no wall-clock
 * assertions: the tests wait for facts with generous limits.
 *
 * Over 300 lines because its paths share one started stack (minutes to start on a busy machine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, call, submitEncounter, validSubmission } from '../../testkit/http.ts';
import { until } from '../../testkit/poll.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../testkit/webhook-receiver.ts';

const SECRET = 'patients-e2e-secret';
let patientHook: WebhookReceiver;
let supervisorHook: WebhookReceiver;
let billerHook: WebhookReceiver;

beforeAll(async () => {
  [patientHook, supervisorHook, billerHook] = await Promise.all([
    startWebhookReceiver(SECRET),
    startWebhookReceiver(SECRET),
    startWebhookReceiver(SECRET),
  ]);
});

// Registered after the receivers' hooks: the stack starts once they listen and stops before they close.
afterAll(async () => {
  await Promise.all([patientHook?.close(), supervisorHook?.close(), billerHook?.close()]);
});

const stack = useTestStack(() => ({
  env: {
    WEBHOOK_SIGNING_SECRET: SECRET,
    PATIENT_WEBHOOK_URL: patientHook.url,
    SUPERVISOR_WEBHOOK_URL: supervisorHook.url,
    BILLER_WEBHOOK_URL: billerHook.url,
  },
  patientPortal: {
    answerDeadline: '6s',
    reminderInterval: '2s',
    maxAttempts: 5,
    rateLimitPerMinute: 1_000,
    writeOffApprovalAboveCents: 1_000,
  },
}));

/** A billed encounter's statement: its id and the number printed on it. */
async function billedStatement(): Promise<{ statementId: string; statementNumber: string; dateOfBirth: string }> {
  const submission = validSubmission({ clinicEncounterId: `PQ-${Math.random().toString(36).slice(2, 10)}` });
  const encounterId = await submitEncounter(stack.apiUrl, submission);
  const statement = await until('the statement', () => stack.db.prisma.patientStatement.findUnique({ where: { encounterId } }));
  return {
    statementId: statement.id,
    statementNumber: (statement.breakdown as { statementNumber: string }).statementNumber,
    dateOfBirth: submission.patient.dateOfBirth,
  };
}

async function issueLink(statementId: string): Promise<string> {
  const link = await call(stack.apiUrl, 'POST', `/statements/${statementId}/access-links`, { token: TOKENS.biller });
  expect(link.status).toBe(201);
  const url = new URL(link.body.url as string);
  expect(url.pathname).toBe('/patient/');
  expect(url.search).toBe('');
  return url.hash.slice(1);
}

/** Opens a session; returns the cookie header to send as the patient's browser would. */
async function openSession(token: string, dateOfBirth: string, statementNumber: string) {
  const response = await call(stack.apiUrl, 'POST', '/patient-api/session', { body: { token, dateOfBirth, statementNumber } });
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { response, cookie: setCookie.split(';')[0] ?? '', setCookie };
}

describe('a patient reads the bill, asks, and reads the biller’s answer', () => {
  it('runs the whole conversation over HTTP, audited, with a signed webhook to the clinic’s messaging', async () => {
    const { statementId, statementNumber, dateOfBirth } = await billedStatement();
    const token = await issueLink(statementId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await stack.db.prisma.patientAccessLink.findFirstOrThrow({ where: { statementId } });
    expect(stored.tokenHash).not.toContain(token);

    // No session: nothing to read.
    expect((await call(stack.apiUrl, 'GET', '/patient-api/statement')).status).toBe(401);

    const { response, cookie, setCookie } = await openSession(token, dateOfBirth, statementNumber.toLowerCase());
    expect(response.status).toBe(201);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/patient-api/);

    const page = await call(stack.apiUrl, 'GET', '/patient-api/statement', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const bill = page.body.bill;
    expect(bill.statementNumber).toBe(statementNumber);
    expect(bill.services[0].words).toMatch(/Visit with your doctor/);
    expect(bill.physicianName.length).toBeGreaterThan(0);
    expect(bill.adjustments.map((a: { kind: string }) => a.kind)).toEqual(expect.arrayContaining(['contractual', 'copay']));
    expect(bill.amountDueCents).toBeGreaterThan(0);
    expect(page.body.questions).toEqual([]);

    const print = await call(stack.apiUrl, 'GET', '/patient-api/statement/print', { headers: { cookie } });
    expect(print.status).toBe(200);
    expect(print.text).toContain(statementNumber);
    const pdf = await fetch(`${stack.apiUrl}/patient-api/statement/pdf`, { headers: { cookie } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const asked = await call(stack.apiUrl, 'POST', '/patient-api/questions', {
      headers: { cookie, 'idempotency-key': 'q-1' },
      body: { category: 'dont_understand_charge', text: 'Why was I charged for this visit when I have insurance?', lineNumber: 1 },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'open', acknowledged: true, category: 'dont_understand_charge', lineNumber: 1 });
    // A retried request (same Idempotency-Key) is the same question.
    const again = await call(stack.apiUrl, 'POST', '/patient-api/questions', {
      headers: { cookie, 'idempotency-key': 'q-1' },
      body: { category: 'dont_understand_charge', text: 'Why was I charged for this visit when I have insurance?', lineNumber: 1 },
    });
    expect(again.body.id).toBe(asked.body.id);
    expect(await stack.db.prisma.patientQuestion.count({ where: { statementId } })).toBe(1);
    await until(
      'the acknowledgement',
      async () => (await stack.db.prisma.patientQuestion.findUniqueOrThrow({ where: { id: asked.body.id } })).acknowledgedAt,
    );

    // The biller's worklist shows it, oldest first, with what is needed to answer.
    const worklist = await call(stack.apiUrl, 'GET', '/patient-questions', { token: TOKENS.biller });
    expect(worklist.status).toBe(200);
    const item = worklist.body.items.find((q: { id: string }) => q.id === asked.body.id);
    expect(item).toMatchObject({ statementNumber, status: 'open' });
    const detail = await call(stack.apiUrl, 'GET', `/patient-questions/${asked.body.id}`, { token: TOKENS.biller });
    expect(detail.status).toBe(200);
    expect(detail.body.codes.some((c: { rationale: string }) => c.rationale.length > 0)).toBe(true);
    expect(detail.body.claim.lines.length).toBeGreaterThan(0);
    expect(detail.body.question.messages[0].body).toContain('Why was I charged');

    // A patient's session cannot use the staff routes; a biller's token cannot use the patient's.
    expect((await call(stack.apiUrl, 'GET', '/patient-questions', { headers: { cookie } })).status).toBe(401);
    expect((await call(stack.apiUrl, 'GET', '/patient-api/statement', { token: TOKENS.biller })).status).toBe(401);

    const answered = await call(stack.apiUrl, 'POST', `/patient-questions/${asked.body.id}/answers`, {
      token: TOKENS.biller,
      body: {
        text: 'Your plan has a $25 copay for office visits; that is the amount shown. Your itemized bill is attached.',
        attachItemizedBill: true,
      },
    });
    expect(answered.status).toBe(201);
    expect(answered.body.question.status).toBe('answered');

    const reread = await call(stack.apiUrl, 'GET', '/patient-api/statement', { headers: { cookie } });
    const conversation = reread.body.questions[0];
    expect(conversation.status).toBe('answered');
    expect(conversation.messages.map((m: { from: string }) => m.from)).toEqual(['patient', 'billing_office']);
    expect(conversation.messages[1]).toMatchObject({ attachment: 'itemized_bill' });

    // The clinic's messaging hears of the question and of the answer: signed, ids only.
    const notices = await until('the answered webhook', async () => {
      const mine = patientHook.received.filter((w) => w.payload.questionId === asked.body.id);
      return mine.some((w) => w.payload.event === 'patient_question_answered') ? mine : undefined;
    });
    expect(notices.map((w) => w.payload.event)).toEqual(expect.arrayContaining(['patient_question_received', 'patient_question_answered']));
    expect(notices.every((w) => w.verified)).toBe(true);
    expect(JSON.stringify(notices)).not.toContain('Why was I charged');
    const workflow = await stack.client.workflow.getHandle(`patient-question-${asked.body.id}`).result();
    expect(workflow).toBe('answered');

    // Every access and action audited, patient-side actors are the link, never a name.
    const audit = await stack.db.prisma.auditEvent.findMany({
      where: { OR: [{ role: 'patient' }, { action: { startsWith: 'patient_' } }] },
    });
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'patient_link.created',
        'patient_link.opened',
        'patient_statement.viewed',
        'patient_question.asked',
        'patient_question.answered',
        'patient_question.viewed',
      ]),
    );
    expect(audit.filter((a) => a.role === 'patient').every((a) => a.actor === `patient-link:${stored.id}`)).toBe(true);

    // Revoking the link ends the session at once.
    const revoked = await call(stack.apiUrl, 'POST', `/statements/${statementId}/access-links/${stored.id}/revoke`, {
      token: TOKENS.biller,
    });
    expect(revoked.status).toBe(200);
    expect((await call(stack.apiUrl, 'GET', '/patient-api/statement', { headers: { cookie } })).status).toBe(401);
    expect((await openSession(token, dateOfBirth, statementNumber)).response.status).toBe(404);
  }, 180_000);
});

describe('privacy: wrong answers lock the link', () => {
  it('locks after five wrong dates of birth (audited); even the right answer is then refused', async () => {
    const { statementId, statementNumber, dateOfBirth } = await billedStatement();
    const token = await issueLink(statementId);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await openSession(token, '1999-01-0' + String(i + 1), statementNumber)).response.status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await openSession(token, dateOfBirth, statementNumber);
    expect(right.response.status).toBe(423);
    expect(right.setCookie).toBe('');
    const link = await stack.db.prisma.patientAccessLink.findFirstOrThrow({ where: { statementId } });
    expect(link.lockedAt).not.toBeNull();
    const audit = await stack.db.prisma.auditEvent.findMany({ where: { actor: `patient-link:${link.id}` } });
    expect(audit.filter((a) => a.action === 'patient_link.verification_failed')).toHaveLength(5);
    expect(audit.some((a) => a.action === 'patient_link.locked')).toBe(true);
    // No date of birth in the audit trail.
    expect(JSON.stringify(audit)).not.toContain('1999-01-0');
    // A made-up token is the same 404 as a revoked one.
    expect((await openSession('A'.repeat(43), dateOfBirth, statementNumber)).response.status).toBe(404);
  }, 120_000);
});

describe('the service-level timer', () => {
  it('escalates a late question to the supervisor although the worker was stopped past the deadline', async () => {
    const { statementId } = await billedStatement();
    const asked = await call(stack.apiUrl, 'POST', `/statements/${statementId}/questions`, {
      token: TOKENS.biller,
      body: { category: 'insurance_should_have_paid', text: 'Patient called: insurance should have paid this.' },
    });
    expect(asked.status).toBe(201);
    expect(asked.body.channel).toBe('phone');
    const id = asked.body.id as string;
    await until(
      'the acknowledgement',
      async () => (await stack.db.prisma.patientQuestion.findUniqueOrThrow({ where: { id } })).acknowledgedAt,
    );

    await stack.stopWorker();
    const dueAt = new Date(asked.body.dueAt as string).getTime();
    await until('the deadline to pass', async () => Date.now() > dueAt + 1_000, 60_000);
    expect((await stack.db.prisma.patientQuestion.findUniqueOrThrow({ where: { id } })).escalatedAt).toBeNull();

    await stack.startWorker();
    const escalated = await until(
      'the escalation',
      async () => (await stack.db.prisma.patientQuestion.findUniqueOrThrow({ where: { id } })).escalatedAt,
    );
    expect(escalated.getTime()).toBeGreaterThanOrEqual(dueAt);
    const notice = await until('the supervisor webhook', async () =>
      supervisorHook.received.find((w) => w.payload.questionId === id && w.payload.event === 'patient_question_escalated'),
    );
    expect(notice.verified).toBe(true);
    await until('a reminder to the billers', async () =>
      billerHook.received.find((w) => w.payload.questionId === id && w.payload.event === 'patient_question_reminder'),
    );

    const worklist = await call(stack.apiUrl, 'GET', '/patient-questions', { token: TOKENS.supervisor });
    expect(worklist.body.items.find((q: { id: string }) => q.id === id)).toMatchObject({ overdue: true });
    expect(worklist.body.items.find((q: { id: string }) => q.id === id).escalatedAt).not.toBeNull();

    const answered = await call(stack.apiUrl, 'POST', `/patient-questions/${id}/answers`, {
      token: TOKENS.supervisor,
      body: { text: 'We resubmitted the claim to your insurer.' },
    });
    expect(answered.status).toBe(201);
    expect(await stack.client.workflow.getHandle(`patient-question-${id}`).result()).toBe('answered');
  }, 180_000);
});

describe('biller actions on a statement', () => {
  it('applies a small write-off at once, holds a larger one for a supervisor, refuses more than is owed, and reissues the corrected statement', async () => {
    const { statementId } = await billedStatement();
    const before = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { id: statementId } });
    expect(before.patientOwesCents).toBeGreaterThan(1_000);
    const small = await call(stack.apiUrl, 'POST', `/statements/${statementId}/adjustments`, {
      token: TOKENS.biller,
      body: { kind: 'write_off', amountCents: 500, reason: 'Courtesy write-off' },
    });
    expect(small.body).toMatchObject({ status: 'applied' });
    const large = await call(stack.apiUrl, 'POST', `/statements/${statementId}/adjustments`, {
      token: TOKENS.biller,
      body: { kind: 'adjustment', amountCents: 20_000, reason: 'Financial assistance' },
    });
    // More than the patient owes is refused, naming the field.
    expect(large.status).toBe(422);
    expect(large.body.errors[0].field).toBe('amountCents');
    // Above the configured $10 a supervisor approves first; a biller cannot.
    const held = await call(stack.apiUrl, 'POST', `/statements/${statementId}/adjustments`, {
      token: TOKENS.biller,
      body: { kind: 'adjustment', amountCents: 1_500, reason: 'Billed twice for the visit' },
    });
    expect(held.body).toMatchObject({ status: 'pending_approval' });
    expect((await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { id: statementId } })).patientOwesCents).toBe(
      before.patientOwesCents - 500,
    );
    expect(
      (
        await call(stack.apiUrl, 'POST', `/statement-adjustments/${held.body.id}/decision`, {
          token: TOKENS.biller,
          body: { approve: true },
        })
      ).status,
    ).toBe(403);
    const approved = await call(stack.apiUrl, 'POST', `/statement-adjustments/${held.body.id}/decision`, {
      token: TOKENS.supervisor,
      body: { approve: true },
    });
    expect(approved.body).toMatchObject({ status: 'applied', decidedBy: 'supervisor-demo' });
    expect(
      (
        await call(stack.apiUrl, 'POST', `/statement-adjustments/${held.body.id}/decision`, {
          token: TOKENS.supervisor,
          body: { approve: true },
        })
      ).status,
    ).toBe(409);
    const owed = (await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { id: statementId } })).patientOwesCents;
    expect(owed).toBe(before.patientOwesCents - 2_000);
    const reissued = await call(stack.apiUrl, 'POST', `/statements/${statementId}/reissue`, {
      token: TOKENS.biller,
      body: { reason: 'Courtesy write-off applied' },
    });
    expect(reissued.status).toBe(200);
    expect(reissued.body.patientOwesCents).toBe(owed);
    const token = await issueLink(statementId);
    const statement = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { id: statementId } });
    const { cookie } = await openSession(
      token,
      validSubmission().patient.dateOfBirth,
      (statement.breakdown as { statementNumber: string }).statementNumber,
    );
    const page = await call(stack.apiUrl, 'GET', '/patient-api/statement', { headers: { cookie } });
    expect(page.body.bill.amountDueCents).toBe(owed);
    expect(page.body.bill.adjustments.find((a: { kind: string }) => a.kind === 'write_off')).toMatchObject({
      amountCents: 500,
      reason: 'Courtesy write-off',
    });
    expect(page.body.bill.notes.join(' ')).toContain('Corrected statement issued');
    const audit = await stack.db.prisma.auditEvent.findMany({
      where: { action: { in: ['statement.adjustment_requested', 'statement.adjustment_decided', 'statement.reissued'] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'statement.adjustment_decided',
      'statement.adjustment_requested',
      'statement.adjustment_requested',
      'statement.reissued',
    ]);
  }, 120_000);
});
