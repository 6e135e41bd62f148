// Installs the Temporal CLI (dev server) into .tools/ if it is not found, and prints its path
// (`npm run temporal:install`; CI runs it before the tests). See platform/temporal-cli.ts.
import { ensureTemporalCli, logTool } from '../platform/temporal-cli.ts';

try {
  process.stdout.write(`${await ensureTemporalCli()}\n`);
} catch (error) {
  logTool(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
