/**
 * What a standalone process (`npm run worker`, `npm run api`) connects to: services that already
 * run elsewhere. Unlike `npm start`, it starts nothing, so the database must be configured.
 */
import { loadConfig, type AppConfig } from './config.ts';
import { loadTemporalSettings, settingsForAddress, type TemporalSettings } from './temporal-connection.ts';

export interface StandaloneSettings {
  config: AppConfig;
  temporal: TemporalSettings;
  databaseUrl: string;
}

export function loadStandaloneSettings(processName: string): StandaloneSettings {
  const config = loadConfig();
  const configured = loadTemporalSettings();
  if (!config.databaseUrl) {
    console.error(`DATABASE_URL is required for a standalone ${processName} (npm start runs an embedded database instead)`);
    process.exit(2);
  }
  const temporal = configured.address
    ? configured
    : settingsForAddress(`127.0.0.1:${config.temporalDevServerPort}`, configured.namespace);
  return { config, temporal, databaseUrl: config.databaseUrl };
}
