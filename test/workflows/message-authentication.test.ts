/**
 * Messages that reach Temporal without going through the API (no proof, a forged proof, or a
 * proof captured and sent again) change nothing and are audited; the API's signed messages work.
 * On the time-skipping server with the in-memory activities (which check proofs with the real
 * HMAC code and the test key); the environment's own client signs like the API's.
 */
import { describe, expect, it } from 'vitest';
import { Client, WorkflowUpdateFailedError, type WorkflowClientInterceptor } from '@temporalio/client';
import { MessageProofKeys, messageProofInterceptor } from '../../platform/message-proof.ts';
import { generatePayloadKeySpec } from '../../platform/payload-codec.ts';
import { cancelSignal, statusQuery, supervisorDecisionSignal, supervisorDecisionUpdate } from '../../workflows/messages.ts';
import { useWorkflowTestEnv } from '../../testkit/workflow-test-env.ts';
import { runEncounter, waitForStage, type Handle } from '../../testkit/drive.ts';
import { decision, mriCoding, TEST_MESSAGE_PROOF_KEYS } from '../../testkit/fake-activities.ts';
import type { encounterWorkflow } from '../../workflows/encounter.ts';

const wf = useWorkflowTestEnv();

/** A denied authorization waits for a supervisor: the moment a forged decision would matter most. */
const deniedScript = {
  coding: [mriCoding()],
  authorizationRequired: true,
  authorizationRequests: [decision('denied', { reason: 'not medically necessary' })],
};

function clientWith(interceptors: WorkflowClientInterceptor[]): Client {
  return new Client({ connection: wf.env.connection, namespace: wf.env.namespace ?? 'default', interceptors: { workflow: interceptors } });
}

const handleIn = (client: Client, handle: Handle) => client.workflow.getHandle<typeof encounterWorkflow>(handle.workflowId);

/** Waits until the encounter has been denied `times` times (its history, not a clock). */
async function deniedTimes(handle: Handle, times: number): Promise<void> {
  for (;;) {
    const status = await handle.query(statusQuery);
    if (status.history.filter((t) => t.to === 'denied').length >= times) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const refusals = (calls: { name: string; args: unknown }[]) =>
  calls
    .filter((c) => c.name === 'recordAudit' && (c.args as { action: string }).action === 'message.refused')
    .map((c) => (c.args as { detail: { message: string; reason: string } }).detail);

describe('messages not sent by the API', () => {
  it('a plain signal from the frontend neither decides nor cancels; the API-signed decision does', async () => {
    const { stages, fake, status } = await runEncounter(wf, deniedScript, async (handle) => {
      await waitForStage(handle, 'denied');
      const forger = handleIn(clientWith([]), handle);
      await forger.signal(supervisorDecisionSignal, { decision: 'bill_patient', decidedBy: 'mallory' });
      await forger.signal(cancelSignal, { cancelledBy: 'mallory', reason: 'forged' });
      const stillDenied = await waitForStage(handle, 'denied');
      expect(stillDenied.pendingDecision?.kind).toBe('authorization_denied');
      await handle.signal(supervisorDecisionSignal, { decision: 'bill_patient', decidedBy: 'sup-1' });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'denied', 'billing', 'billed']);
    expect(status.history.some((t) => t.actor === 'mallory')).toBe(false);
    // Both refusals are audited; their activities run side by side, so in either order.
    expect(refusals(fake.calls)).toHaveLength(2);
    expect(refusals(fake.calls)).toEqual(
      expect.arrayContaining([
        { message: 'supervisorDecision', reason: 'no proof' },
        { message: 'cancel', reason: 'no proof' },
      ]),
    );
  });

  it('an update without a proof is refused before it is written; one signed with another key fails and is audited', async () => {
    const { stages, fake } = await runEncounter(wf, deniedScript, async (handle) => {
      const waiting = await waitForStage(handle, 'denied');
      const input = { decision: 'bill_patient' as const, decidedBy: 'mallory', decisionId: waiting.pendingDecision!.id };
      await expect(handleIn(clientWith([]), handle).executeUpdate(supervisorDecisionUpdate, { args: [input] })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
      const stranger = MessageProofKeys.fromPayloadKeySpec(generatePayloadKeySpec());
      await expect(
        handleIn(clientWith([messageProofInterceptor(stranger)]), handle).executeUpdate(supervisorDecisionUpdate, { args: [input] }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
      expect((await waitForStage(handle, 'denied')).pendingDecision?.id).toBe(waiting.pendingDecision!.id);
      await handle.executeUpdate(supervisorDecisionUpdate, { args: [{ ...input, decidedBy: 'sup-1' }] });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'denied', 'billing', 'billed']);
    expect(refusals(fake.calls)).toEqual([{ message: 'decide', reason: 'unknown key' }]);
  });

  it('a signed message captured and sent again is acted on once', async () => {
    let captured: unknown[] = [];
    const capture: WorkflowClientInterceptor = {
      async signal(input, next) {
        captured = input.args;
        return next(input);
      },
    };
    const resend: WorkflowClientInterceptor = {
      async signal(input, next) {
        return next({ ...input, args: captured });
      },
    };
    const { fake } = await runEncounter(wf, deniedScript, async (handle) => {
      await waitForStage(handle, 'denied');
      // The API's client signs (first interceptor), the second one sees the signed arguments.
      const api = handleIn(clientWith([messageProofInterceptor(TEST_MESSAGE_PROOF_KEYS), capture]), handle);
      await api.signal(supervisorDecisionSignal, { decision: 'resubmit', decidedBy: 'sup-1' });
      await deniedTimes(handle, 2); // the resubmitted request is denied again
      await handleIn(clientWith([resend]), handle).signal(supervisorDecisionSignal, { decision: 'resubmit', decidedBy: 'sup-1' });
      await handle.signal(cancelSignal, { cancelledBy: 'sup-1', reason: 'stop here' });
    });
    expect(fake.callsOf('requestPriorAuthorization')).toHaveLength(2);
    expect(refusals(fake.calls)).toEqual([{ message: 'supervisorDecision', reason: 'nonce already used' }]);
  });
});
