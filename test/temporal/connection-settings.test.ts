import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemporalSettings } from '../../platform/temporal-connection.ts';

describe('loadTemporalSettings (envconfig conventions)', () => {
  let configDir = '';
  let configFile = '';

  beforeAll(async () => {
    configDir = await mkdtemp(path.join(os.tmpdir(), 'encounterflow-envconfig-'));
    configFile = path.join(configDir, 'temporal.toml');
    await writeFile(
      configFile,
      [
        '[profile.default]',
        'address = "temporal.billing.internal:7233"',
        'namespace = "encounters"',
        '',
        '[profile.cloud]',
        'address = "encounters.a1b2c.tmprl.cloud:7233"',
        'namespace = "encounters.a1b2c"',
        'api_key = "profile-key"',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await rm(configDir, { recursive: true, force: true });
  });

  it('leaves the address undefined when nothing is configured, so the caller starts a dev server', () => {
    const settings = loadTemporalSettings({ TEMPORAL_CONFIG_FILE: path.join(configDir, 'absent.toml') });
    expect(settings.address).toBeUndefined();
    expect(settings.namespace).toBe('default');
    expect(settings.connectionOptions).toEqual({});
  });

  it('takes address and namespace from the environment, plain (no TLS) for self-hosted', () => {
    const settings = loadTemporalSettings({
      TEMPORAL_CONFIG_FILE: path.join(configDir, 'absent.toml'),
      TEMPORAL_ADDRESS: '10.0.0.7:7233',
      TEMPORAL_NAMESPACE: 'encounters-staging',
    });
    expect(settings).toEqual({
      address: '10.0.0.7:7233',
      namespace: 'encounters-staging',
      connectionOptions: { address: '10.0.0.7:7233' },
    });
  });

  it('turns TLS on with an API key (Temporal Cloud) and passes gRPC metadata', () => {
    const settings = loadTemporalSettings({
      TEMPORAL_CONFIG_FILE: path.join(configDir, 'absent.toml'),
      TEMPORAL_ADDRESS: 'encounters.a1b2c.tmprl.cloud:7233',
      TEMPORAL_API_KEY: 'secret-key',
      TEMPORAL_GRPC_META_X_TENANT: 'clinic-42',
    });
    expect(settings.connectionOptions).toEqual({
      address: 'encounters.a1b2c.tmprl.cloud:7233',
      apiKey: 'secret-key',
      tls: true,
      metadata: { 'x-tenant': 'clinic-42' },
    });
  });

  it('honours TEMPORAL_TLS=false and TLS server name overrides', () => {
    expect(loadTemporalSettings({ TEMPORAL_CONFIG_FILE: configFile, TEMPORAL_TLS: 'false' }).connectionOptions.tls).toBe(false);
    const tls = loadTemporalSettings({ TEMPORAL_CONFIG_FILE: configFile, TEMPORAL_TLS_SERVER_NAME: 'frontend.billing' }).connectionOptions
      .tls;
    expect(tls).toMatchObject({ serverNameOverride: 'frontend.billing' });
  });

  it('reads the default profile and a named profile from the config file; env overrides the file', () => {
    expect(loadTemporalSettings({ TEMPORAL_CONFIG_FILE: configFile })).toMatchObject({
      address: 'temporal.billing.internal:7233',
      namespace: 'encounters',
    });
    const cloud = loadTemporalSettings({ TEMPORAL_CONFIG_FILE: configFile, TEMPORAL_PROFILE: 'cloud' });
    expect(cloud).toMatchObject({ address: 'encounters.a1b2c.tmprl.cloud:7233', namespace: 'encounters.a1b2c' });
    expect(cloud.connectionOptions).toMatchObject({ apiKey: 'profile-key', tls: true });

    const overridden = loadTemporalSettings({ TEMPORAL_CONFIG_FILE: configFile, TEMPORAL_NAMESPACE: 'encounters-dr' });
    expect(overridden.namespace).toBe('encounters-dr');
  });

  it('fails loudly on a profile that does not exist', () => {
    expect(() => loadTemporalSettings({ TEMPORAL_CONFIG_FILE: configFile, TEMPORAL_PROFILE: 'missing' })).toThrow(/missing/);
  });
});
