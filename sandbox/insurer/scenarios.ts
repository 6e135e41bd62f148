/** The insurer sandbox's script: which decision each prior-authorization request gets, and members' benefits. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { faultConfigSchema } from '../shared/faults.ts';
import type { ParsedPriorAuthorizationRequest } from '../../integrations/insurer-contract.ts';

export const DEFAULT_INSURER_SCENARIO_PATH = fileURLToPath(new URL('../../data/sandbox/insurer-scenarios.json', import.meta.url));

const reasonSchema = z.object({ code: z.string(), text: z.string() });

const finalDecisionSchema = z.object({
  outcome: z.enum(['certified', 'partial', 'denied', 'modified']),
  reason: reasonSchema.optional(),
  /** partial: units certified per matched code. */
  maxUnits: z.number().int().min(0).optional(),
  /** modified: the code certified instead of the matched one. */
  replaceCode: z.string().optional(),
});

const decisionSchema = z.union([
  finalDecisionSchema,
  z.object({
    outcome: z.literal('pended'),
    /** Decided once the status was polled this many times ... */
    afterPolls: z.number().int().min(0).optional(),
    /** ... or this many seconds after receipt, whichever comes first. */
    afterSeconds: z.number().min(0).optional(),
    then: finalDecisionSchema,
  }),
]);

const scriptDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const benefitsSchema = z.object({
  active: z.boolean(),
  copayCents: z.number().int().min(0),
  coinsuranceBps: z.number().int().min(0).max(10_000),
  deductibleCents: z.number().int().min(0),
  deductibleMetCents: z.number().int().min(0),
  /** Out-of-pocket maximum and what the member has paid towards it this plan year. */
  outOfPocketMaxCents: z.number().int().min(0).default(600_000),
  outOfPocketMetCents: z.number().int().min(0).default(0),
  planName: z.string().default('Demo PPO'),
  /** Coverage dates; unset: the calendar year of the date of service. Outside them the member is inactive. */
  planBegin: scriptDate.optional(),
  planEnd: scriptDate.optional(),
  /** The enrolled subscriber, checked against an inquiry that names one (AAA 71/73 on a mismatch). */
  subscriber: z.object({ lastName: z.string().optional(), dateOfBirth: scriptDate.optional() }).optional(),
});

export const insurerScenarioSchema = z.object({
  description: z.string().optional(),
  faults: faultConfigSchema.partial().default({}),
  authorization: z.object({
    validityDays: z.number().int().min(1).default(90),
    rules: z.array(
      z.object({
        name: z.string(),
        match: z.object({ payerId: z.string().optional(), memberId: z.string().optional(), code: z.string().optional() }),
        decision: decisionSchema,
      }),
    ),
    default: decisionSchema,
  }),
  eligibility: z.object({
    default: benefitsSchema,
    payers: z.record(z.string(), benefitsSchema).default({}),
    members: z.record(z.string(), z.union([benefitsSchema, z.object({ unknown: z.literal(true) })])).default({}),
  }),
});

export type InsurerScenario = z.output<typeof insurerScenarioSchema>;
export type ScriptedDecision = z.output<typeof decisionSchema>;
export type FinalDecision = z.output<typeof finalDecisionSchema>;
export type ScriptedBenefits = z.output<typeof benefitsSchema>;

export function loadInsurerScenario(path: string = DEFAULT_INSURER_SCENARIO_PATH): InsurerScenario {
  return insurerScenarioSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export interface MatchedDecision {
  ruleName: string;
  decision: ScriptedDecision;
  /** The service code the rule matched on, when it matched on a code. */
  matchedCode?: string;
}

/** First rule whose every given match field fits the request wins; else the default decision. */
export function matchDecision(scenario: InsurerScenario, request: ParsedPriorAuthorizationRequest): MatchedDecision {
  for (const rule of scenario.authorization.rules) {
    const { payerId, memberId, code } = rule.match;
    if (payerId !== undefined && payerId !== request.member.payerId) continue;
    if (memberId !== undefined && memberId !== request.member.memberId) continue;
    if (code !== undefined && !request.services.some((service) => service.code === code)) continue;
    return code === undefined
      ? { ruleName: rule.name, decision: rule.decision }
      : { ruleName: rule.name, decision: rule.decision, matchedCode: code };
  }
  return { ruleName: 'default', decision: scenario.authorization.default };
}

/** Benefits for a member: member script, else payer default, else global default; undefined = unknown member. */
export function lookupBenefits(scenario: InsurerScenario, payerId: string, memberId: string): ScriptedBenefits | undefined {
  const scripted = scenario.eligibility.members[memberId];
  if (scripted && 'unknown' in scripted) return undefined;
  return scripted ?? scenario.eligibility.payers[payerId] ?? scenario.eligibility.default;
}
