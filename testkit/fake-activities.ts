/**
 * In-memory stand-ins for the encounter workflow's activities: unit tests of the workflow alone.
 * Each test scripts what coding, the insurer and the clearinghouse answer, and reads back calls.
 *
 * Over 300 lines because it mirrors every activity one to one, so a test can replace any of them.
 */
import { Context } from '@temporalio/activity';
import { MessageProofKeys, type MessageProof } from '../platform/message-proof.ts';
import { generatePayloadKeySpec } from '../platform/payload-codec.ts';
import type { Activities, AuthorizationResult, CodingSummary } from '../activities/index.ts';
import type { SubmittedClaim } from '../activities/billing.ts';
import type { PerformedCheck } from '../activities/authorization.ts';
import type { EligibilityStatus, EligibilitySummary } from '../domain/eligibility.ts';
import { FakeStatementLedger, fakeStatementCycleActivities } from './fake-statement-cycle.ts';
import type { PostedClaimPayment } from '../activities/posting.ts';
import type { PayerTerms, RemittanceCollection } from '../activities/remittances.ts';

/** A posted payment as collectRemittances returns it: paid unless `denied` lines are given. */
export function postedPayment(
  claimNumber: string,
  options: { id?: string; denied?: boolean; patientCents?: number } = {},
): PostedClaimPayment {
  const patient = options.patientCents ?? 2500;
  return {
    claimPaymentId: options.id ?? `payment-${claimNumber}`,
    remittanceId: `remittance-${claimNumber}`,
    traceNumber: '700000001',
    paymentDate: '2026-11-28',
    claimNumber,
    status: options.denied ? '4' : '1',
    statusWords: options.denied ? 'denied' : 'processed as primary',
    payerClaimNumber: '26000000001',
    chargeCents: 10000,
    paidCents: options.denied ? 0 : 8000 - patient,
    patientResponsibilityCents: options.denied ? 0 : patient,
    reconciled: true,
    lines: [
      {
        lineNumber: 1,
        code: '99213',
        chargeCents: 10000,
        paidCents: options.denied ? 0 : 8000 - patient,
        denied: options.denied ?? false,
        adjustments: options.denied
          ? [{ group: 'CO', reasonCode: '50', amountCents: 10000, words: 'not medically necessary' }]
          : [
              { group: 'CO', reasonCode: '45', amountCents: 2000, words: 'contractual' },
              { group: 'PR', reasonCode: '3', amountCents: patient, words: 'copay' },
            ],
        remarks: [],
      },
    ],
  };
}

export interface Script {
  /** Coding results in order: the first call gets [0], a re-code after an answer [1], ... */
  coding: CodingSummary[];
  authorizationRequired?: boolean;
  /** Answers to requestPriorAuthorization, per attempt (1-based index - 1). */
  authorizationRequests?: AuthorizationResult[];
  /** Answers to successive status checks of a pended request. */
  authorizationStatuses?: AuthorizationResult[];
  /** When set, requestPriorAuthorization throws a non-retryable rejection. */
  authorizationRejected?: boolean;
  claims?: Array<Omit<SubmittedClaim, 'claimId' | 'claimNumber'>>;
  /** Eligibility answers per inquiry (1st, 2nd, ...; the last repeats); default active. */
  eligibility?: EligibilityStatus[];
  /** Start the encounter as a scheduled visit (posted before it happens). */
  scheduled?: boolean;
  /** Scheduled encounters: whether the planned services need authorization before the visit. */
  plannedAuthorizationRequired?: boolean;
  /** Answers to pre-service requestPriorAuthorization, per attempt; default certified. */
  preServiceAuthorizationRequests?: AuthorizationResult[];
  /** What comparePerformedWithAuthorized answers; default a match. */
  performedCheck?: PerformedCheck;
  /** The workflow clock at each eligibility answer is its checkedAt unless this is given. */
  eligibilityCheckedAt?: string;
  /** When set, every coding attempt fails (a retryable error), e.g. an input the engine cannot finish. */
  codingFails?: boolean;
  /** What the statement-cycle and payment-plan activities read and record. */
  ledger?: FakeStatementLedger;
  /** What a claim correction sends back (default resubmit). */
  claimCorrectionAction?: 'resubmit' | 'appeal';
  /** The balance the correction's reissued statement leaves (default 2,500 cents: the patient owes their new share). */
  reissuedBalanceCents?: number;
  /** Answers to collectRemittances in order (the last repeats); default: paid on the first read. */
  remittances?: Array<(claimNumber: string) => RemittanceCollection>;
  /** The payer directory's terms the claim and payerTerms activities answer; default 90/60/30 days. */
  payerTerms?: PayerTerms;
}

export function eligibilityAnswer(status: EligibilityStatus, check: number, checkedAt: string): EligibilitySummary {
  const summary: EligibilitySummary = {
    status,
    check,
    payerId: 'ACME-HEALTH',
    checkedAt,
    planName: 'Demo PPO',
    planBegin: '2026-01-01',
    planEnd: '2026-12-31',
  };
  if (status === 'active')
    return {
      ...summary,
      copayCents: 2500,
      coinsuranceBps: 2000,
      deductibleCents: 150000,
      deductibleMetCents: 40000,
      deductibleRemainingCents: 110000,
    };
  return {
    ...summary,
    reason:
      status === 'inactive'
        ? 'coverage ended on 2026-06-30, before the date of service'
        : 'the insurer has no member with this member id (AAA 75)',
  };
}

export interface Call {
  name: string;
  args: unknown;
}

/** The scripted engine results are billed straight through unless a test says otherwise (a test about the default drops it). */
export const STRAIGHT_THROUGH_ALLOWED = { allowed: true, why: 'scripted: straight-through enabled for this test' };

export function confidentCoding(revision = 1): CodingSummary {
  return {
    revision,
    diagnoses: [{ code: 'J06.9', description: 'Acute upper respiratory infection, unspecified', confidence: 0.93 }],
    procedures: [{ code: '99213', units: 1, modifiers: [], diagnosisPointers: [1] }],
    edits: [],
    straightThrough: STRAIGHT_THROUGH_ALLOWED,
  };
}

export function unsureCoding(revision = 1): CodingSummary {
  return {
    revision,
    diagnoses: [{ code: 'E11.9', description: 'Type 2 diabetes mellitus without complications', confidence: 0.55 }],
    procedures: [{ code: '99214', units: 1, modifiers: [], diagnosisPointers: [1] }],
    edits: [],
    clarification: {
      question: 'Please clarify the type of diabetes mellitus documented for this visit.',
      clinicalIndicators: ['"diabetes, on metformin"', 'HbA1c 8.1 %'],
      options: ['Type 1 diabetes mellitus', 'Type 2 diabetes mellitus', 'Other (please specify)', 'Clinically undetermined'],
      reason: 'diabetes documented without its type',
    },
    straightThrough: STRAIGHT_THROUGH_ALLOWED,
  };
}

export function mriCoding(revision = 1): CodingSummary {
  return {
    revision,
    diagnoses: [{ code: 'M54.50', description: 'Low back pain, unspecified', confidence: 0.9 }],
    procedures: [{ code: '72148', units: 2, modifiers: [], diagnosisPointers: [1] }],
    edits: [],
    straightThrough: STRAIGHT_THROUGH_ALLOWED,
  };
}

/** Codes a pre-claim edit fails: 99213 billed for more units than a day allows (MUE). */
export function overBilledCoding(revision = 1): CodingSummary {
  return {
    ...confidentCoding(revision),
    edits: [{ rule: 'MUE', severity: 'error', message: '99213 is billed for 9 units; the per-day limit is 1.' }],
  };
}

/** The clearinghouse rejects the first claim (a missing NPI) and accepts the resubmitted one. */
export function rejectedThenAcceptedClaims(): NonNullable<Script['claims']> {
  return [
    { accepted: false, reasons: ['MISSING_NPI (billingProvider.npi): required'] },
    { accepted: true, reasons: [] },
  ];
}

/** A scheduled MRI authorized before the visit, where more was performed than authorized: a retro-authorization follows. */
export function performedBeyondAuthorization(): Script {
  return {
    scheduled: true,
    coding: [mriCoding()],
    plannedAuthorizationRequired: true,
    authorizationRequired: true,
    performedCheck: { matches: false, differences: ['72148: 2 units performed, 1 authorized'], authNumber: 'AUTH-PRE-1' },
    authorizationRequests: [decision('certified', { authNumber: 'AUTH-RETRO-1' })],
  };
}

export function decision(outcome: AuthorizationResult['outcome'], extra: Partial<AuthorizationResult> = {}): AuthorizationResult {
  return { outcome, payerReference: 'PA-REF-1', ...extra };
}

/** The key the workflow tests' client signs messages with, and the fake activities check them with. */
export const TEST_MESSAGE_PROOF_KEYS = MessageProofKeys.fromPayloadKeySpec(generatePayloadKeySpec());

/** What the fake code sets know: ICD-10-CM-shaped codes, except Z99.99x. */
function isFakeIcdCode(code: string): boolean {
  return /^[A-Z]\d{2}(\.\w{1,4})?$/.test(code) && !code.startsWith('Z99.99');
}

const FAKE_PAYER_TERMS = { timelyFilingDays: 90, appealLimitDays: 60, followUpDays: 30 };

export function createFakeActivities(script: Script) {
  const calls: Call[] = [];
  let codingCall = 0;
  let statusCall = 0;
  let claimCall = 0;
  let collectCall = 0;
  /** A call; the transitions it carries (TRANSITIONS_CARRIED) are recorded as recordTransition calls, as the activity writes them. */
  const record = (name: string, args: unknown) => {
    const { transitions, ...own } = args as { transitions?: unknown[] };
    calls.push({ name, args: transitions ? own : args });
    for (const t of transitions ?? []) calls.push({ name: 'recordTransition', args: t });
  };
  const requirement = (required: boolean) => ({ required, expedited: false, codes: required ? ['72148'] : [] });

  const activities: Activities = {
    async recordTransition(args) {
      record('recordTransition', args);
    },
    async recordAudit(args) {
      record('recordAudit', args);
    },
    // Not recorded as a call: it runs for every message, the scripts' call lists stay about the encounter.
    async verifyMessageProof(args) {
      return TEST_MESSAGE_PROOF_KEYS.verify(args, args.proof as MessageProof);
    },
    async codeEncounter(args) {
      record('codeEncounter', args);
      if (script.codingFails) throw new Error('coding timed out');
      const next = script.coding[Math.min(codingCall++, script.coding.length - 1)]!;
      // As the engine's activity: whether these codes need authorization by the encounter's payer.
      const authorizationRequirement = { payerId: 'ACME-HEALTH', ...requirement(script.authorizationRequired ?? false) };
      return { ...next, revision: args.revision, authorizationRequirement };
    },
    async checkCoderCodes(args) {
      record('checkCoderCodes', args);
      const problems = args.diagnoses.flatMap((d, i) =>
        isFakeIcdCode(d.code)
          ? []
          : [{ field: `diagnoses.${i}.code`, code: d.code, message: `${d.code} is not an ICD-10-CM code in the code sets` }],
      );
      // A stand-in Excludes1 pair: type 1 and type 2 diabetes together.
      const codes = args.diagnoses.map((d) => d.code);
      if (problems.length === 0 && codes.includes('E10.9') && codes.includes('E11.9')) {
        problems.push({
          field: `diagnoses.${codes.indexOf('E10.9')}.code`,
          code: 'E10.9',
          message: 'EXCLUDES1: E10.9 and E11.9 exclude each other',
        });
      }
      return { problems };
    },
    async applyCoderOverride(args) {
      record('applyCoderOverride', args);
      const unknown = args.override.diagnoses.find((d) => !isFakeIcdCode(d.code));
      if (unknown) {
        const { ApplicationFailure } = await import('@temporalio/common');
        throw ApplicationFailure.nonRetryable(`code ${unknown.code} is not in the code sets`, 'InvalidEncounter');
      }
      return {
        revision: args.revision,
        diagnoses: args.override.diagnoses.map((d) => ({ code: d.code, description: 'entered by coder', confidence: 1 })),
        procedures: args.override.procedures.map((p) => ({
          code: p.code,
          units: p.units ?? 1,
          modifiers: p.modifiers ?? [],
          diagnosisPointers: p.diagnosisPointers ?? [1],
        })),
        edits: [],
        source: 'coder',
      };
    },
    async openClarificationQuery(args) {
      record('openClarificationQuery', args);
    },
    async recordClarificationAnswer(args) {
      record('recordClarificationAnswer', args);
    },
    async closeClarificationQuery(args) {
      record('closeClarificationQuery', args);
    },
    async reopenClarificationQuery(args) {
      record('reopenClarificationQuery', args);
    },
    async notifyPhysician(args) {
      record('notifyPhysician', args);
    },
    async notifySupervisor(args) {
      record('notifySupervisor', args);
    },
    async checkEligibility(args) {
      record('checkEligibility', args);
      const answers = script.eligibility ?? ['active'];
      // The answer's time on the workflow's clock (the time-skipping server's, not this process's).
      const scheduledAt = new Date(Context.current().info.currentAttemptScheduledTimestampMs).toISOString();
      return eligibilityAnswer(
        answers[Math.min(args.check - 1, answers.length - 1)]!,
        args.check,
        script.eligibilityCheckedAt ?? scheduledAt,
      );
    },
    async recordCoverageVersion(args) {
      record('recordCoverageVersion', args);
      return { version: (args.expectedVersion ?? 1) + 1 };
    },
    async checkPlannedAuthorizationRequirement(args) {
      record('checkPlannedAuthorizationRequirement', args);
      return {
        required: script.plannedAuthorizationRequired ?? false,
        expedited: false,
        codes: script.plannedAuthorizationRequired ? ['72148'] : [],
      };
    },
    async comparePerformedWithAuthorized(args) {
      record('comparePerformedWithAuthorized', args);
      return script.performedCheck ?? { matches: true, differences: [], authNumber: 'AUTH-PRE-1' };
    },
    async checkAuthorizationRequirement(args) {
      record('checkAuthorizationRequirement', args);
      return requirement(script.authorizationRequired ?? false);
    },
    async requestPriorAuthorization(args) {
      record('requestPriorAuthorization', args);
      if (script.authorizationRejected) {
        const { ApplicationFailure } = await import('@temporalio/common');
        throw ApplicationFailure.nonRetryable('services[0].code: must be a CPT or HCPCS code', 'ExternalPartyRejected');
      }
      const preService = args.timing === 'pre_service';
      const answers = (preService ? script.preServiceAuthorizationRequests : script.authorizationRequests) ?? [
        decision('certified', { authNumber: preService ? 'AUTH-PRE-1' : 'AUTH-1' }),
      ];
      return answers[Math.min(args.attempt - 1, answers.length - 1)]!;
    },
    async checkPriorAuthorizationStatus(args) {
      record('checkPriorAuthorizationStatus', args);
      const answers = script.authorizationStatuses ?? [decision('certified', { authNumber: 'AUTH-1' })];
      return answers[Math.min(statusCall++, answers.length - 1)]!;
    },
    async submitClaim(args) {
      record('submitClaim', args);
      const answers = script.claims ?? [{ accepted: true, reasons: [] }];
      const answer = answers[Math.min(claimCall++, answers.length - 1)]!;
      const claim = { ...answer, claimId: `claim-${args.attempt}`, claimNumber: `CLM-${args.attempt}` };
      // CLAIM_CARRIES_AWAITING: the accepted claim's activity writes the move to awaiting_remittance.
      if (claim.accepted && args.awaitingIfAccepted) calls.push({ name: 'recordTransition', args: args.awaitingIfAccepted });
      return args.payerTermsOf === undefined ? claim : { ...claim, payerTerms: script.payerTerms ?? FAKE_PAYER_TERMS };
    },
    async issuePatientStatement(args) {
      record('issuePatientStatement', args);
      return { statementId: 'statement-1', patientOwesCents: 2500 };
    },
    // The patient-question workflow's: the question stays open until the answer's signal (the database would say so).
    async acknowledgePatientQuestion(args) {
      record('acknowledgePatientQuestion', args);
      return 'open';
    },
    async recordPatientQuestionReminder(args) {
      record('recordPatientQuestionReminder', args);
      return 'open';
    },
    async escalatePatientQuestion(args) {
      record('escalatePatientQuestion', args);
      return 'open';
    },
    async statementHasOpenQuestion(args) {
      record('statementHasOpenQuestion', args);
      return false;
    },
    async sendPatientQuestionNotice(args) {
      record('sendPatientQuestionNotice', args);
    },
    ...fakeStatementCycleActivities(script.ledger ?? new FakeStatementLedger()),
    async payerTerms(args) {
      record('payerTerms', args);
      return script.payerTerms ?? FAKE_PAYER_TERMS;
    },
    async collectRemittances(args) {
      record('collectRemittances', args);
      const answers = script.remittances ?? [
        (claimNumber: string) => ({
          forwardedToPayer: true,
          payerAcknowledgement: { status: 'accepted' as const, reasons: [] },
          payments: [postedPayment(claimNumber)],
          duplicateDeliveries: 0,
        }),
      ];
      return answers[Math.min(collectCall++, answers.length - 1)]!(args.claimNumber);
    },
    async inquireClaimStatus(args) {
      record('inquireClaimStatus', args);
      return { category: 'P1', statusCode: '20', words: 'accepted, pending: in process' };
    },
    async openDenials(args) {
      record('openDenials', args);
      return [
        {
          denialId: `denial-${args.claimPaymentId}`,
          lineNumber: 1,
          code: '99213',
          chargeCents: 10000,
          reasons: ['CO-50: not medically necessary'],
        },
      ];
    },
    async resolveDenials(args) {
      record('resolveDenials', args);
    },
    async fileAppeal(args) {
      record('fileAppeal', args);
      return { appealReference: `APL-${args.appeal}` };
    },
    async issueStatementFromRemittance(args) {
      record('issueStatementFromRemittance', args);
      return { statementId: 'statement-1', patientOwesCents: 2500, coordinationOfBenefits: 'no secondary payer on file' };
    },
    // The claim-correction workflow's: the billed claim CLM-1 (its payment known) sent back.
    async prepareClaimCorrection(args) {
      record('prepareClaimCorrection', args);
      return {
        encounterId: 'encounter-1',
        statementId: 'statement-1',
        questionId: 'question-1',
        action: script.claimCorrectionAction ?? 'resubmit',
        reason: 'modifier 25 was missing',
        corrections: [{ code: '99213', modifiers: ['25'] }],
        attachmentIds: script.claimCorrectionAction === 'appeal' ? ['attachment-1'] : [],
        actor: 'biller-1',
        claim: { claimId: 'claim-1', claimNumber: 'CLM-1' },
        attempt: 2,
        revision: 1,
        lineNumbers: [1],
        knownPaymentIds: ['payment-CLM-1'],
        appeal: 101,
        terms: FAKE_PAYER_TERMS,
      };
    },
    async recordClaimCorrectionStep(args) {
      record('recordClaimCorrectionStep', args);
    },
    async reissueStatementAfterCorrection(args) {
      record('reissueStatementAfterCorrection', args);
      return {
        previousOwesCents: 9000,
        patientOwesCents: 2500,
        insurancePaidCents: 5500,
        balanceCents: script.reissuedBalanceCents ?? 2500,
        refundCents: 0,
      };
    },
    async renewStatementCycle(args) {
      record('renewStatementCycle', args);
      return 'renewed';
    },
  };
  return { activities, calls, callsOf: (name: string) => calls.filter((c) => c.name === name) };
}
