/** Builds the activities' dependencies from configuration: the real database, engine and external parties. */
import { MessageProofKeys } from '../platform/message-proof.ts';
import type { ActivityDeps } from '../activities/deps.ts';
import { loadFeeSchedule } from '../billing/fee-schedule.ts';
import { ClearinghouseClient } from '../integrations/clearinghouse-client.ts';
import { InsurerClient } from '../integrations/insurer-client.ts';
import type { AppConfig } from '../platform/config.ts';
import type { PrismaClient } from '../platform/db.ts';
import { loadPayerDirectory } from '../payers/directory.ts';
import { loadCodingEngine } from './coding-engine.ts';
import { loadStraightThroughPolicy } from '../activities/straight-through-policy.ts';

export interface ExternalParties {
  insurerUrl: string;
  clearinghouseUrl: string;
  /** The payment provider (the payment sandbox under npm start). */
  paymentProviderUrl: string;
}

export async function buildActivityDeps(config: AppConfig, prisma: PrismaClient, parties: ExternalParties): Promise<ActivityDeps> {
  // First: a calibration that does not qualify stops the start-up before anything else loads.
  const straightThrough = loadStraightThroughPolicy(config.straightThroughCalibrationPath);
  return {
    prisma,
    straightThrough,
    coding: await loadCodingEngine({ procedureCatalogPath: config.procedureCatalogPath }),
    insurer: new InsurerClient(parties.insurerUrl, { timeoutMs: config.externalTimeoutMs }),
    clearinghouse: new ClearinghouseClient(parties.clearinghouseUrl, { timeoutMs: config.externalTimeoutMs }),
    feeSchedule: loadFeeSchedule(config.feeSchedulePath),
    payers: loadPayerDirectory(config.payerDirectoryPath),
    notifications: {
      physicianWebhookUrl: config.physicianWebhookUrl,
      supervisorWebhookUrl: config.supervisorWebhookUrl,
      patientWebhookUrl: config.patientWebhookUrl,
      billerWebhookUrl: config.billerWebhookUrl,
      signingSecret: config.webhookSigningSecret,
      apiBaseUrl: config.api.publicUrl,
      timeoutMs: config.externalTimeoutMs,
    },
    statementCycle: config.statementCycle,
    messageProof:
      config.payloadEncryptionKeys === undefined ? undefined : MessageProofKeys.fromPayloadKeySpec(config.payloadEncryptionKeys),
    billing: {
      statementDueDays: config.statementDueDays,
      senderId: config.x12SenderId,
      receiverId: config.x12ReceiverId,
      billingProvider: config.billingProvider,
      remitTo: config.remitTo,
    },
  };
}
