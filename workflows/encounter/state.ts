/**
 * What one encounter workflow knows, and the small moves every stage makes with it: the status a
 * client can query, the inputs that arrived by message and wait to be taken (an answer, an
 * override, a supervisor's decision, a cancellation), moving to a stage, stopping when cancelled,
 * and parking the encounter for a supervisor. Stages (coding.ts, authorization.ts, billing.ts)
 * receive it; message handlers (handlers.ts) fill its pending inputs.
 */
import { ActivityFailure, ApplicationFailure, condition, patched, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import type { CodingSummary } from '../../activities/index.ts';
import type { CarriedTransitions, TransitionRecord } from '../../activities/records.ts';
import { DATE_OF_SERVICE, ENCOUNTER_STAGE, PAYER_ID, monthOfService } from '../../platform/search-attributes.ts';
import { external, internal } from '../activities.ts';
import type { EncounterWorkflowInput } from '../config.ts';
import { CLAIM_CARRIES_AWAITING, DATE_OF_SERVICE_MONTH, FEWER_ROUND_TRIPS, INTERNAL_STEPS_LOCAL, TRANSITIONS_CARRIED } from '../patches.ts';
import type {
  CancelRequest,
  ClarificationAnswerInput,
  CodeOverride,
  CoverageCorrection,
  CoderReviewAction,
  DenialAction,
  EncounterStatus,
  PendingDecision,
  SupervisorDecision,
  SupervisorDecisionKind,
} from '../messages.ts';
import type { Stage } from '../stages.ts';

/** A transition as the activities record it, between two of the workflow's stages. */
type StageTransition = TransitionRecord & { from: Stage; to: Stage };

/** Thrown at a checkpoint once the encounter was cancelled; the workflow function ends it. */
export class EncounterCancelled extends Error {
  constructor(readonly request: CancelRequest) {
    super('encounter cancelled');
  }
}

/** The message of an activity's failure, for a flag or a supervisor; `fallback` when it has none to show. */
export function failureMessage(err: ActivityFailure, fallback: string): string {
  return err.cause instanceof ApplicationFailure ? err.cause.message : fallback;
}

export class EncounterState {
  readonly status: EncounterStatus;
  /** A physician's answer to the open clarification query, not yet taken. */
  pendingAnswer?: ClarificationAnswerInput;
  /** A coder's codes, not yet applied. */
  pendingOverride?: CodeOverride;
  /** A supervisor's decision on the pending question, not yet taken. */
  pendingDecision?: SupervisorDecision;
  /** Set once; the encounter stops at its next checkpoint. */
  cancelRequest?: CancelRequest;
  /** A biller's correction of coverage or demographics (or a switch to self-pay), not yet taken. */
  pendingCoverageCorrection?: CoverageCorrection;
  /** A coverage correction is being stored (its update handler awaits the activity). */
  correctionInProgress = false;
  /** Coverage or demographics changed after the last eligibility check: check again before the claim. */
  coverageChangedSinceCheck = false;
  /** How many eligibility inquiries this encounter made (each has its own idempotency key). */
  eligibilityChecks = 0;
  /** A coder's accept or query in coder_review, not yet taken (edits arrive as pendingOverride). */
  pendingCoderAction?: CoderReviewAction;
  /** The codes waiting in coder_review (what an accept bills). */
  underReview?: CodingSummary;
  /** True while a coder's codes are being checked (one check at a time). */
  checkingCoderCodes = false;
  /** The physician's answers so far, in order (each re-coding reads them all). */
  readonly answers: ClarificationAnswerInput[] = [];
  /** A biller's action on open denials, not yet taken. */
  pendingDenialAction?: DenialAction;
  /** The attempt number of the last claim submitted (claim numbers are per attempt). */
  claimAttempt = 0;
  /**
   * Which of the markers that stand for every marker before them this encounter recorded, decided
   * once at the start (the SDK answers false while replaying a history without a marker, and could
   * answer true later in the same run): 3 INTERNAL_STEPS_LOCAL, 2 CLAIM_CARRIES_AWAITING, 1 FEWER_ROUND_TRIPS, 0 neither
   * (each marker recorded for itself). A new encounter records the newest one only.
   */
  readonly level: 0 | 1 | 2 | 3;
  /** TRANSITIONS_CARRIED: the main path's activities write the stage transitions (moveToCarried, moveAfter). */
  readonly transitionsCarried: boolean;

  constructor(readonly input: EncounterWorkflowInput) {
    this.payerId = input.payerId;
    this.level = patched(INTERNAL_STEPS_LOCAL) ? 3 : patched(CLAIM_CARRIES_AWAITING) ? 2 : patched(FEWER_ROUND_TRIPS) ? 1 : 0;
    this.transitionsCarried = this.uses(TRANSITIONS_CARRIED);
    const startedAt = new Date().toISOString();
    this.status = {
      encounterId: input.encounterId,
      stage: 'received',
      startedAt,
      updatedAt: startedAt,
      codingRevision: 0,
      codes: { diagnoses: [], procedures: [] },
      flags: [],
      history: [],
    };
  }

  get encounterId(): string {
    return this.input.encounterId;
  }

  /** The payer the encounter is billed to now (a biller's coverage correction may change it). */
  payerId: string;

  /** Workflow time in milliseconds (deterministic: the workflow clock). */
  now(): number {
    return Date.now();
  }

  /** A note a biller should see on the encounter. */
  flag(note: string): void {
    this.status.flags.push(note);
  }

  /** Stops the encounter here when it was cancelled. */
  checkpoint(): void {
    if (this.cancelRequest) throw new EncounterCancelled(this.cancelRequest);
  }

  /**
   * Whether the behaviour change of marker `patchId` (patches.ts) applies: always behind
   * FEWER_ROUND_TRIPS (one marker for all of them), otherwise as the SDK's `patched()` says.
   */
  uses(patchId: string): boolean {
    return this.fewerRoundTrips || patched(patchId);
  }

  /** FEWER_ROUND_TRIPS or a later marker that stands for it. */
  get fewerRoundTrips(): boolean {
    return this.level >= 1;
  }

  /**
   * Makes the encounter findable by payer, month of service and stage. Behind FEWER_ROUND_TRIPS,
   * nothing to do when the start carried them already (platform/encounter-workflow-start.ts).
   */
  publishSearchAttributes(): void {
    if (this.fewerRoundTrips && workflowInfo().typedSearchAttributes.get(ENCOUNTER_STAGE) !== undefined) return;
    const dateOfService = this.uses(DATE_OF_SERVICE_MONTH)
      ? monthOfService(this.input.dateOfService)
      : new Date(`${this.input.dateOfService}T00:00:00Z`);
    upsertSearchAttributes([
      { key: PAYER_ID, value: this.payerId },
      { key: DATE_OF_SERVICE, value: dateOfService },
      { key: ENCOUNTER_STAGE, value: this.status.stage },
    ]);
  }

  /** Moves to `to` and records the transition with an activity of its own. */
  async moveTo(to: Stage, reason?: string, actor?: string): Promise<void> {
    await internal.recordTransition(this.enter(this.transition(to, reason, actor)));
  }

  /**
   * Moves to `to` and returns the transition for the activity that follows to write (its
   * `transitions`): behind TRANSITIONS_CARRIED the main path's activities record the stage they
   * run in, a workflow task fewer per stage. Before it: recorded here, and nothing to carry.
   */
  async moveToCarried(to: Stage, reason?: string): Promise<CarriedTransitions> {
    if (!this.transitionsCarried) {
      await this.moveTo(to, reason);
      return {};
    }
    return { transitions: [this.enter(this.transition(to, reason))] };
  }

  /**
   * Runs the activity that completes a stage, which writes the move to `to` once its own work
   * succeeded (TRANSITIONS_CARRIED), and moves there when it returns. Before TRANSITIONS_CARRIED
   * the activity runs alone and the caller moves on with moveTo.
   */
  async moveAfter<T>(to: Stage, activity: (carried: CarriedTransitions) => Promise<T>): Promise<T> {
    if (!this.transitionsCarried) return activity({});
    const transition = this.transition(to);
    const result = await activity({ transitions: [transition] });
    this.enter(transition);
    return result;
  }

  /**
   * The move to `to` that an activity writes only when its work turns out that way (the claim
   * accepted): returned for the activity, entered with enterCarried once it says so.
   */
  transitionIfSo(to: Stage): StageTransition {
    return this.transition(to);
  }

  /** Enters a transition an activity wrote (transitionIfSo). */
  enterCarried(t: StageTransition): void {
    this.enter(t);
  }

  /** The next transition from the current stage, at the workflow's time. */
  private transition(to: Stage, reason?: string, actor?: string): StageTransition {
    const at = new Date().toISOString();
    return { encounterId: this.encounterId, sequence: this.status.history.length + 1, from: this.status.stage, to, at, reason, actor };
  }

  /** Applies a transition to the status and the stage search attribute; returns it for the record. */
  private enter(t: StageTransition): StageTransition {
    const { from, to, at, reason, actor } = t;
    this.status.history.push({ from, to, at, reason, actor });
    this.status.stage = to;
    this.status.updatedAt = at;
    upsertSearchAttributes([{ key: ENCOUNTER_STAGE, value: to }]);
    return t;
  }

  applyCoding(summary: CodingSummary): void {
    this.status.codingRevision = summary.revision;
    this.status.codes = {
      diagnoses: summary.diagnoses.map((d) => d.code),
      procedures: summary.procedures.map((p) => ({ code: p.code, units: p.units, modifiers: p.modifiers })),
    };
  }

  /** Applies the pending override as the next coding revision. */
  async applyOverride(): Promise<CodingSummary> {
    const override = this.pendingOverride!;
    this.pendingOverride = undefined;
    const summary = await internal.applyCoderOverride({
      encounterId: this.encounterId,
      revision: this.status.codingRevision + 1,
      override,
    });
    this.applyCoding(summary);
    this.flag(`codes overridden by coder ${override.overriddenBy}`);
    return summary;
  }

  /** Applies the pending override; a rejected one (e.g. a code not in the code sets) is flagged and dropped. */
  async tryOverride(): Promise<CodingSummary | undefined> {
    try {
      return await this.applyOverride();
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      this.flag(`a coder's override was rejected: ${failureMessage(err, 'the codes could not be applied')}`);
      return undefined;
    }
  }

  /**
   * Parks the encounter at `stage` for a supervisor and waits for a decision that fits the
   * situation. Returns undefined when `alsoWakeOn` ended the wait instead (e.g. a late answer).
   */
  async awaitSupervisor(
    stage: Stage,
    kind: PendingDecision['kind'],
    reason: string,
    allowed: SupervisorDecisionKind[],
    alsoWakeOn: () => boolean = () => false,
  ): Promise<SupervisorDecision | undefined> {
    const { encounterId, status } = this;
    status.pendingDecision = { id: uuid4(), kind, reason, allowed, since: new Date().toISOString() };
    await this.moveTo(stage, reason);
    await external.notifySupervisor({ encounterId, kind, reason });
    for (;;) {
      await condition(() => this.cancelRequest !== undefined || this.pendingDecision !== undefined || alsoWakeOn());
      this.checkpoint();
      if (!this.pendingDecision) {
        status.pendingDecision = undefined;
        return undefined;
      }
      const decision = this.pendingDecision;
      this.pendingDecision = undefined;
      if (decision.decision === 'cancel') {
        throw new EncounterCancelled({ cancelledBy: decision.decidedBy, reason: decision.note ?? 'supervisor cancelled' });
      }
      if (allowed.includes(decision.decision)) {
        status.pendingDecision = undefined;
        await internal.recordAudit({
          encounterId,
          actor: decision.decidedBy,
          role: 'supervisor',
          action: `decision:${decision.decision}`,
          detail: { kind, note: decision.note ?? null, extendBy: decision.extendBy ?? null },
          idempotencyKey: `${encounterId}:decision:${uuid4()}`,
        });
        return decision;
      }
      this.flag(`ignored supervisor decision "${decision.decision}" (allowed: ${allowed.join(', ')})`);
    }
  }

  /** Ends a cancelled encounter: the open query is withdrawn, nothing is left pending. */
  async cancel(request: CancelRequest): Promise<void> {
    if (this.status.openQuery) {
      await internal.closeClarificationQuery({ queryId: this.status.openQuery.queryId, status: 'withdrawn' });
      this.status.openQuery = undefined;
    }
    this.status.pendingDecision = undefined;
    this.status.coderReview = undefined;
    await this.moveTo('cancelled', request.reason, request.cancelledBy);
  }
}
