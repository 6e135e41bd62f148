/**
 * `npm start`: the whole product on one machine. Whatever is not configured is started here on
 * embedded defaults — PostgreSQL (PGlite), the Temporal dev server, the insurer and clearinghouse
 * sandboxes — all persisted under DATA_DIR, so a restart finds earlier encounters still there.
 * Ctrl-C stops everything in reverse order: nothing is left running.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runApi } from '../api/server.ts';
import { loadConfig } from '../platform/config.ts';
import { migrateDeploy, redactDatabaseUrl } from '../platform/db.ts';
import { startEmbeddedPostgres } from '../platform/embedded-postgres.ts';
import { createLogger } from '../platform/logger.ts';
import { stopOnSignals } from '../platform/shutdown.ts';
import { loadTemporalSettings, settingsForAddress } from '../platform/temporal-connection.ts';
import { startTemporalDevServer } from '../platform/temporal-server.ts';
import { startClearinghouseSandbox } from '../sandbox/clearinghouse/server.ts';
import { startInsurerSandbox } from '../sandbox/insurer/server.ts';
import { runWorker } from '../worker/run.ts';

const log = createLogger('start');
const config = loadConfig();
await mkdir(config.dataDir, { recursive: true });

/** Stop functions in start order; run in reverse on shutdown. */
const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
async function stopAll(): Promise<void> {
  for (const { name, stop } of stops.reverse()) {
    try {
      await stop();
      log.info(`${name} stopped`);
    } catch (err) {
      log.error(`stopping ${name} failed`, { error: (err as Error).message });
    }
  }
  log.info('encounterflow stopped');
}
stopOnSignals(stopAll);

try {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'pglite'), port: config.embeddedPostgresPort });
    stops.push({ name: 'embedded PostgreSQL', stop: pg.stop });
    databaseUrl = pg.url;
    log.info('embedded PostgreSQL ready', { url: redactDatabaseUrl(databaseUrl), dataDir: join(config.dataDir, 'pglite') });
  }
  await migrateDeploy(databaseUrl);
  log.info('database migrated');

  let temporal = loadTemporalSettings();
  let uiUrl: string | undefined;
  if (!temporal.address) {
    const server = await startTemporalDevServer({
      dataDir: join(config.dataDir, 'temporal'),
      port: config.temporalDevServerPort,
      uiPort: config.temporalUiPort,
      namespace: temporal.namespace,
    });
    stops.push({ name: 'Temporal dev server', stop: server.stop });
    temporal = settingsForAddress(server.address, temporal.namespace);
    uiUrl = server.uiUrl;
    log.info('Temporal dev server ready', { address: server.address, ui: uiUrl });
  }

  let insurerUrl = config.insurerUrl;
  if (!insurerUrl) {
    const insurer = await startInsurerSandbox({ port: config.insurerPort, scenarioPath: config.insurerScenarioPath });
    stops.push({ name: 'insurer sandbox', stop: insurer.stop });
    insurerUrl = insurer.url;
  }
  let clearinghouseUrl = config.clearinghouseUrl;
  if (!clearinghouseUrl) {
    const clearinghouse = await startClearinghouseSandbox({ port: config.clearinghousePort, scenarioPath: config.clearinghouseScenarioPath });
    stops.push({ name: 'clearinghouse sandbox', stop: clearinghouse.stop });
    clearinghouseUrl = clearinghouse.url;
  }

  const worker = await runWorker(config, temporal, databaseUrl, { insurerUrl, clearinghouseUrl });
  stops.push({ name: 'worker', stop: worker.stop });
  const api = await runApi(config, temporal, databaseUrl);
  stops.push({ name: 'api', stop: api.stop });

  log.info('encounterflow ready', { api: api.url, temporalUi: uiUrl ?? 'external cluster', insurer: insurerUrl, clearinghouse: clearinghouseUrl });
} catch (err) {
  log.error('start failed', { error: (err as Error).message });
  await stopAll();
  process.exit(1);
}
