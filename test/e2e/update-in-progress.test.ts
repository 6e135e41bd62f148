/**
 * An answer the workflow accepted but had not finished when the request ended is a 202 with a
 * status link, not a 503 (the update went on to apply): over HTTP on the real stack, with the API
 * told not to wait for results at all (updateResultWaitMs 0), so every update whose handler waits
 * for an activity (a coder's edit: its codes are looked up) is still running when the API answers.
 * A refusal after the 202 is reported by the link with the problem the request would have answered.
 */
import { describe, expect, it } from 'vitest';
import { TOKENS, call, submitEncounter, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { useTestStack } from '../../testkit/fixtures.ts';
import { until } from '../../testkit/poll.ts';

const stack = useTestStack({ updateResultWaitMs: 0 });

/** A preventive visit whose age band a coder corrects, submitted and waiting in coder_review. */
async function preventiveVisitInCoderReview(): Promise<string> {
  const id = await submitEncounter(stack.apiUrl, {
    ...validSubmission(),
    documentation: {
      notes: 'Annual preventive visit, established patient. Healthy.',
      diagnoses: [{ description: 'Encounter for general adult medical examination without abnormal findings', code: 'Z00.00' }],
      procedures: [{ description: 'Preventive visit established patient', code: '99395', units: 1 }],
      testResults: [],
    },
  });
  await waitForEncounterStage(stack.apiUrl, id, 'coder_review');
  return id;
}

describe('an update accepted but not finished in time', () => {
  it('answers 202 with a status link that reports the outcome once the workflow finished it; the retry replays the 202', async () => {
    const id = await preventiveVisitInCoderReview();
    const edit = { action: 'edit', diagnoses: [{ code: 'Z00.00' }], procedures: [{ code: '99396', units: 1 }], note: 'age band 40-64' };
    const headers = { 'Idempotency-Key': 'edit-1' };
    const sent = await call(stack.apiUrl, 'POST', `/encounters/${id}/coder-review`, { token: TOKENS.coder, body: edit, headers });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ accepted: true, completed: false, statusUrl: expect.stringMatching(`^/encounters/${id}/updates/`) });

    const outcome = await until(
      () => 'the coder’s edit to finish',
      async () => {
        const status = await call(stack.apiUrl, 'GET', sent.body.statusUrl as string, { token: TOKENS.coder });
        expect([200, 202]).toContain(status.status);
        return status.status === 200 && status.body;
      },
    );
    expect(outcome).toEqual({ updateId: expect.stringContaining('edit-1'), state: 'completed' });
    // It was applied: the coder's code goes out on the claim.
    const billed = await waitForEncounterStage(stack.apiUrl, id, 'billed');
    expect(billed.codes.procedures.map((p) => p.code)).toEqual(['99396']);

    // A retry with the same key answers what the first request answered, without a second update.
    const retried = await call(stack.apiUrl, 'POST', `/encounters/${id}/coder-review`, { token: TOKENS.coder, body: edit, headers });
    expect([retried.status, retried.body, retried.headers.get('idempotent-replay')]).toEqual([202, sent.body, 'true']);

    // An update id the workflow never saw is a 404; the link is for the encounter's own staff only.
    const unknown = await call(stack.apiUrl, 'GET', `/encounters/${id}/updates/coder:never-sent`, { token: TOKENS.coder });
    expect(unknown.status).toBe(404);
    expect((await call(stack.apiUrl, 'GET', sent.body.statusUrl as string, { token: TOKENS.intake })).status).toBe(403);
  }, 180_000);

  it('a code the workflow refuses after the 202 is reported by the link as the same 422 the request would have answered', async () => {
    const id = await preventiveVisitInCoderReview();
    const edit = { action: 'edit', diagnoses: [{ code: 'Z99.999' }], procedures: [{ code: '99396', units: 1 }] };
    const sent = await call(stack.apiUrl, 'POST', `/encounters/${id}/coder-review`, { token: TOKENS.coder, body: edit });
    expect(sent.status).toBe(202);
    const outcome = await until(
      () => 'the coder’s edit to be refused',
      async () => {
        const status = await call(stack.apiUrl, 'GET', sent.body.statusUrl as string, { token: TOKENS.coder });
        return status.status === 200 && status.body;
      },
    );
    expect(outcome).toMatchObject({ state: 'refused', detail: 'The codes were refused: Z99.999' });
    expect(outcome.problem).toMatchObject({ status: 422, title: 'Unprocessable Content', detail: 'The codes were refused: Z99.999' });
    expect(outcome.problem.errors).toEqual([{ field: 'diagnoses.0.code', message: expect.stringContaining('Z99.999') }]);
  }, 180_000);
});
