/**
 * listen() (platform/http-server.ts): with `keepAliveTimeoutMs: 0` (the test servers) the server
 * never closes an idle keep-alive connection, so a client never sends on a connection the server is
 * just closing; and a graceful stop() closes each connection as its last request is answered
 * instead of waiting for a keep-alive timeout (with 0 it would wait for ever). Observed with raw
 * sockets: what the server sends, and when it ends the connection.
 */
import express from 'express';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../platform/http-server.ts';

/** A raw HTTP/1.1 connection: everything received, and a promise of the server ending it. */
function rawConnection(url: string): { socket: Socket; received: () => string; ended: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  const ended = new Promise<string>((resolve, reject) => {
    socket.once('end', () => resolve(text));
    socket.once('error', reject);
  });
  return { socket, received: () => text, ended };
}

const request = (path: string) => `GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`;

/** Resolves once `probe()` holds, checking on every event-loop turn (no clock involved). */
async function whenTrue(probe: () => boolean): Promise<void> {
  while (!probe()) await new Promise((resolve) => setImmediate(resolve));
}

let server: RunningServer | undefined;
let sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets = [];
  await server?.stop();
  server = undefined;
});

/** An app whose /held answer waits for the test: `arrived` resolves when the request is in, `release()` answers it. */
function heldApp(options: { headersFirst: boolean }) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  const app = express();
  app.get('/quick', (_req, res) => void res.json({ ok: true }));
  app.get('/held', async (_req, res) => {
    if (options.headersFirst) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part;');
    }
    arrived();
    await released;
    if (!options.headersFirst) res.type('text/plain');
    res.end('answered');
  });
  return { app, inFlight, release };
}

describe('listen()', () => {
  it('with keepAliveTimeoutMs 0 keeps the connection alive without a timeout of its own (the client closes idle connections)', async () => {
    server = await listen(heldApp({ headersFirst: false }).app, {
      port: 0,
      host: '127.0.0.1',
      closeConnections: 'all',
      keepAliveTimeoutMs: 0,
    });
    const client = rawConnection(server.url);
    sockets.push(client.socket);
    client.socket.write(request('/quick'));
    await whenTrue(() => client.received().includes('{"ok":true}'));
    expect(client.received()).toMatch(/^connection: keep-alive\r$/im);
    expect(client.received()).not.toMatch(/^keep-alive:/im);

    // Node's default for comparison: it advertises (and keeps) a timeout after which it closes.
    await server.stop();
    server = await listen(heldApp({ headersFirst: false }).app, { port: 0, host: '127.0.0.1', closeConnections: 'all' });
    const other = rawConnection(server.url);
    sockets.push(other.socket);
    other.socket.write(request('/quick'));
    await whenTrue(() => other.received().includes('{"ok":true}'));
    expect(other.received()).toMatch(/^keep-alive: timeout=5\r$/im);
  });

  it.each([
    ['before its headers', false],
    ['after its headers', true],
  ])('stop() answers a request in flight %s, then closes its connection and resolves (no keep-alive wait)', async (_, headersFirst) => {
    const held = heldApp({ headersFirst });
    server = await listen(held.app, { port: 0, host: '127.0.0.1', closeConnections: 'idle', keepAliveTimeoutMs: 0 });
    const idle = rawConnection(server.url);
    const busy = rawConnection(server.url);
    sockets.push(idle.socket, busy.socket);
    idle.socket.write(request('/quick'));
    await whenTrue(() => idle.received().includes('{"ok":true}'));
    busy.socket.write(request('/held'));
    await held.inFlight;

    let stopped = false;
    const stopping = server.stop().then(() => (stopped = true));
    // The idle connection closes at once; the busy one stays until its answer is sent.
    await idle.ended;
    expect(busy.socket.readyState).toBe('open');
    expect(stopped).toBe(false);

    held.release();
    const text = await busy.ended;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toContain('answered');
    if (!headersFirst) expect(text).toMatch(/^connection: close\r$/im);
    await stopping;
    expect(stopped).toBe(true);
    server = undefined;
  });
});
