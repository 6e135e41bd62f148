/** Builds the activities' dependencies from configuration: the real database, engine and external parties. */
import type { ActivityDeps } from '../activities/deps.ts';
import { loadFeeSchedule } from '../billing/fee-schedule.ts';
import { ClearinghouseClient } from '../integrations/clearinghouse-client.ts';
import { InsurerClient } from '../integrations/insurer-client.ts';
import type { AppConfig } from '../platform/config.ts';
import type { PrismaClient } from '../platform/db.ts';
import { loadPayerDirectory } from '../payers/directory.ts';
import { loadCodingEngine } from './coding-engine.ts';

/** The clinic that bills: demo values unless BILLING_PROVIDER_* are set. */
export function billingProviderFromEnv(env: Record<string, string | undefined> = process.env) {
  return {
    npi: env['BILLING_PROVIDER_NPI'] ?? '1245319599',
    taxonomy: env['BILLING_PROVIDER_TAXONOMY'] ?? '261QP2300X',
    name: env['BILLING_PROVIDER_NAME'] ?? 'ENCOUNTERFLOW DEMO CLINIC',
    taxId: env['BILLING_PROVIDER_TAX_ID'] ?? '123456789',
    address: {
      line1: env['BILLING_PROVIDER_ADDRESS'] ?? '100 MAIN STREET',
      city: env['BILLING_PROVIDER_CITY'] ?? 'SPRINGFIELD',
      state: env['BILLING_PROVIDER_STATE'] ?? 'IL',
      postalCode: env['BILLING_PROVIDER_POSTAL_CODE'] ?? '627010000',
    },
  };
}

export interface ExternalParties {
  insurerUrl: string;
  clearinghouseUrl: string;
}

export async function buildActivityDeps(config: AppConfig, prisma: PrismaClient, parties: ExternalParties): Promise<ActivityDeps> {
  return {
    prisma,
    coding: await loadCodingEngine({ procedureCatalogPath: config.procedureCatalogPath }),
    insurer: new InsurerClient(parties.insurerUrl, { timeoutMs: config.externalTimeoutMs }),
    clearinghouse: new ClearinghouseClient(parties.clearinghouseUrl, { timeoutMs: config.externalTimeoutMs }),
    feeSchedule: loadFeeSchedule(config.feeSchedulePath),
    payers: loadPayerDirectory(config.payerDirectoryPath),
    notifications: {
      physicianWebhookUrl: config.physicianWebhookUrl,
      supervisorWebhookUrl: config.supervisorWebhookUrl,
      signingSecret: config.webhookSigningSecret,
      apiBaseUrl: config.api.publicUrl,
      timeoutMs: config.externalTimeoutMs,
    },
    billing: {
      statementDueDays: config.statementDueDays,
      senderId: config.x12SenderId,
      receiverId: config.x12ReceiverId,
      billingProvider: billingProviderFromEnv(),
    },
  };
}
