/**
 * Follows one sample encounter through the product and plays the people of its scenario.
 *
 * `EncounterRun.run()` polls GET /encounters/:id about once a second. Each poll
 *   1. prints what changed since the last one: new stage transitions (from the workflow's
 *      history, so none is missed between polls), a new physician query, a reminder, a pending
 *      supervisor decision, the prior-authorization outcome, new flags;
 *   2. lets the scenario react to the current stage like a person would: the physician answers,
 *      the coder overrides, the supervisor decides, the biller cancels (each at most once per
 *      query or decision);
 *   3. stops when the encounter is billed or cancelled (then checks the sample's `expect`),
 *      when it ended up somewhere the scenario did not expect, or when it waits on a clock
 *      longer than the demo can (a 72 h physician deadline, a 4 h insurer follow-up).
 *
 * The scenario reacts to the stage it finds, so a second `npm run demo` (same encounters,
 * reused) simply picks each encounter up wherever it stands.
 *
 * Over 300 lines because one run keeps, between polls, what it has printed and what its people
 * have done; the people themselves are in front-of-cycle.ts, coding-people.ts and back-of-cycle.ts.
 */
import { BILLER_DECISION_KINDS, type OpenClarification, type PendingDecision, type StageTransition } from '../../workflows/messages.ts';
import { FINAL_STAGES, type Stage } from '../../workflows/stages.ts';
import { ApiUnreachable, type DemoApi, type EncounterView } from './api.ts';
import { dollars, duration, quote } from './format.ts';
import { billerAppeals, remittanceProblems, reportClaimStory, silentPayerVerdict } from './back-of-cycle.ts';
import { billerSwitchesToSelfPay, estimateThenDocumentVisit, type PersonContext, type PersonVerdict } from './front-of-cycle.ts';
import { billerCancels, coderAccepts, coderOverrides, physicianAnswers, supervisorDecides } from './coding-people.ts';
import type { DemoSample } from './samples.ts';

export type Outcome = 'ok' | 'waiting' | 'unexpected';

export interface RunResult {
  clinicEncounterId: string;
  scenario: DemoSample['scenario'];
  outcome: Outcome;
  stage: Stage | 'not submitted';
  message: string;
}

export interface RunOptions {
  api: DemoApi;
  /** Epoch ms after which the run gives up (the whole demo's time limit). */
  deadlineAt: number;
  /** Wait for a clarification deadline only if it falls within this many ms (else: "waits on the clock"). */
  clockWaitLimitMs: number;
  /** How long to watch a pended authorization before saying it waits for the insurer's follow-up. */
  pendedWaitMs: number;
  pollIntervalMs: number;
  print: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A scenario's reaction to one poll: undefined to keep going, or how the run ends. */
type Verdict = PersonVerdict;

const DAY_MS = 86_400_000;
/** The pending questions a biller answers (the API's own list). */
const BILLER_QUESTIONS = new Set<PendingDecision['kind']>(BILLER_DECISION_KINDS);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class EncounterRun {
  readonly clinicEncounterId: string;
  private encounterId: string | undefined;
  private reused = false;
  private lastStage: Stage | 'not submitted' = 'not submitted';

  // What has been printed already.
  private printedHistory = 0;
  private seenQuery = '';
  private seenReminders = 0;
  private seenDecision = '';
  private seenAuthorization = '';
  private printedClaimStory = 0;
  private readonly seenFlags = new Set<string>();

  /** Actions taken (by key), so a person never acts twice on the same query or decision. */
  private readonly acted = new Set<string>();
  /** What the demo did, shown on the next transition out of that stage instead of the workflow's reason. */
  private readonly notes = new Map<Stage, string>();
  private pendedSince: number | undefined;
  private announcedClockWait = false;

  constructor(
    readonly sample: DemoSample,
    runSuffix: string,
    private readonly options: RunOptions,
  ) {
    // A visit dated from today (scheduled ahead, or days ago): reused within the day, a new encounter on another day.
    const relative = sample.scheduledInDays !== undefined || sample.serviceDaysAgo !== undefined;
    const scheduledSuffix = relative && runSuffix === '' ? `-${isoDay(Date.now()).replace(/-/g, '')}` : '';
    this.clinicEncounterId = `${sample.submission.clinicEncounterId}${runSuffix}${scheduledSuffix}`;
  }

  /** The encounter's id once submitted (the patient's part of the demo picks a billed one). */
  get id(): string | undefined {
    return this.encounterId;
  }

  private person(): PersonContext {
    return {
      api: this.options.api,
      encounterId: this.encounterId!,
      sample: this.sample,
      acted: this.acted,
      notes: this.notes,
      say: (text) => this.say(text),
    };
  }

  private say(text: string): void {
    this.options.print(`[${this.clinicEncounterId}] ${text}`);
  }

  /** Intake submits the encounter; an already known clinicEncounterId is reused as it stands. */
  async submit(): Promise<void> {
    const days = this.sample.scheduledInDays ?? (this.sample.serviceDaysAgo !== undefined ? -this.sample.serviceDaysAgo : undefined);
    const dateOfService =
      days !== undefined ? isoDay(Date.parse(isoDay(Date.now())) + days * DAY_MS) : this.sample.submission.dateOfService;
    const { created, encounter } = await this.options.api.submit({
      ...this.sample.submission,
      clinicEncounterId: this.clinicEncounterId,
      dateOfService,
    });
    this.encounterId = encounter.id;
    this.reused = !created;
    this.lastStage = encounter.stage;
    if (created) this.say(`submitted: ${this.sample.title}`);
    else if (FINAL_STAGES.includes(encounter.stage)) this.say(`already submitted by an earlier run; it is ${encounter.stage}`);
    else this.say(`already submitted by an earlier run; it is ${encounter.stage}: following it from there`);
  }

  /** Follows the encounter until it ends, waits on a clock, or goes somewhere unexpected. */
  async run(): Promise<RunResult> {
    if (this.encounterId === undefined) return this.result('unexpected', 'it was not submitted');
    try {
      for (let first = true; ; first = false) {
        const view = await this.options.api.encounter(this.encounterId);
        this.lastStage = view.status.stage;
        if (first && this.reused) {
          this.printedHistory = view.status.history.length;
          this.printedClaimStory = view.status.adjudication?.claimStatusHistory.length ?? 0;
        }
        this.reportChanges(view);
        if (FINAL_STAGES.includes(view.status.stage)) return await this.finish(view);
        const verdict = await this.react(view);
        if (verdict !== undefined) return this.result(verdict.outcome, verdict.message);
        if (Date.now() > this.options.deadlineAt) {
          return this.result('unexpected', `still ${view.status.stage} when the demo's time limit ran out${this.pendingText(view)}`);
        }
        await sleep(this.options.pollIntervalMs);
      }
    } catch (error) {
      if (error instanceof ApiUnreachable) throw error;
      return this.result('unexpected', error instanceof Error ? error.message : String(error));
    }
  }

  private result(outcome: Outcome, message: string): RunResult {
    return { clinicEncounterId: this.clinicEncounterId, scenario: this.sample.scenario, outcome, stage: this.lastStage, message };
  }

  private pendingText(view: EncounterView): string {
    const pending = view.status.pendingDecision;
    return pending === undefined ? '' : ` (waiting for a supervisor: ${pending.reason})`;
  }

  // ---- 1. printing what changed -----------------------------------------------------------------

  private reportChanges(view: EncounterView): void {
    const status = view.status;

    // The insurer's decision and the flags are set before the transition they lead to (authorization
    // → billing, → denied), so they are printed first; a pended request (still in authorization) after.
    const stillInAuthorization = status.stage === 'authorization';
    if (!stillInAuthorization) this.reportAuthorization(status);
    for (const flag of status.flags ?? []) {
      if (this.seenFlags.has(flag)) continue;
      this.seenFlags.add(flag);
      this.say(`  flag: ${flag}`);
    }

    for (const transition of status.history.slice(this.printedHistory)) this.say(this.transitionLine(transition));
    this.printedHistory = status.history.length;
    this.printedClaimStory = reportClaimStory(status, this.printedClaimStory, (text) => this.say(text));
    if (stillInAuthorization) this.reportAuthorization(status);

    // A query or a pending decision belongs to the stage just entered: print them after.
    const query = status.openQuery;
    if (query !== undefined && query.queryId !== this.seenQuery) {
      this.seenQuery = query.queryId;
      this.seenReminders = query.remindersSent;
      this.say(`  query to physician ${query.physicianNpi}: ${quote(query.question)}`);
      this.say(`    options: ${query.options.join(' | ')}; answer due in ${duration(Date.parse(query.dueAt) - Date.now())}`);
    } else if (query !== undefined && query.remindersSent > this.seenReminders) {
      this.seenReminders = query.remindersSent;
      this.say(`  reminder #${query.remindersSent} sent to physician ${query.physicianNpi}`);
    }
    const pending = status.pendingDecision;
    if (pending !== undefined && pending.since !== this.seenDecision) {
      this.seenDecision = pending.since;
      // The reason is the one on the transition into this stage. A coverage problem is answered by a correction, not a decision.
      const who = BILLER_QUESTIONS.has(pending.kind) ? 'a biller' : 'a supervisor';
      const how =
        pending.allowed.length > 0
          ? `allowed: ${pending.allowed.join(', ')}`
          : 'by correcting the coverage or demographics, self-pay, or cancel';
      this.say(`  ${who} is asked to decide (${pending.kind}); ${how}`);
    }
  }

  /** One line per new prior-authorization outcome (pended, certified, partial, modified, denied, expired). */
  private reportAuthorization(status: EncounterView['status']): void {
    const auth = status.authorization;
    if (auth === undefined || auth.outcome === 'not_required' || auth.outcome === 'requested') return;
    const key = `${auth.attempt}:${auth.outcome}`;
    if (key === this.seenAuthorization) return;
    this.seenAuthorization = key;
    const units = auth.authorizedUnits
      ? Object.entries(auth.authorizedUnits)
          .map(([code, n]) => `${code}×${n}`)
          .join(', ')
      : '';
    const details = [
      auth.payerReference,
      auth.authNumber !== undefined ? `auth ${auth.authNumber}` : undefined,
      units !== '' ? `authorized units ${units}` : undefined,
      auth.outcome !== 'denied' ? auth.reason : undefined, // a denial's reason is on the transition line
    ].filter((part) => part !== undefined && part !== '');
    this.say(`  prior authorization ${auth.outcome} (attempt ${auth.attempt})${details.length > 0 ? `: ${details.join('; ')}` : ''}`);
  }

  private transitionLine(t: StageTransition): string {
    const note = this.notes.get(t.from);
    if (note !== undefined) this.notes.delete(t.from);
    const why = note ?? t.reason;
    const parts = [why, t.actor !== undefined && !(why ?? '').includes(t.actor) ? `by ${t.actor}` : undefined].filter(
      (p): p is string => p !== undefined && p !== '',
    );
    return `${t.from} → ${t.to}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`;
  }

  // ---- 2. the people of the scenario -------------------------------------------------------------

  private async react(view: EncounterView): Promise<Verdict> {
    const status = view.status;
    const scenario = this.sample.scenario;
    switch (status.stage) {
      case 'awaiting_clarification': {
        const query = status.openQuery;
        if (query === undefined) return undefined; // the workflow did not answer this poll
        switch (scenario) {
          case 'clarification_option':
          case 'clarification_free_text':
            return physicianAnswers(this.person(), query);
          case 'coder_override':
            return coderOverrides(this.person(), query);
          case 'cancelled':
            return billerCancels(this.person());
          case 'escalation_extend':
            // After the supervisor's extension the physician finally answers.
            return wasExtended(status.history) ? physicianAnswers(this.person(), query) : this.waitForDeadline(query);
          case 'escalation_accept':
            return this.waitForDeadline(query);
          default:
            return {
              outcome: 'unexpected',
              message: `the coding engine asked the physician ${quote(query.question)}, which this path does not expect`,
            };
        }
      }
      case 'escalated': {
        const pending = status.pendingDecision;
        if (pending === undefined) return undefined;
        if ((scenario === 'escalation_extend' || scenario === 'escalation_accept') && this.sample.decision !== undefined) {
          const note =
            this.sample.decision.decision === 'extend'
              ? `supervisor extended the physician's deadline by ${this.sample.decision.extendBy ?? 'the default'}`
              : 'supervisor accepted the codes as they stand';
          return supervisorDecides(this.person(), pending, this.sample.decision, 'escalated', note);
        }
        return { outcome: 'unexpected', message: `escalated to a supervisor: ${pending.reason}` };
      }
      case 'denied': {
        const pending = status.pendingDecision;
        if (pending === undefined) return undefined;
        if (scenario !== 'auth_denied') return { outcome: 'unexpected', message: pending.reason };
        // First denial: resubmit with more documentation. Second: bill the patient (who signed a notice).
        const denials = status.history.filter((t) => t.to === 'denied').length;
        return denials < 2
          ? supervisorDecides(
              this.person(),
              pending,
              { decision: 'resubmit', note: 'resubmit with the neurology consult attached' },
              'denied',
              'supervisor resubmitted with more documentation',
            )
          : supervisorDecides(
              this.person(),
              pending,
              { decision: 'bill_patient', note: 'patient signed a notice of liability' },
              'denied',
              'supervisor decided to bill the patient',
            );
      }
      case 'coder_review':
        return coderAccepts(this.person(), status.history.length);
      case 'denial_review':
        return billerAppeals(this.person());
      case 'awaiting_remittance':
        return scenario === 'silent_payer' ? silentPayerVerdict(status, this.options.deadlineAt) : undefined;
      case 'awaiting_coverage':
        return billerSwitchesToSelfPay(this.person());
      case 'awaiting_visit':
        return estimateThenDocumentVisit(this.person());
      case 'needs_review':
        return { outcome: 'unexpected', message: `needs review: ${status.pendingDecision?.reason ?? 'no reason given'}` };
      case 'authorization': {
        if (status.authorization?.outcome !== 'pended') {
          this.pendedSince = undefined;
          return undefined;
        }
        if (this.pendedSince === undefined) {
          this.pendedSince = Date.now();
          this.say(`  the insurer pended the request; watching up to ${duration(this.options.pendedWaitMs)} for its follow-up`);
        }
        if (Date.now() - this.pendedSince < this.options.pendedWaitMs) return undefined;
        return {
          outcome: 'waiting',
          message:
            `waiting for the insurer's follow-up on the pended request ${status.authorization.payerReference ?? ''}: ` +
            'the workflow polls the insurer every AUTHORIZATION_POLL_INTERVAL (practice 4h; `npm run start:demo` uses 5s)',
        };
      }
      default:
        return undefined;
    }
  }

  /**
   * Nobody answers the query: wait for the deadline and the escalation when it is near enough,
   * otherwise leave the encounter waiting on the clock.
   */
  private waitForDeadline(query: OpenClarification): Verdict {
    const msLeft = Date.parse(query.dueAt) - Date.now();
    const limit = Math.min(this.options.clockWaitLimitMs, this.options.deadlineAt - Date.now() - 20_000);
    if (msLeft > limit) {
      return {
        outcome: 'waiting',
        message:
          `waits on the clock: the physician has until ${query.dueAt} (${duration(msLeft)} from now) before a supervisor is asked. ` +
          '`npm run start:demo` starts the product with short demo intervals; then `npm run demo -- --fresh`',
      };
    }
    if (!this.announcedClockWait) {
      this.announcedClockWait = true;
      this.say(`  nobody answers: the deadline passes in ${duration(msLeft)}, then a supervisor is asked`);
    }
    return undefined;
  }

  // ---- 3. the end: check where it landed ---------------------------------------------------------

  private async finish(view: EncounterView): Promise<RunResult> {
    const status = view.status;
    const expect = this.sample.expect;
    const live = view.statusSource === 'workflow';
    const problems: string[] = [];

    if (status.stage !== expect.stage) problems.push(`ended ${status.stage}, expected ${expect.stage}`);
    const asked = status.history.some((t) => t.to === 'awaiting_clarification');
    if (expect.clarification === true && !asked) problems.push('the physician was never asked, but this path expects a query');
    if (expect.clarification === false && asked) problems.push('the physician was asked, but this path expects confident coding');
    const diagnoses = view.codes?.diagnoses.map((d) => d.code) ?? status.codes?.diagnoses ?? [];
    const missing = (expect.diagnoses ?? []).filter((code) => !diagnoses.includes(code));
    if (missing.length > 0) problems.push(`final diagnoses ${diagnoses.join(', ') || '(none)'} lack ${missing.join(', ')}`);
    if (expect.denials !== undefined) {
      const denials = status.history.filter((t) => t.to === 'denied').length;
      if (denials !== expect.denials) problems.push(`denied ${denials} time(s), expected ${expect.denials}`);
    }
    if (live) {
      const outcome = status.authorization?.outcome;
      if (expect.authorization !== undefined && outcome !== expect.authorization) {
        problems.push(`authorization ${outcome ?? '(none)'}, expected ${expect.authorization}`);
      }
      if (expect.flag !== undefined && !(status.flags ?? []).some((f) => f.includes(expect.flag!))) {
        problems.push(`no flag mentioning "${expect.flag}"`);
      }
      if (expect.financialClass !== undefined && (status.financialClass ?? 'insurance') !== expect.financialClass) {
        problems.push(`financial class ${status.financialClass ?? 'insurance'}, expected ${expect.financialClass}`);
      }
    }
    if (live) problems.push(...remittanceProblems(status, expect));
    if (expect.estimate !== undefined) {
      const kinds = (await this.options.api.estimates(view.id)).map((e) => e.kind);
      if (!kinds.includes(expect.estimate))
        problems.push(`no ${expect.estimate} was given before the visit (given: ${kinds.join(', ') || 'none'})`);
    }

    const summary = [`${status.stage}`];
    const procedures = view.codes?.procedures.map((p) => (p.units !== undefined && p.units > 1 ? `${p.code}×${p.units}` : p.code)) ?? [];
    if (diagnoses.length > 0 || procedures.length > 0) summary.push(`codes ${[...diagnoses, ...procedures].join(', ')}`);
    const statementId = status.statementId ?? view.statementId;
    if (status.stage === 'billed' && statementId !== undefined) {
      const s = await this.options.api.statement(statementId);
      this.say(
        `  statement: billed ${dollars(s.billedCents)}, insurance expected ${dollars(s.insuranceExpectedCents)}, ` +
          `patient owes ${dollars(s.patientOwesCents)} by ${s.dueDate} (claim ${s.claim.claimNumber}, ${s.claim.status})`,
      );
      const paid = (status.adjudication?.remittances ?? []).reduce((sum, r) => sum + r.paidCents, 0);
      if ((status.adjudication?.remittances.length ?? 0) > 0) summary.push(`insurer paid ${dollars(paid)}`);
      summary.push(`patient owes ${dollars(s.patientOwesCents)}`);
    } else if (status.stage === 'billed') {
      problems.push('billed, but no patient statement was found');
    }
    if (!live) summary.push('(workflow did not answer: authorization and flags not checked)');

    if (problems.length > 0) return this.result('unexpected', problems.join('; '));
    return this.result('ok', summary.join('; '));
  }
}

/** True once a supervisor has extended the physician's deadline (escalated → awaiting_clarification). */
function wasExtended(history: StageTransition[]): boolean {
  return history.some((t) => t.from === 'escalated' && t.to === 'awaiting_clarification');
}
