/**
 * Someone who reaches the Temporal frontend without the API (here: a client with neither the
 * payload codec nor the message key, like `temporal workflow signal` from the CLI) can neither
 * cancel nor decide; each attempt is audited. The API's own cancel still works. Real stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TOKENS, call, validSubmission } from '../../testkit/http.ts';
import { startTestStack, type TestStack } from '../../testkit/stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

async function stage(id: string): Promise<string> {
  const response = await call(stack.apiUrl, 'GET', `/encounters/${id}`, { token: TOKENS.supervisor });
  return response.body.status.stage as string;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('messages sent straight to Temporal', () => {
  it('a forged cancel and a forged decision change nothing and are audited; the API cancel works', async () => {
    const body = {
      ...validSubmission(),
      documentation: {
        notes: 'Follow up kidney disease, creatinine stable.',
        diagnoses: [{ description: 'Chronic kidney disease' }],
        procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
        testResults: [],
      },
    };
    const created = await call(stack.apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await until('the physician query', async () => ((await stage(id)) === 'awaiting_clarification' ? true : undefined));

    const forger = stack.env.client.workflow.getHandle(`encounter-${id}`);
    await forger.signal('cancel', { cancelledBy: 'mallory', reason: 'forged' });
    await expect(forger.executeUpdate('decide', { args: [{ decision: 'cancel', decidedBy: 'mallory' }] })).rejects.toBeInstanceOf(
      WorkflowUpdateFailedError,
    );
    const refused = await until('the refusal in the audit log', async () => {
      const rows = await stack.db.prisma.auditEvent.findMany({ where: { encounterId: id, action: 'message.refused' } });
      return rows.length > 0 ? rows : undefined;
    });
    expect(refused[0]!.actor).toBe('unauthenticated');
    expect(await stage(id)).toBe('awaiting_clarification');
    expect(await stack.db.prisma.auditEvent.count({ where: { actor: 'mallory' } })).toBe(0);

    const cancelled = await call(stack.apiUrl, 'POST', `/encounters/${id}/cancel`, {
      token: TOKENS.biller,
      body: { reason: 'entered in error' },
    });
    expect(cancelled.status).toBe(202);
    await until('the API cancel', async () => ((await stage(id)) === 'cancelled' ? true : undefined));
  });
});
