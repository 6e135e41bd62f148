/**
 * End to end over HTTP against the real stack: the API, a real Temporal server and worker with
 * the real activities and coding engine, a real database, and the insurer and clearinghouse
 * sandboxes over HTTP. Asserts what each party recorded, not only what the API says.
 */
import { describe, expect, it } from 'vitest';
import type { Stage } from '../../workflows/stages.ts';
import { TOKENS, call, submitEncounter, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { until } from '../../testkit/poll.ts';

const stack = useTestStack();

const submit = (overrides: Partial<ReturnType<typeof validSubmission>> = {}) =>
  submitEncounter(stack.apiUrl, { ...validSubmission(), ...overrides });
const waitForStage = (id: string, stage: Stage, timeoutMs?: number) => waitForEncounterStage(stack.apiUrl, id, stage, timeoutMs);

async function sandboxRecords(url: string): Promise<any> {
  return (await fetch(`${url}/_sandbox/records`)).json();
}

describe('the encounter lifecycle over HTTP', () => {
  it('codes, bills and issues the statement of a routine visit (the first slice)', async () => {
    const id = await submit({
      documentation: {
        notes: 'Sore throat and nasal congestion for three days. Denies fever. Pharynx erythematous.',
        diagnoses: [{ description: 'Acute upper respiratory infection' }],
        procedures: [{ description: 'Office visit, established patient, low complexity', code: '99213', units: 1 }],
        testResults: [],
      },
    });
    const billed = await waitForStage(id, 'billed');
    expect(billed.history.map((t) => t.to)).toEqual(['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    expect(billed.eligibility).toMatchObject({
      status: 'active',
      purpose: 'start',
      copayCents: 2500,
      deductibleRemainingCents: 110000,
      outOfPocketMaxCents: 600000,
    });
    expect(billed.codes.diagnoses).toEqual(['J06.9']);

    const rows = await stack.db.prisma.codeAssignment.findMany({ where: { encounterId: id } });
    expect(rows.map((r) => r.code).sort()).toEqual(['99213', 'J06.9']);
    expect(rows.every((r) => r.rationale.length > 0)).toBe(true);
    // Written by the activities that carry them (TRANSITIONS_CARRIED), one row per stage, in order.
    const transitions = await stack.db.prisma.encounterTransition.findMany({ where: { encounterId: id }, orderBy: { sequence: 'asc' } });
    expect(transitions.map((t) => [t.sequence, t.fromStage, t.toStage])).toEqual(billed.history.map((t, i) => [i + 1, t.from, t.to]));
    const encounterRow = await stack.db.prisma.encounter.findUniqueOrThrow({ where: { id } });
    expect(encounterRow.stage).toBe('billed');

    const claims = await sandboxRecords(stack.clearinghouseUrl);
    expect(JSON.stringify(claims)).toContain(billed.claimNumber!);

    const statement = await call(stack.apiUrl, 'GET', `/statements/${billed.statementId}`, { token: TOKENS.biller });
    expect(statement.status).toBe(200);
    expect(statement.body.patientOwesCents ?? statement.body.statement?.patientOwesCents).toBeGreaterThanOrEqual(0);
    const html = await call(stack.apiUrl, 'GET', `/statements/${billed.statementId}?format=html`, { token: TOKENS.biller });
    expect(html.contentType).toContain('text/html');
    expect(html.text).toContain('99213');
    expect(html.text).toMatch(/office visit/i); // the service is named, not only coded

    // Supervisors find encounters by stage in Temporal's visibility, by search attributes only.
    // Visibility is eventually consistent: wait until the listing has it (testkit/poll.ts's limit).
    const listed = await until(`visibility to list encounter-${id} as billed`, async () => {
      const ids: string[] = [];
      for await (const wf of stack.env.client.workflow.list({ query: `EncounterStage = "billed" AND PayerId = "ACME-HEALTH"` }))
        ids.push(wf.workflowId);
      return ids.includes(`encounter-${id}`) && ids;
    });
    expect(listed).toContain(`encounter-${id}`);
  });

  it('asks the physician through the inbox and re-codes with the answer', async () => {
    const id = await submit({
      documentation: {
        notes: 'Here for diabetes check. Feet intact. GAD65 antibodies positive.',
        diagnoses: [{ description: 'Diabetes' }],
        procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
        testResults: [],
      },
    });
    const waiting = await waitForStage(id, 'awaiting_clarification');
    const inbox = await call(stack.apiUrl, 'GET', '/physicians/1234567893/clarifications', { token: TOKENS.physicianA });
    expect(inbox.status).toBe(200);
    const items = inbox.body.items ?? inbox.body;
    const query = items.find((q: { id: string }) => q.id === waiting.openQuery!.queryId);
    expect(query.options).toContain('Clinically undetermined');
    expect(JSON.stringify(query).toLowerCase()).not.toMatch(/payment|reimburse/);

    const wrongOption = await call(stack.apiUrl, 'POST', `/clarifications/${query.id}/answer`, {
      token: TOKENS.physicianA,
      body: { option: 'Type 9 diabetes' },
    });
    expect(wrongOption.status).toBe(422);
    const answer = await call(stack.apiUrl, 'POST', `/clarifications/${query.id}/answer`, {
      token: TOKENS.physicianA,
      body: { option: 'Type 1 diabetes mellitus' },
    });
    expect(answer.status).toBe(200);

    const billed = await waitForStage(id, 'billed');
    expect(billed.codes.diagnoses).toContain('E10.9');
    const stored = await stack.db.prisma.clarificationQuery.findUniqueOrThrow({ where: { id: query.id } });
    expect(stored).toMatchObject({ status: 'answered', answerOption: 'Type 1 diabetes mellitus', answeredBy: '1234567893' });
  });

  it('reminds, escalates at the deadline, and the supervisor accepts the codes', async () => {
    const id = await submit({
      documentation: {
        notes: 'Knee pain with stiffness in the morning.',
        diagnoses: [{ description: 'Osteoarthritis of knee' }],
        procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
        testResults: [],
      },
    });
    const escalated = await waitForStage(id, 'escalated', 30_000);
    expect(escalated.pendingDecision?.allowed).toContain('accept_codes');
    const query = await stack.db.prisma.clarificationQuery.findFirstOrThrow({ where: { encounterId: id } });
    expect(query.remindersSent).toBeGreaterThanOrEqual(1);
    expect(query.status).toBe('escalated');

    const wrong = await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'bill_patient' },
    });
    expect(wrong.status).toBe(409);
    const decided = await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'accept_codes', note: 'unspecified is supported' },
    });
    expect(decided.status).toBe(200); // the decision is a validated update
    const billed = await waitForStage(id, 'billed');
    expect(billed.codes.diagnoses).toEqual(['M17.9']);
    const audit = await stack.db.prisma.auditEvent.findMany({ where: { encounterId: id } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['escalation:clarification_overdue']));
  }, 60_000);

  it('asks the insurer when the payer requires it and bills only the authorized units', async () => {
    const id = await submit({
      documentation: {
        notes: 'Low back pain radiating to the left leg for eight weeks despite physical therapy.',
        diagnoses: [{ description: 'Low back pain', code: 'M54.50' }],
        procedures: [{ description: 'MRI lumbar spine without contrast', code: '72148', units: 2 }],
        testResults: [],
      },
    });
    // Two units of a lumbar MRI on one day fail the units edit: a coder fixes the units first.
    const review = await waitForStage(id, 'coder_review');
    expect(review.coderReview?.reasons.map((r) => r.kind)).toContain('edit_failed');
    expect(review.coderReview?.reasons.find((r) => r.kind === 'edit_failed')?.detail).toContain('MUE');
    const refused = await call(stack.apiUrl, 'POST', `/encounters/${id}/coder-review`, { token: TOKENS.coder, body: { action: 'accept' } });
    expect(refused.status).toBe(409); // codes that fail an edit are not billed on a say-so
    const edited = await call(stack.apiUrl, 'POST', `/encounters/${id}/coder-review`, {
      token: TOKENS.coder,
      body: { action: 'edit', diagnoses: [{ code: 'M54.50' }], procedures: [{ code: '72148', units: 1 }], note: 'one study documented' },
    });
    expect(edited.status).toBe(200);
    const billed = await waitForStage(id, 'billed');
    expect(billed.authorization?.outcome).toBe('partial');
    expect(billed.flags).toContain('partially authorized: billing only the authorized units');
    const lines = await stack.db.prisma.claimLine.findMany({ where: { claim: { encounterId: id } } });
    expect(lines.map((l) => [l.code, l.units])).toEqual([['72148', 1]]);
    const records = await sandboxRecords(stack.insurerUrl);
    const mine = records.authorizations.filter((a: { idempotencyKey: string }) => a.idempotencyKey.startsWith(id));
    expect(mine).toHaveLength(1);
    const auth = await stack.db.prisma.priorAuthorization.findFirstOrThrow({ where: { encounterId: id } });
    expect(auth.authNumber).toBeTruthy();
    expect(auth.status).toBe('partial');
  });

  it('sends a denial to the supervisor, who bills the patient with notice', async () => {
    const id = await submit({
      patient: { ...validSubmission().patient, memberId: 'M-DENY' },
      documentation: {
        notes: 'Chronic headaches, neurological exam normal.',
        diagnoses: [{ description: 'Headache', code: 'R51.9' }],
        procedures: [{ description: 'MRI brain without contrast', code: '70551', units: 1 }],
        testResults: [],
      },
    });
    const denied = await waitForStage(id, 'denied');
    expect(denied.pendingDecision?.allowed).toEqual(['resubmit', 'bill_patient']);
    const stale = await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, {
      token: TOKENS.supervisor,
      body: { decision: 'bill_patient', decisionId: 'a-question-answered-long-ago' },
    });
    expect(stale.status).toBe(409);
    const once = { token: TOKENS.supervisor, body: { decision: 'bill_patient' }, headers: { 'idempotency-key': `bill-${id}` } };
    const decided = await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, once);
    const retried = await call(stack.apiUrl, 'POST', `/encounters/${id}/decision`, once); // a client retry
    expect(retried.status).toBe(decided.status);
    expect(retried.headers.get('idempotent-replay')).toBe('true');
    expect(decided.status).toBe(200); // the decision is a validated update
    const billed = await waitForStage(id, 'billed');
    const statement = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { encounterId: id } });
    expect(statement.insuranceExpectedCents).toBe(0);
    expect(statement.patientOwesCents).toBe(statement.billedCents);
    expect(billed.flags.join(' ')).toContain('without authorization');
  });

  it('an encounter whose member the insurer does not know waits for the biller before anything is coded or claimed', async () => {
    const id = await submit({ patient: { ...validSubmission().patient, memberId: 'M-UNKNOWN' } });
    const waiting = await waitForStage(id, 'awaiting_coverage');
    expect(waiting.pendingDecision).toMatchObject({ kind: 'coverage_problem' });
    expect(waiting.pendingDecision?.reason).toContain('no member with this member id');
    expect(waiting.pendingDecision?.reason).not.toContain('M-UNKNOWN');
    expect(waiting.eligibility).toMatchObject({ status: 'not_found', check: 1 });
    expect(await stack.db.prisma.claim.count({ where: { encounterId: id } })).toBe(0);
    expect(await stack.db.prisma.codeAssignment.count({ where: { encounterId: id } })).toBe(0);
    const stored = await stack.db.prisma.eligibilityCheck.findFirstOrThrow({ where: { encounterId: id } });
    expect(stored).toMatchObject({ status: 'not_found', payerId: 'ACME-HEALTH', memberId: 'M-UNKNOWN' });
  });

  it('cancels an encounter waiting for the physician and withdraws the query', async () => {
    const id = await submit({
      documentation: {
        notes: 'Follow up kidney disease, creatinine stable.',
        diagnoses: [{ description: 'Chronic kidney disease' }],
        procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
        testResults: [],
      },
    });
    await waitForStage(id, 'awaiting_clarification');
    const cancelled = await call(stack.apiUrl, 'POST', `/encounters/${id}/cancel`, {
      token: TOKENS.biller,
      body: { reason: 'entered in error' },
    });
    expect(cancelled.status).toBe(202);
    await waitForStage(id, 'cancelled');
    const query = await stack.db.prisma.clarificationQuery.findFirstOrThrow({ where: { encounterId: id } });
    expect(query.status).toBe('withdrawn');
    expect(await stack.db.prisma.claim.count({ where: { encounterId: id } })).toBe(0);
  });
});
