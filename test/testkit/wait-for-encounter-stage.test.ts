/**
 * testkit/http.ts's waitForEncounterStage against a stand-in API: a busy machine's run of stored
 * answers (the status query timed out: `statusSource: 'database'`, no claim number) must not be
 * taken for the workflow's own, however long the run; the wait ends on the workflow's answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForEncounterStage } from '../../testkit/http.ts';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** Answers GET /encounters/:id with the stored status `storedFirst` times, then with the workflow's. */
async function apiAnswering(storedFirst: number): Promise<{ url: string; reads: () => number }> {
  let reads = 0;
  server = createServer((_request, response) => {
    reads += 1;
    const live = reads > storedFirst;
    const status = live ? { stage: 'billed', history: [], claimNumber: 'CLM-1' } : { stage: 'billed', history: [] };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status, statusSource: live ? 'workflow' : 'database' }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, reads: () => reads };
}

describe('waitForEncounterStage', () => {
  it("returns the workflow's answer after a run of stored answers in the stage, not the stored one", async () => {
    const api = await apiAnswering(8);
    const status = await waitForEncounterStage(api.url, 'encounter-1', 'billed');
    expect(status.claimNumber).toBe('CLM-1');
    expect(api.reads()).toBe(9);
  });
});
