/**
 * The payer's claims office in the insurer sandbox: it receives claims forwarded by the
 * clearinghouse (acknowledging each at payer level, 277CA-style), adjudicates each accepted
 * claim after the scenario's delay into a remittance (835 X12 text and JSON) with per-line
 * payments and CO/PR/OA/PI adjustments by CARC/RARC, answers claim status inquiries (276/277),
 * and takes appeals, whose outcome arrives as a new remittance (the earlier answer reversed,
 * then the line adjudicated again). A replacement claim (frequency 7) reverses the claim it
 * replaces the same way. Adjudication is computed when someone asks (the feed, a status
 * inquiry), so the sandbox needs no background timers.
 *
 * Over 300 lines because the payer's claims office is one sequence, from receipt to remittance.
 */
import type express from 'express';
import { createHash } from 'node:crypto';
import { applyBasisPoints } from '../../billing/money.ts';
import type { RemittanceAdjustment, RemittanceServiceLine } from '../../billing/remittance.ts';
import { claimSubmissionSchema } from '../../integrations/clearinghouse-contract.ts';
import type { ClaimSubmission } from '../../integrations/clearinghouse-contract.ts';
import { appealRequestSchema, claimStatusRequestSchema } from '../../integrations/payer-claims-contract.ts';
import type {
  AppealReceipt,
  AppealRequest,
  ClaimStatusRequest,
  ClaimStatusResponse,
  PayerAcknowledgement,
} from '../../integrations/payer-claims-contract.ts';
import { sendProblem, validationProblem } from '../../platform/problem.ts';
import { claimRules, lineRule } from './adjudication-scenario.ts';
import type { AdjudicationScenario } from './adjudication-scenario.ts';
import { lookupBenefits } from './scenarios.ts';
import type { InsurerScenario, ScriptedBenefits } from './scenarios.ts';
import { renderX12_835 } from './x12-835.ts';
import type { RemittanceClaimToRender } from './x12-835.ts';

interface PayerClaimRecord {
  claimNumber: string;
  payerClaimNumber: string;
  submission: ClaimSubmission;
  acknowledgement: PayerAcknowledgement;
  receivedAtMs: number;
  inquiries: number;
  /** Every answer the payer gave about this claim, latest last. */
  adjudications: RemittanceClaimToRender[];
  replacedBy?: string;
  /** Reversal to send with this claim's first remittance (it replaces an earlier claim). */
  replaces?: PayerClaimRecord;
}

interface AppealRecord {
  appealReference: string;
  idempotencyKey: string;
  requestHash: string;
  request: AppealRequest;
  receipt: AppealReceipt;
  receivedAtMs: number;
  decided: boolean;
  documentsReceived: number;
}

export interface FeedEntry {
  sequence: number;
  traceNumber: string;
  claimNumbers: string[];
  x12: string;
  remittance: ReturnType<typeof toJsonRemittance>;
  /** How many times the clearinghouse delivers it (2 = a duplicate 835, scripted). */
  copies: number;
}

type RenderedRemittance = Parameters<typeof renderX12_835>[0];

function toJsonRemittance(remittance: RenderedRemittance) {
  const { payer: _payer, payeeName: _payeeName, claims, ...rest } = remittance;
  return {
    ...rest,
    claims: claims.map(({ patient: _patient, dateOfService: _dos, placeOfService: _pos, ...claim }) => claim),
  };
}

function negate(claim: RemittanceClaimToRender): RemittanceClaimToRender {
  const adjust = (a: RemittanceAdjustment): RemittanceAdjustment => ({ ...a, amountCents: -a.amountCents });
  return {
    ...claim,
    status: '22',
    chargeCents: -claim.chargeCents,
    paidCents: -claim.paidCents,
    patientResponsibilityCents: -claim.patientResponsibilityCents,
    adjustments: claim.adjustments.map(adjust),
    lines: claim.lines.map((line) => {
      const reversed: RemittanceServiceLine = {
        ...line,
        chargeCents: -line.chargeCents,
        paidCents: -line.paidCents,
        adjustments: line.adjustments.map(adjust),
        remarkCodes: [...line.remarkCodes],
      };
      if (line.allowedCents !== undefined) reversed.allowedCents = -line.allowedCents;
      return reversed;
    }),
  };
}

export class PayerClaimsOffice {
  readonly claims = new Map<string, PayerClaimRecord>();
  readonly feed: FeedEntry[] = [];
  readonly appeals = new Map<string, AppealRecord>();
  private sequence = 0;
  private appealSequence = 0;
  /**
   * Trace numbers (TRN02) start with the second the office opened: a payer never reuses one, and
   * the product keeps its posted remittances across sandbox restarts (posting is idempotent on
   * payer + trace number, so a reused number would read as a duplicate of an older payment).
   */
  private readonly traceSeries: string;
  /** Remittances published since the office opened (a reset does not start the trace numbers again). */
  private published = 0;

  constructor(
    private readonly insurer: InsurerScenario,
    private readonly scenario: AdjudicationScenario,
    private readonly now: () => number = Date.now,
  ) {
    this.traceSeries = String(Math.floor(now() / 1000));
  }

  reset(): void {
    this.claims.clear();
    this.feed.length = 0;
    this.appeals.clear();
    this.sequence = 0;
    this.appealSequence = 0;
  }

  private benefits(submission: ClaimSubmission): ScriptedBenefits | undefined {
    const memberId = (submission.claim as { subscriber?: { memberId?: string } }).subscriber?.memberId ?? '';
    return lookupBenefits(this.insurer, submission.claim.payerId, memberId);
  }

  private facts(submission: ClaimSubmission) {
    const claim = submission.claim as ClaimSubmission['claim'] & { subscriber?: { memberId?: string } };
    return { payerId: claim.payerId, memberId: claim.subscriber?.memberId ?? '' };
  }

  private lines(submission: ClaimSubmission) {
    return submission.claim.lines.map((l, i) => ({
      lineNumber: typeof l['lineNumber'] === 'number' ? (l['lineNumber'] as number) : i + 1,
      code: l.code,
      modifiers: Array.isArray(l['modifiers']) ? (l['modifiers'] as string[]) : [],
      units: l.units,
      chargeCents: l.chargeCents,
    }));
  }

  /** Payer-level acknowledgement of a claim the clearinghouse forwards; the same claim number again answers the first acknowledgement. */
  receive(submission: ClaimSubmission): PayerAcknowledgement {
    const claimNumber = submission.claim.claimNumber;
    const existing = this.claims.get(claimNumber);
    if (existing) return existing.acknowledgement;
    const receivedAt = new Date(this.now()).toISOString();
    const reasons: PayerAcknowledgement['reasons'] = [];
    const benefits = this.benefits(submission);
    if (!benefits) reasons.push({ code: 'MEMBER_NOT_FOUND', message: 'the subscriber is not a member of this plan' });
    else if (!benefits.active) reasons.push({ code: 'COVERAGE_INACTIVE', message: 'coverage was not active on the date of service' });
    const facts = this.facts(submission);
    for (const rule of claimRules(this.scenario, facts, this.lines(submission))) {
      if (rule.rejectFirst === undefined || reasons.length > 0) continue;
      const rejectedBefore = [...this.claims.values()].filter(
        (r) =>
          this.facts(r.submission).memberId === facts.memberId && r.acknowledgement.reasons.some((x) => x.code === rule.rejectFirst!.code),
      ).length;
      if (rejectedBefore < rule.rejectFirst.claims) reasons.push({ code: rule.rejectFirst.code, message: rule.rejectFirst.message });
    }
    const claim = submission.claim as ClaimSubmission['claim'] & { frequencyCode?: string; originalReference?: string };
    let replaces: PayerClaimRecord | undefined;
    if (claim.frequencyCode === '7' || claim.frequencyCode === '8') {
      replaces = [...this.claims.values()].find((r) => r.payerClaimNumber === claim.originalReference);
      if (!replaces)
        reasons.push({ code: 'ORIGINAL_NOT_FOUND', message: 'the original claim reference (REF*F8) names no claim of this payer' });
    }
    this.sequence++;
    const payerClaimNumber = `26${String(this.sequence).padStart(9, '0')}`;
    const acknowledgement: PayerAcknowledgement = reasons.length
      ? { claimNumber, status: 'rejected', claimStatusCategory: 'A3', reasons, receivedAt }
      : { claimNumber, status: 'accepted', claimStatusCategory: 'A2', payerClaimNumber, reasons, receivedAt };
    const record: PayerClaimRecord = {
      claimNumber,
      payerClaimNumber,
      submission,
      acknowledgement,
      receivedAtMs: this.now(),
      inquiries: 0,
      adjudications: [],
    };
    if (replaces && reasons.length === 0) {
      record.replaces = replaces;
      replaces.replacedBy = claimNumber;
    }
    this.claims.set(claimNumber, record);
    return acknowledgement;
  }

  /** The payer's answer for the lines of a claim; `appealed` lines get the appeal's outcome. */
  private adjudicate(record: PayerClaimRecord, appealed?: Set<number>): RemittanceClaimToRender {
    const submission = record.submission;
    const facts = this.facts(submission);
    const benefits = this.benefits(submission) ?? {
      active: true,
      copayCents: 0,
      coinsuranceBps: 0,
      deductibleCents: 0,
      deductibleMetCents: 0,
    };
    let copayLeft = benefits.copayCents;
    let deductibleLeft = Math.max(0, benefits.deductibleCents - benefits.deductibleMetCents);
    const lines: RemittanceServiceLine[] = this.lines(submission).map((line) => {
      const rule = lineRule(this.scenario, facts, line);
      const onAppeal = appealed?.has(line.lineNumber) ?? false;
      const base = {
        lineNumber: line.lineNumber,
        code: line.code,
        modifiers: line.modifiers,
        units: line.units,
        chargeCents: line.chargeCents,
      };
      if (rule?.line?.outcome === 'patient_share' && !(onAppeal && rule.appeal === 'paid')) {
        const allowed = applyBasisPoints(line.chargeCents, this.scenario.allowedBps);
        const adjustments: RemittanceAdjustment[] = [];
        if (line.chargeCents - allowed > 0) adjustments.push({ group: 'CO', reasonCode: '45', amountCents: line.chargeCents - allowed });
        adjustments.push({ group: rule.line.group, reasonCode: rule.line.reasonCode, amountCents: allowed });
        return { ...base, paidCents: 0, allowedCents: allowed, adjustments, remarkCodes: [...rule.line.remarkCodes] };
      }
      if (rule?.line && !(onAppeal && rule.appeal === 'paid')) {
        return {
          ...base,
          paidCents: 0,
          allowedCents: 0,
          adjustments: [{ group: rule.line.group, reasonCode: rule.line.reasonCode, amountCents: line.chargeCents }],
          remarkCodes: onAppeal ? [...rule.line.remarkCodes, 'MA91'] : [...rule.line.remarkCodes],
        };
      }
      const allowed = applyBasisPoints(line.chargeCents, this.scenario.allowedBps);
      const copay = Math.min(copayLeft, allowed);
      copayLeft -= copay;
      const deductible = Math.min(deductibleLeft, allowed - copay);
      deductibleLeft -= deductible;
      const coinsurance = applyBasisPoints(allowed - copay - deductible, benefits.coinsuranceBps);
      const adjustments: RemittanceAdjustment[] = [];
      if (line.chargeCents - allowed > 0) adjustments.push({ group: 'CO', reasonCode: '45', amountCents: line.chargeCents - allowed });
      if (deductible > 0) adjustments.push({ group: 'PR', reasonCode: '1', amountCents: deductible });
      if (coinsurance > 0) adjustments.push({ group: 'PR', reasonCode: '2', amountCents: coinsurance });
      if (copay > 0) adjustments.push({ group: 'PR', reasonCode: '3', amountCents: copay });
      return {
        ...base,
        paidCents: allowed - copay - deductible - coinsurance,
        allowedCents: allowed,
        adjustments,
        remarkCodes: onAppeal ? ['MA91'] : [],
      };
    });
    const claim = submission.claim as ClaimSubmission['claim'] & {
      subscriber?: { lastName?: string; firstName?: string; memberId?: string };
      serviceDateFrom?: string;
      placeOfService?: string;
    };
    const paid = lines.reduce((sum, l) => sum + l.paidCents, 0);
    const patientShare = lines.reduce(
      (sum, l) => sum + l.adjustments.filter((a) => a.group === 'PR').reduce((s, a) => s + a.amountCents, 0),
      0,
    );
    const allDenied = lines.every((l) => l.paidCents === 0 && l.adjustments.some((a) => a.group !== 'PR' && a.reasonCode !== '45'));
    return {
      claimNumber: record.claimNumber,
      status: allDenied ? '4' : '1',
      chargeCents: lines.reduce((sum, l) => sum + l.chargeCents, 0),
      paidCents: paid,
      patientResponsibilityCents: patientShare,
      payerClaimNumber: record.payerClaimNumber,
      adjustments: [],
      lines,
      patient: {
        lastName: claim.subscriber?.lastName ?? '',
        firstName: claim.subscriber?.firstName ?? '',
        memberId: claim.subscriber?.memberId ?? '',
      },
      dateOfService: claim.serviceDateFrom ?? new Date(this.now()).toISOString().slice(0, 10),
      placeOfService: claim.placeOfService ?? '11',
    };
  }

  private publish(submission: ClaimSubmission, claims: RemittanceClaimToRender[], copies: number): void {
    const sequence = this.feed.length + 1;
    const paid = claims.reduce((sum, c) => sum + c.paidCents, 0);
    const billing = (submission.claim.billingProvider ?? {}) as { npi?: string; name?: string };
    const claim = submission.claim as ClaimSubmission['claim'] & { payerName?: string };
    const remittance: RenderedRemittance = {
      traceNumber: `${this.traceSeries}${String(++this.published).padStart(5, '0')}`,
      payerId: submission.claim.payerId,
      // As the X12 text carries it (upper case), so the JSON and the 835 say the same.
      payerName: (claim.payerName ?? submission.claim.payerId).toUpperCase(),
      payeeNpi: billing.npi ?? '',
      payeeName: billing.name ?? 'PAYEE',
      paymentMethod: paid > 0 ? 'CHK' : 'NON',
      paymentCents: paid,
      paymentDate: new Date(this.now()).toISOString().slice(0, 10),
      payer: this.scenario.payer,
      claims,
    };
    const x12 = renderX12_835(remittance, {
      senderId: submission.claim.payerId.slice(0, 15),
      receiverId: 'CLEARINGHOUSE',
      controlNumber: sequence,
      date: new Date(this.now()),
    });
    this.feed.push({
      sequence,
      traceNumber: remittance.traceNumber,
      claimNumbers: claims.map((c) => c.claimNumber),
      x12,
      remittance: toJsonRemittance(remittance),
      copies,
    });
  }

  /** Adjudicates what is due: accepted claims past the delay (unless silent), and appeals past the delay. */
  advance(): void {
    const delayMs = this.scenario.delaySeconds * 1000;
    for (const record of this.claims.values()) {
      if (record.acknowledgement.status !== 'accepted' || record.adjudications.length > 0) continue;
      if (this.now() - record.receivedAtMs < delayMs) continue;
      const rules = claimRules(this.scenario, this.facts(record.submission), this.lines(record.submission));
      const silentUntil = Math.max(0, ...rules.map((r) => r.silentUntilInquiries ?? 0));
      if (record.inquiries < silentUntil) continue;
      const answer = this.adjudicate(record);
      record.adjudications.push(answer);
      const claims = [answer];
      const original = record.replaces?.adjudications.at(-1);
      if (original && original.status !== '22') {
        const reversal = negate(original);
        record.replaces!.adjudications.push(reversal);
        claims.unshift(reversal);
      }
      this.publish(record.submission, claims, rules.some((r) => r.deliverTwice) ? 2 : 1);
    }
    for (const appeal of this.appeals.values()) {
      if (appeal.decided || this.now() - appeal.receivedAtMs < delayMs) continue;
      const record = this.claims.get(appeal.request.claimNumber);
      const previous = record?.adjudications.at(-1);
      appeal.decided = true;
      if (!record || !previous || previous.status === '22') continue;
      const answer = this.adjudicate(record, new Set(appeal.request.lineNumbers));
      const reversal = negate(previous);
      record.adjudications.push(reversal, answer);
      this.publish(record.submission, [reversal, answer], 1);
    }
  }

  /** 277 answer to a 276 inquiry. */
  status(request: ClaimStatusRequest): ClaimStatusResponse {
    const asOf = new Date(this.now()).toISOString();
    const record = this.claims.get(request.claimNumber);
    if (!record || record.submission.claim.payerId !== request.payerId) {
      return { claimNumber: request.claimNumber, category: 'A4', statusCode: '35', words: 'the payer has no record of this claim', asOf };
    }
    record.inquiries++;
    this.advance();
    const base = { claimNumber: request.claimNumber, payerClaimNumber: record.payerClaimNumber, asOf };
    if (record.acknowledgement.status === 'rejected') {
      return {
        ...base,
        category: 'A3',
        statusCode: '21',
        words: `returned as unprocessable: ${record.acknowledgement.reasons.map((r) => r.message).join('; ')}`,
      };
    }
    const latest = record.adjudications.at(-1);
    if (!latest) return { ...base, category: 'P1', statusCode: '20', words: 'accepted, pending: in process' };
    const entry = [...this.feed].reverse().find((f) => f.claimNumbers.includes(request.claimNumber));
    const finalized = { ...base, paidCents: latest.paidCents, ...(entry ? { traceNumber: entry.traceNumber } : {}) };
    if (latest.status === '22')
      return { ...finalized, category: 'F4', statusCode: '3', words: 'finalized: reversed (replaced by a corrected claim)' };
    if (latest.status === '4') return { ...finalized, category: 'F2', statusCode: '3', words: 'finalized: denied, see the remittance' };
    if (latest.paidCents > 0) return { ...finalized, category: 'F1', statusCode: '1', words: 'finalized: paid, see the remittance' };
    return { ...finalized, category: 'F4', statusCode: '3', words: 'finalized: no payment (patient responsibility), see the remittance' };
  }

  appeal(idempotencyKey: string, request: AppealRequest): { receipt: AppealReceipt; replay: boolean } | { conflict: string } {
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const existing = [...this.appeals.values()].find((a) => a.idempotencyKey === idempotencyKey);
    if (existing)
      return existing.requestHash === requestHash
        ? { receipt: existing.receipt, replay: true }
        : { conflict: 'Idempotency-Key reused with a different appeal' };
    const record = this.claims.get(request.claimNumber);
    if (!record || record.payerClaimNumber !== request.payerClaimNumber)
      return { conflict: 'no adjudicated claim with this number and payer claim number' };
    this.appealSequence++;
    const receipt: AppealReceipt = {
      appealReference: `APL-${String(this.appealSequence).padStart(6, '0')}`,
      status: 'received',
      receivedAt: new Date(this.now()).toISOString(),
    };
    this.appeals.set(receipt.appealReference, {
      appealReference: receipt.appealReference,
      idempotencyKey,
      requestHash,
      request: { ...request, documents: request.documents.map((d) => ({ ...d, contentBase64: '' })) },
      receipt,
      receivedAtMs: this.now(),
      decided: false,
      documentsReceived: request.documents.length,
    });
    return { receipt, replay: false };
  }
}

/** Test-only view of the payer's claims office (mounted before the fault injection). */
export function installAdjudicationSandboxRoutes(app: express.Express, office: PayerClaimsOffice): void {
  app.get('/_sandbox/payer-claims', (_req, res) => {
    office.advance();
    res.json({
      claims: [...office.claims.values()].map((r) => ({
        claimNumber: r.claimNumber,
        payerClaimNumber: r.payerClaimNumber,
        acknowledgement: r.acknowledgement,
        inquiries: r.inquiries,
        adjudications: r.adjudications.length,
        replacedBy: r.replacedBy ?? null,
      })),
      remittances: office.feed.map((f) => ({
        sequence: f.sequence,
        traceNumber: f.traceNumber,
        claimNumbers: f.claimNumbers,
        copies: f.copies,
      })),
      appeals: [...office.appeals.values()].map((a) => ({
        appealReference: a.appealReference,
        claimNumber: a.request.claimNumber,
        lineNumbers: a.request.lineNumbers,
        documentsReceived: a.documentsReceived,
        decided: a.decided,
      })),
    });
  });
}

/** The payer's routes, mounted behind the sandbox's fault injection. */
export function installAdjudicationRoutes(app: express.Express, office: PayerClaimsOffice, problemBase: string): void {
  app.post('/claims', (req, res) => {
    const parsed = claimSubmissionSchema.safeParse(req.body);
    if (!parsed.success) return sendProblem(res, validationProblem(problemBase, parsed.error));
    res.json(office.receive(parsed.data));
  });

  app.get('/remittances', (req, res) => {
    const after = Number(req.query['after'] ?? 0);
    if (!Number.isInteger(after) || after < 0) {
      return sendProblem(res, {
        type: `${problemBase}/validation`,
        title: 'Invalid query',
        status: 400,
        errors: [{ field: 'after', message: 'must be a non-negative integer' }],
      });
    }
    office.advance();
    res.json({ remittances: office.feed.filter((f) => f.sequence > after), last: office.feed.length });
  });

  app.post('/claim-status', (req, res) => {
    const parsed = claimStatusRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendProblem(res, validationProblem(problemBase, parsed.error));
    res.json(office.status(parsed.data));
  });

  app.post('/appeals', (req, res) => {
    const key = req.get('idempotency-key')?.trim();
    if (!key) {
      return sendProblem(res, {
        type: `${problemBase}/idempotency-key-missing`,
        title: 'Idempotency-Key header is required',
        status: 400,
        errors: [{ field: 'Idempotency-Key', message: 'header is required' }],
      });
    }
    const parsed = appealRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendProblem(res, validationProblem(problemBase, parsed.error));
    const result = office.appeal(key, parsed.data);
    if ('conflict' in result) {
      return sendProblem(res, { type: `${problemBase}/appeal-refused`, title: 'Appeal refused', status: 422, detail: result.conflict });
    }
    res
      .status(result.replay ? 200 : 201)
      .set(result.replay ? { 'Idempotent-Replayed': 'true' } : {})
      .json(result.receipt);
  });
}
