/**
 * The Temporal server's configuration for the cluster profile: PostgreSQL persistence and
 * visibility (two databases on one server), several history shards, every service in one
 * process on loopback ports taken from a base port, Prometheus metrics. Written as the server's
 * YAML; the dynamic configuration file sits next to it and is referenced by absolute path.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ServerConfigOptions {
  dir: string;
  postgres: { host: string; port: number; user: string; password: string };
  databases: { persistence: string; visibility: string };
  historyShards: number;
  /**
   * frontend gRPC = base, frontend HTTP = base+1, history/matching/worker gRPC base+3/5/7, metrics
   * base+9. Membership (gossip) ports are m+2/4/6/8, m = base lowered by 10,000 until it is below
   * 32,758 (45400 -> 25400): Temporal stores them in a signed smallint column (at most 32,767).
   */
  portBase: number;
}

export const frontendPort = (portBase: number) => portBase;
export const metricsPort = (portBase: number) => portBase + 9;
export function membershipBase(portBase: number): number {
  let m = portBase;
  while (m >= 32_768 - 10) m -= 10_000;
  return m;
}

const DYNAMIC_CONFIG = `# Dynamic configuration of the encounterflow cluster profile (see scripts/cluster.ts).
limit.maxIDLength:
  - value: 255
system.enableDeployments:
  - value: true
system.enableDeploymentVersions:
  - value: true
frontend.workerVersioningWorkflowAPIs:
  - value: true
`;

export async function writeServerConfig(opts: ServerConfigOptions): Promise<string> {
  const configDir = join(opts.dir, 'config');
  await mkdir(join(configDir, 'dynamicconfig'), { recursive: true });
  const dynamicConfig = join(configDir, 'dynamicconfig', 'cluster.yaml');
  await writeFile(dynamicConfig, DYNAMIC_CONFIG);
  const { host, port, user, password } = opts.postgres;
  const store = (database: string, maxConns: number) => `      sql:
        pluginName: "postgres12"
        databaseName: ${JSON.stringify(database)}
        connectAddr: "${host}:${port}"
        connectProtocol: "tcp"
        user: ${JSON.stringify(user)}
        password: ${JSON.stringify(password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const b = opts.portBase;
  const m = membershipBase(b);
  const service = (grpc: number, membership: number, http?: number) => `    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${http === undefined ? '' : `\n      httpPort: ${http}`}`;
  const yaml = `# Temporal server configuration of the encounterflow cluster profile (written by scripts/cluster.ts).
log:
  stdout: true
  level: warn

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${opts.historyShards}
  datastores:
    postgres-default:
${store(opts.databases.persistence, 20)}
    postgres-visibility:
${store(opts.databases.visibility, 4)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: "127.0.0.1:${metricsPort(b)}"

services:
  frontend:
${service(frontendPort(b), m + 2, b + 1)}
  history:
${service(b + 3, m + 4)}
  matching:
${service(b + 5, m + 6)}
  worker:
${service(b + 7, m + 8)}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${frontendPort(b)}"

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: ${JSON.stringify(dynamicConfig)}
  pollInterval: "10s"
`;
  await writeFile(join(configDir, 'development.yaml'), yaml);
  return configDir;
}
