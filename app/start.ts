/**
 * `npm start`: the whole product on one machine. Whatever is not configured is started here on
 * embedded defaults — PostgreSQL (PGlite), the Temporal dev server, the insurer, clearinghouse and
 * payment provider sandboxes — all persisted under DATA_DIR, so a restart finds earlier encounters still there.
 * The worker and the API run as two child processes (platform/service-processes.ts), so they use
 * two cores instead of sharing one event loop. Ctrl-C stops everything in reverse order (API,
 * worker after draining, sandboxes, Temporal, database): nothing is left running.
 *
 * Temporal payloads are encrypted (platform/payload-codec.ts) with PAYLOAD_ENCRYPTION_KEYS, or,
 * when it is unset and the dev server is ours, with a key generated once into
 * DATA_DIR/payload-keys and reused on every later start, so running workflows stay readable.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../platform/config.ts';
import { migrateDeploy, redactDatabaseUrl } from '../platform/db.ts';
import { startEmbeddedPostgres } from '../platform/embedded-postgres.ts';
import { createLogger } from '../platform/logger.ts';
import { loadOrCreatePayloadKeyFile } from '../platform/payload-codec.ts';
import { startServiceProcess } from '../platform/service-processes.ts';
import { stopOnSignals } from '../platform/shutdown.ts';
import { loadTemporalSettings, settingsForAddress } from '../platform/temporal-connection.ts';
import { startTemporalDevServer } from '../platform/temporal-server.ts';
import { startClearinghouseSandbox } from '../sandbox/clearinghouse/server.ts';
import { startInsurerSandbox } from '../sandbox/insurer/server.ts';
import { startPaymentSandbox } from '../sandbox/payments/server.ts';

const log = createLogger('start');
const configured = loadConfig();
await mkdir(configured.dataDir, { recursive: true });

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
  let temporal = loadTemporalSettings();
  let payloadEncryptionKeys = configured.payloadEncryptionKeys;
  if (payloadEncryptionKeys === undefined) {
    if (temporal.address) {
      // Other workers and APIs on that cluster must decrypt what we write: a key only we know won't do.
      throw new Error('PAYLOAD_ENCRYPTION_KEYS must be set when TEMPORAL_ADDRESS names an existing Temporal cluster');
    }
    const keyFile = join(configured.dataDir, 'payload-keys');
    const { spec, created } = await loadOrCreatePayloadKeyFile(keyFile);
    payloadEncryptionKeys = spec;
    log.info(created ? 'payload encryption key generated' : 'payload encryption key loaded', { file: keyFile });
  }
  const config = { ...configured, payloadEncryptionKeys };

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'pglite'), port: config.embeddedPostgresPort });
    stops.push({ name: 'embedded PostgreSQL', stop: pg.stop });
    databaseUrl = pg.url;
    log.info('embedded PostgreSQL ready', { url: redactDatabaseUrl(databaseUrl), dataDir: join(config.dataDir, 'pglite') });
  }
  await migrateDeploy(databaseUrl);
  log.info('database migrated');

  let uiUrl: string | undefined;
  if (!temporal.address) {
    const server = await startTemporalDevServer({
      dataDir: join(config.dataDir, 'temporal'),
      port: config.temporalDevServerPort,
      uiPort: config.temporalUiPort,
      uiCodecEndpoint: `${config.api.publicUrl.replace(/\/+$/, '')}/codec`,
      namespace: temporal.namespace,
    });
    stops.push({ name: 'Temporal dev server', stop: server.stop });
    temporal = settingsForAddress(server.address, temporal.namespace);
    uiUrl = server.uiUrl;
    log.info('Temporal dev server ready', { frontend: server.address, ui: uiUrl });
  }

  let insurerUrl = config.insurerUrl;
  if (!insurerUrl) {
    const insurer = await startInsurerSandbox({ port: config.insurerPort, scenarioPath: config.insurerScenarioPath });
    stops.push({ name: 'insurer sandbox', stop: insurer.stop });
    insurerUrl = insurer.url;
  }
  let clearinghouseUrl = config.clearinghouseUrl;
  if (!clearinghouseUrl) {
    // The clearinghouse forwards accepted claims to the payer for adjudication and collects its remittances.
    const clearinghouse = await startClearinghouseSandbox({
      port: config.clearinghousePort,
      scenarioPath: config.clearinghouseScenarioPath,
      payerUrl: insurerUrl,
    });
    stops.push({ name: 'clearinghouse sandbox', stop: clearinghouse.stop });
    clearinghouseUrl = clearinghouse.url;
  }

  let paymentProviderUrl = config.paymentProviderUrl;
  if (!paymentProviderUrl) {
    const payments = await startPaymentSandbox({ port: config.paymentProviderPort });
    stops.push({ name: 'payment sandbox', stop: payments.stop });
    paymentProviderUrl = payments.url;
  }

  // The worker and the API in processes of their own (one event loop each); stopped API first.
  const parties = { insurerUrl, clearinghouseUrl, paymentProviderUrl };
  const worker = await startServiceProcess({ role: 'worker', config, temporal, databaseUrl, parties });
  stops.push({ name: 'worker', stop: worker.stop });
  const api = await startServiceProcess({ role: 'api', config, temporal, databaseUrl, parties });
  stops.push({ name: 'api', stop: api.stop });

  log.info('encounterflow ready', {
    api: api.url,
    temporalUi: uiUrl ?? 'external cluster',
    insurer: insurerUrl,
    clearinghouse: clearinghouseUrl,
    payments: paymentProviderUrl,
  });
} catch (err) {
  log.error('start failed', { error: (err as Error).message });
  await stopAll();
  process.exit(1);
}
