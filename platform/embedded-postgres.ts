// Embedded PostgreSQL for development and tests: PGlite (PostgreSQL compiled to WebAssembly)
// served over TCP on 127.0.0.1 so that ordinary clients (pg, Prisma's adapter-pg, the
// Prisma CLI) can connect to it. No server install needed.
//
// PGlite is one PostgreSQL backend. Connection pools open several connections, and the
// PostgreSQL wire protocol spreads one query over several messages (Parse, Bind, Execute,
// Sync). pglite-socket 0.2.17 interleaves connections message by message, which lets one
// connection's Bind land on another connection's Parse. We keep pglite-socket's connection
// handler (message framing) but give it our own queue: a connection owns the backend from
// its first message until its exchange ends (Sync or simple Query) outside a transaction.
// Other connections wait their turn. So any pool size works against this server.
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Directory holding the database files; in memory when absent. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 or absent picks a free port. */
  port?: number;
}

export interface EmbeddedPostgres {
  /** postgres:// URL of the single database ("postgres") this instance serves. */
  url: string;
  /** Closes every connection, flushes the data to dataDir and shuts PGlite down. */
  stop(): Promise<void>;
}

interface PendingMessage {
  connectionId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const SIMPLE_QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const TERMINATE = 0x58; // 'X'

/** A message after which the backend is free for another connection (unless in a transaction). */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  // Startup and SSL requests have no type byte: they start with a length whose first byte is 0.
  return type === 0 || type === SIMPLE_QUERY || type === SYNC || type === TERMINATE;
}

/**
 * Serialises the wire-protocol traffic of several connections onto one PGlite backend.
 * Implements the queue interface PGLiteSocketHandler calls.
 */
export class BackendSessionQueue {
  private readonly waiting: PendingMessage[] = [];
  private owner: number | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(connectionId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ connectionId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  getQueueLength(): number {
    return this.waiting.length;
  }

  /** Called by the handler when its connection goes away. */
  clearQueueForHandler(connectionId: number): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const pending = this.waiting[i];
      if (pending?.connectionId !== connectionId) continue;
      this.waiting.splice(i, 1);
      pending.reject(new Error('connection closed'));
    }
  }

  /** Called by the handler when its connection goes away: release the backend it held. */
  async clearTransactionIfNeeded(connectionId: number): Promise<void> {
    if (this.owner !== connectionId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.pump();
  }

  private nextMessage(): PendingMessage | undefined {
    const index = this.owner === null ? 0 : this.waiting.findIndex((p) => p.connectionId === this.owner);
    if (index < 0) return undefined;
    return this.waiting.splice(index, 1)[0];
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let pending = this.nextMessage(); pending; pending = this.nextMessage()) {
        this.owner = pending.connectionId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(pending.message, {
              onRawData: (data) => {
                bytes += data.length;
                pending.onData(data);
              },
            }),
          );
          pending.resolve(bytes);
        } catch (error) {
          pending.reject(error);
        }
        if (endsExchange(pending.message) && !this.db.isInTransaction()) this.owner = null;
      }
    } finally {
      this.running = false;
    }
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts PGlite and serves it on 127.0.0.1. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const db = opts.dataDir ? await PGlite.create({ dataDir: opts.dataDir }) : await PGlite.create();
  const queue = new BackendSessionQueue(db);
  const sockets = new Set<Socket>();
  const handlers = new Set<PGLiteSocketHandler>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // The handler's constructor is typed for pglite-socket's own queue class; ours has the
    // same public methods.
    const handler = new PGLiteSocketHandler({
      queryQueue: queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'],
      closeOnDetach: true,
    });
    handlers.add(handler);
    handler.addEventListener('close', () => handlers.delete(handler));
    handler.attach(socket).catch(() => socket.destroy());
  });

  let port: number;
  try {
    port = await listen(server, opts.port ?? 0);
  } catch (error) {
    await db.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const handler of handlers) await handler.detach(true).catch(() => undefined);
      for (const socket of sockets) socket.destroy();
      await closed;
      if (opts.dataDir) await db.syncToFs();
      await db.close();
    })();
    return stopping;
  };

  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop };
}
