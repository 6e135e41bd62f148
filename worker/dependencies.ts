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
import {
  loadStraightThroughPolicy,
  MIN_STRAIGHT_THROUGH_PRECISION,
  type StraightThroughPolicy,
} from '../activities/straight-through-policy.ts';
import { straightThroughConfig, type StraightThroughConfig } from '../coding/straight-through.ts';

export interface ExternalParties {
  insurerUrl: string;
  clearinghouseUrl: string;
  /** The payment provider (the payment sandbox under npm start). */
  paymentProviderUrl: string;
}

/**
 * The calibration the engine reads its confidence with: an enabled policy's threshold, with the
 * record's own table when it has one (else the shipped table); off, the shipped record as it is.
 */
export function engineCalibration(policy: StraightThroughPolicy): StraightThroughConfig | undefined {
  if (!policy.enabled) return undefined;
  return {
    threshold: policy.threshold,
    targetPrecision: MIN_STRAIGHT_THROUGH_PRECISION,
    calibration: policy.calibration ?? straightThroughConfig().calibration,
    source: `${policy.path} (measured straight-through precision ${policy.measuredPrecision}: ${policy.measuredOn})`,
  };
}

export async function buildActivityDeps(config: AppConfig, prisma: PrismaClient, parties: ExternalParties): Promise<ActivityDeps> {
  // First: a calibration that does not qualify stops the start-up before anything else loads.
  const straightThrough = loadStraightThroughPolicy(config.straightThroughCalibrationPath);
  return {
    prisma,
    straightThrough,
    coding: await loadCodingEngine({
      procedureCatalogPath: config.procedureCatalogPath,
      straightThrough: engineCalibration(straightThrough),
    }),
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
