/**
 * Structured JSON logs (pino), one line per event: `level`, `time`, `component`, `msg` and the
 * event's fields. Fields are ids, stages and counts only: callers never pass patient data, and
 * pino's redaction replaces well-known PHI field names (at the top level and one level down)
 * defensively. LOG_LEVEL (trace|debug|info|warn|error|fatal|silent, default info) is read when
 * the first logger is made, because modules make theirs at import; platform/config.ts checks it.
 *
 * The Temporal SDK's runtime and worker logs come through here too (platform/temporal-runtime.ts).
 */
import { pino, type Logger as PinoLogger, type LoggerOptions } from 'pino';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Field names that may carry patient data or secrets: replaced by "[redacted]" wherever they appear. */
export const REDACTED_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'memberId',
  'name',
  'patient',
  'notes',
  'documentation',
  'address',
  'phone',
  'email',
  'authorization',
  'cookie',
] as const;

type Fields = Record<string, unknown>;

/** The root logger's options: ISO time, level names, PHI field names redacted. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    base: { pid: process.pid },
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`]), censor: '[redacted]' },
  };
}

let root: PinoLogger | undefined;

/** The process's root logger (JSON lines on stdout), made on first use. */
export function rootLogger(): PinoLogger {
  root ??= pino(loggerOptions((process.env['LOG_LEVEL'] || 'info').toLowerCase()));
  return root;
}

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

/** A component's logger; `root` is the process's root logger except in tests. */
export function createLogger(component: string, root: PinoLogger = rootLogger()): Logger {
  const log = root.child({ component });
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}
