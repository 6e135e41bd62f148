/** Runs the clearinghouse sandbox alone: `tsx sandbox/clearinghouse/main.ts` (CLEARINGHOUSE_PORT, CLEARINGHOUSE_SCENARIO, INSURER_URL; see platform/config.ts). */
import { parseEnvironment } from '../../platform/config.ts';
import { runStandalone } from '../shared/http-server.ts';
import { startClearinghouseSandbox } from './server.ts';

const env = parseEnvironment();
await runStandalone('clearinghouse', () =>
  startClearinghouseSandbox({
    port: env.CLEARINGHOUSE_PORT,
    host: '127.0.0.1',
    ...(env.CLEARINGHOUSE_SCENARIO !== undefined ? { scenarioPath: env.CLEARINGHOUSE_SCENARIO } : {}),
    // Where accepted claims go for adjudication (the insurer sandbox); unset: claims are never adjudicated.
    ...(env.INSURER_URL !== undefined ? { payerUrl: env.INSURER_URL } : {}),
  }),
);
