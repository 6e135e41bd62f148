/**
 * Proof that a message to a workflow (a signal or an update) was sent by the API after it had
 * authorized the person behind it, so that someone who can reach the Temporal frontend but holds
 * no key cannot decide, answer, override or cancel in a person's name.
 *
 * The API's client adds a proof to every signal and update it sends: an HMAC-SHA256 over the
 * workflow id, the message name, a nonce, the time and the message's arguments (which name the
 * actor, e.g. `decidedBy`). The workflow (workflows/message-authentication.ts) hands the proof
 * and the arguments to an activity in the worker that checks the HMAC, and acts on the message
 * only when it is valid and its nonce is new to that workflow.
 *
 * The HMAC keys are derived (HKDF) from the payload encryption keys, one per key id: whoever can
 * prove a message holds a current payload key, rotating the payload keys rotates these, and no
 * other secret has to be deployed. A forged message sent in plain JSON from the CLI has no proof.
 */
import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { MESSAGE_PROOF_ARG } from '../workflows/messages.ts';
import { parsePayloadKeys } from './payload-codec.ts';

export { MESSAGE_PROOF_ARG };

export interface MessageProof {
  keyId: string;
  nonce: string;
  issuedAt: string;
  mac: string;
}

/** What a proof covers. `args` are the message's arguments as sent (plain JSON values). */
export interface ProvedMessage {
  workflowId: string;
  name: string;
  args: unknown[];
}

export type ProofVerdict = { valid: true } | { valid: false; reason: 'no proof' | 'unknown key' | 'bad signature' };

const HKDF_INFO = 'encounterflow message proof v1';

export class MessageProofKeys {
  private constructor(private readonly keys: ReadonlyArray<{ id: string; key: Buffer }>) {
    if (keys.length === 0) throw new Error('message proofs need at least one key');
  }

  /** One HMAC key per payload key (PAYLOAD_ENCRYPTION_KEYS syntax); the first one signs. */
  static fromPayloadKeySpec(spec: string): MessageProofKeys {
    return new MessageProofKeys(
      parsePayloadKeys(spec).map(({ id, key }) => ({ id, key: Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), HKDF_INFO, 32)) })),
    );
  }

  sign(message: ProvedMessage, now: Date = new Date()): MessageProof {
    const signer = this.keys[0]!;
    const proof = { keyId: signer.id, nonce: randomUUID(), issuedAt: now.toISOString() };
    return { ...proof, mac: mac(signer.key, message, proof) };
  }

  verify(message: ProvedMessage, proof: MessageProof | undefined): ProofVerdict {
    if (!isProof(proof)) return { valid: false, reason: 'no proof' };
    const key = this.keys.find((k) => k.id === proof.keyId);
    if (!key) return { valid: false, reason: 'unknown key' };
    const expected = Buffer.from(mac(key.key, message, proof), 'base64url');
    const given = Buffer.from(proof.mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: 'bad signature' };
    return { valid: true };
  }
}

function mac(key: Buffer, message: ProvedMessage, proof: Omit<MessageProof, 'mac'>): string {
  const signed = [message.workflowId, message.name, proof.nonce, proof.issuedAt, JSON.stringify(message.args)].join('\n');
  return createHmac('sha256', key).update(signed).digest('base64url');
}

function isProof(value: unknown): value is MessageProof {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return ['keyId', 'nonce', 'issuedAt', 'mac'].every((field) => typeof p[field] === 'string');
}

/**
 * The client interceptor that signs every signal and update this client sends. The proof travels
 * as one more, last argument (`{ [MESSAGE_PROOF_ARG]: proof }`): headers would be simpler, but
 * Temporal's time-skipping test server drops signal headers, and arguments reach every server.
 * The workflow's interceptor takes it off before any handler sees the message.
 */
export function messageProofInterceptor(keys: MessageProofKeys): WorkflowClientInterceptor {
  const withProof = (message: ProvedMessage) => argsWithProof(keys, message);
  return {
    async signal(input, next) {
      return next({
        ...input,
        args: withProof({ workflowId: input.workflowExecution.workflowId, name: input.signalName, args: input.args }),
      });
    },
    async signalWithStart(input, next) {
      return next({
        ...input,
        signalArgs: withProof({ workflowId: input.options.workflowId, name: input.signalName, args: input.signalArgs }),
      });
    },
    async startUpdate(input, next) {
      return next({
        ...input,
        args: withProof({ workflowId: input.workflowExecution.workflowId, name: input.updateName, args: input.args }),
      });
    },
    async startUpdateWithStart(input, next) {
      return next({
        ...input,
        updateArgs: withProof({ workflowId: input.workflowStartOptions.workflowId, name: input.updateName, args: input.updateArgs }),
      });
    },
  };
}

/** A message's arguments with its proof as the last one, as the workflow's interceptor takes it off. */
export function argsWithProof(keys: MessageProofKeys, message: ProvedMessage): unknown[] {
  return [...message.args, { [MESSAGE_PROOF_ARG]: keys.sign(message) }];
}

/** The interceptors of a client that sends people's messages (the API's), keyed like the payloads. */
export function messageSigningInterceptors(payloadKeySpec: string): { workflow: WorkflowClientInterceptor[] } {
  return { workflow: [messageProofInterceptor(MessageProofKeys.fromPayloadKeySpec(payloadKeySpec))] };
}
