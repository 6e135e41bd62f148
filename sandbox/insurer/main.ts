/** Runs the insurer sandbox alone: `tsx sandbox/insurer/main.ts` (port from INSURER_PORT, default 4010). */
import { runStandalone } from '../shared/http-server.ts';
import { startInsurerSandbox } from './server.ts';

const port = Number(process.env.INSURER_PORT ?? 4010);
await runStandalone('insurer', () =>
  startInsurerSandbox({ port, host: '127.0.0.1', ...(process.env.INSURER_SCENARIO ? { scenarioPath: process.env.INSURER_SCENARIO } : {}) }),
);
