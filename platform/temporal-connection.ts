/**
 * Where and how to reach Temporal, by the conventions of `@temporalio/envconfig`, so one build
 * runs against the local dev server, a self-hosted cluster or Temporal Cloud:
 *
 *   TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY,
 *   TEMPORAL_TLS, TEMPORAL_TLS_CLIENT_CERT_PATH|DATA, TEMPORAL_TLS_CLIENT_KEY_PATH|DATA,
 *   TEMPORAL_TLS_SERVER_CA_CERT_PATH|DATA, TEMPORAL_TLS_SERVER_NAME, TEMPORAL_GRPC_META_*,
 *   TEMPORAL_PROFILE (profile in the TOML config file), TEMPORAL_CONFIG_FILE
 *   (default: ~/.config/temporalio/temporal.toml).
 *
 * Environment variables override the profile. Setting an API key turns TLS on.
 */
import { loadClientConfigProfile, toClientOptions } from '@temporalio/envconfig';
import { Client, Connection } from '@temporalio/client';
import type { ClientOptions, ConnectionOptions } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import type { NativeConnectionOptions } from '@temporalio/worker';

export const DEFAULT_NAMESPACE = 'default';

/** Options that both the client `Connection` and the worker `NativeConnection` accept. */
export interface TemporalConnectionOptions {
  address?: string;
  tls?: NativeConnectionOptions['tls'];
  apiKey?: string;
  metadata?: Record<string, string>;
}

export interface TemporalSettings {
  /** host:port of the frontend; undefined when nothing is configured (then start the dev server). */
  address?: string;
  namespace: string;
  connectionOptions: TemporalConnectionOptions;
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Reads the Temporal connection settings from `env` (and the config file it points to). */
export function loadTemporalSettings(env: NodeJS.ProcessEnv = process.env): TemporalSettings {
  const profile = loadClientConfigProfile({ overrideEnvVars: definedOnly(env) });
  const { namespace, connectionOptions } = toClientOptions(profile);
  const address = connectionOptions.address === '' ? undefined : connectionOptions.address;
  const options: TemporalConnectionOptions = {};
  if (address !== undefined) options.address = address;
  if (connectionOptions.tls !== undefined) options.tls = connectionOptions.tls;
  if (typeof connectionOptions.apiKey === 'string' && connectionOptions.apiKey !== '') options.apiKey = connectionOptions.apiKey;
  if (connectionOptions.metadata !== undefined && Object.keys(connectionOptions.metadata).length > 0) {
    options.metadata = {};
    for (const [header, value] of Object.entries(connectionOptions.metadata)) {
      if (typeof value === 'string') options.metadata[header] = value;
    }
  }
  return {
    address,
    namespace: namespace === undefined || namespace === '' ? DEFAULT_NAMESPACE : namespace,
    connectionOptions: options,
  };
}

/** Settings for a known address (e.g. a dev server this process started). */
export function settingsForAddress(address: string, namespace = DEFAULT_NAMESPACE): TemporalSettings {
  return { address, namespace, connectionOptions: { address } };
}

function requireAddress(settings: TemporalSettings): string {
  const address = settings.address ?? settings.connectionOptions.address;
  if (address === undefined) {
    throw new Error('No Temporal address configured (set TEMPORAL_ADDRESS or a profile, or start the dev server)');
  }
  return address;
}

/**
 * A client `Connection` and a `Client` bound to the configured namespace. Close with `connection.close()`.
 * The product's clients pass the encrypting data converter (platform/payload-codec.ts).
 */
export async function connectClient(
  settings: TemporalSettings,
  options: { dataConverter?: DataConverter; interceptors?: ClientOptions['interceptors'] } = {},
): Promise<{ client: Client; connection: Connection }> {
  const connectionOptions: ConnectionOptions = { ...settings.connectionOptions, address: requireAddress(settings) };
  const connection = await Connection.connect(connectionOptions);
  const client = new Client({
    connection,
    namespace: settings.namespace,
    ...(options.dataConverter === undefined ? {} : { dataConverter: options.dataConverter }),
    ...(options.interceptors === undefined ? {} : { interceptors: options.interceptors }),
  });
  return { client, connection };
}

/** A worker `NativeConnection` to the configured server. Close with `connection.close()`. */
export async function connectNativeConnection(settings: TemporalSettings): Promise<NativeConnection> {
  const options: NativeConnectionOptions = { ...settings.connectionOptions, address: requireAddress(settings) };
  return NativeConnection.connect(options);
}
