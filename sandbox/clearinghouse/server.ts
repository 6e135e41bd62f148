/**
 * The clearinghouse sandbox: receives professional claims (JSON plus the X12 837P text), runs
 * front-end edits and answers with a 999/277CA-style acknowledgement. A resubmission of a claim
 * number already received returns the original acknowledgement marked `duplicate: true` and adds
 * no record, except that a *changed* claim may be resubmitted after a rejection (a correction).
 */
import express from 'express';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ClaimAcknowledgement } from '../../billing/types.ts';
import { claimSubmissionSchema } from '../../integrations/clearinghouse-contract.ts';
import type { ClaimSubmission } from '../../integrations/clearinghouse-contract.ts';
import { emptyFaultCounters, faultConfigSchema, faultInjector } from '../shared/faults.ts';
import type { FaultConfig } from '../shared/faults.ts';
import { listen, type RunningServer } from '../../platform/http-server.ts';
import { createLogger } from '../../platform/logger.ts';
import { installProblemHandlers, sendProblem, validationProblem } from '../../platform/problem.ts';
import { checkClaim } from './claim-checks.ts';
import { installPayerExchangeRoutes, PayerExchange } from './payer-exchange.ts';

export const DEFAULT_CLEARINGHOUSE_SCENARIO_PATH = fileURLToPath(
  new URL('../../data/sandbox/clearinghouse-scenarios.json', import.meta.url),
);

const scenarioSchema = z.object({ description: z.string().optional(), faults: faultConfigSchema.partial().default({}) });

export interface ClearinghouseSandboxOptions {
  port?: number;
  host?: string;
  scenarioPath?: string;
  faults?: FaultConfig;
  /** The payer's claim intake (the insurer sandbox's URL): accepted claims are forwarded there. */
  payerUrl?: string;
}

export interface ClaimRecord {
  claimNumber: string;
  bodyHash: string;
  submission: ClaimSubmission;
  acknowledgement: ClaimAcknowledgement;
  /** How many times this claim number was posted (including duplicates and corrections). */
  submissions: number;
  /** Acknowledgements superseded by a corrected resubmission. */
  earlierAcknowledgements: ClaimAcknowledgement[];
}

const PROBLEM_BASE = 'https://encounterflow.example/problems';

export function createClearinghouseApp(
  faults: FaultConfig | undefined,
  exchange: PayerExchange = new PayerExchange(undefined),
): express.Express {
  const records = new Map<string, ClaimRecord>();
  const faultCounters = emptyFaultCounters();
  let sequence = 0;

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));

  app.get('/_sandbox/records', (_req, res) => {
    const claims = [...records.values()];
    res.json({
      claims,
      counts: {
        claims: claims.length,
        accepted: claims.filter((c) => c.acknowledgement.status === 'accepted').length,
        rejected: claims.filter((c) => c.acknowledgement.status === 'rejected').length,
        submissions: claims.reduce((sum, c) => sum + c.submissions, 0),
        faults: faultCounters.injected,
        ...exchange.counts,
      },
    });
  });
  app.post('/_sandbox/reset', (_req, res) => {
    records.clear();
    exchange.reset();
    sequence = 0;
    for (const kind of Object.keys(faultCounters.injected) as Array<keyof typeof faultCounters.injected>) faultCounters.injected[kind] = 0;
    res.status(204).end();
  });

  app.use(faultInjector(faults, faultCounters));

  app.post('/claims', (req, res) => {
    const parsed = claimSubmissionSchema.safeParse(req.body);
    if (!parsed.success) return sendProblem(res, validationProblem(PROBLEM_BASE, parsed.error));
    const submission = parsed.data;
    const claimNumber = submission.claim.claimNumber;
    const bodyHash = createHash('sha256').update(JSON.stringify(req.body)).digest('hex');

    const existing = records.get(claimNumber);
    if (existing) {
      existing.submissions++;
      const isCorrection = existing.acknowledgement.status === 'rejected' && existing.bodyHash !== bodyHash;
      if (!isCorrection) {
        res.status(200).json({ ...existing.acknowledgement, duplicate: true });
        return;
      }
    }

    const rejections = checkClaim(submission);
    const accepted = rejections.length === 0;
    const acknowledgement: ClaimAcknowledgement = {
      claimNumber,
      status: accepted ? 'accepted' : 'rejected',
      functionalAck: rejections.some((r) => r.code.startsWith('X12')) ? 'R' : 'A',
      claimStatusCategory: accepted ? 'A2' : 'A3',
      rejections,
      receivedAt: new Date().toISOString(),
      duplicate: false,
    };
    if (accepted) acknowledgement.clearinghouseClaimId = `CH-${String(++sequence).padStart(8, '0')}`;

    if (existing) {
      existing.earlierAcknowledgements.push(existing.acknowledgement);
      existing.acknowledgement = acknowledgement;
      existing.bodyHash = bodyHash;
      existing.submission = submission;
    } else {
      records.set(claimNumber, { claimNumber, bodyHash, submission, acknowledgement, submissions: 1, earlierAcknowledgements: [] });
    }
    if (accepted) {
      exchange.enqueue(submission);
      void exchange.pump();
    }
    res.status(200).json(acknowledgement);
  });

  app.get('/claims/:claimNumber', (req, res) => {
    const record = records.get(req.params.claimNumber);
    if (!record) return sendProblem(res, { type: `${PROBLEM_BASE}/not-found`, title: 'No such claim', status: 404 });
    res.json(record.acknowledgement);
  });

  installPayerExchangeRoutes(app, exchange, PROBLEM_BASE);
  installProblemHandlers(app, PROBLEM_BASE, createLogger('clearinghouse-sandbox'));
  return app;
}

export async function startClearinghouseSandbox(opts: ClearinghouseSandboxOptions = {}): Promise<RunningServer> {
  const scenario = scenarioSchema.parse(JSON.parse(readFileSync(opts.scenarioPath ?? DEFAULT_CLEARINGHOUSE_SCENARIO_PATH, 'utf8')));
  const app = createClearinghouseApp({ ...scenario.faults, ...opts.faults }, new PayerExchange(opts.payerUrl?.replace(/\/+$/, '')));
  return listen(app, { port: opts.port ?? 0, host: opts.host ?? '127.0.0.1', closeConnections: 'all', keepAliveTimeoutMs: 0 });
}
