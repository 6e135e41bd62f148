/**
 * A statement's cycle started again after a claim correction raised the balance of a statement
 * whose cycle had ended paid (payments/statement-cycle-start.ts renewPaidStatementCycle), against
 * the real PostgreSQL and the real Temporal dev server: a new run of the same workflow id whose
 * notices are numbered after the ones already recorded; nothing for a cycle still running or a
 * statement with nothing owed; a repeat joins the run it started.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewPaidStatementCycle } from '../../payments/statement-cycle-start.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';
import { seedStoredEncounter } from '../../testkit/seed-encounter.ts';
import { seedStatement } from '../../testkit/seed-statement.ts';
import { createLocalTestEnv } from '../../testkit/temporal.ts';
import { DEFAULT_STATEMENT_CYCLE, statementCycleWorkflowId, type StatementCycleInput } from '../../workflows/statement-cycle-config.ts';

const db = useTestDatabase();
let env: TestWorkflowEnvironment;
// No worker polls this queue: the test reads what was started, not what it does (test/workflows covers that).
const options = { taskQueue: `renewal-${randomUUID()}`, schedule: DEFAULT_STATEMENT_CYCLE };

beforeAll(async () => {
  env = await createLocalTestEnv();
}, 180_000);

afterAll(async () => {
  await env?.teardown();
});

/** A statement owing 90.00 with the patient's 40.00 paid, its cycle row in `status`, and the notices it recorded. */
async function statementWithCycle(status: string, notices: Array<{ kind: string; seq: number }>): Promise<string> {
  const { prisma } = db;
  const { encounterId } = await seedStoredEncounter(prisma);
  const { statementId } = await seedStatement(prisma, encounterId, { insuranceExpectedCents: 6_000, patientOwesCents: 9_000 });
  await prisma.payment.create({
    data: {
      statementId,
      reference: `pay-${randomUUID()}`,
      requestHash: 'h',
      amountCents: 4_000,
      method: 'cash',
      source: 'desk',
      status: 'confirmed',
      recordedBy: 'biller-1',
    },
  });
  await prisma.statementCycle.create({ data: { statementId, workflowId: statementCycleWorkflowId(statementId), status } });
  for (const notice of notices) await prisma.statementNotice.create({ data: { statementId, ...notice, balanceCents: 4_000 } });
  return statementId;
}

/** The earlier cycle: a run of the workflow id that has closed. */
async function closedEarlierRun(statementId: string): Promise<string> {
  const handle = await env.client.workflow.start('statementCycleWorkflow', {
    workflowId: statementCycleWorkflowId(statementId),
    taskQueue: options.taskQueue,
    args: [{ statementId, schedule: DEFAULT_STATEMENT_CYCLE }],
  });
  await handle.terminate('the earlier cycle ended');
  return handle.firstExecutionRunId;
}

async function startInput(statementId: string): Promise<StatementCycleInput> {
  const history = await env.client.workflow.getHandle(statementCycleWorkflowId(statementId)).fetchHistory();
  const started = history.events![0]!.workflowExecutionStartedEventAttributes!;
  return env.client.options.loadedDataConverter.payloadConverter.fromPayload(started.input!.payloads![0]!);
}

describe('renewing a statement cycle that ended paid', () => {
  it('starts a new run of the cycle, its notices numbered after the statement and reminders already sent; a repeat joins it', async () => {
    const statementId = await statementWithCycle('paid', [
      { kind: 'statement', seq: 0 },
      { kind: 'reminder', seq: 1 },
    ]);
    const earlierRunId = await closedEarlierRun(statementId);

    expect(await renewPaidStatementCycle(db.prisma, env.client, options, statementId)).toBe('renewed');
    const handle = env.client.workflow.getHandle(statementCycleWorkflowId(statementId));
    const running = await handle.describe();
    expect(running.status.name).toBe('RUNNING');
    expect(running.runId).not.toBe(earlierRunId);
    expect(await startInput(statementId)).toEqual({
      statementId,
      schedule: DEFAULT_STATEMENT_CYCLE,
      renewal: { lastSeq: { statement: 0, reminder: 1, final_notice: 0 } },
    });

    // A retried activity (the row still says paid until the new run opens) joins the run it started.
    expect(await renewPaidStatementCycle(db.prisma, env.client, options, statementId)).toBe('renewed');
    expect((await handle.describe()).runId).toBe(running.runId);
    await handle.terminate('test over');
  });

  it('leaves a cycle that has not ended paid, and a statement with nothing owed, alone', async () => {
    const active = await statementWithCycle('paused', [{ kind: 'statement', seq: 0 }]);
    expect(await renewPaidStatementCycle(db.prisma, env.client, options, active)).toBe('not_ended_paid');

    const settled = await statementWithCycle('paid', [{ kind: 'statement', seq: 0 }]);
    await db.prisma.patientStatement.update({ where: { id: settled }, data: { patientOwesCents: 4_000 } });
    const earlierRunId = await closedEarlierRun(settled);
    expect(await renewPaidStatementCycle(db.prisma, env.client, options, settled)).toBe('nothing_owed');
    expect((await env.client.workflow.getHandle(statementCycleWorkflowId(settled)).describe()).runId).toBe(earlierRunId);
  });
});
