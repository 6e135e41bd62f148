/**
 * Records the event history of the encounter workflow along representative paths, for the replay
 * test (test/workflows/replay.test.ts): `npx tsx scripts/record-workflow-histories.ts [name...]`.
 *
 * Each path runs on Temporal's time-skipping test server with the in-memory activities of
 * testkit/fake-activities.ts and is written to test/workflows/histories/<name>.json in the
 * JSON form the Temporal CLI also uses (`--out DIR` writes them elsewhere, e.g. to compare a change of
 * this script with the committed files). Read test/workflows/histories/README.md before re-recording:
 * a replay failure means a change is not deterministic, and re-recording would hide it.
 *
 * Over 300 lines because every recorded path is declared here, as data (its script, its steps, its stages).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import proto from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { createTimeSkippingTestEnv } from '../testkit/temporal.ts';
import { runEncounter, type Drive, type DriveContext } from '../testkit/drive.ts';
import {
  actOnDenial,
  answerQuery,
  cancel,
  coderAccepts,
  coderAsks,
  coderEdits,
  correctCoverage,
  decide,
  documentVisit,
  escalateQuery,
  newInsuranceCard,
  overrideCodes,
  play,
  reach,
  resendDecisionAsSignal,
  settle,
  signalDecision,
  skip,
  skipUntil,
} from '../testkit/encounter-steps.ts';
import {
  confidentCoding,
  decision,
  mriCoding,
  overBilledCoding,
  performedBeyondAuthorization,
  postedPayment,
  rejectedThenAcceptedClaims,
  unsureCoding,
  type Script,
} from '../testkit/fake-activities.ts';
import type { RemittanceCollection } from '../activities/remittances.ts';
import { bundleEncounterWorkflows } from '../worker/workflow-bundle.ts';
import { DEFAULT_TIMINGS, type EncounterWorkflowInput } from '../workflows/config.ts';
import type { Stage } from '../workflows/stages.ts';
import { overrideCodesSignal } from '../workflows/messages.ts';
import type { WorkflowHandle } from '@temporalio/client';
import { FakeStatementLedger } from '../testkit/fake-statement-cycle.ts';
import { runPaymentPlan, runStatementCycle } from '../testkit/drive-statement-cycle.ts';
import { runClaimCorrection, type CorrectionHandle } from '../testkit/drive-claim-correction.ts';
import { cycleDecisionSignal, dunningChangedSignal } from '../workflows/statement-cycle-messages.ts';

export const HISTORIES_DIR = fileURLToPath(new URL('../test/workflows/histories/', import.meta.url));

interface RecordedPath {
  script: Script;
  /** What people do to the encounter while it runs (testkit/encounter-steps.ts `play`). */
  drive?: (env: TestWorkflowEnvironment) => Drive;
  /** The stages the encounter must pass through, so a recording of a wrong path is refused. */
  stages: Stage[];
  /** Other intervals than the defaults (e.g. a short payer day). */
  timings?: EncounterWorkflowInput['timings'];
}

/** Payer-directory days at a recording's pace: one day is a minute of (skipped) workflow time. */
const PAYER_MINUTES = { ...DEFAULT_TIMINGS, payerDay: '1m', remittancePollInterval: '5m' };
const empty = (): RemittanceCollection => ({
  forwardedToPayer: true,
  payerAcknowledgement: { status: 'accepted', reasons: [] },
  payments: [],
  duplicateDeliveries: 0,
});
const deniedAnswer = (claimNumber: string): RemittanceCollection => ({
  ...empty(),
  payments: [postedPayment(claimNumber, { id: 'p-denied', denied: true })],
});

/** A coder overrides the codes while the physician is asked (recorded before and after OVERRIDE_CHECKED_FIRST). */
const CODER_OVERRIDE: RecordedPath = {
  script: { coding: [unsureCoding()] },
  drive: play(
    reach('awaiting_clarification'),
    overrideCodes({ diagnoses: [{ code: 'E11.65' }], procedures: [{ code: '99214', units: 1 }] }),
  ),
  stages: ['coding', 'awaiting_clarification', 'billing', 'billed'],
};

/** The engine's codes for an encounter it is not sure enough to bill (coder_review). */
const LOW_CONFIDENCE_CODING = {
  ...confidentCoding(),
  diagnoses: [{ code: 'R51.9', description: 'Headache, unspecified', confidence: 0.41 }],
  review: { reasons: [{ kind: 'low_confidence' as const, detail: 'confidence under 0.55: R51.9 (0.41)', codes: ['R51.9'] }] },
};

/** A claim the clearinghouse rejects once, resubmitted on the supervisor's word. */
const CLAIM_REJECTED_RESUBMIT = {
  script: { coding: [confidentCoding()], claims: rejectedThenAcceptedClaims() },
  drive: play(reach('needs_review'), signalDecision({ decision: 'resubmit', decidedBy: 'sup-1' })),
};

/** An authorization the insurer grants for fewer services than were coded. */
const MODIFIED_AUTHORIZATION: Script = {
  coding: [mriCoding()],
  authorizationRequired: true,
  authorizationRequests: [decision('modified', { authNumber: 'AUTH-M', authorizedUnits: { '70551': 1 } })],
};

const PATHS: Record<string, RecordedPath> = {
  'straight-through': {
    script: { coding: [confidentCoding()] },
    stages: ['coding', 'billing', 'billed'],
  },
  // DateOfService coarsened to the month (patch date-of-service-month).
  'straight-through-month-of-service': {
    script: { coding: [confidentCoding()] },
    stages: ['coding', 'billing', 'billed'],
  },
  'clarification-reminder-then-update': {
    script: { coding: [unsureCoding(), confidentCoding()] },
    drive: play(reach('awaiting_clarification'), skip('25h'), answerQuery()), // one reminder
    stages: ['coding', 'awaiting_clarification', 'coding', 'billing', 'billed'],
  },
  'escalation-extend-then-answer': {
    script: { coding: [unsureCoding(), confidentCoding()] },
    drive: play(escalateQuery(), signalDecision({ decision: 'extend', decidedBy: 'sup-1', extendBy: '24h' }), answerQuery()),
    stages: ['coding', 'awaiting_clarification', 'escalated', 'awaiting_clarification', 'coding', 'billing', 'billed'],
  },
  'authorization-pended-then-certified': {
    script: {
      coding: [mriCoding()],
      authorizationRequired: true,
      authorizationRequests: [decision('pended')],
      authorizationStatuses: [decision('pended'), decision('certified', { authNumber: 'AUTH-9' })],
    },
    stages: ['coding', 'authorization', 'billing', 'billed'],
  },
  'authorization-denied-bill-patient': {
    script: { coding: [mriCoding()], authorizationRequired: true, authorizationRequests: [decision('denied', { reason: 'not covered' })] },
    drive: play(reach('denied'), signalDecision({ decision: 'bill_patient', decidedBy: 'sup-1' })),
    stages: ['coding', 'authorization', 'denied', 'billing', 'billed'],
  },
  'cancel-awaiting-clarification': {
    script: { coding: [unsureCoding()] },
    drive: play(reach('awaiting_clarification'), cancel({ cancelledBy: 'coder-1', reason: 'entered in error' })),
    stages: ['coding', 'awaiting_clarification', 'cancelled'],
  },
  'coder-override': CODER_OVERRIDE,
  // Recorded after the OVERRIDE_CHECKED_FIRST patch: the override is looked up before the query is withdrawn.
  'coder-override-v2': CODER_OVERRIDE,
  'coder-override-rejected-then-answer-v2': {
    script: { coding: [unsureCoding(), confidentCoding()] },
    drive: play(
      reach('awaiting_clarification'),
      overrideCodes({ diagnoses: [{ code: 'Z99.999' }], procedures: [{ code: '99214' }] }),
      settle(overrideCodesSignal),
      answerQuery(),
    ),
    stages: ['coding', 'awaiting_clarification', 'coding', 'billing', 'billed'],
  },
  // Recorded after DECISIONS_CHECKED, EDIT_ERRORS_REVIEWED and MODIFIED_AUTHORIZATION_REVIEWED.
  'edit-errors-accepted-v3': {
    script: { coding: [overBilledCoding()] },
    drive: play(reach('needs_review'), decide('accept_codes', 'sup-1')),
    stages: ['coding', 'needs_review', 'billing', 'billed'],
  },
  'authorization-modified-recoded-v3': {
    script: MODIFIED_AUTHORIZATION,
    drive: play(reach('needs_review'), overrideCodes({ diagnoses: [{ code: 'M54.50' }], procedures: [{ code: '70551', units: 1 }] })),
    stages: ['coding', 'authorization', 'needs_review', 'billing', 'billed'],
  },
  'denied-resubmit-by-update-then-stale-signal-v3': {
    script: {
      coding: [mriCoding()],
      authorizationRequired: true,
      authorizationRequests: [decision('denied', { reason: 'not covered' }), decision('certified', { authNumber: 'AUTH-2' })],
    },
    drive: play(reach('denied'), decide('resubmit', 'sup-1'), resendDecisionAsSignal()),
    stages: ['coding', 'authorization', 'denied', 'authorization', 'billing', 'billed'],
  },
  'claim-rejected-resubmit': {
    ...CLAIM_REJECTED_RESUBMIT,
    stages: ['coding', 'billing', 'needs_review', 'billing', 'billed'],
  },
  // Recorded after ELIGIBILITY_FIRST and MODIFIED_AUTHORIZATION_NOT_RECODED (v4).
  'straight-through-eligible-v4': {
    script: { coding: [confidentCoding()] },
    stages: ['eligibility', 'coding', 'billing', 'billed'],
  },
  'eligibility-inactive-coverage-corrected-v4': {
    script: { coding: [confidentCoding()], eligibility: ['inactive', 'active'] },
    drive: play(reach('awaiting_coverage'), newInsuranceCard()),
    stages: ['eligibility', 'awaiting_coverage', 'eligibility', 'coding', 'billing', 'billed'],
  },
  'eligibility-not-found-self-pay-v4': {
    script: { coding: [mriCoding()], eligibility: ['not_found'], authorizationRequired: true },
    drive: play(
      reach('awaiting_coverage'),
      correctCoverage({ kind: 'self_pay', correctedBy: 'biller-1', reason: 'patient pays', expectedVersion: 1 }),
    ),
    stages: ['eligibility', 'awaiting_coverage', 'eligibility', 'coding', 'billing', 'billed'],
  },
  'scheduled-pre-service-authorized-v4': {
    script: {
      scheduled: true,
      coding: [mriCoding()],
      plannedAuthorizationRequired: true,
      preServiceAuthorizationRequests: [decision('pended')],
      authorizationStatuses: [decision('certified', { authNumber: 'AUTH-PRE-1' })],
    },
    drive: play(reach('authorization'), skip('5h'), reach('awaiting_visit'), documentVisit()),
    stages: ['eligibility', 'authorization', 'awaiting_visit', 'coding', 'billing', 'billed'],
  },
  'scheduled-performed-mismatch-retro-v4': {
    script: performedBeyondAuthorization(),
    drive: play(reach('awaiting_visit'), documentVisit(), reach('needs_review'), decide('resubmit', 'biller-1')),
    stages: ['eligibility', 'authorization', 'awaiting_visit', 'coding', 'needs_review', 'authorization', 'billing', 'billed'],
  },
  'authorization-modified-not-recoded-v4': {
    script: MODIFIED_AUTHORIZATION,
    drive: play(reach('needs_review'), decide('accept_codes', 'biller-1')),
    stages: ['eligibility', 'coding', 'authorization', 'needs_review', 'billing', 'billed'],
  },
  // Recorded after CODER_REVIEW (and MESSAGES_AUTHENTICATED): the engine's codes wait for a coder.
  'coder-review-accept-v5': {
    script: { coding: [LOW_CONFIDENCE_CODING] },
    drive: play(reach('coder_review'), coderAccepts()),
    stages: ['eligibility', 'coding', 'coder_review', 'billing', 'billed'],
  },
  'coder-review-invalid-code-refused-then-edit-v5': {
    script: { coding: [overBilledCoding()] },
    drive: play(
      reach('coder_review'),
      coderEdits({ diagnoses: [{ code: 'Z99.999' }], procedures: [{ code: '99213', units: 1 }] }, { refused: true }),
      coderEdits({ diagnoses: [{ code: 'J06.9' }], procedures: [{ code: '99213', units: 1 }] }),
    ),
    stages: ['eligibility', 'coding', 'coder_review', 'billing', 'billed'],
  },
  'coder-review-query-then-accept-v5': {
    script: { coding: [LOW_CONFIDENCE_CODING, LOW_CONFIDENCE_CODING] },
    drive: play(
      reach('coder_review'),
      coderAsks('Which type of diabetes?', ['Type 2 diabetes mellitus']),
      answerQuery(),
      reach('coder_review'),
      coderAccepts(),
    ),
    stages: ['eligibility', 'coding', 'coder_review', 'awaiting_clarification', 'coding', 'coder_review', 'billing', 'billed'],
  },
  'coder-review-coding-failed-v5': {
    script: { coding: [confidentCoding()], codingFails: true },
    drive: play(reach('coder_review', 30_000), coderEdits({ diagnoses: [{ code: 'J06.9' }], procedures: [{ code: '99213' }] })),
    stages: ['eligibility', 'coding', 'coder_review', 'billing', 'billed'],
  },
  // Recorded after CODER_CONFIRMS_BY_DEFAULT: an engine result the policy did not allow waits for a coder.
  'coder-confirms-by-default-v6': {
    script: { coding: [{ ...confidentCoding(), straightThrough: { allowed: false, why: 'straight-through billing is off' } }] },
    drive: play(reach('coder_review'), coderAccepts()),
    stages: ['eligibility', 'coding', 'coder_review', 'billing', 'billed'],
  },
  // Recorded after REMITTANCE_AWAITED (v6, after CODER_REVIEW): the statement waits for the payer's remittance.
  'remittance-paid-v6': {
    script: { coding: [confidentCoding()] },
    stages: ['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed'],
  },
  'remittance-silent-payer-inquiry-v6': {
    script: {
      coding: [confidentCoding()],
      remittances: [...Array.from({ length: 7 }, () => empty), (claimNumber) => ({ ...empty(), payments: [postedPayment(claimNumber)] })],
    },
    timings: PAYER_MINUTES,
    stages: ['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed'],
  },
  'denial-appeal-paid-v6': {
    script: {
      coding: [confidentCoding()],
      remittances: [
        deniedAnswer,
        (claimNumber) => ({
          ...empty(),
          payments: [postedPayment(claimNumber, { id: 'p-denied', denied: true }), postedPayment(claimNumber, { id: 'p-paid' })],
        }),
      ],
    },
    timings: PAYER_MINUTES,
    drive: play(
      reach('denial_review'),
      actOnDenial({ action: 'appeal', actor: 'biller-1', reason: 'documented', attachmentIds: ['att-1'] }),
    ),
    stages: ['eligibility', 'coding', 'billing', 'awaiting_remittance', 'denial_review', 'appealed', 'awaiting_remittance', 'billed'],
  },
  'denial-deadline-write-off-v6': {
    script: { coding: [confidentCoding()], remittances: [deniedAnswer] },
    timings: PAYER_MINUTES,
    drive: play(reach('denial_review'), skipUntil('escalated', '10m'), decide('write_off', 'sup-1')),
    stages: ['eligibility', 'coding', 'billing', 'awaiting_remittance', 'denial_review', 'escalated', 'billed'],
  },
  // Recorded after TRANSITIONS_CARRIED (v7): the main path's activities write the stage transitions.
  'transitions-carried-paid-v7': {
    script: { coding: [confidentCoding()] },
    stages: ['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed'],
  },
  'transitions-carried-authorized-v7': {
    script: { coding: [mriCoding()], authorizationRequired: true },
    stages: ['eligibility', 'coding', 'authorization', 'billing', 'awaiting_remittance', 'billed'],
  },
  'transitions-carried-clarification-v7': {
    script: { coding: [unsureCoding(), confidentCoding()] },
    drive: play(reach('awaiting_clarification'), answerQuery()),
    stages: ['eligibility', 'coding', 'awaiting_clarification', 'coding', 'billing', 'awaiting_remittance', 'billed'],
  },
  'transitions-carried-claim-rejected-resubmit-v7': {
    ...CLAIM_REJECTED_RESUBMIT,
    stages: ['eligibility', 'coding', 'billing', 'needs_review', 'billing', 'awaiting_remittance', 'billed'],
  },
  // Recorded after APPEAL_DECISION_AWAITED (v8): the appeal is answered after the timely-filing horizon (one payer day).
  'appeal-decided-after-filing-horizon-v8': {
    script: {
      coding: [confidentCoding()],
      payerTerms: { timelyFilingDays: 1, appealLimitDays: 60, followUpDays: 30 },
      remittances: [
        deniedAnswer,
        empty,
        empty,
        (claimNumber) => ({ ...empty(), payments: [postedPayment(claimNumber, { id: 'p-overturned' })] }),
      ],
    },
    timings: { ...PAYER_MINUTES, remittancePollInterval: '1m' },
    drive: play(
      reach('denial_review'),
      actOnDenial({ action: 'appeal', actor: 'biller-1', reason: 'documented', attachmentIds: ['att-1'] }),
    ),
    stages: ['eligibility', 'coding', 'billing', 'awaiting_remittance', 'denial_review', 'appealed', 'awaiting_remittance', 'billed'],
  },
};
// Recorded after FEWER_ROUND_TRIPS (v9): one marker for all earlier ones, no upsert at start.
PATHS['fewer-round-trips-paid-v9'] = PATHS['transitions-carried-paid-v7']!;
PATHS['fewer-round-trips-clarification-v9'] = PATHS['transitions-carried-clarification-v7']!;
PATHS['fewer-round-trips-claim-rejected-resubmit-v9'] = PATHS['transitions-carried-claim-rejected-resubmit-v7']!;
PATHS['fewer-round-trips-appeal-v9'] = PATHS['appeal-decided-after-filing-horizon-v8']!;
// Recorded after CLAIM_CARRIES_AWAITING (v10): the claim's activity writes awaiting_remittance, the first mailbox read waits a poll interval.
PATHS['claim-carries-awaiting-paid-v10'] = PATHS['transitions-carried-paid-v7']!;
PATHS['claim-carries-awaiting-claim-rejected-resubmit-v10'] = PATHS['transitions-carried-claim-rejected-resubmit-v7']!;
PATHS['claim-carries-awaiting-appeal-v10'] = {
  ...PATHS['appeal-decided-after-filing-horizon-v8']!,
  // The first mailbox read (the denial) comes a poll interval after the claim.
  drive: play(
    skipUntil('denial_review', '1m'),
    actOnDenial({ action: 'appeal', actor: 'biller-1', reason: 'documented', attachmentIds: ['att-1'] }),
  ),
};

// INTERNAL_STEPS_LOCAL: the statement from the remittance as a local activity.
PATHS['internal-steps-local-paid-v11'] = PATHS['claim-carries-awaiting-paid-v10']!;
PATHS['internal-steps-local-appeal-v11'] = PATHS['claim-carries-awaiting-appeal-v10']!;

/** Statement cycles and payment plans (workflows/statement-cycle.ts, workflows/payment-plan.ts): each runs and returns its handle. */
const STATEMENT_PATHS: Record<string, (ctx: DriveContext) => Promise<WorkflowHandle>> = {
  'statement-cycle-reminders-final-notice-decision': async (ctx) => {
    const { handle, result } = await runStatementCycle(ctx, new FakeStatementLedger(), async (cycle) => {
      await ctx.env.sleep('121d');
      await cycle.signal(cycleDecisionSignal, { decision: 'keep_open', decidedBy: 'supervisor-1' });
    });
    if (result.status !== 'closed') throw new Error(`cycle ended ${result.status}`);
    return handle;
  },
  'statement-cycle-paused-then-paid': async (ctx) => {
    const ledger = new FakeStatementLedger();
    const { handle, result } = await runStatementCycle(ctx, ledger, async (cycle) => {
      await ctx.env.sleep('20d');
      ledger.holds = ['question'];
      await cycle.signal(dunningChangedSignal, { reason: 'question' });
      await ctx.env.sleep('3d');
      ledger.holds = [];
      await cycle.signal(dunningChangedSignal, { reason: 'question' });
      await ctx.env.sleep('20d');
      ledger.balanceCents = 0;
      await cycle.signal(dunningChangedSignal, { reason: 'payment' });
    });
    if (result.status !== 'paid') throw new Error(`cycle ended ${result.status}`);
    return handle;
  },
  'statement-cycle-notices-sent-write-off-v2': async (ctx) => {
    const ledger = new FakeStatementLedger();
    // The clinic's messaging is down for the statement's first attempts: retried, sent once.
    ledger.messagingDownFor = 2;
    const { handle, result } = await runStatementCycle(ctx, ledger, async (cycle) => {
      await ctx.env.sleep('121d');
      await cycle.signal(cycleDecisionSignal, { decision: 'write_off', decidedBy: 'supervisor-1' });
    });
    if (result.status !== 'closed') throw new Error(`cycle ended ${result.status}`);
    if (ledger.delivered.length !== 5) throw new Error(`${ledger.delivered.length} notices delivered instead of 5`);
    return handle;
  },
  'payment-plan-installment-reminders-sent-v2': async (ctx) => {
    const ledger = new FakeStatementLedger();
    const { handle, result } = await runPaymentPlan(ctx, ledger, [
      { number: 1, dueDate: '2027-01-10', amountCents: 3_000 },
      { number: 2, dueDate: '2027-02-10', amountCents: 3_000 },
    ]);
    if (result !== 'defaulted') throw new Error(`plan ended ${result}`);
    if (ledger.delivered.length !== 2) throw new Error(`${ledger.delivered.length} installment reminders delivered instead of 2`);
    return handle;
  },
  'payment-plan-missed-installment': async (ctx) => {
    const ledger = new FakeStatementLedger();
    ledger.planPaidCents = 3_000;
    const { handle, result } = await runPaymentPlan(ctx, ledger, [
      { number: 1, dueDate: '2027-01-10', amountCents: 3_000 },
      { number: 2, dueDate: '2027-02-10', amountCents: 3_000 },
    ]);
    if (result !== 'defaulted') throw new Error(`plan ended ${result}`);
    return handle;
  },
};
// Recorded after STATEMENT_CYCLE_OPENED_AT_ONCE (v3, after STATEMENT_NOTICES_SENT): the cycle's first step is one activity.
STATEMENT_PATHS['statement-cycle-reminders-final-notice-decision-v3'] = STATEMENT_PATHS['statement-cycle-reminders-final-notice-decision']!;
STATEMENT_PATHS['statement-cycle-paused-then-paid-v3'] = STATEMENT_PATHS['statement-cycle-paused-then-paid']!;
STATEMENT_PATHS['statement-cycle-held-at-start-v3'] = async (ctx) => {
  const ledger = new FakeStatementLedger();
  ledger.holds = ['question'];
  const { handle, result } = await runStatementCycle(ctx, ledger, async (cycle) => {
    await ctx.env.sleep('2d');
    ledger.holds = [];
    await cycle.signal(dunningChangedSignal, { reason: 'question' });
    await ctx.env.sleep('10d');
    ledger.balanceCents = 0;
    await cycle.signal(dunningChangedSignal, { reason: 'payment' });
  });
  if (result.status !== 'paid') throw new Error(`cycle ended ${result.status}`);
  return handle;
};

// Recorded after STATEMENT_CYCLE_OPENED_LOCALLY (v4): the cycle's first step is a local activity, one marker for all.
STATEMENT_PATHS['statement-cycle-reminders-final-notice-decision-v4'] = STATEMENT_PATHS['statement-cycle-reminders-final-notice-decision']!;
STATEMENT_PATHS['statement-cycle-paused-then-paid-v4'] = STATEMENT_PATHS['statement-cycle-paused-then-paid']!;
STATEMENT_PATHS['statement-cycle-held-at-start-v4'] = STATEMENT_PATHS['statement-cycle-held-at-start-v3']!;

// Recorded after STATEMENT_NOTICES_SENT_LOCALLY (v5): each notice sent first as a local activity (the
// statement in the cycle's first task), a failed local attempt handed to the activity (messaging down).
STATEMENT_PATHS['statement-cycle-reminders-final-notice-decision-v5'] = STATEMENT_PATHS['statement-cycle-reminders-final-notice-decision']!;
STATEMENT_PATHS['statement-cycle-paused-then-paid-v5'] = STATEMENT_PATHS['statement-cycle-paused-then-paid']!;
STATEMENT_PATHS['statement-cycle-held-at-start-v5'] = STATEMENT_PATHS['statement-cycle-held-at-start-v3']!;
STATEMENT_PATHS['statement-cycle-notices-sent-write-off-v5'] = STATEMENT_PATHS['statement-cycle-notices-sent-write-off-v2']!;

// Claim corrections (workflows/claim-correction.ts): a billed claim sent back after the statement.
STATEMENT_PATHS['claim-correction-resubmit-paid'] = async (ctx) => {
  const { result, handle } = await runClaimCorrection(ctx, {
    remittances: [empty, (claimNumber) => ({ ...empty(), payments: [postedPayment(claimNumber, { id: 'payment-CLM-2' })] })],
  });
  if (result !== 'completed') throw new Error(`correction ended ${result}`);
  return handle;
};
STATEMENT_PATHS['claim-correction-appeal-silent-payer-overdue'] = async (ctx) => {
  const { result, handle } = await runClaimCorrection(ctx, { claimCorrectionAction: 'appeal', remittances: [empty] });
  if (result !== 'overdue') throw new Error(`correction ended ${result}`);
  return handle;
};

// After CLAIM_CORRECTION_HORIZON: the replacement as before (the marker only); an appeal awaited for the payer's decision window.
STATEMENT_PATHS['claim-correction-resubmit-paid-v2'] = STATEMENT_PATHS['claim-correction-resubmit-paid']!;
STATEMENT_PATHS['claim-correction-appeal-decision-window-overdue-v2'] = STATEMENT_PATHS['claim-correction-appeal-silent-payer-overdue']!;

// After CLAIM_CORRECTION_CONTINUES_AS_NEW: a payer silent for long; the run continues as new (its
// last run is recorded, resumed from the earlier run's follow-up) and the payer then answers.
STATEMENT_PATHS['claim-correction-continued-as-new-v3'] = async (ctx) => {
  const silent = Array.from({ length: 11 }, () => empty);
  const { result, handle } = await runClaimCorrection(
    ctx,
    { remittances: [...silent, (claimNumber) => ({ ...empty(), payments: [postedPayment(claimNumber, { id: 'payment-CLM-2' })] })] },
    { continueAfterEvents: 40 },
  );
  if (result !== 'completed') throw new Error(`correction ended ${result}`);
  return handle;
};
// Its first run, which ends by continuing as new.
STATEMENT_PATHS['claim-correction-continued-as-new-v3-run1'] = async (ctx) => {
  const handle = (await STATEMENT_PATHS['claim-correction-continued-as-new-v3']!(ctx)) as CorrectionHandle;
  return ctx.env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
};

// After CLAIM_CORRECTION_RENEWS_CYCLE: the reissue leaves a balance, so the statement's cycle is asked to start again.
STATEMENT_PATHS['claim-correction-renews-cycle-v4'] = STATEMENT_PATHS['claim-correction-resubmit-paid']!;
// The cycle so started again: its notices numbered after the earlier cycle's statement and reminder; paid after the first new reminder.
STATEMENT_PATHS['statement-cycle-renewed-then-paid'] = async (ctx) => {
  const ledger = new FakeStatementLedger();
  const renewal = { lastSeq: { statement: 0, reminder: 1, final_notice: 0 } };
  const { handle, result } = await runStatementCycle(
    ctx,
    ledger,
    async (cycle) => {
      await ctx.env.sleep('31d');
      ledger.balanceCents = 0;
      await cycle.signal(dunningChangedSignal, { reason: 'payment' });
    },
    undefined,
    renewal,
  );
  if (result.status !== 'paid') throw new Error(`cycle ended ${result.status}`);
  return handle;
};

async function record(ctx: DriveContext, name: string, path: RecordedPath): Promise<void> {
  const { stages, handle } = await runEncounter(ctx, path.script, path.drive?.(ctx.env), path.timings);
  if (stages.join() !== path.stages.join()) {
    throw new Error(`${name}: went through ${stages.join(' → ')} instead of ${path.stages.join(' → ')}`);
  }
  await writeHistory(name, handle);
}

const { values: options, positionals: wanted } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
const outDir = options.out === undefined ? HISTORIES_DIR : `${options.out.replace(/\/$/, '')}/`;

async function writeHistory(name: string, handle: WorkflowHandle): Promise<void> {
  const history = await handle.fetchHistory();
  // fetchHistory() gives the decoded protobuf message; its toJSON() is the proto JSON form that
  // Worker.runReplayHistory reads back (historyToJSON of @temporalio/common fails outside vitest).
  const json = proto.temporal.api.history.v1.History.fromObject(history).toJSON();
  writeFileSync(`${outDir}${name}.json`, JSON.stringify(json, null, 2) + '\n');
  console.log(`recorded ${name}: ${history.events?.length ?? 0} events`);
}

async function main(): Promise<void> {
  const unknown = wanted.filter((name) => !(name in PATHS) && !(name in STATEMENT_PATHS));
  if (unknown.length > 0)
    throw new Error(
      `unknown path(s): ${unknown.join(', ')}; known: ${[...Object.keys(PATHS), ...Object.keys(STATEMENT_PATHS)].join(', ')}`,
    );
  mkdirSync(outDir, { recursive: true });
  const [env, bundle] = await Promise.all([createTimeSkippingTestEnv(), bundleEncounterWorkflows({ logger: new DefaultLogger('WARN') })]);
  try {
    for (const [name, path] of Object.entries(PATHS)) {
      if (wanted.length === 0 || wanted.includes(name)) await record({ env, bundle }, name, path);
    }
    for (const [name, run] of Object.entries(STATEMENT_PATHS)) {
      if (wanted.length === 0 || wanted.includes(name)) await writeHistory(name, await run({ env, bundle }));
    }
  } finally {
    await env.teardown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
