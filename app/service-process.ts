/**
 * One of `npm start`'s two service processes: the worker or the API, started by app/start.ts
 * (platform/service-processes.ts) so that they do not share one event loop. It receives its
 * settings over the IPC channel, answers "ready", and stops on the parent's "stop" message or
 * when the parent goes away. Ctrl-C reaches every process of the terminal's group: this one
 * leaves it to the parent, which stops the API first and the worker after it (orderly shutdown).
 */
import { runApi } from '../api/server.ts';
import { createLogger } from '../platform/logger.ts';
import { lowerOwnPriority } from '../platform/process-priority.ts';
import { installTemporalRuntime } from '../platform/temporal-runtime.ts';
import type { ServiceMessage, ServiceStart } from '../platform/service-processes.ts';
import { runWorker } from '../worker/run.ts';

const log = createLogger('service');
const send = (message: ServiceMessage) => process.send?.(message);

if (!process.send) {
  log.error('app/service-process.ts is started by npm start (app/start.ts); use npm run worker or npm run api instead');
  process.exit(2);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => undefined);

let stopService: (() => Promise<void>) | undefined;
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await stopService?.();
  } finally {
    send({ type: 'stopped' });
    process.exit(0);
  }
}

process.on('message', (message: ServiceStart | { type: 'stop' }) => {
  if (message.type === 'stop') {
    void stop();
    return;
  }
  void (async () => {
    try {
      const { config, temporal, databaseUrl, parties } = message;
      if (message.role === 'worker') {
        // WORKER_NICE (platform/process-priority.ts), before the SDK starts its threads: they inherit it.
        lowerOwnPriority(config.workerNice);
        // The SDK would stop the worker on those signals by itself, before the API: the parent decides.
        installTemporalRuntime({ ...config.observability, shutdownSignals: [] });
        stopService = (await runWorker(config, temporal, databaseUrl, parties)).stop;
        send({ type: 'ready' });
      } else {
        const api = await runApi(config, temporal, databaseUrl, parties);
        stopService = api.stop;
        send({ type: 'ready', url: api.url });
      }
    } catch (err) {
      send({ type: 'failed', error: (err as Error).message });
      process.exit(1);
    }
  })();
});
// The parent went away without a word (killed): stop rather than run on alone.
process.on('disconnect', () => void stop());
