/**
 * The staff web UI (web/, served at /ui/) over real HTTP against createApp: the page and its files
 * are served without a token, with the right content types and security headers; the scripts
 * parse; and the page's API client (web/lib.js, which needs no DOM) carries the user's token on
 * every call and turns problem+json answers into readable errors. No browser here:
 * scripts/ui-screenshot.ts looks at the page in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../workflows/stages.ts';
import { call, startApiUnderTest, TOKENS, validSubmission, type ApiUnderTest } from '../api/support.ts';

const webFile = (name: string) => fileURLToPath(new URL(`../../web/${name}`, import.meta.url));

let api: ApiUnderTest;
/** web/lib.js, imported as it is served (plain JavaScript, no types). */
let lib: any;
let encounterId: string;

beforeAll(async () => {
  api = await startApiUnderTest();
  const libUrl = pathToFileURL(webFile('lib.js')).href;
  lib = await import(libUrl);
  const created = await call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body: validSubmission() });
  expect(created.status).toBe(201);
  encounterId = created.body.id;
});

afterAll(async () => {
  await api?.close();
});

describe('serving /ui/', () => {
  it('serves the page without a token, with security headers', async () => {
    const page = await call(api.baseUrl, 'GET', '/ui/');
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-frame-options')).toBe('DENY');

    // The elements app.js needs, and labels for the inputs people type into.
    for (const id of ['token-form', 'token', 'problem', 'stage-filters', 'payer', 'auto-refresh', 'rows', 'detail', 'detail-body', 'decision-panel', 'decision-buttons', 'extend-by', 'cancel-form', 'cancel-reason', 'open-statement']) {
      expect(page.text, id).toContain(`id="${id}"`);
    }
    for (const input of ['token', 'payer', 'decision-note', 'extend-by', 'cancel-reason']) {
      expect(page.text, input).toContain(`<label for="${input}">`);
    }
    expect(page.text).toMatch(/<html lang="en">/);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain('<script type="module" src="app.js"></script>');
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/); // no inline script: the CSP would refuse it
  });

  it('redirects /ui to /ui/', async () => {
    const response = await fetch(`${api.baseUrl}/ui`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/ui/');
  });

  it('serves every file the page refers to, with its content type and no token', async () => {
    const page = await call(api.baseUrl, 'GET', '/ui/');
    const referenced = [...page.text.matchAll(/(?:src|href)="([^"#:]+)"/g)].map((m) => m[1] as string);
    expect(referenced).toEqual(expect.arrayContaining(['app.js', 'styles.css', 'favicon.svg']));
    const expected: Record<string, RegExp> = { js: /^text\/javascript/, css: /^text\/css/, svg: /^image\/svg\+xml/ };
    for (const file of referenced) {
      const response = await call(api.baseUrl, 'GET', `/ui/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.contentType, file).toMatch(expected[file.split('.').pop() ?? ''] ?? /^$/);
      expect(response.headers.get('x-content-type-options'), file).toBe('nosniff');
    }
    const libFile = await call(api.baseUrl, 'GET', '/ui/lib.js');
    expect(libFile.status).toBe(200);
    expect(libFile.contentType).toMatch(/^text\/javascript/);
  });

  it('answers an unknown file with the API’s 404 problem; the API itself still needs a token', async () => {
    const missing = await call(api.baseUrl, 'GET', '/ui/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toMatch(/problem\+json/);
    expect((await call(api.baseUrl, 'GET', '/encounters')).status).toBe(401);
  });
});

describe('the page’s JavaScript', () => {
  it('parses (node --check)', () => {
    for (const file of ['app.js', 'lib.js']) {
      expect(() => execFileSync(process.execPath, ['--check', webFile(file)], { stdio: 'pipe' }), file).not.toThrow();
    }
  });

  it('never turns data into markup', () => {
    const source = readFileSync(webFile('app.js'), 'utf8') + readFileSync(webFile('lib.js'), 'utf8');
    expect(source).not.toMatch(/\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('knows the same stages as the workflow', () => {
    expect(lib.STAGES).toEqual([...STAGES]);
  });

  it('builds list queries without empty parameters', () => {
    expect(lib.withQuery('/encounters', { stage: '', payer: undefined, cursor: 'abc', limit: 50 })).toBe('/encounters?cursor=abc&limit=50');
    expect(lib.withQuery('/encounters', { stage: '' })).toBe('/encounters');
    expect(lib.isDuration('24h')).toBe(true);
    expect(lib.isDuration('24 hours')).toBe(false);
  });
});

describe('the page’s API client against the API', () => {
  /** A client with `token` whose requests are recorded. */
  function client(token: string) {
    const sent: Array<{ url: string; authorization: string | undefined }> = [];
    const recordingFetch = (url: string, init: { headers: Record<string, string> }) => {
      sent.push({ url, authorization: init.headers.authorization });
      return fetch(url, init);
    };
    return { sent, client: lib.createApiClient({ baseUrl: api.baseUrl, getToken: () => token, fetchImpl: recordingFetch }) };
  }

  it('sends the token on every call: worklist, counts, detail', async () => {
    const { sent, client: supervisor } = client(TOKENS.supervisor);
    const page = await supervisor.listEncounters({ stage: 'received', limit: 50 });
    expect(page.items.map((item: { id: string }) => item.id)).toContain(encounterId);
    const counts = await lib.countByStage(supervisor);
    expect(counts.complete).toBe(true);
    expect(counts.counts.received).toBeGreaterThanOrEqual(1);
    const detail = await supervisor.getEncounter(encounterId);
    expect(detail).toMatchObject({ id: encounterId, stage: 'received', statusSource: 'database' });
    expect(Array.isArray(detail.status.history)).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const request of sent) expect(request.authorization, request.url).toBe(`Bearer ${TOKENS.supervisor}`);
  });

  it('turns problem+json answers into errors with detail and fields', async () => {
    const { client: nobody } = client('');
    await expect(nobody.listEncounters()).rejects.toMatchObject({ status: 401, problem: { title: 'Unauthorized', detail: expect.stringMatching(/token/) } });

    const { client: supervisor } = client(TOKENS.supervisor);
    const invalid = await supervisor.cancel(encounterId, '').catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(lib.ApiError);
    expect(invalid.status).toBe(400);
    expect(invalid.problem.errors).toEqual([expect.objectContaining({ field: 'reason' })]);

    // No worker runs in this test: the workflow cannot answer, so no decision can be checked.
    await expect(supervisor.decide(encounterId, { decision: 'accept_codes' })).rejects.toMatchObject({ status: 503 });
    await expect(supervisor.getEncounter('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      status: 404,
      problem: { detail: 'No encounter has this id', errors: [] },
    });
    await expect(supervisor.statementHtml('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });

    const { client: coder } = client(TOKENS.coder);
    await expect(coder.decide(encounterId, { decision: 'extend', extendBy: '24h' })).rejects.toMatchObject({
      status: 403,
      problem: { detail: expect.stringMatching(/supervisor/) },
    });
  });

  it('reads a non-JSON error body as a plain problem', () => {
    expect(lib.toProblem(502, null)).toEqual({ title: 'HTTP 502', status: 502, detail: 'The server answered with status 502.', errors: [] });
  });
});
