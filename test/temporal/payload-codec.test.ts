/** The AES-256-GCM payload codec (platform/payload-codec.ts) and its key file, without a server. */
import { mkdtemp, readFile, rm, stat, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  ENCODING_ENCRYPTED,
  METADATA_KEY_ID,
  createPayloadCodec,
  generatePayloadKeySpec,
  loadOrCreatePayloadKeyFile,
  parsePayloadKeys,
} from '../../platform/payload-codec.ts';

const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());
const keySpec = (id: string, fill: number) => `${id}:${Buffer.alloc(32, fill).toString('base64')}`;
const patient = { name: 'Zebulon Quuxworth', notes: 'Chest pain radiating to the left arm since Tuesday.' };
const plain = (): Payload => defaultPayloadConverter.toPayload(patient);

describe('AesGcmPayloadCodec', () => {
  const codec = createPayloadCodec(keySpec('k1', 1));

  it('round-trips a payload, metadata included, and hides its content', async () => {
    const [encrypted] = await codec.encode([plain()]);
    expect(text(encrypted?.metadata?.['encoding'])).toBe(ENCODING_ENCRYPTED);
    expect(text(encrypted?.metadata?.[METADATA_KEY_ID])).toBe('k1');
    expect(Object.keys(encrypted?.metadata ?? {}).sort()).toEqual(['encoding', METADATA_KEY_ID]);
    expect(Buffer.from(encrypted!.data!).includes(Buffer.from('Quuxworth'))).toBe(false);
    const [decrypted] = await codec.decode([encrypted!]);
    expect(text(decrypted?.metadata?.['encoding'])).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decrypted!)).toEqual(patient);
  });

  it('round-trips empty and binary payloads and several at once, in order', async () => {
    const payloads: Payload[] = [
      defaultPayloadConverter.toPayload(undefined),
      defaultPayloadConverter.toPayload(new Uint8Array([0, 1, 2, 255])),
      defaultPayloadConverter.toPayload('x'),
    ];
    const decoded = await codec.decode(await codec.encode(payloads));
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([undefined, new Uint8Array([0, 1, 2, 255]), 'x']);
  });

  it('uses a fresh 12-byte IV per payload: the same payload encrypts differently each time', async () => {
    const [a, b] = await codec.encode([plain(), plain()]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
    expect(Buffer.from(a!.data!).subarray(0, 12).equals(Buffer.from(b!.data!).subarray(0, 12))).toBe(false);
  });

  it('refuses a tampered payload (ciphertext, IV, tag or truncated) naming only the key id', async () => {
    const [encrypted] = await codec.encode([plain()]);
    for (const index of [0, 20, encrypted!.data!.length - 1]) {
      const data = Buffer.from(encrypted!.data!);
      data[index] = (data[index] ?? 0) ^ 0x01;
      await expect(codec.decode([{ ...encrypted!, data }])).rejects.toThrow(/key id "k1".*altered/);
    }
    await expect(codec.decode([{ ...encrypted!, data: encrypted!.data!.subarray(0, 10) }])).rejects.toThrow(/truncated/);
  });

  it('refuses an unknown key id with an error naming that key id and nothing else', async () => {
    const other = createPayloadCodec(keySpec('retired-2024', 2));
    const [encrypted] = await other.encode([plain()]);
    const error = await codec.decode([encrypted!]).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/unknown key id "retired-2024"/);
    expect(error?.message).not.toContain('Quuxworth');
    expect(error?.message).not.toContain(Buffer.alloc(32, 2).toString('base64'));
  });

  it('rotates keys: the first key encrypts, every listed key decrypts', async () => {
    const old = createPayloadCodec(keySpec('old', 3));
    const [written] = await old.encode([plain()]);
    const rotated = createPayloadCodec(`${keySpec('new', 4)},${keySpec('old', 3)}`);
    expect(rotated.keyId).toBe('new');
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([written!]))[0]!)).toEqual(patient);
    const [fresh] = await rotated.encode([plain()]);
    expect(text(fresh?.metadata?.[METADATA_KEY_ID])).toBe('new');
    await expect(old.decode([fresh!])).rejects.toThrow(/unknown key id "new"/);
  });

  it('passes payloads without the encrypted encoding through unchanged (histories written before encryption)', async () => {
    const payload = plain();
    const [decoded] = await codec.decode([payload]);
    expect(decoded).toBe(payload);
    const noMetadata: Payload = { data: new Uint8Array([1, 2]) };
    expect((await codec.decode([noMetadata]))[0]).toBe(noMetadata);
  });
});

describe('payload keys', () => {
  it('parses keyId:base64key lists and refuses bad entries by position, never echoing a key', () => {
    expect(parsePayloadKeys(` ${keySpec('a', 1)} , ${keySpec('b.2', 2)} `).map((k) => k.id)).toEqual(['a', 'b.2']);
    const short = Buffer.alloc(16, 5).toString('base64');
    for (const [spec, pattern] of [
      ['', /empty/],
      [`nocolon${short}`, /entry #1 is not "keyId:base64key"/],
      [`${keySpec('a', 1)},a:${short}`, /entry #2 \(key id "a"\) must be 32 bytes/],
      [`${keySpec('a', 1)},${keySpec('a', 2)}`, /key id "a" twice/],
      [`bad id:${Buffer.alloc(32).toString('base64')}`, /entry #1 is not/],
    ] as const) {
      let message = '';
      try {
        parsePayloadKeys(spec);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(pattern);
      expect(message).not.toContain(short);
    }
    expect(() => new AesGcmPayloadCodec([])).toThrow(/At least one/);
  });

  it('generates a valid key spec with a fresh key each time', () => {
    const [a, b] = [generatePayloadKeySpec(), generatePayloadKeySpec()];
    expect(parsePayloadKeys(a)[0]?.key).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('generates the npm start key file once (mode 0600) and reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'payload-keys-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'payload-keys');
    const first = await loadOrCreatePayloadKeyFile(file);
    expect(first.created).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadOrCreatePayloadKeyFile(file);
    expect(second).toEqual({ spec: first.spec, created: false });
    expect((await readFile(file, 'utf8')).trim()).toBe(first.spec);
    await chmod(file, 0o644);
    await loadOrCreatePayloadKeyFile(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // What one process encrypted with the file's key, a later start decrypts.
    const [encrypted] = await createPayloadCodec(first.spec).encode([plain()]);
    expect(defaultPayloadConverter.fromPayload((await createPayloadCodec(second.spec).decode([encrypted!]))[0]!)).toEqual(patient);
  });
});
