/** Starting an Express app on a real port (0 = ephemeral) and stopping it once, for every HTTP service. */
import type { Express } from 'express';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  /** `http://host:port` with the port actually bound. */
  url: string;
  /** Stops listening; repeated calls share the first. */
  stop(): Promise<void>;
}

export interface ListenOptions {
  port: number;
  host: string;
  /**
   * On stop: `idle` lets requests in flight finish (keep-alive connections close once idle),
   * `all` drops every connection at once (sandboxes, tests).
   */
  closeConnections?: 'idle' | 'all';
}

export function listen(app: Express, { port, host, closeConnections = 'idle' }: ListenOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      let stopping: Promise<void> | undefined;
      resolve({
        url: `http://${host}:${address.port}`,
        stop: () => {
          stopping ??= new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            if (closeConnections === 'all') server.closeAllConnections();
            else server.closeIdleConnections();
          });
          return stopping;
        },
      });
    });
  });
}
