/**
 * The payment-provider sandbox: a card processor's test mode as a separate HTTP service, in the
 * style of the insurer and clearinghouse sandboxes (fault injection, /_sandbox inspection). See
 * README.md. The patient's browser exchanges card data for a one-time token here (`POST
 * /tokens`, CORS-open like a real provider's tokenization endpoint); the product charges the
 * token (`POST /charges`, idempotent on `Idempotency-Key`) and looks a charge up by that key when
 * an answer was lost. Card numbers stay in this process: a token maps to the outcome the test
 * card scripts (test-cards.ts) and its last four digits only.
 */
import { createHash, randomBytes } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { chargeRequestSchema, tokenRequestSchema, type Charge } from '../../integrations/payment-provider-contract.ts';
import { listen, type RunningServer } from '../../platform/http-server.ts';
import { createLogger } from '../../platform/logger.ts';
import { installProblemHandlers, problemFor, sendProblem, validationProblem } from '../../platform/problem.ts';
import { emptyFaultCounters, faultInjector, type FaultConfig } from '../shared/faults.ts';
import { cardBehaviour, cardBrand, type CardBehaviour } from './test-cards.ts';

const PROBLEM_BASE = 'https://payments-sandbox.example/problems';

export interface PaymentSandboxOptions {
  port?: number;
  host?: string;
  faults?: FaultConfig;
  /** How long a charge of the timeout test card takes to answer (it succeeds at once). Default 30 s. */
  timeoutDelayMs?: number;
}

interface TokenRecord {
  behaviour: CardBehaviour;
  last4: string;
  usedBy?: string;
}

interface ChargeRecord {
  charge: Charge;
  requestHash: string;
  replays: number;
}

export class PaymentSandboxState {
  readonly tokens = new Map<string, TokenRecord>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly faultCounters = emptyFaultCounters();
  private sequence = 0;

  nextChargeId(): string {
    this.sequence++;
    return `ch_${String(this.sequence).padStart(6, '0')}`;
  }

  reset(): void {
    this.tokens.clear();
    this.charges.clear();
    this.sequence = 0;
  }
}

/** The browser on the patient page calls /tokens from the API's origin: allowed from anywhere, no credentials. */
const openCors: RequestHandler = (req, res, next) => {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Allow-Methods': 'POST' });
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
};

export function createPaymentSandboxApp(options: PaymentSandboxOptions = {}) {
  const state = new PaymentSandboxState();
  const timeoutDelayMs = options.timeoutDelayMs ?? 30_000;
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '64kb' }));

  app.get('/_sandbox/charges', (_req, res) =>
    res.json({ items: [...state.charges.values()].map((r) => ({ ...r.charge, replays: r.replays })) }),
  );
  app.get('/_sandbox/faults', (_req, res) => res.json(state.faultCounters));
  app.post('/_sandbox/reset', (_req, res) => {
    state.reset();
    res.status(204).end();
  });

  app.options('/tokens', openCors);
  app.post('/tokens', openCors, (req, res) => {
    const parsed = tokenRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendProblem(res, validationProblem(PROBLEM_BASE, parsed.error));
    const { cardNumber } = parsed.data;
    const token = `tok_${randomBytes(18).toString('base64url')}`;
    state.tokens.set(token, { behaviour: cardBehaviour(cardNumber), last4: cardNumber.slice(-4) });
    res.status(201).json({ token, last4: cardNumber.slice(-4), brand: cardBrand(cardNumber) });
  });

  app.use(['/charges'], faultInjector(options.faults, state.faultCounters));

  app.post('/charges', (req, res) => {
    const key = req.get('idempotency-key')?.trim();
    if (!key) {
      return sendProblem(
        res,
        problemFor(PROBLEM_BASE, 400, 'Idempotency-Key header is required', [{ field: 'Idempotency-Key', message: 'required' }]),
      );
    }
    const parsed = chargeRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendProblem(res, validationProblem(PROBLEM_BASE, parsed.error));
    const requestHash = createHash('sha256').update(JSON.stringify(parsed.data)).digest('hex');
    const earlier = state.charges.get(key);
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        return sendProblem(res, problemFor(PROBLEM_BASE, 409, 'This Idempotency-Key was used for another charge'));
      }
      earlier.replays++;
      res.set('Idempotent-Replay', 'true').status(200).json(earlier.charge);
      return;
    }
    const token = state.tokens.get(parsed.data.token);
    if (!token) {
      return sendProblem(res, problemFor(PROBLEM_BASE, 422, 'Unknown token', [{ field: 'token', message: 'no such token' }]));
    }
    if (token.usedBy !== undefined) {
      return sendProblem(
        res,
        problemFor(PROBLEM_BASE, 422, 'This token was already charged', [{ field: 'token', message: 'already used' }]),
      );
    }
    token.usedBy = key;
    const behaviour = token.behaviour;
    const charge: Charge = {
      id: state.nextChargeId(),
      idempotencyKey: key,
      status: behaviour.outcome === 'declined' ? 'declined' : 'succeeded',
      amountCents: parsed.data.amountCents,
      last4: token.last4,
      createdAt: new Date().toISOString(),
      ...(behaviour.outcome === 'declined' ? { declineCode: behaviour.declineCode } : {}),
    };
    state.charges.set(key, { charge, requestHash, replays: 0 });
    if (behaviour.outcome === 'timeout') {
      // Charged at once; the answer comes too late for the caller, who must look it up by key.
      setTimeout(() => {
        if (!res.writableEnded && !res.destroyed) res.status(201).json(charge);
      }, timeoutDelayMs).unref();
      return;
    }
    res.status(201).json(charge);
  });

  app.get('/charges', (req, res) => {
    const key = typeof req.query['idempotencyKey'] === 'string' ? req.query['idempotencyKey'] : '';
    const record = state.charges.get(key);
    res.json({ items: record ? [record.charge] : [] });
  });

  installProblemHandlers(app, PROBLEM_BASE, createLogger('payment-sandbox'));
  return { app, state };
}

export async function startPaymentSandbox(opts: PaymentSandboxOptions = {}): Promise<RunningServer & { state: PaymentSandboxState }> {
  const { app, state } = createPaymentSandboxApp(opts);
  const server = await listen(app, {
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    closeConnections: 'all',
    keepAliveTimeoutMs: 0,
  });
  return { ...server, state };
}
