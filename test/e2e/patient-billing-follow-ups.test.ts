/**
 * What follows a patient's statement, over the real stack (API, Temporal dev server, worker,
 * PostgreSQL, sandboxes, a real webhook receiver as the clinic's messaging):
 * - from a question a biller sets up a payment plan (the answer on the patient's page; a retry
 *   after the answer failed finishes it), or sends the billed claim back to the insurer: a
 *   corrected replacement claim through the clearinghouse, the insurer pays more, the statement is
 *   reissued lower and the patient reads it and is told, and the statement's cycle, paused while the
 *   claim was back with the payer, goes on from the new balance;
 * - the statement cycle's notices reach the patient through the clinic's messaging once each,
 *   through an outage of the endpoint, and a supervisor's write-off after the final notice brings
 *   the balance to 0 and ends the cycle;
 * - a question stored while Temporal was down gets its workflow from the worker's sweep.
 * No wall-clock assertions: the tests wait for facts with generous limits.
 *
 * Over 300 lines because the three follow-ups share one stack and one billed statement (starting
 * the stack once per file is most of a test's cost); each `it` reads as one biller's story.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientQuestionWorkflowId } from '../../domain/patient-questions.ts';
import { TOKENS, call, submitEncounter, validSubmission } from '../../testkit/http.ts';
import { claimCorrectionWorkflowId } from '../../workflows/claim-correction-config.ts';
import { FAST_STATEMENT_CYCLE, FAST_TIMINGS } from '../../testkit/stack.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { until as poll } from '../../testkit/poll.ts';
import { openPatientSession } from '../../testkit/patient-session.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../testkit/webhook-receiver.ts';
import { reconcileUnstartedWorkflows } from '../../worker/workflow-reconciler.ts';
import { paymentPlanWorkflowId, statementCycleWorkflowId } from '../../workflows/statement-cycle-config.ts';
import { addDays, daysFromNow } from '../../testkit/calendar.ts';

const SECRET = 'follow-ups-e2e-secret';
let messaging: WebhookReceiver;

beforeAll(async () => {
  messaging = await startWebhookReceiver(SECRET);
});

// Registered after the receiver's hooks: the stack starts once it listens and stops before it closes.
afterAll(async () => {
  await messaging?.close();
});

const stack = useTestStack(() => ({
  env: { WEBHOOK_SIGNING_SECRET: SECRET, PATIENT_WEBHOOK_URL: messaging.url },
  // A paused cycle re-checks its holds only hourly here: within a test only a signal resumes it.
  statementCycle: { ...FAST_STATEMENT_CYCLE, pausedRecheckInterval: '1h' },
  patientPortal: { answerDeadline: '1h', reminderInterval: '30m', rateLimitPerMinute: 1_000 },
}));

/** testkit/poll.ts's wait with this file's longer limit. */
const until = <T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 90_000) => poll(what, probe, timeoutMs);

async function billedStatement(): Promise<{ statementId: string; encounterId: string }> {
  const encounterId = await submitEncounter(stack.apiUrl);
  const statement = await until('the statement', () => stack.db.prisma.patientStatement.findUnique({ where: { encounterId } }));
  return { statementId: statement.id, encounterId };
}

async function askForPatient(statementId: string, category: string, text: string): Promise<string> {
  const asked = await call(stack.apiUrl, 'POST', `/statements/${statementId}/questions`, {
    token: TOKENS.biller,
    body: { category, text },
  });
  expect(asked.status).toBe(201);
  return asked.body.id as string;
}

async function patientCookie(statementId: string): Promise<string> {
  const session = await openPatientSession(stack.apiUrl, stack.db.prisma, statementId);
  expect(session.status).toBe(201);
  return session.cookie;
}

describe('a biller acts from a patient’s question', () => {
  it('sets up a payment plan from the question: the plan, the answer on the patient’s page, audited once per Idempotency-Key', async () => {
    const { statementId } = await billedStatement();
    const questionId = await askForPatient(statementId, 'payment_plan', 'Can I pay this over a few months?');
    const key = `plan-${randomUUID()}`;
    // The first installment ahead of the real clock: one already past is marked missed at once.
    const firstDueDate = daysFromNow(44);
    const body = {
      installments: 3,
      firstDueDate,
      intervalDays: 30,
      answer: 'Yes: we set up three monthly payments for you, the first on 15 January.',
    };
    const planned = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/payment-plan`, {
      token: TOKENS.biller,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(planned.status).toBe(201);
    expect(planned.body.paymentPlan.installments.map((i: { dueDate: string }) => i.dueDate)).toEqual([
      firstDueDate,
      addDays(firstDueDate, 30),
      addDays(firstDueDate, 60),
    ]);
    expect(planned.body.question.status).toBe('answered');

    // The retry finds it done: one plan, one answer.
    const again = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/payment-plan`, {
      token: TOKENS.biller,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(await stack.db.prisma.paymentPlan.count({ where: { statementId } })).toBe(1);
    expect(await stack.db.prisma.patientQuestionMessage.count({ where: { questionId } })).toBe(2);

    // The patient reads the answer on their page; the question's detail shows the plan.
    const page = await call(stack.apiUrl, 'GET', '/patient-api/statement', { headers: { cookie: await patientCookie(statementId) } });
    const conversation = page.body.questions.find((q: { id: string }) => q.id === questionId);
    expect(conversation.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['billing_office', 'Can I pay this over a few months?'],
      ['billing_office', body.answer],
    ]);
    const detail = await call(stack.apiUrl, 'GET', `/patient-questions/${questionId}`, { token: TOKENS.biller });
    expect(detail.body.paymentPlan).toMatchObject({ status: 'active', installments: 3 });

    const audit = await stack.db.prisma.auditEvent.findMany({
      where: { action: { in: ['patient_question.payment_plan_set_up', 'payment_plan.created'] } },
    });
    const mine = audit.filter((a) => (a.detail as { questionId?: string }).questionId === questionId);
    expect(mine.map((a) => a.action).sort()).toEqual(['patient_question.payment_plan_set_up', 'payment_plan.created']);
    // A second plan is refused while this one runs.
    const other = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/payment-plan`, {
      token: TOKENS.biller,
      body: { ...body, installments: 2 },
    });
    expect(other.status).toBe(409);
  }, 180_000);

  it('a plan stored whose answer then failed is finished by the retry (same Idempotency-Key, or the same question without one), not refused', async () => {
    const { statementId } = await billedStatement();
    const questionId = await askForPatient(statementId, 'payment_plan', 'Could I pay in parts?');
    const body = { installments: 2, firstDueDate: daysFromNow(61), intervalDays: 30, answer: 'Two payments, the first on 1 February.' };
    // The failure between the two writes: the database refuses the answer's message (a trigger), after the plan is stored.
    const { prisma } = stack.db;
    await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_answer() RETURNS trigger AS $$
      BEGIN IF NEW."questionId" = '${questionId}' AND NEW."authorRole" <> 'patient' AND NEW."body" = '${body.answer}' THEN
        RAISE EXCEPTION 'injected: the answer could not be stored'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_answer BEFORE INSERT ON "PatientQuestionMessage" FOR EACH ROW EXECUTE FUNCTION refuse_answer()`,
    );
    const key = `plan-${randomUUID()}`;
    try {
      const failed = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/payment-plan`, {
        token: TOKENS.biller,
        body,
        headers: { 'idempotency-key': key },
      });
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER IF EXISTS refuse_answer ON "PatientQuestionMessage"');
    }
    // Half done: the plan is stored, the question unanswered.
    expect(await prisma.paymentPlan.count({ where: { statementId, status: 'active' } })).toBe(1);
    expect(await prisma.patientQuestionMessage.count({ where: { questionId } })).toBe(1);

    const retried = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/payment-plan`, {
      token: TOKENS.biller,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(retried.status, retried.text).toBe(201);
    expect(retried.body.question.status).toBe('answered');
    expect(retried.body.paymentPlan.installments).toHaveLength(2);
    // The same question again without a key: the plan is there and answered, nothing more is done.
    const again = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/payment-plan`, { token: TOKENS.biller, body });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body.paymentPlan.id).toBe(retried.body.paymentPlan.id);
    expect(await prisma.paymentPlan.count({ where: { statementId } })).toBe(1);
    expect(await prisma.patientQuestionMessage.count({ where: { questionId } })).toBe(2);
    expect(
      await prisma.auditEvent.count({ where: { action: 'payment_plan.created', detail: { path: ['questionId'], equals: questionId } } }),
    ).toBe(1);
    // Its schedule runs once.
    await until('the plan’s schedule', async () => {
      try {
        return (
          (await stack.client.workflow.getHandle(paymentPlanWorkflowId(retried.body.paymentPlan.id)).describe()).status.name === 'RUNNING'
        );
      } catch {
        return false;
      }
    });
    // Another question on the same statement is still refused while this plan runs.
    const otherQuestion = await askForPatient(statementId, 'payment_plan', 'And a plan for me too?');
    const other = await call(stack.apiUrl, 'POST', `/patient-questions/${otherQuestion}/payment-plan`, { token: TOKENS.biller, body });
    expect(other.status).toBe(409);
  }, 180_000);

  it('sends the billed claim back from the question: corrected claim (frequency 7), the payer pays more, the statement reissued lower, the patient told', async () => {
    // Billed without modifier 25, member M-MOD25-PR: the insurer sandbox pays nothing on 99214 and puts its allowed amount on the patient (PR-1).
    const base = validSubmission({ clinicEncounterId: `CORR-${randomUUID()}` });
    const encounterId = await submitEncounter(stack.apiUrl, {
      ...base,
      patient: { ...base.patient, memberId: 'M-MOD25-PR' },
      documentation: {
        ...base.documentation,
        procedures: [{ description: 'Office visit, established patient, moderate complexity', code: '99214', units: 1 }],
      },
    });
    const { prisma } = stack.db;
    const first = await until('the statement', () => prisma.patientStatement.findUnique({ where: { encounterId } }));
    const statementId = first.id;
    const owedBefore = first.patientOwesCents;
    expect(owedBefore).toBeGreaterThan(0);
    const questionId = await askForPatient(statementId, 'insurance_should_have_paid', 'My insurance should have paid for this visit.');
    const cookie = await patientCookie(statementId);

    // Bad input names the field; nothing is stored.
    const bad = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/claim-actions`, {
      token: TOKENS.biller,
      body: { action: 'resubmit', reason: 'modifier 25 was missing', answer: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('corrections');
    const wrong = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/claim-actions`, {
      token: TOKENS.biller,
      body: { action: 'write_off', answer: 'x' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('action');
    // Only billers and supervisors.
    const coder = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/claim-actions`, {
      token: TOKENS.coder,
      body: { action: 'resubmit', reason: 'r', corrections: [{ code: '99214', modifiers: ['25'] }], answer: 'x' },
    });
    expect(coder.status).toBe(403);
    expect(await prisma.claimCorrection.count({ where: { encounterId } })).toBe(0);

    const key = `corr-${randomUUID()}`;
    const body = {
      action: 'resubmit',
      reason: 'modifier 25 was missing on the visit',
      corrections: [{ code: '99214', modifiers: ['25'] }],
      answer: 'You are right: we sent a corrected claim to your insurer.',
    };
    const sent = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/claim-actions`, {
      token: TOKENS.biller,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(sent.status, sent.text).toBe(201);
    const correctionId = sent.body.claimCorrection.id as string;
    // A retry is the same request; a second correction while this one is with the payer is refused, naming it.
    const retried = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/claim-actions`, {
      token: TOKENS.biller,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replay')).toBe('true');
    const second = await call(stack.apiUrl, 'POST', `/patient-questions/${questionId}/claim-actions`, {
      token: TOKENS.supervisor,
      body: { ...body, answer: 'again' },
    });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain(correctionId);

    const done = await until('the corrected statement', async () => {
      const row = await prisma.claimCorrection.findUniqueOrThrow({ where: { id: correctionId } });
      return row.status === 'completed' ? row : undefined;
    });
    expect(done.previousOwesCents).toBe(owedBefore);
    expect(done.patientOwesCents!).toBeLessThan(owedBefore);
    // The statement's cycle was paused (the question, then the correction in flight); the
    // correction's end wakes it, and it goes on from the new balance: its next reminder says it.
    const resumed = await until('the cycle resumed', async () => {
      const cycle = await prisma.statementCycle.findUnique({ where: { statementId } });
      return cycle?.status !== 'paused' && cycle;
    });
    expect(resumed.holds).toEqual([]);
    const reminder = await until('a reminder of the new balance', () =>
      prisma.statementNotice.findFirst({ where: { statementId, kind: 'reminder' } }),
    );
    expect(reminder.balanceCents).toBe(done.patientOwesCents);
    expect(await stack.client.workflow.getHandle(claimCorrectionWorkflowId(correctionId)).result()).toBe('completed');
    // The replacement went out as frequency 7 with the modifier; the payer's new remittance is posted once (with the original's reversal).
    const replacement = await prisma.claim.findUniqueOrThrow({
      where: { claimNumber: done.replacementClaimNumber! },
      include: { lines: true },
    });
    expect(replacement.frequencyCode).toBe('7');
    expect(replacement.lines.find((l) => l.code === '99214')!.modifiers).toEqual(['25']);
    const payments = await prisma.claimPayment.findMany({ where: { claimNumber: { in: [replacement.claimNumber, done.claimNumber!] } } });
    expect(payments.filter((p) => p.claimNumber === replacement.claimNumber)).toHaveLength(1);
    expect(payments.some((p) => p.claimNumber === done.claimNumber && p.status === '22')).toBe(true);

    const statement = await prisma.patientStatement.findUniqueOrThrow({ where: { id: statementId } });
    expect(statement.patientOwesCents).toBe(done.patientOwesCents);
    expect(statement.claimId).toBe(replacement.id);
    const balance = await call(stack.apiUrl, 'GET', `/statements/${statementId}/balance`, { token: TOKENS.biller });
    expect(balance.body.balanceCents).toBe(done.patientOwesCents);

    // The patient reads what happened and the new balance on their page, and was told through the clinic's messaging.
    const page = await call(stack.apiUrl, 'GET', '/patient-api/statement', { headers: { cookie } });
    expect(page.status).toBe(200);
    const conversation = page.body.questions.find((q: { id: string }) => q.id === questionId);
    const said = conversation.messages.map((m: { body: string }) => m.body).join('\n');
    expect(said).toContain(body.answer);
    expect(said).toContain('We sent a corrected claim to your insurer');
    expect(said).toContain(`$${(done.patientOwesCents! / 100).toFixed(2)}`);
    expect(JSON.stringify(page.body)).toContain(String(done.patientOwesCents));
    const told = await until('the patient told', async () =>
      messaging.received.find((w) => w.payload.questionId === questionId && w.payload.event === 'patient_question_updated'),
    );
    expect(told.verified).toBe(true);
    const audit = await prisma.auditEvent.findMany({
      where: { encounterId, action: { in: ['claim_correction.requested', 'patient_question.claim_sent_back', 'statement.reissued'] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'claim_correction.requested',
      'patient_question.claim_sent_back',
      'statement.reissued',
    ]);
  }, 240_000);
});

describe('the statement cycle tells the patient and ends with the supervisor’s write-off', () => {
  it('delivers every notice once through an outage of the clinic’s messaging; write_off posts the balance and closes the cycle', async () => {
    // The clinic's messaging is down when the statement is issued.
    messaging.down = true;
    let statementId: string;
    try {
      ({ statementId } = await billedStatement());
      // The attempt is counted before the webhook is posted: wait for messaging to have refused it.
      const notice = await until('a refused attempt at the statement notice', async () => {
        const row = await stack.db.prisma.statementNotice.findFirst({ where: { statementId, kind: 'statement' } });
        return row !== null && row.deliveryAttempts > 0 && messaging.refusedWhileDown > 0 ? row : undefined;
      });
      expect(notice.deliveredAt).toBeNull();
      expect(messaging.refusedWhileDown).toBeGreaterThan(0);
    } finally {
      messaging.down = false;
    }

    const cycle = await until('the final notice', async () => {
      const response = await call(stack.apiUrl, 'GET', `/statements/${statementId}/cycle`, { token: TOKENS.supervisor });
      return response.status === 200 && response.body.status === 'awaiting_decision' ? response.body : undefined;
    });
    expect(cycle.notices.map((n: { kind: string; seq: number }) => `${n.kind}:${n.seq}`)).toEqual([
      'statement:0',
      'reminder:1',
      'reminder:2',
      'reminder:3',
      'final_notice:1',
    ]);
    const rows = await until('every notice delivered', async () => {
      const all = await stack.db.prisma.statementNotice.findMany({ where: { statementId } });
      return all.every((n) => n.deliveredAt !== null) ? all : undefined;
    });
    expect(rows.find((n) => n.kind === 'statement')!.deliveryAttempts).toBeGreaterThan(1);
    const delivered = messaging.received.filter((w) => w.payload.statementId === statementId);
    expect(delivered.every((w) => w.verified)).toBe(true);
    expect(delivered.map((w) => w.payload.event)).toEqual([
      'statement_issued',
      'statement_reminder',
      'statement_reminder',
      'statement_reminder',
      'statement_final_notice',
    ]);
    // Once each (distinct webhook ids), and ids only: no name, no amount, no date of birth.
    expect(new Set(delivered.map((w) => w.id)).size).toBe(5);
    for (const webhook of delivered) expect(Object.keys(webhook.payload).sort()).toEqual(expect.arrayContaining(['event', 'statementId']));
    expect(JSON.stringify(delivered)).not.toMatch(/1980-02-29|Cents|balance/);

    const owed = await call(stack.apiUrl, 'GET', `/statements/${statementId}/balance`, { token: TOKENS.biller });
    expect(owed.body.balanceCents).toBeGreaterThan(0);
    const decided = await call(stack.apiUrl, 'POST', `/statements/${statementId}/cycle/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'write_off', note: 'hardship' },
    });
    expect(decided.status).toBe(202);
    await stack.client.workflow.getHandle(statementCycleWorkflowId(statementId)).result();
    const after = await call(stack.apiUrl, 'GET', `/statements/${statementId}/balance`, { token: TOKENS.biller });
    expect(after.body.balanceCents).toBe(0);
    const writeOffs = await stack.db.prisma.statementAdjustment.findMany({ where: { statementId, kind: 'write_off' } });
    expect(writeOffs).toHaveLength(1);
    expect(writeOffs[0]).toMatchObject({ amountCents: owed.body.balanceCents, status: 'applied', decidedBy: 'supervisor-demo' });
    const closed = await call(stack.apiUrl, 'GET', `/statements/${statementId}/cycle`, { token: TOKENS.supervisor });
    expect(closed.body).toMatchObject({ status: 'closed', decision: 'write_off' });
    expect(await stack.db.prisma.auditEvent.count({ where: { action: 'statement_cycle.written_off' } })).toBe(1);
    const twice = await call(stack.apiUrl, 'POST', `/statements/${statementId}/cycle/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'write_off' },
    });
    expect(twice.status).toBe(409);
  }, 180_000);
});

describe('a question stored while Temporal was down', () => {
  it('gets its workflow from the worker’s sweep: acknowledged, the patient told, once', async () => {
    const { statementId, encounterId } = await billedStatement();
    // As the API leaves it when Temporal is unreachable: the row (and its first message), no workflow.
    const id = randomUUID();
    await stack.db.prisma.patientQuestion.create({
      data: {
        id,
        statementId,
        encounterId,
        category: 'other',
        channel: 'patient_page',
        askedBy: 'patient',
        dueAt: new Date(Date.now() + 3_600_000),
        workflowId: patientQuestionWorkflowId(id),
        messages: { create: { authorRole: 'patient', author: 'patient', body: 'Is this my final bill?' } },
      },
    });
    const sweep = () =>
      reconcileUnstartedWorkflows({
        prisma: stack.db.prisma,
        temporal: stack.client,
        taskQueue: stack.taskQueue,
        timings: FAST_TIMINGS,
        graceMs: 0,
        patientQuestions: { reminderInterval: '30m' },
      });
    const pass = await sweep();
    expect(pass.questions).toBeGreaterThanOrEqual(1);
    const description = await stack.client.workflow.getHandle(patientQuestionWorkflowId(id)).describe();
    expect(description.type).toBe('patientQuestionWorkflow');
    await until(
      'the acknowledgement',
      async () => (await stack.db.prisma.patientQuestion.findUniqueOrThrow({ where: { id } })).acknowledgedAt,
    );
    await until('the patient told', async () =>
      messaging.received.some((w) => w.payload.questionId === id && w.payload.event === 'patient_question_received'),
    );
    // The next pass (another worker, the next interval) has nothing left to start.
    const again = await sweep();
    expect(again.questions).toBe(0);
    const runs = stack.client.workflow.list({ query: `WorkflowId = '${patientQuestionWorkflowId(id)}'` });
    const ids: string[] = [];
    for await (const run of runs) ids.push(run.runId);
    expect(ids).toHaveLength(1);
  }, 180_000);
});
