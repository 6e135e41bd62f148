/**
 * Someone who reaches the Temporal frontend without the API (here: a client with neither the
 * payload codec nor the message key, like `temporal workflow signal` from the CLI) can neither
 * cancel nor decide; each attempt is audited. The API's own cancel still works. Real stack.
 */
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TOKENS, call, encounterStatus, submitEncounter, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { until } from '../../testkit/poll.ts';
import { useTestStack } from '../../testkit/fixtures.ts';

const stack = useTestStack();

const stage = async (id: string) => (await encounterStatus(stack.apiUrl, id)).stage;

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
    const id = await submitEncounter(stack.apiUrl, body);
    await waitForEncounterStage(stack.apiUrl, id, 'awaiting_clarification');

    const forger = stack.env.client.workflow.getHandle(`encounter-${id}`);
    await forger.signal('cancel', { cancelledBy: 'mallory', reason: 'forged' });
    await expect(forger.executeUpdate('decide', { args: [{ decision: 'cancel', decidedBy: 'mallory' }] })).rejects.toBeInstanceOf(
      WorkflowUpdateFailedError,
    );
    const refused = await until('the refusal in the audit log', async () => {
      const rows = await stack.db.prisma.auditEvent.findMany({ where: { encounterId: id, action: 'message.refused' } });
      return rows.length > 0 && rows;
    });
    expect(refused[0]!.actor).toBe('unauthenticated');
    expect(await stage(id)).toBe('awaiting_clarification');
    expect(await stack.db.prisma.auditEvent.count({ where: { actor: 'mallory' } })).toBe(0);

    const cancelled = await call(stack.apiUrl, 'POST', `/encounters/${id}/cancel`, {
      token: TOKENS.biller,
      body: { reason: 'entered in error' },
    });
    expect(cancelled.status).toBe(202);
    await waitForEncounterStage(stack.apiUrl, id, 'cancelled');
  });
});
