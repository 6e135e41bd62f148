// GET /metrics over real HTTP on a real database: request counts, latency and errors by route
// pattern, encounters by stage, and who may read it.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { demoTokenDirectory } from '../../api/auth.ts';
import { createPayloadCodec, generatePayloadKeySpec } from '../../platform/payload-codec.ts';
import { DEFAULT_TIMINGS } from '../../workflows/config.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';

const db = useTestDatabase();
const servers: Server[] = [];

/** The API on an ephemeral port; its Temporal connection is lazy and never used by these requests. */
async function startApi(metricsToken?: string): Promise<string> {
  const app = createApp({
    prisma: db.prisma,
    temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
    taskQueue: 'metrics-test',
    timings: DEFAULT_TIMINGS,
    tokens: demoTokenDirectory(),
    payloadCodec: createPayloadCodec(generatePayloadKeySpec()),
    readiness: async () => ({ database: true }),
    metricsToken,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await db.prisma.payer.create({ data: { id: 'METRICS-PAYER', name: 'Metrics payer' } });
  const patient = await db.prisma.patient.create({
    data: {
      externalId: 'metrics-patient',
      firstName: 'Synthetic',
      lastName: 'Person',
      dateOfBirth: new Date('1980-01-01'),
      sex: 'F',
      memberId: 'M-0',
    },
  });
  const provider = await db.prisma.provider.create({ data: { npi: '1234567893', name: 'Dr Synthetic', taxonomy: '207Q00000X' } });
  for (const [index, stage] of ['coding', 'coding', 'billed'].entries()) {
    await db.prisma.encounter.create({
      data: {
        clinicEncounterId: `metrics-${index}`,
        patientId: patient.id,
        providerId: provider.id,
        payerId: 'METRICS-PAYER',
        dateOfService: new Date('2026-11-02'),
        placeOfService: '11',
        stage,
        workflowId: `encounter-metrics-${index}`,
      },
    });
  }
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('GET /metrics', () => {
  it('counts requests by route pattern (never a concrete id), times them, and counts encounters by stage', async () => {
    const url = await startApi();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const unknownId = '3f0d5b8e-0000-4000-8000-000000000000';
    const notFound = await fetch(`${url}/encounters/${unknownId}`, { headers: { authorization: 'Bearer supervisor-demo' } });
    expect(notFound.status).toBe(404);

    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('http_requests_total{method="GET",route="/healthz",status="200"} 1');
    expect(text).toContain('http_requests_total{method="GET",route="/encounters/:id",status="404"} 1');
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1');
    expect(text).not.toContain(unknownId);
    expect(text).toContain('encounterflow_encounters{stage="coding"} 2');
    expect(text).toContain('encounterflow_encounters{stage="billed"} 1');
    expect(text).toContain('encounterflow_api_process_cpu_seconds_total');
  });

  it('with METRICS_TOKEN, answers the scraper that sends it and refuses others', async () => {
    const url = await startApi('scrape-secret');
    expect((await fetch(`${url}/metrics`)).status).toBe(403);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-secret' } })).status).toBe(403);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('encounterflow_encounters{stage="coding"} 2');
  });
});
