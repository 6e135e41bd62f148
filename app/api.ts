/**
 * `npm run api`: one API process, for scaling out. It needs the services to exist already:
 * TEMPORAL_ADDRESS (default 127.0.0.1:7233) and DATABASE_URL.
 */
import { stopOnSignals } from '../platform/shutdown.ts';
import { loadStandaloneSettings } from '../platform/standalone.ts';
import { runApi } from '../api/server.ts';

const { config, temporal, databaseUrl } = loadStandaloneSettings('API');
const api = await runApi(config, temporal, databaseUrl, {
  paymentProviderUrl: config.paymentProviderUrl ?? `http://127.0.0.1:${config.paymentProviderPort}`,
});
stopOnSignals(() => api.stop());
