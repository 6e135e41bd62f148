/**
 * End to end through outages: the insurer and the clearinghouse sandboxes answer a large share of
 * requests with 503, 429 + Retry-After, a connection reset, or too late (after the client gave
 * up, while the request is still handled: the case idempotency keys exist for). Every encounter
 * must still be billed, each party must have stored each request exactly once, and our rows must
 * agree with what the parties stored. Faults come from fixed seeds, so a run is reproducible.
 */
import { describe, expect, it } from 'vitest';
import { claimNumberFor } from '../../activities/billing.ts';
import { authorizationKey } from '../../activities/authorization.ts';
import type { AuthorizationRecord } from '../../sandbox/insurer/server.ts';
import type { ClaimRecord } from '../../sandbox/clearinghouse/server.ts';
import type { FaultConfig } from '../../sandbox/shared/faults.ts';
import { seededRandom } from '../../sandbox/shared/prng.ts';
import { encounterWorkflowId } from '../../workflows/config.ts';
import type { EncounterStatus } from '../../workflows/messages.ts';
import type { Stage } from '../../workflows/stages.ts';
import { submitEncounter, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { AUTHORIZED_PAID, stagesOf } from '../../testkit/encounter-paths.ts';

/**
 * 37 % of insurer requests fail. Seed 130 makes the very first insurer request a 429 and the
 * second a success (checked below), so the first encounter's authorization is retried exactly
 * once, after a 429: the Retry-After measurement does not depend on request order.
 */
const INSURER_FAULTS = {
  seed: 130,
  serverErrorRate: 0.12,
  rateLimitRate: 0.12,
  retryAfterSeconds: 1,
  slowRate: 0.05,
  slowDelayMs: 2_500, // longer than the 2 s client timeout below: handled after the caller gave up
  resetRate: 0.08,
} satisfies FaultConfig;

/** 35 % of claim submissions fail; seed 2026 resets the 2nd and rate-limits the 5th. */
const CLEARINGHOUSE_FAULTS = {
  seed: 2026,
  serverErrorRate: 0.12,
  rateLimitRate: 0.1,
  retryAfterSeconds: 1,
  slowRate: 0.05,
  slowDelayMs: 2_500,
  resetRate: 0.08,
} satisfies FaultConfig;

// Generous: after the claim each encounter also reads the clearinghouse mailbox through the same
// outages, and a run of faults backs off 2, 4, 8, 16 s (the policy's, not the machine's speed).
const TEST_TIMEOUT_MS = 240_000;

// The worker gives up on an answer after 2 s (the stack's default is generous), so a 'slow' one is
// answered after the caller gave up: its timer is due first, and both timers run in this process
// in due-time order. A healthy answer taken for a timeout on a busy machine is one more outage
// here, which the assertions allow (each request stored once, by its idempotency key).
const EXTERNAL_TIMEOUT_MS = 2_000;

const stack = useTestStack({
  insurerFaults: INSURER_FAULTS,
  clearinghouseFaults: CLEARINGHOUSE_FAULTS,
  externalTimeoutMs: EXTERNAL_TIMEOUT_MS,
});

interface InsurerRecords {
  authorizations: AuthorizationRecord[];
  counts: { faults: Record<string, number>; idempotentReplays: number };
}
interface ClearinghouseRecords {
  claims: ClaimRecord[];
  counts: { faults: Record<string, number> };
}

async function records<T>(url: string): Promise<T> {
  return (await fetch(`${url}/_sandbox/records`)).json() as Promise<T>;
}

/** A brain MRI for ACME-HEALTH: the payer requires prior authorization; the insurer certifies. */
function brainMri() {
  return {
    ...validSubmission(),
    documentation: {
      notes: 'Chronic headaches, neurological exam normal.',
      diagnoses: [{ description: 'Headache', code: 'R51.9' }],
      procedures: [{ description: 'MRI brain without contrast', code: '70551', units: 1 }],
      testResults: [],
    },
  };
}

/** An attended sleep study for BLUE-PLAINS: pended by the insurer, certified after 2 status polls. */
function sleepStudy() {
  return {
    ...validSubmission(),
    payerId: 'BLUE-PLAINS',
    documentation: {
      notes: 'Loud snoring, daytime sleepiness. Referred for sleep study.',
      diagnoses: [{ description: 'Obstructive sleep apnea', code: 'G47.33' }],
      procedures: [{ description: 'Attended polysomnography sleep study', code: '95810', units: 1 }],
      testResults: [],
    },
  };
}

const submit = (body: object) => submitEncounter(stack.apiUrl, body);
// Generous: a run of faults backs off 2, 4, 8, 16 s per call (the retry policy's pace).
const waitForStage = (id: string, stage: Stage) => waitForEncounterStage(stack.apiUrl, id, stage, 200_000);

/** Checks one billed encounter against both parties' records and our database rows. */
async function expectStoredOnce(id: string, billed: EncounterStatus, insurer: InsurerRecords, clearinghouse: ClearinghouseRecords) {
  const key = authorizationKey(id, 1);
  const requests = insurer.authorizations.filter((a) => a.idempotencyKey.startsWith(`${id}:`));
  expect(requests.map((a) => a.idempotencyKey)).toEqual([key]);
  const request = requests[0]!;

  const claimNumber = claimNumberFor(id, 1);
  expect(billed.claimNumber).toBe(claimNumber);
  const claims = clearinghouse.claims.filter((c) => c.claimNumber.startsWith(claimNumber.replace(/-\d+$/, '')));
  expect(claims.map((c) => c.claimNumber)).toEqual([claimNumber]);
  expect(claims[0]!.acknowledgement.status).toBe('accepted');

  const authRows = await stack.db.prisma.priorAuthorization.findMany({ where: { encounterId: id } });
  expect(authRows).toHaveLength(1);
  expect(authRows[0]).toMatchObject({
    idempotencyKey: key,
    status: request.current.status,
    payerReference: request.payerReference,
    authNumber: request.current.authNumber,
  });
  const claimRows = await stack.db.prisma.claim.findMany({ where: { encounterId: id } });
  expect(claimRows).toHaveLength(1);
  expect(claimRows[0]).toMatchObject({ claimNumber, ackStatus: 'accepted', priorAuthNumber: request.current.authNumber });
  expect(claims[0]!.submission.claim.priorAuthorizationNumber).toBe(request.current.authNumber);
  return request;
}

/** A history event's time in milliseconds (protobuf Timestamp: seconds as a Long or number, and nanos). */
function eventMs(time: { seconds?: unknown; nanos?: number | null }): number {
  return Number(String(time.seconds ?? 0)) * 1000 + Math.floor((time.nanos ?? 0) / 1_000_000);
}

describe('billing through insurer and clearinghouse outages', () => {
  it(
    'waits at least the Retry-After of a 429 before asking the insurer again',
    async () => {
      // The seed's first two draws: a 429 for the first request, then a success.
      const draw = seededRandom(INSURER_FAULTS.seed);
      const [first, second] = [draw(), draw()];
      expect(first).toBeGreaterThanOrEqual(INSURER_FAULTS.serverErrorRate);
      expect(first).toBeLessThan(INSURER_FAULTS.serverErrorRate + INSURER_FAULTS.rateLimitRate);
      expect(second).toBeGreaterThanOrEqual(0.37);

      const id = await submit(brainMri());
      const billed = await waitForStage(id, 'billed');
      expect(billed.authorization).toMatchObject({ outcome: 'certified', attempt: 1 });

      // The first insurer call of the encounter (since eligibility comes first, the eligibility
      // check) draws the 429: the activity whose second attempt carries it is the one to look at.
      const history = await stack.env.client.workflow.getHandle(encounterWorkflowId(id)).fetchHistory();
      const events = history.events ?? [];
      const started = events.find((e) => e.activityTaskStartedEventAttributes?.lastFailure?.message?.includes('HTTP 429'));
      const scheduled = events.find(
        (e) => e.eventId?.toString() === started?.activityTaskStartedEventAttributes?.scheduledEventId?.toString(),
      );
      const attributes = started?.activityTaskStartedEventAttributes;
      expect(attributes?.attempt).toBe(2);
      expect(attributes?.lastFailure?.message).toContain('HTTP 429');
      expect(attributes?.lastFailure?.message).toContain('retry after 1000 ms');
      // Attempt 1 was scheduled, failed with the 429, and attempt 2 started no sooner than 1 s later.
      const waitedMs = eventMs(started!.eventTime!) - eventMs(scheduled!.eventTime!);
      expect(waitedMs).toBeGreaterThanOrEqual(950);
      // ...because the Retry-After set the delay, not the retry policy's own 2 s first backoff (the
      // failure carries it; an upper bound on the waited time would depend on the machine's load).
      expect(eventMs(attributes!.lastFailure!.applicationFailureInfo!.nextRetryDelay!)).toBe(1000);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'bills every encounter with one authorization request per idempotency key and one claim per claim number',
    async () => {
      const ids = await Promise.all([brainMri(), brainMri(), brainMri(), brainMri()].map((body) => submit(body)));
      const billed = await Promise.all(ids.map((id) => waitForStage(id, 'billed')));

      const insurer = await records<InsurerRecords>(stack.insurerUrl);
      const clearinghouse = await records<ClearinghouseRecords>(stack.clearinghouseUrl);
      // The outages really happened (the seeds' first draws contain each kind of fault).
      for (const kind of ['server-error', 'rate-limit', 'slow', 'reset'])
        expect(insurer.counts.faults[kind], `insurer ${kind}`).toBeGreaterThan(0);
      for (const kind of ['rate-limit', 'reset']) expect(clearinghouse.counts.faults[kind], `clearinghouse ${kind}`).toBeGreaterThan(0);

      for (const [i, id] of ids.entries()) {
        const request = await expectStoredOnce(id, billed[i]!, insurer, clearinghouse);
        expect(request.current.status).toBe('certified');
        expect(billed[i]!.authorization).toMatchObject({ outcome: 'certified', authNumber: request.current.authNumber });
      }
      // No idempotency key and no claim number was stored twice anywhere.
      const keys = insurer.authorizations.map((a) => a.idempotencyKey);
      expect(new Set(keys).size).toBe(keys.length);
      const numbers = clearinghouse.claims.map((c) => c.claimNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'follows a pended authorization through the outages until certified, and bills it with the auth number',
    async () => {
      const id = await submit(sleepStudy());
      const billed = await waitForStage(id, 'billed');
      expect(stagesOf(billed)).toEqual(AUTHORIZED_PAID);
      expect(billed.codes.procedures.map((p) => p.code)).toEqual(['95810']);

      const insurer = await records<InsurerRecords>(stack.insurerUrl);
      const clearinghouse = await records<ClearinghouseRecords>(stack.clearinghouseUrl);
      const request = await expectStoredOnce(id, billed, insurer, clearinghouse);
      expect(request.initialResponse.status).toBe('pended');
      expect(request.current.status).toBe('certified');
      expect(request.statusPolls).toBeGreaterThanOrEqual(2);
      expect(request.current.authNumber).toMatch(/^AUTH-/);
      expect(billed.authorization).toMatchObject({ outcome: 'certified', authNumber: request.current.authNumber });
    },
    TEST_TIMEOUT_MS,
  );
});
