/** Runs the clearinghouse sandbox alone: `tsx sandbox/clearinghouse/main.ts` (port from CLEARINGHOUSE_PORT, default 4020). */
import { runStandalone } from '../shared/http-server.ts';
import { startClearinghouseSandbox } from './server.ts';

const port = Number(process.env.CLEARINGHOUSE_PORT ?? 4020);
await runStandalone('clearinghouse', () =>
  startClearinghouseSandbox({
    port,
    host: '127.0.0.1',
    ...(process.env.CLEARINGHOUSE_SCENARIO ? { scenarioPath: process.env.CLEARINGHOUSE_SCENARIO } : {}),
    // Where accepted claims go for adjudication (the insurer sandbox); unset: claims are never adjudicated.
    ...(process.env.INSURER_URL ? { payerUrl: process.env.INSURER_URL } : {}),
  }),
);
