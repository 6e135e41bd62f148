/**
 * Every signal and update a workflow receives must carry the API's proof (platform/message-proof.ts)
 * before its handler runs: the API authorizes people, Temporal only carries their messages, and
 * anyone who can reach the frontend could otherwise decide in a supervisor's name.
 *
 * A workflow interceptor (registered with the bundle: worker/workflow-bundle.ts), so it covers
 * every message of every workflow, including those added later, without each handler repeating
 * it. The proof is the message's last argument, taken off before any handler or validator sees
 * it; the HMAC is checked by an activity (the key stays in the worker, out of the sandbox and
 * of history). An update without a proof is refused by its validator (nothing is written); one
 * with a bad proof fails with MessageNotAuthorized; a signal with either is dropped. Each refusal
 * is audited. A nonce is accepted once per workflow, so a captured message cannot be sent again.
 */
import {
  ApplicationFailure,
  patched,
  proxyActivities,
  uuid4,
  workflowInfo,
  type Next,
  type SignalInput,
  type UpdateInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import type { InternalActivities } from '../activities/index.ts';
import { MESSAGE_NOT_AUTHORIZED } from '../integrations/failure-types.ts';
import { MESSAGE_PROOF_ARG } from './messages.ts';
import { MESSAGES_AUTHENTICATED } from './patches.ts';

// An ordinary activity, not a local one: a local activity's marker carries a plain (unencrypted)
// payload of its own in history, and the history is to hold encrypted payloads only.
const { verifyMessageProof, recordAudit } = proxyActivities<Pick<InternalActivities, 'verifyMessageProof' | 'recordAudit'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

class MessageAuthentication implements WorkflowInboundCallsInterceptor {
  private readonly seenNonces = new Set<string>();

  async handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    const { args, proof } = splitProof(input.args);
    if (await this.authenticated(input.signalName, args, proof)) return next({ ...input, args });
  }

  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    // Validators cannot wait for an activity: the proof's presence is checked here, its HMAC below.
    const { args, proof } = splitProof(input.args);
    if (proof === undefined) throw new Error('this update carries no proof that the API authorized it');
    next({ ...input, args });
  }

  async handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    const { args, proof } = splitProof(input.args);
    if (!(await this.authenticated(input.name, args, proof))) {
      throw ApplicationFailure.nonRetryable('this update carries no valid proof that the API authorized it', MESSAGE_NOT_AUTHORIZED);
    }
    return next({ ...input, args });
  }

  private async authenticated(name: string, args: unknown[], proof: unknown): Promise<boolean> {
    if (!patched(MESSAGES_AUTHENTICATED)) return true;
    const { workflowId } = workflowInfo();
    const verdict =
      proof === undefined ? { valid: false as const, reason: 'no proof' } : await verifyMessageProof({ workflowId, name, args, proof });
    const nonce = (proof as { nonce?: unknown } | undefined)?.nonce;
    const replayed = verdict.valid && typeof nonce === 'string' && this.seenNonces.has(nonce);
    if (verdict.valid && !replayed) {
      this.seenNonces.add(nonce as string);
      return true;
    }
    await recordAudit({
      // Only an encounter workflow's id names an encounter (patient questions, statement cycles and payment plans do not).
      encounterId: workflowId.startsWith('encounter-') ? workflowId.replace(/^encounter-/, '') : null,
      actor: 'unauthenticated',
      role: 'none',
      action: 'message.refused',
      // A valid proof reaches here only when its nonce was used before (a valid proof's nonce is a string).
      detail: {
        message: name,
        reason: verdict.valid ? 'nonce already used' : verdict.reason,
        ...(workflowId.startsWith('encounter-') ? {} : { workflowId }),
      },
      idempotencyKey: `${workflowId}:message-refused:${uuid4()}`,
    });
    return false;
  }
}

/** The message's own arguments, and the proof when its last argument is one. */
function splitProof(all: unknown[]): { args: unknown[]; proof: unknown } {
  const last = all[all.length - 1];
  if (typeof last === 'object' && last !== null && MESSAGE_PROOF_ARG in last && Object.keys(last).length === 1) {
    return { args: all.slice(0, -1), proof: (last as Record<string, unknown>)[MESSAGE_PROOF_ARG] };
  }
  return { args: all, proof: undefined };
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new MessageAuthentication()] });
