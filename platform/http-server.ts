/** Starting an Express app on a real port (0 = ephemeral) and stopping it once, for every HTTP service. */
import type { Express } from 'express';
import type { ServerResponse } from 'node:http';
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
   * On stop: `idle` lets requests in flight finish and closes each connection as its last request
   * is answered (idle ones at once), `all` drops every connection at once (sandboxes, tests).
   */
  closeConnections?: 'idle' | 'all';
  /**
   * How long an idle keep-alive connection stays open (Node's `keepAliveTimeout`, default 5 s;
   * Node closes one second after what it advertises). 0: the server never closes an idle
   * connection, its client does. A client may send its next request on an idle connection at the
   * moment the server closes it (ECONNRESET, decided by which timer a busy machine runs first);
   * a client that alone closes its idle connections never sends on one it closed. Stopping does
   * not wait for this timeout (see `closeConnections`).
   */
  keepAliveTimeoutMs?: number;
}

export function listen(app: Express, { port, host, closeConnections = 'idle', keepAliveTimeoutMs }: ListenOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    if (keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = keepAliveTimeoutMs;
    let stopping: Promise<void> | undefined;
    // Responses not yet closed: on a graceful stop, their connections close once they are answered.
    const answering = new Set<ServerResponse>();
    const closeAfterAnswer = (res: ServerResponse) => {
      // Before the headers: Node answers `Connection: close` and closes after the body.
      if (!res.headersSent) res.shouldKeepAlive = false;
      const socket = res.socket;
      if (res.writableFinished) socket?.end();
      else res.once('finish', () => socket?.end());
    };
    server.prependListener('request', (_req, res: ServerResponse) => {
      // A request that arrives on a kept-alive connection while stopping is its last.
      if (stopping !== undefined) closeAfterAnswer(res);
      answering.add(res);
      res.once('close', () => answering.delete(res));
    });
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${address.port}`,
        stop: () => {
          stopping ??= new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            if (closeConnections === 'all') server.closeAllConnections();
            else {
              server.closeIdleConnections();
              for (const res of answering) closeAfterAnswer(res);
            }
          });
          return stopping;
        },
      });
    });
  });
}
