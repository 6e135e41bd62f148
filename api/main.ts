/**
 * `npm run api`: one API process, for scaling out. It needs the services to exist already:
 * TEMPORAL_ADDRESS (default 127.0.0.1:7233) and DATABASE_URL.
 */
import { loadConfig } from '../platform/config.ts';
import { stopOnSignals } from '../platform/shutdown.ts';
import { loadTemporalSettings, settingsForAddress } from '../platform/temporal-connection.ts';
import { runApi } from './server.ts';

const config = loadConfig();
const temporal = loadTemporalSettings();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is required for a standalone API (npm start runs an embedded database instead)');
  process.exit(2);
}
const api = await runApi(
  config,
  temporal.address ? temporal : settingsForAddress(`127.0.0.1:${config.temporalDevServerPort}`, temporal.namespace),
  config.databaseUrl,
);
stopOnSignals(() => api.stop());
