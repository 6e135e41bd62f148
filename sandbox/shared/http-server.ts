/** Running a sandbox as its own process (starting and stopping it: platform/http-server.ts). */
import type { RunningServer } from '../../platform/http-server.ts';

/** Runs a sandbox as its own process: readiness line, graceful shutdown on SIGINT/SIGTERM. */
export async function runStandalone(name: string, start: () => Promise<RunningServer>): Promise<void> {
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
