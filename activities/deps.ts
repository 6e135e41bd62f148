/**
 * What the activities need from the outside world, handed in by the worker (dependency injection,
 * so tests can give real parts pointed at test databases and sandboxes).
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { CodingInput, CodingResult, CodedDiagnosis, CodedProcedure, EditFinding } from '../domain/coding.ts';
import type { Sex } from '../domain/encounter.ts';
import type { InsurerClient } from '../integrations/insurer-client.ts';
import type { ClearinghouseClient } from '../integrations/clearinghouse-client.ts';
import type { FeeSchedule } from '../billing/fee-schedule.ts';
import type { BillingProvider } from '../billing/types.ts';
import type { PayerDirectory } from '../payers/directory.ts';
import type { StraightThroughPolicy } from './straight-through-policy.ts';
import type { MessageProofKeys } from '../platform/message-proof.ts';
import type { StatementCycleSchedule } from '../workflows/statement-cycle-config.ts';

/** The coding engine as the activities see it (coding/ implements it). */
export interface CodingEngine {
  code(input: CodingInput): CodingResult;
  /** Looks up a code a coder typed; undefined when it is not in the code sets. */
  describe(system: 'ICD-10-CM' | 'PROCEDURE', code: string): { description: string; system: string } | undefined;
  edits(diagnoses: CodedDiagnosis[], procedures: CodedProcedure[], patient: { ageYears: number; sex: Sex }): EditFinding[];
  codeSetVersions(): Record<string, string>;
}

export interface NotificationSettings {
  /** Where new clarification queries and reminders are announced (a signed webhook); none = inbox only. */
  physicianWebhookUrl?: string;
  /** Where escalations are announced; none = the supervisor's worklist only. */
  supervisorWebhookUrl?: string;
  /** The clinic's patient messaging: told when a patient's question is received and answered (ids and links only). */
  patientWebhookUrl?: string;
  /** Where billers are reminded of open patient questions; none = their worklist only. */
  billerWebhookUrl?: string;
  /** Key of the Standard Webhooks signature (integrations/webhook-signing.ts). */
  signingSecret: string;
  /** Public base URL of the API, for links in notifications. */
  apiBaseUrl: string;
  timeoutMs: number;
}

export interface RemitTo {
  name: string;
  line1: string;
  city: string;
  state: string;
  postalCode: string;
  /** 10 digits */
  phone: string;
}

export interface BillingSettings {
  statementDueDays: number;
  /** X12 interchange sender and receiver ids. */
  senderId: string;
  receiverId: string;
  /** Where patients send payments and call with questions (printed on statements). */
  remitTo: RemitTo;
  /** The clinic that bills (group NPI, tax id, address). */
  billingProvider: BillingProvider;
}

export interface ActivityDeps {
  prisma: PrismaClient;
  coding: CodingEngine;
  insurer: InsurerClient;
  clearinghouse: ClearinghouseClient;
  feeSchedule: FeeSchedule;
  /** The payer directory as loaded at start (the Payer table holds the same, synced). */
  payers: PayerDirectory;
  /** Whether codes may be billed without a coder (activities/straight-through-policy.ts). */
  straightThrough: StraightThroughPolicy;
  notifications: NotificationSettings;
  billing: BillingSettings;
  /** The schedule each new statement's cycle starts with; absent: no cycle is started at issue (the worker's sweep starts it). */
  statementCycle?: StatementCycleSchedule;
  /** Checks that a signal or update was sent by the API; without keys every message is refused. */
  messageProof?: MessageProofKeys;
}
