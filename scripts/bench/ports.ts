/**
 * The loopback ports of a script's processes (the benchmarks, the cluster profile, chaos): a base
 * and a span of ports above it. Defaults stay below Linux's ephemeral range (32768-60999,
 * /proc/sys/net/ipv4/ip_local_port_range): there the kernel hands ports to outgoing connections,
 * and one such connection (or its TIME_WAIT) can hold a port the run needs. A base whose span is
 * not all free is moved on by 100 until one is (each process still waits for its "listening"/
 * "ready" line before the run goes on).
 */
import { createServer } from 'node:net';

/** Below Linux's default ephemeral range. */
export const EPHEMERAL_PORTS_FROM = 32_768;

/** True when nothing listens on 127.0.0.1:port and nothing holds it (a TIME_WAIT included). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The first of `requested`, +100, +200 … (ten tries) whose ports requested..requested+span-1 are
 * all free; `say` is told when the base moved, or when it lies in the ephemeral range.
 */
export async function freePortBase(requested: number, span: number, say: (line: string) => void = () => undefined): Promise<number> {
  for (let candidate = requested; candidate < requested + 1000; candidate += 100) {
    const ports = Array.from({ length: span }, (_, offset) => candidate + offset);
    const free = await Promise.all(ports.map(portIsFree));
    if (!free.every(Boolean)) continue;
    if (candidate !== requested)
      say(`ports ${requested}..${requested + span - 1} are not all free: using ${candidate}..${candidate + span - 1}`);
    if (candidate + span > EPHEMERAL_PORTS_FROM) {
      say(
        `ports ${candidate}..${candidate + span - 1} reach into the ephemeral range (from ${EPHEMERAL_PORTS_FROM}): an outgoing connection may take one`,
      );
    }
    return candidate;
  }
  throw new Error(`no ${span} free ports from ${requested} to ${requested + 999 + span}; pass --port-base`);
}
