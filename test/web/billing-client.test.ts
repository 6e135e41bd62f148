/**
 * The staff page's API client for the billers' screens (web/lib/api-client.js) against the API
 * over real HTTP: the worklists it reads, an appeal document uploaded as it is (its own type, a
 * name a header can carry), the answer when the file is not what it says, the claims of an
 * encounter, and the 837P of an unknown claim. No browser here (test/browser/biller.test.ts).
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { submitEncounter, TOKENS, useApiUnderTest } from '../api/support.ts';

const api = useApiUnderTest();
/** web/lib.js, imported as it is served (plain JavaScript, no types). */
let lib: any;
let encounterId: string;

beforeAll(async () => {
  lib = await import(pathToFileURL(fileURLToPath(new URL('../../web/lib.js', import.meta.url))).href);
  encounterId = await submitEncounter(api.baseUrl);
});

const biller = () => lib.createApiClient({ baseUrl: api.baseUrl, getToken: () => TOKENS.biller });

describe('the billers’ API client', () => {
  it('reads every worklist of the Billing work screen', async () => {
    const client = biller();
    for (const list of [
      client.denialWorklist({ limit: 10 }),
      client.balanceWorklist({ needs: 'refund' }),
      client.eligibilityWorklist(),
      client.authorizationWorklist({ state: 'pending' }),
    ]) {
      await expect(list).resolves.toEqual({ items: [], nextCursor: null });
    }
    await expect(client.denialWorklist({ status: 'lost' })).rejects.toMatchObject({
      status: 400,
      problem: { errors: [{ field: 'status' }] },
    });
  });

  it('uploads an appeal document as it is, under a name a header can carry, and reads the encounter’s claims', async () => {
    const client = biller();
    const pdf = new File(['%PDF-1.4\n% letter\n'], 'lettre-médicale.pdf', { type: 'application/pdf' });
    const stored = await client.uploadAttachment(encounterId, pdf, { idempotencyKey: 'client-test-1' });
    expect(stored).toMatchObject({ encounterId, contentType: 'application/pdf', filename: 'lettre-m_dicale.pdf', sizeBytes: pdf.size });
    const again = await client.uploadAttachment(encounterId, pdf, { idempotencyKey: 'client-test-1' });
    expect(again.id).toBe(stored.id);

    const renamed = new File(['MZ not a pdf'], 'letter.pdf', { type: 'application/pdf' });
    await expect(client.uploadAttachment(encounterId, renamed)).rejects.toMatchObject({
      status: 400,
      problem: { errors: [{ field: 'Content-Type' }] },
    });

    await expect(client.encounterClaims(encounterId)).resolves.toMatchObject({ encounterId, claims: [], denials: [] });
    await expect(client.claim837p('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
  });
});
