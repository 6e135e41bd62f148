/**
 * Encryption of every Temporal payload (workflow and activity inputs and results, queries,
 * signals, updates, memos): patient data must not sit in Temporal's history in plain JSON.
 *
 * An AES-256-GCM `PayloadCodec`. It runs in the client and worker processes (node:crypto), never
 * inside the workflow sandbox: the SDK applies codecs to payloads on their way to and from the
 * server, after the workflow code produced them. Search attributes are not payloads the SDK runs
 * codecs on; they hold no patient data by design and stay searchable.
 *
 * An encrypted payload:
 *   metadata  encoding          = "binary/encrypted"
 *             encryption-key-id = the id of the key that encrypted it
 *   data      12-byte IV ‖ ciphertext ‖ 16-byte GCM tag, where the plaintext is the original
 *             payload (metadata and data) serialised as protobuf `temporal.api.common.v1.Payload`.
 *
 * Keys (`PAYLOAD_ENCRYPTION_KEYS` = `keyId:base64key[,keyId:base64key...]`, 32-byte keys): the
 * first key encrypts, every listed key decrypts, so a key is rotated by putting a new one first and
 * keeping the old one for as long as histories encrypted with it are read. Payloads without the
 * encrypted encoding (histories written before encryption, the committed replay histories) pass
 * through unchanged.
 *
 * Errors name a key id or an entry's position, never key material or payload content.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
// A default import: @temporalio/proto is CommonJS, and plain Node (tsx) sees no named exports.
import proto from '@temporalio/proto';

export const ENCODING_ENCRYPTED = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

const ProtoPayload = proto.temporal.api.common.v1.Payload;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** Parses `keyId:base64key[,keyId:base64key...]`; throws naming the entry's position only (the spec holds secrets). */
export function parsePayloadKeys(spec: string): PayloadKey[] {
  const entries = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new Error('PAYLOAD_ENCRYPTION_KEYS is empty');
  const keys: PayloadKey[] = [];
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const encoded = colon < 0 ? '' : entry.slice(colon + 1);
    if (!KEY_ID.test(id)) {
      throw new Error(
        `PAYLOAD_ENCRYPTION_KEYS entry #${index + 1} is not "keyId:base64key" with a key id of letters, digits, ".", "_" or "-"`,
      );
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
      throw new Error(`PAYLOAD_ENCRYPTION_KEYS entry #${index + 1} (key id "${id}") must be ${KEY_BYTES} bytes in base64`);
    }
    if (keys.some((known) => known.id === id)) {
      throw new Error(`PAYLOAD_ENCRYPTION_KEYS lists key id "${id}" twice`);
    }
    keys.push({ id, key });
  });
  return keys;
}

/** A fresh key entry `keyId:base64key` (a random 32-byte key, an id that tells when it was made). */
export function generatePayloadKeySpec(now: Date = new Date()): string {
  const id = `k${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

function metadataText(payload: Payload, name: string): string | undefined {
  const value = payload.metadata?.[name];
  return value === undefined || value === null ? undefined : fromUtf8.decode(value);
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly encryptingKey: PayloadKey;
  private readonly keysById: ReadonlyMap<string, Buffer>;

  constructor(keys: readonly PayloadKey[]) {
    const first = keys[0];
    if (first === undefined) throw new Error('At least one payload encryption key is required');
    for (const { id, key } of keys) {
      if (key.length !== KEY_BYTES) throw new Error(`Payload encryption key "${id}" must be ${KEY_BYTES} bytes`);
    }
    this.encryptingKey = first;
    this.keysById = new Map(keys.map(({ id, key }) => [id, key]));
  }

  /** The id of the key new payloads are encrypted with. */
  get keyId(): string {
    return this.encryptingKey.id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const plaintext = ProtoPayload.encode(payload).finish();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.encryptingKey.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: utf8.encode(ENCODING_ENCRYPTED),
        [METADATA_KEY_ID]: utf8.encode(this.encryptingKey.id),
      },
      data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    if (metadataText(payload, METADATA_ENCODING_KEY) !== ENCODING_ENCRYPTED) return payload;
    const keyId = metadataText(payload, METADATA_KEY_ID);
    if (keyId === undefined) throw new Error('Encrypted payload has no encryption-key-id');
    const key = this.keysById.get(keyId);
    if (key === undefined) {
      throw new Error(`Payload encrypted with unknown key id "${keyId}": add that key to PAYLOAD_ENCRYPTION_KEYS`);
    }
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES) throw new Error(`Encrypted payload (key id "${keyId}") is truncated`);
    const iv = data.subarray(0, IV_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    const ciphertext = data.subarray(IV_BYTES, data.length - TAG_BYTES);
    let plaintext: Buffer;
    try {
      const decipher = createDecipheriv(CIPHER, key, iv);
      decipher.setAuthTag(tag);
      plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      throw new Error(`Encrypted payload (key id "${keyId}") failed authentication: it was altered or the key is wrong`);
    }
    const decoded = ProtoPayload.decode(plaintext);
    return { metadata: decoded.metadata ?? {}, data: decoded.data ?? new Uint8Array() };
  }
}

export function createPayloadCodec(spec: string): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec(parsePayloadKeys(spec));
}

/** The data converter of every client and worker: default payload conversion, then encryption. */
export function encryptingDataConverter(codec: PayloadCodec): DataConverter {
  return { payloadCodecs: [codec] };
}

/**
 * `npm start` without PAYLOAD_ENCRYPTION_KEYS: the key spec in `file`, generated on first use
 * (mode 0600) and read back on every later start, so workflows encrypted before a restart stay
 * readable. The file holds the same `keyId:base64key[,...]` format as the variable.
 */
export async function loadOrCreatePayloadKeyFile(file: string): Promise<{ spec: string; created: boolean }> {
  await mkdir(dirname(file), { recursive: true });
  try {
    const handle = await open(file, 'wx', 0o600);
    const spec = generatePayloadKeySpec();
    try {
      await handle.writeFile(`${spec}\n`);
    } finally {
      await handle.close();
    }
    return { spec, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Tighten a file someone loosened; the key must not be readable by other users.
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  const spec = (await readFile(file, 'utf8')).trim();
  parsePayloadKeys(spec);
  return { spec, created: false };
}
