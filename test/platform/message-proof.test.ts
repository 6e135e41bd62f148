import { describe, expect, it } from 'vitest';
import { MessageProofKeys } from '../../platform/message-proof.ts';
import { generatePayloadKeySpec } from '../../platform/payload-codec.ts';

const message = { workflowId: 'encounter-1', name: 'decide', args: [{ decision: 'bill_patient', decidedBy: 'sup-1' }] };

describe('message proofs', () => {
  const spec = generatePayloadKeySpec();
  const keys = MessageProofKeys.fromPayloadKeySpec(spec);

  it('accepts the message it signed', () => {
    expect(keys.verify(message, keys.sign(message))).toEqual({ valid: true });
  });

  it('refuses a message whose actor, arguments, name or workflow changed', () => {
    const proof = keys.sign(message);
    expect(keys.verify({ ...message, args: [{ decision: 'bill_patient', decidedBy: 'mallory' }] }, proof)).toEqual({
      valid: false,
      reason: 'bad signature',
    });
    expect(keys.verify({ ...message, name: 'cancel' }, proof)).toEqual({ valid: false, reason: 'bad signature' });
    expect(keys.verify({ ...message, workflowId: 'encounter-2' }, proof)).toEqual({ valid: false, reason: 'bad signature' });
    expect(keys.verify(message, { ...proof, nonce: 'another' })).toEqual({ valid: false, reason: 'bad signature' });
  });

  it('refuses a missing or malformed proof and a key it does not hold', () => {
    expect(keys.verify(message, undefined)).toEqual({ valid: false, reason: 'no proof' });
    expect(keys.verify(message, { keyId: 1 } as never)).toEqual({ valid: false, reason: 'no proof' });
    const stranger = MessageProofKeys.fromPayloadKeySpec(generatePayloadKeySpec());
    const forged = stranger.sign(message);
    expect(keys.verify(message, forged).valid).toBe(false);
    expect(keys.verify(message, { ...forged, keyId: keys.sign(message).keyId })).toEqual({ valid: false, reason: 'bad signature' });
  });

  it('keeps accepting proofs of an older key after rotation, and signs with the new one', () => {
    const older = keys.sign(message);
    const rotated = MessageProofKeys.fromPayloadKeySpec(`${generatePayloadKeySpec()},${spec}`);
    expect(rotated.verify(message, older)).toEqual({ valid: true });
    expect(rotated.sign(message).keyId).not.toBe(older.keyId);
  });

  it('signs nonces that differ each time', () => {
    expect(keys.sign(message).nonce).not.toBe(keys.sign(message).nonce);
  });
});
