/**
 * The insurer sandbox: an Express service answering prior-authorization requests (X12 278 / Da
 * Vinci PAS concepts) and eligibility checks as its scenario file scripts them. See README.md.
 */
import express from 'express';
import { createHash } from 'node:crypto';
import { priorAuthorizationRequestSchema, eligibilityRequestSchema, X12_ACTION_CODES } from '../../integrations/insurer-contract.ts';
import type { AuthorizationResponse, ParsedPriorAuthorizationRequest } from '../../integrations/insurer-contract.ts';
import { emptyFaultCounters, faultInjector } from '../shared/faults.ts';
import type { FaultConfig } from '../shared/faults.ts';
import { listen, type RunningServer } from '../../platform/http-server.ts';
import { createLogger } from '../../platform/logger.ts';
import { installProblemHandlers, sendProblem, validationProblem } from '../../platform/problem.ts';
import { answerEligibility } from './eligibility.ts';
import { loadInsurerScenario, matchDecision } from './scenarios.ts';
import { installAdjudicationRoutes, installAdjudicationSandboxRoutes, PayerClaimsOffice } from './adjudication.ts';
import { loadAdjudicationScenario } from './adjudication-scenario.ts';
import type { AdjudicationScenario } from './adjudication-scenario.ts';
import type { FinalDecision, InsurerScenario, ScriptedDecision } from './scenarios.ts';

export interface InsurerSandboxOptions {
  port?: number;
  host?: string;
  scenarioPath?: string;
  /** Overrides the scenario file's fault settings field by field. */
  faults?: FaultConfig;
}

/** One stored prior-authorization request, as /_sandbox/records shows it. */
export interface AuthorizationRecord {
  payerReference: string;
  idempotencyKey: string;
  requestHash: string;
  request: ParsedPriorAuthorizationRequest;
  ruleName: string;
  /** The answer given to the first submission (replayed for the same Idempotency-Key). */
  initialResponse: AuthorizationResponse;
  /** The current state (moves on from pended). */
  current: AuthorizationResponse;
  statusPolls: number;
  replays: number;
  receivedAtMs: number;
}

const PROBLEM_BASE = 'https://encounterflow.example/problems';

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

class InsurerState {
  readonly records = new Map<string, AuthorizationRecord>();
  readonly byIdempotencyKey = new Map<string, string>();
  readonly faultCounters = emptyFaultCounters();
  eligibilityChecks = 0;
  private sequence = 0;

  constructor(readonly scenario: InsurerScenario) {}

  nextReference(): string {
    this.sequence++;
    return `PA-${String(this.sequence).padStart(6, '0')}`;
  }

  reset(): void {
    this.records.clear();
    this.byIdempotencyKey.clear();
    this.eligibilityChecks = 0;
    this.sequence = 0;
    for (const kind of Object.keys(this.faultCounters.injected) as Array<keyof typeof this.faultCounters.injected>) {
      this.faultCounters.injected[kind] = 0;
    }
  }
}

/** Applies a final scripted decision to the request: the response fields of that outcome. */
function decide(
  state: InsurerState,
  record: { payerReference: string; request: ParsedPriorAuthorizationRequest; receivedAt: string },
  decision: FinalDecision,
  matchedCode: string | undefined,
): AuthorizationResponse {
  const { request } = record;
  const services = request.services.map((service) => {
    const affected = matchedCode === undefined || service.code === matchedCode;
    if (decision.outcome === 'denied') return { code: service.code, requestedUnits: service.units, authorizedUnits: 0 };
    if (decision.outcome === 'partial' && affected) {
      return {
        code: service.code,
        requestedUnits: service.units,
        authorizedUnits: Math.min(service.units, decision.maxUnits ?? service.units - 1),
      };
    }
    if (decision.outcome === 'modified' && affected && decision.replaceCode) {
      return { code: decision.replaceCode, requestedUnits: service.units, authorizedUnits: service.units };
    }
    return { code: service.code, requestedUnits: service.units, authorizedUnits: service.units };
  });
  const response: AuthorizationResponse = {
    payerReference: record.payerReference,
    status: decision.outcome,
    actionCode: X12_ACTION_CODES[decision.outcome],
    services,
    receivedAt: record.receivedAt,
    decidedAt: new Date().toISOString(),
  };
  if (decision.outcome !== 'denied') {
    response.authNumber = `AUTH-${request.dateOfService.replaceAll('-', '')}-${record.payerReference.slice(3)}`;
    response.validFrom = request.dateOfService;
    response.validTo = addDays(request.dateOfService, state.scenario.authorization.validityDays - 1);
  }
  if (decision.reason) response.reason = decision.reason;
  else if (decision.outcome === 'denied') response.reason = { code: 'NOT_CERTIFIED', text: 'Not certified' };
  return response;
}

function firstResponse(
  state: InsurerState,
  base: { payerReference: string; request: ParsedPriorAuthorizationRequest; receivedAt: string },
  decision: ScriptedDecision,
  matchedCode: string | undefined,
): AuthorizationResponse {
  if (decision.outcome !== 'pended') return decide(state, base, decision, matchedCode);
  return {
    payerReference: base.payerReference,
    status: 'pended',
    actionCode: 'A4',
    services: base.request.services.map((s) => ({ code: s.code, requestedUnits: s.units, authorizedUnits: 0 })),
    reason: { code: 'PENDED_FOR_REVIEW', text: 'Pended for clinical review' },
    receivedAt: base.receivedAt,
  };
}

/** A pended request is decided once polled often enough or once enough time passed. */
function advancePended(state: InsurerState, record: AuthorizationRecord): void {
  if (record.current.status !== 'pended') return;
  const matched = matchDecision(state.scenario, record.request);
  const decision = matched.decision;
  if (decision.outcome !== 'pended') return;
  const pollsDue = decision.afterPolls !== undefined && record.statusPolls >= decision.afterPolls;
  const timeDue = decision.afterSeconds !== undefined && Date.now() - record.receivedAtMs >= decision.afterSeconds * 1000;
  if (pollsDue || timeDue) {
    record.current = decide(
      state,
      { payerReference: record.payerReference, request: record.request, receivedAt: record.current.receivedAt },
      decision.then,
      matched.matchedCode,
    );
  }
}

export function createInsurerApp(
  scenario: InsurerScenario,
  faults: FaultConfig | undefined,
  adjudication: AdjudicationScenario = loadAdjudicationScenario(),
): { app: express.Express; state: InsurerState; office: PayerClaimsOffice } {
  const state = new InsurerState(scenario);
  const office = new PayerClaimsOffice(scenario, adjudication);
  const app = express();
  app.disable('x-powered-by');
  // Appeals carry their documents (up to 5 MB each, base64).
  app.use(express.json({ limit: '32mb', type: ['application/json', 'application/*+json'] }));
  installAdjudicationSandboxRoutes(app, office);

  // Sandbox-only routes: never subject to faults.
  app.get('/_sandbox/records', (_req, res) => {
    const authorizations = [...state.records.values()];
    res.json({
      authorizations,
      counts: {
        authorizationRequests: authorizations.length,
        idempotentReplays: authorizations.reduce((sum, r) => sum + r.replays, 0),
        statusPolls: authorizations.reduce((sum, r) => sum + r.statusPolls, 0),
        eligibilityChecks: state.eligibilityChecks,
        faults: state.faultCounters.injected,
      },
    });
  });
  app.post('/_sandbox/reset', (_req, res) => {
    state.reset();
    office.reset();
    res.status(204).end();
  });

  app.use(faultInjector(faults, state.faultCounters));
  installAdjudicationRoutes(app, office, PROBLEM_BASE);

  app.post('/prior-authorizations', (req, res) => {
    const key = req.get('idempotency-key')?.trim();
    if (!key) {
      return sendProblem(res, {
        type: `${PROBLEM_BASE}/idempotency-key-missing`,
        title: 'Idempotency-Key header is required',
        status: 400,
        errors: [{ field: 'Idempotency-Key', message: 'header is required' }],
      });
    }
    const parsed = priorAuthorizationRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendProblem(res, validationProblem(PROBLEM_BASE, parsed.error));
    const request = parsed.data;
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');

    const existingReference = state.byIdempotencyKey.get(key);
    if (existingReference !== undefined) {
      const existing = state.records.get(existingReference);
      if (existing && existing.requestHash !== requestHash) {
        return sendProblem(res, {
          type: `${PROBLEM_BASE}/idempotency-key-reused`,
          title: 'Idempotency-Key was already used for a different request',
          status: 422,
          errors: [{ field: 'Idempotency-Key', message: 'reused with a different request body' }],
        });
      }
      if (existing) {
        existing.replays++;
        res.status(200).set('Idempotent-Replayed', 'true').json(existing.initialResponse);
        return;
      }
    }

    const payerReference = state.nextReference();
    const receivedAtMs = Date.now();
    const base = { payerReference, request, receivedAt: new Date(receivedAtMs).toISOString() };
    const matched = matchDecision(state.scenario, request);
    const response = firstResponse(state, base, matched.decision, matched.matchedCode);
    state.records.set(payerReference, {
      payerReference,
      idempotencyKey: key,
      requestHash,
      request,
      ruleName: matched.ruleName,
      initialResponse: response,
      current: response,
      statusPolls: 0,
      replays: 0,
      receivedAtMs,
    });
    state.byIdempotencyKey.set(key, payerReference);
    res.status(201).location(`/prior-authorizations/${payerReference}`).json(response);
  });

  app.get('/prior-authorizations/:payerReference', (req, res) => {
    const record = state.records.get(req.params.payerReference);
    if (!record) {
      return sendProblem(res, { type: `${PROBLEM_BASE}/not-found`, title: 'No such prior-authorization request', status: 404 });
    }
    record.statusPolls++;
    advancePended(state, record);
    res.json(record.current);
  });

  app.post('/eligibility', (req, res) => {
    const parsed = eligibilityRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendProblem(res, validationProblem(PROBLEM_BASE, parsed.error));
    state.eligibilityChecks++;
    const body = answerEligibility(state.scenario, parsed.data);
    if (!body) {
      return sendProblem(res, {
        type: `${PROBLEM_BASE}/member-not-found`,
        title: 'Member not found',
        status: 404,
        detail: 'No member with this id is enrolled with the payer',
        errors: [{ field: 'memberId', message: 'unknown member' }],
      });
    }
    res.json(body);
  });

  installProblemHandlers(app, PROBLEM_BASE, createLogger('insurer-sandbox'));
  return { app, state, office };
}

export async function startInsurerSandbox(opts: InsurerSandboxOptions = {}): Promise<RunningServer> {
  const scenario = loadInsurerScenario(opts.scenarioPath);
  const faults = { ...scenario.faults, ...opts.faults };
  const { app } = createInsurerApp(scenario, faults, loadAdjudicationScenario(opts.scenarioPath));
  return listen(app, { port: opts.port ?? 0, host: opts.host ?? '127.0.0.1', closeConnections: 'all', keepAliveTimeoutMs: 0 });
}
