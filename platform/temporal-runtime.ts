/**
 * The Temporal SDK's process-wide runtime, installed once before the first worker connection:
 * its logs (core, worker, activities, workflow `log`) go through pino (platform/logger.ts), and
 * with WORKER_METRICS_ADDRESS set the SDK serves its own Prometheus metrics (task slots, poll and
 * schedule-to-start latencies, workflow and activity outcomes, sticky cache) at
 * http://WORKER_METRICS_ADDRESS/metrics.
 */
import { IllegalStateError, type LogLevel as TemporalLogLevel, type LogMetadata, type Logger as TemporalLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger as PinoLogger } from 'pino';
import { rootLogger } from './logger.ts';

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * The module listing webpack prints when a worker bundles its workflow code at start (from the
 * sources; the build prebundles): useful when debugging the bundle, noise in every start's log.
 */
const WEBPACK_LISTING = /\bwebpack \d+\.\d+\.\d+ compiled\b/;

/** The SDK's Logger interface over pino: every SDK message becomes a JSON line with its metadata. */
export function temporalLogger(root: PinoLogger = rootLogger()): TemporalLogger {
  const log = root.child({ component: 'temporal' });
  const write = (level: TemporalLogLevel, message: string, meta?: LogMetadata) => {
    const pinoLevel = level === 'INFO' && WEBPACK_LISTING.test(message) ? 'debug' : PINO_LEVEL[level];
    log[pinoLevel](meta ?? {}, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

let installed = false;

/**
 * Installs the runtime once per process, before its first worker connection. `shutdownSignals: []`
 * leaves signals to the caller (npm start's service process: its parent decides the order). A
 * process whose runtime already exists (a test that made its own) keeps it: Runtime.install
 * refuses a second one.
 */
export function installTemporalRuntime(options: { workerMetricsAddress?: string; shutdownSignals?: NodeJS.Signals[] }): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({
      logger: temporalLogger(),
      ...(options.shutdownSignals ? { shutdownSignals: options.shutdownSignals } : {}),
      ...(options.workerMetricsAddress
        ? { telemetryOptions: { metrics: { prometheus: { bindAddress: options.workerMetricsAddress } } } }
        : {}),
    });
  } catch (error) {
    if (!(error instanceof IllegalStateError)) throw error;
    rootLogger()
      .child({ component: 'temporal' })
      .warn('the Temporal runtime already exists in this process: its logger and metrics stay as they are');
  }
}
