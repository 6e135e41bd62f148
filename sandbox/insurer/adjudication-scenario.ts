/**
 * The `adjudication` part of the insurer's scenario file: how long the payer takes, what it
 * allows, and per payer/member/code what happens to a line (paid with cost sharing, denied or
 * non-covered with reason codes), whether a claim stays silent until a status inquiry, whether
 * its remittance is delivered twice, whether the payer rejects it at its front door (277CA A3),
 * and what an appeal of a denied line leads to.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ADJUSTMENT_GROUPS } from '../../billing/remittance.ts';
import { DEFAULT_INSURER_SCENARIO_PATH } from './scenarios.ts';

const lineOutcomeSchema = z.object({
  /**
   * denied: the payer pays nothing for a reason; noncovered: the plan does not cover it;
   * patient_share: the payer pays nothing and puts the allowed amount on the patient under this
   * group/reason (e.g. PR-1, the deductible) — adjudicated, not denied, so the patient is billed.
   */
  outcome: z.enum(['denied', 'noncovered', 'patient_share']),
  group: z.enum(ADJUSTMENT_GROUPS),
  /** CARC, e.g. 50 not medically necessary, 4 modifier missing, 197 no precertification, 204 not covered. */
  reasonCode: z.string().min(1),
  /** RARC, e.g. N115, N519. */
  remarkCodes: z.array(z.string()).default([]),
});

const ruleSchema = z.object({
  name: z.string(),
  match: z.object({
    payerId: z.string().optional(),
    memberId: z.string().optional(),
    code: z.string().optional(),
    /** Matches a line of `code` billed without this modifier (a corrected claim adds it). */
    withoutModifier: z.string().optional(),
  }),
  /** What happens to the matching lines (default: paid). */
  line: lineOutcomeSchema.optional(),
  /** An appeal of a line this rule denied: paid (overturned) or upheld. */
  appeal: z.enum(['paid', 'upheld']).default('upheld'),
  /** The claim is not adjudicated until this many status inquiries (276) came in. */
  silentUntilInquiries: z.number().int().min(0).optional(),
  /** The clearinghouse delivers the claim's remittance twice (a duplicate 835). */
  deliverTwice: z.boolean().default(false),
  /** The payer rejects (277CA A3) the member's first `claims` claims with this reason; later ones are accepted. */
  rejectFirst: z.object({ claims: z.number().int().min(1), code: z.string().min(1), message: z.string().min(1) }).optional(),
});

export const adjudicationScenarioSchema = z.object({
  /** Seconds between the payer's acceptance of a claim (or an appeal) and its remittance. */
  delaySeconds: z.number().min(0).default(2),
  /** Allowed amount as basis points of the charge (the contract's discount is adjusted CO-45). */
  allowedBps: z.number().int().min(0).max(10_000).default(8000),
  payer: z
    .object({
      taxId: z.string().regex(/^\d{9}$/),
      address: z.object({ line1: z.string(), city: z.string(), state: z.string().length(2), postalCode: z.string() }),
      phone: z.string().regex(/^\d{10}$/),
    })
    .default({
      taxId: '061234567',
      address: { line1: '1 PAYER PLAZA', city: 'HARTFORD', state: 'CT', postalCode: '06101' },
      phone: '8005550100',
    }),
  rules: z.array(ruleSchema).default([]),
});

export type AdjudicationScenario = z.output<typeof adjudicationScenarioSchema>;
export type AdjudicationRule = z.output<typeof ruleSchema>;

export function loadAdjudicationScenario(path: string = DEFAULT_INSURER_SCENARIO_PATH): AdjudicationScenario {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { adjudication?: unknown };
  return adjudicationScenarioSchema.parse(file.adjudication ?? {});
}

interface ClaimFacts {
  payerId: string;
  memberId: string;
}

function fits(rule: AdjudicationRule, claim: ClaimFacts, line?: { code: string; modifiers: string[] }): boolean {
  const m = rule.match;
  if (m.payerId !== undefined && m.payerId !== claim.payerId) return false;
  if (m.memberId !== undefined && m.memberId !== claim.memberId) return false;
  if (line === undefined) return m.code === undefined;
  if (m.code !== undefined && m.code !== line.code) return false;
  if (m.withoutModifier !== undefined && line.modifiers.includes(m.withoutModifier)) return false;
  return true;
}

/** The first rule with a line outcome that fits the line. */
export function lineRule(
  scenario: AdjudicationScenario,
  claim: ClaimFacts,
  line: { code: string; modifiers: string[] },
): AdjudicationRule | undefined {
  return scenario.rules.find((rule) => rule.line !== undefined && fits(rule, claim, line));
}

/** Claim-level behaviour (silence, duplicate delivery) from rules without a code, or with a code one of the lines has. */
export function claimRules(
  scenario: AdjudicationScenario,
  claim: ClaimFacts,
  lines: Array<{ code: string; modifiers: string[] }>,
): AdjudicationRule[] {
  return scenario.rules.filter(
    (rule) => rule.line === undefined && (fits(rule, claim) || lines.some((l) => rule.match.code !== undefined && fits(rule, claim, l))),
  );
}
