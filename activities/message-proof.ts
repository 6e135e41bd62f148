/**
 * Checks the proof a signal or update carries (platform/message-proof.ts) for the workflow's
 * interceptor (workflows/message-authentication.ts). The key stays here, in the worker.
 */
import type { MessageProof, ProofVerdict, ProvedMessage } from '../platform/message-proof.ts';
import type { ActivityDeps } from './deps.ts';

export function createMessageProofActivities({ messageProof }: Pick<ActivityDeps, 'messageProof'>) {
  return {
    async verifyMessageProof(input: ProvedMessage & { proof: unknown }): Promise<ProofVerdict> {
      if (messageProof === undefined) return { valid: false, reason: 'unknown key' };
      return messageProof.verify(input, input.proof as MessageProof);
    },
  };
}
