/**
 * Following an update the workflow accepted but had not finished (web/lib/api-client.js
 * followUpdate and the client calls that use it): a 202 with a status link is followed until the
 * workflow applied or refused it, "pending" said once meanwhile; a refusal is the ApiError the
 * request would have thrown had it waited (a coder's code: the same 422 naming the field); a
 * signal's 202 and a 200 are taken as they are. Unit tests: the status answers are scripted.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/** web/lib.js, imported as it is served (plain JavaScript, no types). */
let lib: any;

beforeAll(async () => {
  lib = await import(pathToFileURL(fileURLToPath(new URL('../../web/lib.js', import.meta.url))).href);
});

const STATUS_URL = '/encounters/e-1/updates/coder%3Ak-1';
const IN_PROGRESS = { accepted: true, completed: false, statusUrl: STATUS_URL };
/** The 422 of a coder's code refused while the request waited (api/update-refusals.ts). */
const CODE_REFUSED = {
  type: 'https://encounterflow.dev/problems/unprocessable-content',
  title: 'Unprocessable Content',
  status: 422,
  detail: 'The codes were refused: Z99.999',
  errors: [{ field: 'diagnoses.0.code', message: 'Z99.999 is not a billable ICD-10-CM code' }],
};

/** Scripted status answers (the last repeats), the calls made, and a clock that moves only when the helper sleeps. */
function scripted(answers: Array<unknown | (() => never)>) {
  const asked: string[] = [];
  let clock = 0;
  const sleeps: number[] = [];
  return {
    asked,
    sleeps,
    getStatus: async (url: string) => {
      asked.push(url);
      const answer = answers[Math.min(asked.length - 1, answers.length - 1)];
      return typeof answer === 'function' ? (answer as () => never)() : answer;
    },
    options: {
      now: () => clock,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        clock += ms;
      },
    },
  };
}

describe('following an update’s status link', () => {
  it('takes a 200, and a signal’s 202 (no status link), as they are: nothing followed, nothing pending', async () => {
    const run = scripted([]);
    const pending: string[] = [];
    for (const answer of [{ accepted: true }, null]) {
      await expect(lib.followUpdate(answer, run.getStatus, { ...run.options, onPending: (u: string) => pending.push(u) })).resolves.toEqual(
        answer,
      );
    }
    expect([run.asked, pending]).toEqual([[], []]);
  });

  it('says pending once, asks again while it is in progress, and resolves once the workflow applied it', async () => {
    const run = scripted([{ state: 'in_progress' }, { state: 'in_progress' }, { updateId: 'coder:k-1', state: 'completed' }]);
    const pending: string[] = [];
    const done = await lib.followUpdate(IN_PROGRESS, run.getStatus, { ...run.options, onPending: (u: string) => pending.push(u) });
    expect(done).toEqual({ accepted: true });
    expect(pending).toEqual([STATUS_URL]);
    expect(run.asked).toEqual([STATUS_URL, STATUS_URL, STATUS_URL]);
    expect(run.sleeps).toEqual([1000, 1000]);
  });

  it('a coder’s code refused after the 202 throws the same 422 as one refused at once, each field named', async () => {
    const run = scripted([{ state: 'in_progress' }, { state: 'refused', detail: CODE_REFUSED.detail, problem: CODE_REFUSED }]);
    const error = await lib.followUpdate(IN_PROGRESS, run.getStatus, run.options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(lib.ApiError);
    expect(error.status).toBe(422);
    // What the client makes of the synchronous 422's body: the screens show both the same way.
    expect(error.problem).toEqual(lib.toProblem(422, CODE_REFUSED));
    expect(error.problem.errors).toEqual([{ field: 'diagnoses.0.code', message: 'Z99.999 is not a billable ICD-10-CM code' }]);
  });

  it('a refusal without a problem (an older API) is a 409 with the workflow’s reason', async () => {
    const run = scripted([{ state: 'refused', detail: 'a decision has already been taken on this question' }]);
    await expect(lib.followUpdate(IN_PROGRESS, run.getStatus, run.options)).rejects.toMatchObject({
      status: 409,
      problem: { detail: 'a decision has already been taken on this question', errors: [] },
    });
  });

  it('asks again through a network error or a 5xx; a 4xx (e.g. the link unknown) ends it', async () => {
    const down = () => {
      throw new lib.ApiError(0, lib.toProblem(0, { detail: 'The API could not be reached.' }));
    };
    const busy = () => {
      throw new lib.ApiError(503, lib.toProblem(503, { detail: 'busy' }));
    };
    const run = scripted([down, busy, { state: 'completed' }]);
    await expect(lib.followUpdate(IN_PROGRESS, run.getStatus, run.options)).resolves.toEqual({ accepted: true });
    expect(run.asked).toHaveLength(3);

    const gone = () => {
      throw new lib.ApiError(404, lib.toProblem(404, { detail: 'No such update of this encounter' }));
    };
    await expect(lib.followUpdate(IN_PROGRESS, scripted([gone]).getStatus, run.options)).rejects.toMatchObject({ status: 404 });
  });

  it('stops after its limit with UpdatePendingError: accepted, still being worked on, the encounter will say', async () => {
    const run = scripted([{ state: 'in_progress' }]);
    const error = await lib.followUpdate(IN_PROGRESS, run.getStatus, { ...run.options, limitMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(lib.UpdatePendingError);
    expect(error).toBeInstanceOf(lib.ApiError);
    expect([error.status, error.statusUrl, error.problem.title]).toEqual([202, STATUS_URL, 'Still being worked on']);
    expect(run.asked.length).toBe(6);
  });
});

describe('the client’s update calls', () => {
  /** A fetch that answers each request from `routes` (method + path → status and JSON body), recording what was asked. */
  function fakeFetch(routes: Record<string, Array<{ status: number; body: unknown }>>) {
    const requests: Array<{ method: string; path: string; authorization: string | undefined }> = [];
    const fetchImpl = async (url: string, init: { method: string; headers: Record<string, string> }) => {
      const path = new URL(url).pathname;
      requests.push({ method: init.method, path, authorization: init.headers.authorization });
      const queue = routes[`${init.method} ${path}`];
      const answer = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
      if (answer === undefined) return new Response('{}', { status: 404, headers: { 'content-type': 'application/problem+json' } });
      const type = answer.status >= 400 ? 'application/problem+json' : 'application/json';
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': type } });
    };
    return { requests, client: lib.createApiClient({ baseUrl: 'http://api.test', getToken: () => 'coder-demo', fetchImpl }) };
  }

  it('coderReview follows a 202 with the user’s token until the outcome; a refusal there is the 422 the coder’s form shows', async () => {
    const path = '/encounters/e-1/coder-review';
    const statusPath = '/encounters/e-1/updates/coder%3Ak-1';
    const { requests, client } = fakeFetch({
      [`POST ${path}`]: [{ status: 202, body: IN_PROGRESS }],
      [`GET ${statusPath}`]: [
        { status: 202, body: { updateId: 'coder:k-1', state: 'in_progress' } },
        { status: 200, body: { updateId: 'coder:k-1', state: 'refused', detail: CODE_REFUSED.detail, problem: CODE_REFUSED } },
      ],
    });
    const pending: string[] = [];
    const error = await client
      .coderReview('e-1', { action: 'edit' }, { idempotencyKey: 'k-1', onPending: (u: string) => pending.push(u) })
      .catch((e: unknown) => e);
    expect([error.status, error.problem.errors[0].field]).toEqual([422, 'diagnoses.0.code']);
    expect(pending).toEqual([STATUS_URL]);
    expect(requests.map((r) => `${r.method} ${r.path} ${r.authorization}`)).toEqual([
      `POST ${path} Bearer coder-demo`,
      `GET ${statusPath} Bearer coder-demo`,
      `GET ${statusPath} Bearer coder-demo`,
    ]);
  }, 20_000);

  it('questionAction: a receipt naming the link of the claim still being sent back is followed, then the receipt is the answer', async () => {
    const path = '/patient-questions/q-1/claim-actions';
    const receipt = { question: { id: 'q-1' }, statusUrl: STATUS_URL };
    const { requests, client } = fakeFetch({
      [`POST ${path}`]: [{ status: 201, body: receipt }],
      [`GET ${STATUS_URL}`]: [
        { status: 202, body: { updateId: 'coder:k-1', state: 'in_progress' } },
        { status: 200, body: { updateId: 'coder:k-1', state: 'completed' } },
      ],
      'POST /patient-questions/q-2/payment-plan': [{ status: 201, body: { question: { id: 'q-2' } } }],
    });
    const pending: string[] = [];
    const onPending = (u: string) => pending.push(u);
    await expect(client.questionAction('q-1', 'claim', { action: 'resubmit' }, 'k-1', { onPending })).resolves.toEqual(receipt);
    await expect(client.questionAction('q-2', 'plan', {}, 'k-2', { onPending })).resolves.toEqual({ question: { id: 'q-2' } });
    expect(pending).toEqual([STATUS_URL]);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${path}`,
      `GET ${STATUS_URL}`,
      `GET ${STATUS_URL}`,
      'POST /patient-questions/q-2/payment-plan',
    ]);
  }, 20_000);

  it('a cancel’s 202 (a signal, no link) is not followed; a decision answered 200 is done at once', async () => {
    const { requests, client } = fakeFetch({
      'POST /encounters/e-1/cancel': [{ status: 202, body: { accepted: true } }],
      'POST /encounters/e-1/decision': [{ status: 200, body: { accepted: true } }],
    });
    await expect(client.cancel('e-1', 'duplicate')).resolves.toEqual({ accepted: true });
    await expect(client.decide('e-1', { decision: 'accept_codes' })).resolves.toEqual({ accepted: true });
    expect(requests.map((r) => r.method)).toEqual(['POST', 'POST']);
  });
});
