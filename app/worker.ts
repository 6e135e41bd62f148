/**
 * `npm run worker`: one worker process, for scaling out. It needs the services to exist already:
 * TEMPORAL_ADDRESS (default 127.0.0.1:7233), DATABASE_URL, INSURER_URL and CLEARINGHOUSE_URL.
 */
import { lowerOwnPriority } from '../platform/process-priority.ts';
import { stopOnSignals } from '../platform/shutdown.ts';
import { loadStandaloneSettings } from '../platform/standalone.ts';
import { runWorker } from '../worker/run.ts';

const { config, temporal, databaseUrl } = loadStandaloneSettings('worker');
// WORKER_NICE, before the SDK starts its threads: they inherit it (platform/process-priority.ts).
lowerOwnPriority(config.workerNice);
const worker = await runWorker(config, temporal, databaseUrl, {
  insurerUrl: config.insurerUrl ?? `http://127.0.0.1:${config.insurerPort}`,
  clearinghouseUrl: config.clearinghouseUrl ?? `http://127.0.0.1:${config.clearinghousePort}`,
  paymentProviderUrl: config.paymentProviderUrl ?? `http://127.0.0.1:${config.paymentProviderPort}`,
});
stopOnSignals(() => worker.stop());
