/**
 * Payer prior-authorization rules, kept as data (data/payer-rules.json) so that operations can edit
 * them without a code change. The worker hands them to the activities with the coding engine
 * (CodingEngine.requiresPriorAuthorization); activities/authorization.ts asks them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PriorAuthRule {
  /** Exact codes ("72148") or inclusive ranges ("70551-70553"). */
  codes: string[];
  note?: string;
  expedited?: boolean;
}

export interface PayerRules {
  payers: Record<string, { priorAuthorization: PriorAuthRule[] }>;
  /** Prior-authorization check against this rule book. */
  requiresPriorAuthorization(payerId: string, procedureCode: string): { required: boolean; expedited?: boolean };
}

export const DEFAULT_PAYER_RULES_PATH = fileURLToPath(new URL('../data/payer-rules.json', import.meta.url));

let loaded: PayerRules | undefined;

/** Loads (and makes current) the payer rules; throws on a malformed file. */
export function loadPayerRules(path: string = DEFAULT_PAYER_RULES_PATH): PayerRules {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<PayerRules>;
  if (!parsed.payers || typeof parsed.payers !== 'object') throw new Error(`payer rules file has no "payers" object: ${path}`);
  for (const [payer, rules] of Object.entries(parsed.payers)) {
    if (!Array.isArray(rules.priorAuthorization)) throw new Error(`payer ${payer} has no priorAuthorization list`);
  }
  const payers = parsed.payers;
  const book: PayerRules = { payers, requiresPriorAuthorization: (payerId, code) => checkPriorAuthorization(payers, payerId, code) };
  loaded = book;
  return book;
}

function codeInRule(code: string, spec: string): boolean {
  const [lo, hi] = spec.split('-');
  if (hi === undefined) return code === lo;
  return code.length === (lo ?? '').length && code >= (lo ?? '') && code <= hi;
}

function checkPriorAuthorization(payers: PayerRules['payers'], payerId: string, procedureCode: string): { required: boolean; expedited?: boolean } {
  const code = procedureCode.trim().toUpperCase();
  for (const rule of payers[payerId]?.priorAuthorization ?? []) {
    if (rule.codes.some((spec) => codeInRule(code, spec))) return rule.expedited ? { required: true, expedited: true } : { required: true };
  }
  return { required: false };
}

/**
 * Whether the payer needs prior authorization for a procedure code, by the rules last loaded
 * (the default file when none was loaded). Unknown payers: not required.
 */
export function requiresPriorAuthorization(payerId: string, procedureCode: string): { required: boolean; expedited?: boolean } {
  return (loaded ?? loadPayerRules()).requiresPriorAuthorization(payerId, procedureCode);
}
