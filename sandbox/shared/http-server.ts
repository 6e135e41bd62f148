/** Starting and stopping a sandbox's Express app on a real port (0 = ephemeral). */
import type { Express } from 'express';
import type { AddressInfo } from 'node:net';

export interface RunningSandbox {
  url: string;
  stop(): Promise<void>;
}

export function listen(app: Express, port: number, host: string): Promise<RunningSandbox> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      const url = `http://${host}:${address.port}`;
      let stopping: Promise<void> | undefined;
      resolve({
        url,
        stop: () => {
          stopping ??= new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          });
          return stopping;
        },
      });
    });
  });
}

/** Runs a sandbox as its own process: readiness line, graceful shutdown on SIGINT/SIGTERM. */
export async function runStandalone(name: string, start: () => Promise<RunningSandbox>): Promise<void> {
  const sandbox = await start();
  console.log(`${name} sandbox listening on ${sandbox.url}`);
  const shutdown = (signal: string) => {
    console.log(`${name} sandbox stopping (${signal})`);
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
