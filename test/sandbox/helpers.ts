/** Small helpers for tests that talk to the real sandboxes over HTTP. */
import type { PriorAuthorizationRequest } from '../../integrations/insurer-contract.ts';

/**
 * How long a client here waits for a sandbox that is up: generous, because a client's timer also
 * runs while this process is not (a busy machine, a long garbage collection), and with 2 s an
 * answer that had arrived was taken for a timeout (test/sandbox/insurer.test.ts, 6 of 21 failed
 * with the test process stopped 2.5 s at a time). A test that needs a timeout has the sandbox hold
 * that one answer far longer and gives only that call SHORT_TIMEOUT_MS.
 */
export const GENEROUS_TIMEOUT_MS = 30_000;
export const SHORT_TIMEOUT_MS = 200;

export function authorizationRequest(
  overrides: Partial<PriorAuthorizationRequest> & { code?: string; units?: number; memberId?: string; payerId?: string } = {},
): PriorAuthorizationRequest {
  const { code = '99214', units = 1, memberId = 'M-100200', payerId = 'ACME-HEALTH', ...rest } = overrides;
  return {
    member: { payerId, memberId },
    provider: { npi: '1234567893' },
    services: [{ code, units, modifiers: [] }],
    diagnoses: ['M54.16'],
    dateOfService: '2026-11-20',
    urgency: 'standard',
    ...rest,
  };
}

export async function sandboxRecords<T>(url: string): Promise<T> {
  const response = await fetch(`${url}/_sandbox/records`);
  if (!response.ok) throw new Error(`records: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export async function resetSandbox(url: string): Promise<void> {
  const response = await fetch(`${url}/_sandbox/reset`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`reset: HTTP ${response.status}`);
}

export interface InsurerRecords {
  authorizations: Array<{ payerReference: string; idempotencyKey: string; replays: number; statusPolls: number }>;
  counts: { authorizationRequests: number; idempotentReplays: number; eligibilityChecks: number; faults: Record<string, number> };
}

export interface ClearinghouseRecords {
  claims: Array<{ claimNumber: string; submissions: number; acknowledgement: { status: string } }>;
  counts: { claims: number; accepted: number; rejected: number; submissions: number; faults: Record<string, number> };
}

export async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
