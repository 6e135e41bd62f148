/**
 * `npm run worker`: one worker process, for scaling out. It needs the services to exist already:
 * TEMPORAL_ADDRESS (default 127.0.0.1:7233), DATABASE_URL, INSURER_URL and CLEARINGHOUSE_URL.
 */
import { loadConfig } from '../platform/config.ts';
import { stopOnSignals } from '../platform/shutdown.ts';
import { loadTemporalSettings, settingsForAddress } from '../platform/temporal-connection.ts';
import { runWorker } from './run.ts';

const config = loadConfig();
const temporal = loadTemporalSettings();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is required for a standalone worker (npm start runs an embedded database instead)');
  process.exit(2);
}
const worker = await runWorker(
  config,
  temporal.address ? temporal : settingsForAddress(`127.0.0.1:${config.temporalDevServerPort}`, temporal.namespace),
  config.databaseUrl,
  {
    insurerUrl: config.insurerUrl ?? `http://127.0.0.1:${config.insurerPort}`,
    clearinghouseUrl: config.clearinghouseUrl ?? `http://127.0.0.1:${config.clearinghousePort}`,
  },
);
stopOnSignals(() => worker.stop());
