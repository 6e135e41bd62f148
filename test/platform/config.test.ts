// Configuration is one zod schema (platform/config.ts); the README's table is written from it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { environmentSchema, loadConfig } from '../../platform/config.ts';
import { workerTuning } from '../../worker/tuning.ts';
import { CONFIG_TABLE_END, CONFIG_TABLE_START, renderConfigTable, withConfigTable } from '../../platform/config-table.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Folders of the product (not dev scripts or tests), where every variable read must be declared. */
const PRODUCT_DIRS = [
  'app',
  'api',
  'platform',
  'worker',
  'activities',
  'billing',
  'integrations',
  'payers',
  'sandbox',
  'coding',
  'workflows',
  'domain',
  'authorization',
];
/** The operating system's and toolchains' own variables. */
const SYSTEM_VARIABLES = new Set(['PATH', 'HOME', 'JAVA_HOME', 'CI', 'NODE_ENV']);

function sourceFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

describe('configuration schema', () => {
  it('the README table is the one `npm run docs:config` writes from the schema', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(CONFIG_TABLE_START) + CONFIG_TABLE_START.length, readme.indexOf(CONFIG_TABLE_END)).trim();
    expect(table, 'run `npm run docs:config`').toBe(renderConfigTable());
    expect(withConfigTable(readme)).toBe(readme);
  });

  it('documents every variable in its own row, with a meaning', () => {
    const table = renderConfigTable();
    for (const name of Object.keys(environmentSchema.shape)) {
      expect(table).toMatch(new RegExp(`^\\| \`${name}\` \\| [^|]+ \\| [^|\\s][^\\n]* \\|$`, 'm'));
    }
  });

  it('declares every environment variable the product reads', () => {
    const read = new Set<string>();
    for (const file of PRODUCT_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
      const source = readFileSync(file, 'utf8');
      // process.env.X, env.X, env['X'], and helpers called as f(env, 'X').
      const reads = /(?:process\.env|\benv)(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])|\(env, ['"]([A-Z][A-Z0-9_]+)['"]/g;
      for (const match of source.matchAll(reads)) read.add((match[1] ?? match[2] ?? match[3]) as string);
    }
    const declared = new Set(Object.keys(environmentSchema.shape));
    expect([...read].filter((name) => !declared.has(name) && !SYSTEM_VARIABLES.has(name))).toEqual([]);
  });

  it('parses defaults, and names the variable (never its value) when one is invalid', () => {
    const defaults = loadConfig({});
    expect(defaults.api).toEqual({ host: '127.0.0.1', port: 3000, publicUrl: 'http://127.0.0.1:3000' });
    expect(defaults.temporalUiOrigins).toEqual(['http://127.0.0.1:8233', 'http://localhost:8233']);
    expect(loadConfig({ API_PORT: '', DATABASE_POOL_SIZE: '3' })).toMatchObject({ api: { port: 3000 }, database: { poolSize: 3 } });
    expect(() => loadConfig({ API_PORT: 'secret-ish' })).toThrow(/^API_PORT must be a whole number$/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE must be at least 1/);
    expect(() => loadConfig({ INSURER_PORT: '70000' })).toThrow(/INSURER_PORT/);
    expect(defaults.apiLimits.statusQueryTimeoutMs).toBe(3_000);
    expect(loadConfig({ STATUS_QUERY_TIMEOUT_MS: '750' }).apiLimits.statusQueryTimeoutMs).toBe(750);
    expect(() => loadConfig({ STATUS_QUERY_TIMEOUT_MS: '0' })).toThrow(/^STATUS_QUERY_TIMEOUT_MS must be at least 1$/);
  });

  it('reads logs, metrics and tracing settings; otlp needs its endpoint', () => {
    expect(loadConfig({}).observability).toEqual({
      logLevel: 'info',
      tracingExporter: 'none',
      workerMetricsAddress: undefined,
      metricsToken: undefined,
      otlpTracesEndpoint: undefined,
    });
    expect(
      loadConfig({ LOG_LEVEL: 'warn', WORKER_METRICS_ADDRESS: '127.0.0.1:9464', METRICS_TOKEN: 'scrape', TRACING_EXPORTER: 'console' })
        .observability,
    ).toMatchObject({
      logLevel: 'warn',
      workerMetricsAddress: '127.0.0.1:9464',
      metricsToken: 'scrape',
      tracingExporter: 'console',
    });
    expect(() => loadConfig({ LOG_LEVEL: 'chatty' })).toThrow(/^LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent$/);
    expect(() => loadConfig({ TRACING_EXPORTER: 'otlp' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be set when TRACING_EXPORTER is otlp/,
    );
    expect(
      loadConfig({ TRACING_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' }).observability
        .tracingExporter,
    ).toBe('otlp');
  });

  it('reads the worker tuning through the same schema (unset: the SDK decides, but for a bounded sticky cache)', () => {
    expect(workerTuning({})).toEqual({ maxCachedWorkflows: 1000 });
    expect(workerTuning({ WORKER_MAX_CACHED_WORKFLOWS: '0', WORKER_MAX_CONCURRENT_ACTIVITIES: '20' })).toEqual({
      maxCachedWorkflows: 0,
      maxConcurrentActivityTaskExecutions: 20,
    });
    expect(() => workerTuning({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toThrow(
      /WORKER_MAX_CONCURRENT_WORKFLOW_TASKS must be at least 2/,
    );
  });
});
