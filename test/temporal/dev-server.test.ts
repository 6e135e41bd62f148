import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import { afterAll, describe, expect, it } from 'vitest';
import { DATE_OF_SERVICE, ENCOUNTER_STAGE, PAYER_ID } from '../../platform/search-attributes.ts';
import { connectClient, loadTemporalSettings } from '../../platform/temporal-connection.ts';
import { startTemporalDevServer } from '../../platform/temporal-server.ts';
import type { RunningDevServer } from '../../platform/temporal-server.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function registeredSearchAttributes(server: RunningDevServer): Promise<Record<string, unknown>> {
  const { client, connection } = await connectClient(loadTemporalSettings({ TEMPORAL_ADDRESS: server.address }));
  try {
    const response = await client.connection.operatorService.listSearchAttributes({ namespace: server.namespace });
    return response.customAttributes;
  } finally {
    await connection.close();
  }
}

describe('Temporal dev server', () => {
  const running: RunningDevServer[] = [];
  let dataDir = '';

  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves with the custom search attributes and keeps a running workflow across a restart on the same database', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'encounterflow-devserver-'));

    const first = await startTemporalDevServer({ dataDir });
    running.push(first);
    expect(first.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(first.uiUrl).toBeUndefined();

    const keyword = encodeSearchAttributeIndexedValueType('KEYWORD');
    const datetime = encodeSearchAttributeIndexedValueType('DATETIME');
    expect(await registeredSearchAttributes(first)).toMatchObject({
      [ENCOUNTER_STAGE.name]: keyword,
      [PAYER_ID.name]: keyword,
      [DATE_OF_SERVICE.name]: datetime,
    });

    // Start a workflow no worker will ever pick up: it stays Running on the server.
    const workflowId = 'encounter-restart-check';
    {
      const { client, connection } = await connectClient(loadTemporalSettings({ TEMPORAL_ADDRESS: first.address }));
      await client.workflow.start('codeEncounter', {
        taskQueue: 'no-worker-listens-here',
        workflowId,
        typedSearchAttributes: [{ key: ENCOUNTER_STAGE, value: 'coding' }],
      });
      await connection.close();
    }

    await first.stop();
    expect(isAlive(first.pid)).toBe(false);
    await first.stop(); // idempotent
    expect((await stat(path.join(dataDir, 'temporal.sqlite'))).size).toBeGreaterThan(0);

    const second = await startTemporalDevServer({ dataDir });
    running.push(second);
    const { client, connection } = await connectClient(loadTemporalSettings({ TEMPORAL_ADDRESS: second.address }));
    try {
      const description = await client.workflow.getHandle(workflowId).describe();
      expect(description.status.name).toBe('RUNNING');
      expect(description.typedSearchAttributes.get(ENCOUNTER_STAGE)).toBe('coding');
      // The server remembers the workflow id: starting it again is refused.
      await expect(client.workflow.start('codeEncounter', { taskQueue: 'no-worker-listens-here', workflowId })).rejects.toBeInstanceOf(
        WorkflowExecutionAlreadyStartedError,
      );
    } finally {
      await connection.close();
    }
    expect(Object.keys(await registeredSearchAttributes(second))).toEqual(
      expect.arrayContaining([ENCOUNTER_STAGE.name, PAYER_ID.name, DATE_OF_SERVICE.name]),
    );

    await second.stop();
    expect(isAlive(second.pid)).toBe(false);
    const log = await readFile(second.logFile, 'utf8');
    expect(log).toContain('start-dev');
  });

  it('reports a server that dies during startup (port taken) instead of hanging', async () => {
    // Another program holds the port: it accepts TCP connections and never answers gRPC.
    const squatter = createServer();
    const accepted = new Set<Socket>();
    squatter.on('connection', (socket) => accepted.add(socket));
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const address = squatter.address();
    const takenPort = typeof address === 'object' && address !== null ? address.port : 0;
    const badDir = await mkdtemp(path.join(os.tmpdir(), 'encounterflow-devserver-bad-'));
    try {
      await expect(startTemporalDevServer({ dataDir: badDir, port: takenPort, startupTimeoutMs: 20_000 })).rejects.toThrow(
        /exited during startup/,
      );
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise((resolve) => squatter.close(resolve));
      await rm(badDir, { recursive: true, force: true });
    }
  });
});
