/**
 * One-line structured logs. Fields are ids, stages and counts only: callers never pass patient
 * data, and `redact` drops well-known PHI field names defensively.
 */
const PHI_FIELDS = new Set(['firstName', 'lastName', 'dateOfBirth', 'memberId', 'name', 'patient', 'notes', 'documentation']);

type Fields = Record<string, unknown>;

function redact(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = PHI_FIELDS.has(key) ? '[redacted]' : value;
  return out;
}

function write(level: 'info' | 'warn' | 'error', component: string, message: string, fields?: Fields): void {
  const extra = fields ? ' ' + JSON.stringify(redact(fields)) : '';
  const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${component}] ${message}${extra}`;
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

export interface Logger {
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

export function createLogger(component: string): Logger {
  return {
    info: (m, f) => write('info', component, m, f),
    warn: (m, f) => write('warn', component, m, f),
    error: (m, f) => write('error', component, m, f),
  };
}
