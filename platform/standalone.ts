/**
 * What a standalone process (`npm run worker`, `npm run api`) connects to: services that already
 * run elsewhere. Unlike `npm start`, it starts nothing, so the database must be configured, and
 * it runs against real data, so the demo tokens and the dev signing secret are refused (the rule
 * is `unsafeSettings` in platform/config.ts).
 */
import { loadConfig, unsafeSettings, type AppConfig } from './config.ts';
import { loadTemporalSettings, settingsForAddress, type TemporalSettings } from './temporal-connection.ts';

export interface StandaloneSettings {
  config: AppConfig;
  temporal: TemporalSettings;
  databaseUrl: string;
}

type Env = Record<string, string | undefined>;

/** The settings of a standalone process, or an Error listing everything that must be set first. */
export function standaloneSettingsFrom(env: Env, processName: 'API' | 'worker'): StandaloneSettings {
  const problems: string[] = [];
  if (!env['DATABASE_URL']) {
    problems.push(`DATABASE_URL is required for a standalone ${processName} (npm start runs an embedded database instead)`);
  }
  problems.push(...unsafeSettings(env, processName === 'API' ? 'standalone-api' : 'standalone-worker'));
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const config = loadConfig(env);
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
  const configured = loadTemporalSettings(env as NodeJS.ProcessEnv);
  const temporal = configured.address ? configured : settingsForAddress(`127.0.0.1:${config.temporalDevServerPort}`, configured.namespace);
  return { config, temporal, databaseUrl: config.databaseUrl };
}

export function loadStandaloneSettings(processName: 'API' | 'worker'): StandaloneSettings {
  try {
    return standaloneSettingsFrom(process.env, processName);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
