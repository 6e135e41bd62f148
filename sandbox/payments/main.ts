/** Runs the payment-provider sandbox alone: `tsx sandbox/payments/main.ts` (PAYMENT_PROVIDER_PORT; see platform/config.ts). */
import { parseEnvironment } from '../../platform/config.ts';
import { runStandalone } from '../shared/http-server.ts';
import { startPaymentSandbox } from './server.ts';

const env = parseEnvironment();
await runStandalone('payments', () => startPaymentSandbox({ port: env.PAYMENT_PROVIDER_PORT, host: '127.0.0.1' }));
