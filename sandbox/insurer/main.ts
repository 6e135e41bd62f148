/** Runs the insurer sandbox alone: `tsx sandbox/insurer/main.ts` (INSURER_PORT, INSURER_SCENARIO; see platform/config.ts). */
import { parseEnvironment } from '../../platform/config.ts';
import { runStandalone } from '../shared/http-server.ts';
import { startInsurerSandbox } from './server.ts';

const env = parseEnvironment();
await runStandalone('insurer', () =>
  startInsurerSandbox({
    port: env.INSURER_PORT,
    host: '127.0.0.1',
    ...(env.INSURER_SCENARIO !== undefined ? { scenarioPath: env.INSURER_SCENARIO } : {}),
  }),
);
