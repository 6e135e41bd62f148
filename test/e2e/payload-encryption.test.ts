/**
 * Patient data does not reach Temporal's history in plain text: on the real stack (dev server,
 * worker and API with the payload codec), an encounter goes through a physician query to
 * `billed`; its history read by a client without the codec carries only encrypted payloads, while
 * the API, whose client has the codec, still answers the live status, and the codec endpoint
 * decodes for a supervisor only.
 *
 * The workflow carries ids rather than the patient's demographics (activities read those from
 * the database), so the name must be absent either way; the physician's free-text answer does
 * travel in a payload (the update's argument) and shows that encryption, not omission, hides it.
 */
import { describe, expect, it } from 'vitest';
import proto from '@temporalio/proto';
import type { Payload } from '@temporalio/common';
import { ENCODING_ENCRYPTED, METADATA_KEY_ID } from '../../platform/payload-codec.ts';
import { encounterWorkflowId } from '../../workflows/config.ts';
import { TOKENS, call, submitEncounter, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { useTestStack } from '../../testkit/fixtures.ts';

const stack = useTestStack();

const LAST_NAME = 'Vandermolen-Quixotic';
const NOTES_MARKER = 'zygomatic-ochre-lantern';
const ANSWER_MARKER = 'Quillfeather insulin pump since age nine';
const UI_ORIGIN = 'http://127.0.0.1:8233';

/**
 * Every Payload message anywhere in a history (inputs, results, queries, signals, markers...),
 * except search attributes: plain by design (no patient data) so that they stay searchable, and
 * the patch markers of `patched()`.
 */
function payloadsIn(value: unknown, found: Payload[] = [], seen = new Set<unknown>()): Payload[] {
  if (typeof value !== 'object' || value === null || seen.has(value) || value instanceof Uint8Array) return found;
  seen.add(value);
  const candidate = value as { data?: unknown; metadata?: unknown };
  if (candidate.data instanceof Uint8Array && typeof candidate.metadata === 'object' && candidate.metadata !== null) {
    found.push(candidate as Payload);
    return found;
  }
  // The SDK core writes patch markers itself (a patch id, no patient data), outside the data converter.
  const marker = value as { markerName?: unknown; details?: Record<string, unknown>; failure?: unknown };
  if (marker.markerName === 'core_patch') return found;
  // A local activity's marker: the SDK core writes its own bookkeeping under `data` (sequence number,
  // activity type, attempt, times; no patient data); the activity's result beside it went through the
  // codec like every other payload and is checked.
  if (marker.markerName === 'core_local_activity') {
    for (const [key, child] of Object.entries(marker.details ?? {})) if (key !== 'data') payloadsIn(child, found, seen);
    payloadsIn(marker.failure, found, seen);
    return found;
  }
  for (const [field, child] of Object.entries(value)) {
    if (field !== 'searchAttributes') payloadsIn(child, found, seen);
  }
  return found;
}

const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
const toJson = (payload: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]),
  ),
  data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
});

describe('payload encryption on the real stack', () => {
  let id: string;
  let encrypted: Payload[];

  it("keeps the patient name, notes and the physician's answer out of the stored history while the API still reads the live status", async () => {
    const submission = validSubmission();
    submission.patient.lastName = LAST_NAME;
    submission.documentation = {
      notes: `Here for diabetes check. Feet intact. GAD65 antibodies positive. ${NOTES_MARKER}.`,
      diagnoses: [{ description: 'Diabetes' }],
      procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
      testResults: [],
    };
    id = await submitEncounter(stack.apiUrl, submission);

    const queryId = (await waitForEncounterStage(stack.apiUrl, id, 'awaiting_clarification')).openQuery?.queryId;
    expect(queryId).toBeDefined();
    const answer = await call(stack.apiUrl, 'POST', `/clarifications/${queryId}/answer`, {
      token: TOKENS.physicianA,
      body: { option: 'Type 1 diabetes mellitus', freeText: ANSWER_MARKER },
    });
    expect(answer.status).toBe(200);

    await waitForEncounterStage(stack.apiUrl, id, 'billed');
    const billed = await call(stack.apiUrl, 'GET', `/encounters/${id}`, { token: TOKENS.supervisor });
    // Answered by the workflow's status query, through the API's client and its codec.
    expect(billed.body.statusSource).toBe('workflow');
    expect(billed.body.status.codes.diagnoses).toContain('E10.9');

    // A client without the codec: what anyone with Temporal UI/CLI access (or Temporal Cloud) reads.
    const history = await stack.env.client.workflow.getHandle(encounterWorkflowId(id)).fetchHistory();
    const bytes = Buffer.from(proto.temporal.api.history.v1.History.encode(history).finish());
    for (const secret of [LAST_NAME, NOTES_MARKER, ANSWER_MARKER, submission.patient.memberId, submission.patient.dateOfBirth]) {
      expect(bytes.includes(Buffer.from(secret)), `history contains ${secret}`).toBe(false);
    }
    encrypted = payloadsIn(history.events);
    // Start input, activity inputs and results, the query-free part of a lifecycle: many payloads.
    expect(encrypted.length).toBeGreaterThan(5);
    for (const payload of encrypted) {
      expect(text(payload.metadata?.['encoding'])).toBe(ENCODING_ENCRYPTED);
      expect(text(payload.metadata?.[METADATA_KEY_ID])).toBe(stack.payloadCodec.keyId);
    }
    // ...and what does travel is there, under the encryption: the codec reveals the answer.
    const decoded = (await stack.payloadCodec.decode(encrypted)).map((payload) => text(payload.data));
    expect(decoded.some((data) => data.includes(ANSWER_MARKER))).toBe(true);
    expect(decoded.some((data) => data.includes(`"encounterId":"${id}"`))).toBe(true);
    expect(decoded.join('\n')).not.toContain(LAST_NAME);
    // The search attributes stay plain and searchable.
    const listed: string[] = [];
    for await (const wf of stack.env.client.workflow.list({
      query: `WorkflowId = '${encounterWorkflowId(id)}' AND EncounterStage = "billed"`,
    })) {
      listed.push(wf.workflowId);
    }
    expect(listed).toEqual([encounterWorkflowId(id)]);
  }, 120_000);

  it('decodes through /codec/decode for a supervisor only; encode round-trips; every decode is audited', async () => {
    const body = { payloads: encrypted.map(toJson) };
    const headers = { origin: UI_ORIGIN, 'x-namespace': 'default' };
    const decoded = await call(stack.apiUrl, 'POST', '/codec/decode', { token: TOKENS.supervisor, body, headers });
    expect(decoded.status).toBe(200);
    expect(decoded.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    const plain = (decoded.body.payloads as Array<{ metadata: Record<string, string>; data: string }>).map((p) => ({
      encoding: Buffer.from(p.metadata['encoding'] ?? '', 'base64').toString(),
      data: Buffer.from(p.data, 'base64').toString(),
    }));
    expect(plain).toHaveLength(encrypted.length);
    expect(plain.every((p) => p.encoding !== ENCODING_ENCRYPTED)).toBe(true);
    expect(plain.some((p) => p.data.includes(ANSWER_MARKER))).toBe(true);

    const audit = await stack.db.prisma.auditEvent.findMany({ where: { action: 'temporal_payloads.viewed' } });
    expect(audit.map((row) => [row.actor, row.detail])).toEqual([['supervisor-demo', { payloads: encrypted.length }]]);

    const noToken = await call(stack.apiUrl, 'POST', '/codec/decode', { body, headers });
    expect(noToken.status).toBe(401);
    // The UI can read the refusal (CORS headers on errors too).
    expect(noToken.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    for (const token of [TOKENS.coder, TOKENS.biller, TOKENS.intake, TOKENS.physicianA]) {
      const refused = await call(stack.apiUrl, 'POST', '/codec/decode', { token, body, headers });
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain(ANSWER_MARKER);
    }
    expect((await call(stack.apiUrl, 'POST', '/codec/encode', { token: TOKENS.coder, body })).status).toBe(403);

    // Encode, then decode: the original payload again (the UI encodes what a person types in).
    const original = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from('{"x":1}').toString('base64'),
    };
    const encoded = await call(stack.apiUrl, 'POST', '/codec/encode', { token: TOKENS.supervisor, body: { payloads: [original] } });
    expect(encoded.status).toBe(200);
    expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe(ENCODING_ENCRYPTED);
    const back = await call(stack.apiUrl, 'POST', '/codec/decode', { token: TOKENS.supervisor, body: encoded.body });
    expect(back.body.payloads).toEqual([original]);

    // A payload of an unknown key is refused naming the key id; a malformed body is a 400.
    const foreign = {
      metadata: { ...encoded.body.payloads[0].metadata, [METADATA_KEY_ID]: Buffer.from('k-gone').toString('base64') },
      data: encoded.body.payloads[0].data,
    };
    const unknown = await call(stack.apiUrl, 'POST', '/codec/decode', { token: TOKENS.supervisor, body: { payloads: [foreign] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('unknown key id "k-gone"');
    expect(
      (await call(stack.apiUrl, 'POST', '/codec/decode', { token: TOKENS.supervisor, body: { payloads: [{ data: '%%%' }] } })).status,
    ).toBe(400);
  });

  it('answers the Temporal UI preflight for its origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.apiUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization,x-namespace',
        },
      });
    const allowed = await preflight(UI_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
