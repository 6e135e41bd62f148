// Provisions Temporal's Java time-skipping test server into .tools/ with Maven if it is not
// there yet, and prints its launcher's path (CI runs it before the tests). See
// testkit/temporal-test-server.ts.
import { logTool } from '../platform/temporal-cli.ts';
import { ensureTemporalTestServer } from '../testkit/temporal-test-server.ts';

try {
  process.stdout.write(`${await ensureTemporalTestServer()}\n`);
} catch (error) {
  logTool(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
