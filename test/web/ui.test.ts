/**
 * The staff web UI (web/, served at /ui/) over real HTTP against createApp: the page and its files
 * are served without a token, with the right content types and security headers; the scripts
 * parse; and the page's API client (web/lib.js, which needs no DOM) carries the user's token on
 * every call and turns problem+json answers into readable errors. No browser here:
 * scripts/ui-screenshot.ts looks at the page in Chromium.
 *
 * Over 300 lines because every check shares one served UI and API.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_OVERRIDE_STAGES } from '../../api/routes/actions.ts';
import { FINAL_STAGES, STAGES } from '../../workflows/stages.ts';
import { call, submitEncounter, TOKENS, useApiUnderTest } from '../api/support.ts';

const execFileAsync = promisify(execFile);
const webFile = (name: string) => fileURLToPath(new URL(`../../web/${name}`, import.meta.url));
/** Every script of the page: web/*.js and the modules of its folders, as paths relative to web/. */
const webScripts = ['', 'lib/', 'ui/', 'screens/'].flatMap((dir) =>
  readdirSync(webFile(dir === '' ? '.' : dir))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `${dir}${name}`),
);

const api = useApiUnderTest();
/** web/lib.js, imported as it is served (plain JavaScript, no types). */
let lib: any;
let encounterId: string;

beforeAll(async () => {
  const libUrl = pathToFileURL(webFile('lib.js')).href;
  lib = await import(libUrl);
  // As the page does first: the stage lists from GET /stages (no token).
  await lib.loadStages(lib.createApiClient({ baseUrl: api.baseUrl, getToken: () => '' }));
  encounterId = await submitEncounter(api.baseUrl);
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
    for (const id of [
      'token-form',
      'token',
      'problem',
      'stage-filters',
      'payer',
      'auto-refresh',
      'rows',
      'detail',
      'detail-body',
      'decision-panel',
      'decision-buttons',
      'extend-by',
      'cancel-form',
      'cancel-reason',
      'open-statement',
      'override-form',
      'override-diagnoses',
      'override-procedures',
      'add-diagnosis',
      'add-procedure',
      'override-note',
      'override-errors',
      'override-outcome',
      'audit',
      'audit-body',
    ]) {
      expect(page.text, id).toContain(`id="${id}"`);
    }
    for (const input of ['token', 'payer', 'decision-note', 'extend-by', 'cancel-reason', 'override-note']) {
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
    // Every module the page imports (app.js and what it imports, in folders) is served as JavaScript.
    for (const file of webScripts) {
      const module = await call(api.baseUrl, 'GET', `/ui/${file}`);
      expect(module.status, file).toBe(200);
      expect(module.contentType, file).toMatch(/^text\/javascript/);
    }
  });

  it('answers an unknown file with the API’s 404 problem; the API itself still needs a token', async () => {
    const missing = await call(api.baseUrl, 'GET', '/ui/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toMatch(/problem\+json/);
    expect((await call(api.baseUrl, 'GET', '/encounters')).status).toBe(401);
  });
});

describe('the page’s JavaScript', () => {
  it('parses (every module, as the browser reads it)', async () => {
    expect(webScripts).toEqual(
      expect.arrayContaining(['app.js', 'lib.js', 'lib/api-client.js', 'ui/dom.js', 'screens/index.js', 'screens/worklist.js']),
    );
    // One child parses every module without running it (vm.SourceTextModule: syntax only, no
    // linking), asynchronously: a child per file would keep the event loop busy for seconds, and
    // the API's keep-alive sockets (same process) would time out under the next test's requests.
    const parser = `const vm = require('node:vm'), fs = require('node:fs');
      for (const file of process.argv.slice(1)) {
        try { new vm.SourceTextModule(fs.readFileSync(file, 'utf8'), { identifier: file }); console.log(file + ': ok'); }
        catch (error) { console.log(file + ': ' + error.message); }
      }`;
    const { stdout } = await execFileAsync(process.execPath, [
      '--experimental-vm-modules',
      '--no-warnings',
      '-e',
      parser,
      ...webScripts.map(webFile),
    ]);
    expect(stdout.trim().split('\n')).toEqual(webScripts.map((file) => `${webFile(file)}: ok`));
  });

  it('imports only modules that exist, by relative path (no bare specifiers: there is no bundler)', () => {
    for (const file of webScripts) {
      const source = readFileSync(webFile(file), 'utf8');
      for (const [, specifier] of source.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm)) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\/.*\.js$/);
        const target = new URL(specifier as string, new URL(`../../web/${file}`, import.meta.url));
        expect(() => readFileSync(target), `${file} imports ${specifier}`).not.toThrow();
      }
    }
  });

  it('never turns data into markup', () => {
    for (const file of webScripts) {
      expect(readFileSync(webFile(file), 'utf8'), file).not.toMatch(
        /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/,
      );
    }
  });

  it('takes the stages from the API, the same as the workflow’s', () => {
    expect(lib.STAGES).toEqual([...STAGES]);
    expect(lib.FINAL_STAGES).toEqual([...FINAL_STAGES]);
    for (const file of webScripts) expect(readFileSync(webFile(file), 'utf8'), file).not.toContain("'awaiting_clarification',"); // no copied list
  });

  it('labels a decision by what it does for the question asked', () => {
    expect(lib.decisionLabel('resubmit', 'statement_failed')).toBe('Issue the patient statement again');
    expect(lib.decisionLabel('resubmit', 'claim_rejected')).toBe('Send the claim again');
    expect(lib.decisionLabel('resubmit', 'authorization_denied')).toBe('Resubmit the authorization');
    expect(lib.decisionLabel('accept_codes', 'edit_failed')).toBe('Bill as coded despite the failed edits');
    expect(lib.decisionLabel('accept_codes', 'clarification_overdue')).toBe('Bill with the codes as they stand');
    // Every question the workflow asks has a label and every decision a label for it.
    for (const kind of [
      'clarification_overdue',
      'edit_failed',
      'authorization_denied',
      'authorization_expired',
      'authorization_modified',
      'authorization_mismatch',
      'claim_rejected',
      'statement_failed',
      'coverage_problem',
    ]) {
      expect(lib.pendingLabel(kind), kind).not.toBe(kind);
    }
    expect(lib.decisionLabel('resubmit', 'statement_failed')).not.toMatch(/authorization/i);
  });

  it('builds list queries without empty parameters', () => {
    expect(lib.withQuery('/encounters', { stage: '', payer: undefined, cursor: 'abc', limit: 50 })).toBe('/encounters?cursor=abc&limit=50');
    expect(lib.withQuery('/encounters', { stage: '' })).toBe('/encounters');
    expect(lib.isDuration('24h')).toBe(true);
    expect(lib.isDuration('24 hours')).toBe(false);
  });
});

describe('the code override form (pure helpers)', () => {
  it('offers the form in the API’s override stages, to coders and to tokens of unknown role', () => {
    expect(lib.CODE_OVERRIDE_STAGES).toEqual([...CODE_OVERRIDE_STAGES]);
    expect(lib.demoRole('coder-demo')).toBe('coder');
    expect(lib.demoRole('supervisor-demo')).toBe('supervisor');
    expect(lib.demoRole('physician-1234567893-demo')).toBe('physician');
    expect(lib.demoRole('coder-demo-but-not')).toBeNull();
    expect(lib.demoRole('s3cr3t-token')).toBeNull();
    expect(lib.offersCodeOverride('coder', 'awaiting_clarification')).toBe(true);
    expect(lib.offersCodeOverride(null, 'needs_review')).toBe(true);
    expect(lib.offersCodeOverride('coder', 'billing')).toBe(false);
    expect(lib.offersCodeOverride('biller', 'coding')).toBe(false);
    // PUT /encounters/:id/codes takes the coder role only (requireRole('coder')): a supervisor would get 403.
    expect(lib.offersCodeOverride('supervisor', 'escalated')).toBe(false);
    expect(lib.offersAudit('supervisor')).toBe(true);
    expect(lib.offersAudit(null)).toBe(true);
    expect(lib.offersAudit('coder')).toBe(false);
  });

  it('fills the rows from the current codes, and builds the same codes back', () => {
    const codes = {
      revision: 2,
      diagnoses: [{ code: 'E11.9', description: 'x' }, { code: 'I10' }],
      procedures: [
        { code: '99214', units: 1, modifiers: ['25'], diagnosisPointers: [1, 2] },
        { code: '80053', units: 2, modifiers: [], diagnosisPointers: [1] },
      ],
    };
    const rows = lib.overrideRowsFromCodes(codes);
    expect(rows).toEqual({
      diagnoses: [{ code: 'E11.9' }, { code: 'I10' }],
      procedures: [
        { code: '99214', units: '1', modifiers: '25', diagnosisPointers: '1, 2' },
        { code: '80053', units: '2', modifiers: '', diagnosisPointers: '1' },
      ],
    });
    expect(lib.buildOverrideBody({ ...rows, note: '  checked  ' })).toEqual({
      body: {
        diagnoses: [{ code: 'E11.9' }, { code: 'I10' }],
        procedures: [
          { code: '99214', units: 1, modifiers: ['25'], diagnosisPointers: [1, 2] },
          { code: '80053', units: 2, modifiers: [], diagnosisPointers: [1] },
        ],
        note: 'checked',
      },
      errors: [],
    });
    expect(lib.overrideRowsFromCodes(null)).toEqual({ diagnoses: [{ code: '' }], procedures: [] });
  });

  it('tidies typed values and names the mistakes it can see in the API’s field names', () => {
    const { body, errors } = lib.buildOverrideBody({
      diagnoses: [{ code: ' e11.9 ' }, { code: '' }],
      procedures: [
        { code: '99213', units: '', modifiers: '25 59', diagnosisPointers: '' },
        { code: '', units: 'two', modifiers: '', diagnosisPointers: '1, x' },
      ],
      note: '   ',
    });
    expect(body.diagnoses[0]).toEqual({ code: 'E11.9' });
    expect(body.procedures[0]).toEqual({ code: '99213', modifiers: ['25', '59'] }); // API defaults: 1 unit, pointers to the diagnoses
    expect(body).not.toHaveProperty('note');
    expect(errors.map((e: { field: string }) => e.field)).toEqual([
      'diagnoses.1.code',
      'procedures.1.code',
      'procedures.1.units',
      'procedures.1.diagnosisPointers',
    ]);
    expect(lib.buildOverrideBody({ diagnoses: [], procedures: [] }).errors).toEqual([{ field: 'diagnoses', message: expect.any(String) }]);
  });

  it('maps the API’s error fields to the form’s inputs', () => {
    expect(lib.overrideErrorTarget('diagnoses.1.code')).toEqual({ key: 'diagnoses.1.code', list: 'diagnoses', index: 1, name: 'code' });
    expect(lib.overrideErrorTarget('procedures.0.diagnosisPointers.2').key).toBe('procedures.0.diagnosisPointers');
    expect(lib.overrideErrorTarget('procedures.3.modifiers.0').key).toBe('procedures.3.modifiers');
    expect(lib.overrideErrorTarget('procedures.3').key).toBe('procedures.3.code');
    expect(lib.overrideErrorTarget('note').key).toBe('note');
    expect(lib.overrideErrorTarget('diagnoses').key).toBe('diagnoses');
    expect(lib.overrideErrorTarget('(body)').key).toBeNull();
    expect(lib.overrideErrorTarget('Idempotency-Key').key).toBeNull();
    expect(lib.overrideFieldLabel('procedures.0.diagnosisPointers.1')).toBe('Procedure 1 diagnosis pointers');
    expect(lib.overrideFieldLabel('diagnoses.1.code')).toBe('Diagnosis 2 code');
    const grouped = lib.overrideErrorsByInput([
      { field: 'procedures.0.diagnosisPointers.0', message: 'a' },
      { field: 'procedures.0.diagnosisPointers.1', message: 'b' },
      { field: '(body)', message: 'c' },
    ]);
    expect([...grouped.entries()]).toEqual([
      ['procedures.0.diagnosisPointers', ['a', 'b']],
      ['', ['c']],
    ]);
  });

  it('makes a fresh Idempotency-Key the API accepts', () => {
    const a = lib.newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9._:-]{1,200}$/);
    expect(lib.newIdempotencyKey()).not.toBe(a);
    const withoutUuid = lib.newIdempotencyKey({ getRandomValues: (bytes: Uint8Array) => bytes.fill(171) });
    expect(withoutUuid).toBe('ab'.repeat(16));
  });

  it('tells the workflow’s outcome flags apart', () => {
    expect(lib.flagKind('codes overridden by coder coder-demo')).toBe('applied');
    expect(lib.flagKind("a coder's override was rejected: Z99.99 is not in the code set")).toBe('rejected');
    expect(lib.flagKind('partially authorized: billing only the authorized units')).toBe('other');
  });
});

describe('the audit trail (pure helpers)', () => {
  it('shows codes, stages and decisions, and only that free text was given', () => {
    const summary = lib.auditDetailSummary({
      stage: 'awaiting_clarification',
      diagnoses: ['E11.9'],
      procedures: [{ code: '99214', units: 2, modifiers: ['25'] }],
      note: 'Patient Jane Doe called',
      patientId: '6c1f0000-0000-4000-8000-000000000000',
      response: { status: 202, body: { accepted: true } },
    });
    expect(summary).toEqual(['stage: Awaiting physician', 'diagnoses: E11.9', 'procedures: 99214 × 2-25', 'with a note', 'answered 202']);
    expect(summary.join(' ')).not.toMatch(/Jane|6c1f/);
    expect(lib.auditDetailSummary({ reason: 'Duplicate of visit for Jane Doe', stage: 'coding' })).toEqual([
      'stage: Coding',
      'with a reason',
    ]);
    expect(lib.auditDetailSummary({ kind: 'clarification_overdue', note: null, extendBy: '24h' })).toEqual([
      'question: The physician did not answer the query in time',
      'extend by: 24h',
    ]);
    expect(lib.auditDetailSummary(null)).toEqual([]);
    expect(lib.auditActionLabel('decision:extend')).toBe('Decision applied: Give the physician more time');
    expect(lib.auditActionLabel('codes.overridden')).toBe('Codes overridden');
    expect(lib.auditActionLabel('something.new')).toBe('something.new');
  });

  it('folds runs of the same person viewing into one row', () => {
    const row = (action: string, actor: string, at: string) => ({ action, actor, role: 'coder', at, detail: {} });
    const folded = lib.foldAuditRows([
      row('encounter.viewed', 'coder-demo', '2026-01-01T10:03:00Z'),
      row('encounter.viewed', 'coder-demo', '2026-01-01T10:02:00Z'),
      row('encounter.viewed', 'coder-demo', '2026-01-01T10:01:00Z'),
      row('codes.overridden', 'coder-demo', '2026-01-01T10:00:30Z'),
      row('codes.overridden', 'coder-demo', '2026-01-01T10:00:20Z'),
      row('encounter.viewed', 'coder-demo', '2026-01-01T10:00:00Z'),
    ]);
    expect(folded.map((r: { action: string; count: number }) => [r.action, r.count])).toEqual([
      ['encounter.viewed', 3],
      ['codes.overridden', 1],
      ['codes.overridden', 1],
      ['encounter.viewed', 1],
    ]);
    expect(folded[0]).toMatchObject({ at: '2026-01-01T10:03:00Z', firstAt: '2026-01-01T10:01:00Z' });
  });
});

describe('the page’s API client against the API', () => {
  /** A client with `token` whose requests are recorded. */
  function client(token: string) {
    const sent: Array<{ url: string; method: string; authorization: string | undefined; idempotencyKey: string | undefined }> = [];
    const recordingFetch = (url: string, init: { method: string; headers: Record<string, string> }) => {
      sent.push({ url, method: init.method, authorization: init.headers.authorization, idempotencyKey: init.headers['idempotency-key'] });
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
    await expect(nobody.listEncounters()).rejects.toMatchObject({
      status: 401,
      problem: { title: 'Unauthorized', detail: expect.stringMatching(/token/) },
    });

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

  it('sends a code override with its Idempotency-Key; the API’s field errors map to the form’s inputs', async () => {
    const { sent, client: coder } = client(TOKENS.coder);
    const key = lib.newIdempotencyKey();
    const { body, errors } = lib.buildOverrideBody({
      diagnoses: [{ code: 'NOT-A-CODE' }],
      procedures: [{ code: '99213', units: '1', modifiers: '', diagnosisPointers: '2' }],
      note: '',
    });
    expect(errors).toEqual([]);
    const invalid = await coder.overrideCodes(encounterId, body, { idempotencyKey: key }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(lib.ApiError);
    expect(invalid.status).toBe(400);
    const fields = invalid.problem.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('diagnoses.0.code');
    const byInput = lib.overrideErrorsByInput(invalid.problem.errors);
    expect(byInput.has('diagnoses.0.code')).toBe(true);
    expect(sent.at(-1)).toMatchObject({ method: 'PUT', idempotencyKey: key, authorization: `Bearer ${TOKENS.coder}` });

    // A pointer past the diagnoses: the API names the pointer; the form shows it at the row's pointers.
    const pointer = await coder
      .overrideCodes(
        encounterId,
        lib.buildOverrideBody({ diagnoses: [{ code: 'E11.9' }], procedures: [{ code: '99213', diagnosisPointers: '2' }] }).body,
        {
          idempotencyKey: lib.newIdempotencyKey(),
        },
      )
      .catch((error: unknown) => error);
    expect(pointer.status).toBe(400);
    expect(pointer.problem.errors).toEqual([expect.objectContaining({ field: 'procedures.0.diagnosisPointers.0' })]);
    expect(lib.overrideErrorTarget(pointer.problem.errors[0].field).key).toBe('procedures.0.diagnosisPointers');

    // The header really travels: a malformed key is refused by name.
    await expect(
      coder.overrideCodes(encounterId, { diagnoses: [{ code: 'E11.9' }], procedures: [] }, { idempotencyKey: 'not a key' }),
    ).rejects.toMatchObject({
      status: 400,
      problem: { errors: [expect.objectContaining({ field: 'Idempotency-Key' })] },
    });
    // A valid override of an encounter still in `received` (no worker here): 409 with the stages that take one.
    await expect(
      coder.overrideCodes(encounterId, { diagnoses: [{ code: 'E11.9' }], procedures: [] }, { idempotencyKey: lib.newIdempotencyKey() }),
    ).rejects.toMatchObject({
      status: 409,
      problem: { detail: expect.stringMatching(/awaiting_clarification/) },
    });

    const { client: supervisor } = client(TOKENS.supervisor);
    await expect(supervisor.overrideCodes(encounterId, { diagnoses: [{ code: 'E11.9' }], procedures: [] })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('reads the audit trail as a supervisor; other roles get 403', async () => {
    const { sent, client: supervisor } = client(TOKENS.supervisor);
    await supervisor.getEncounter(encounterId); // recorded as a view
    const trail = await supervisor.audit({ encounterId, limit: 50 });
    expect(sent.at(-1)?.url).toBe(`${api.baseUrl}/audit?encounterId=${encounterId}&limit=50`);
    expect(trail.nextCursor).toBeNull();
    expect(trail.items.length).toBeGreaterThanOrEqual(1);
    expect(trail.items.every((item: { encounterId: string }) => item.encounterId === encounterId)).toBe(true);
    const times = trail.items.map((item: { at: string }) => item.at);
    expect([...times].sort().reverse()).toEqual(times); // newest first
    expect(trail.items.map((item: { action: string }) => item.action)).toContain('encounter.viewed');
    const folded = lib.foldAuditRows(trail.items);
    expect(folded.reduce((n: number, row: { count: number }) => n + row.count, 0)).toBe(trail.items.length);
    for (const item of trail.items) expect(lib.auditDetailSummary(item.detail).join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no patient ids

    const { client: coder } = client(TOKENS.coder);
    await expect(coder.audit({ encounterId })).rejects.toMatchObject({ status: 403 });
  });

  it('reads a non-JSON error body as a plain problem', () => {
    expect(lib.toProblem(502, null)).toEqual({
      title: 'HTTP 502',
      status: 502,
      detail: 'The server answered with status 502.',
      errors: [],
    });
  });
});
