/**
 * The payer directory: every payer the clinic bills, with where its claims go and its
 * remittances come from, which procedures it authorizes first, and its filing, appeal and
 * follow-up limits. Kept as data (data/payers.json, or PAYER_DIRECTORY) so that operations edit
 * it without a code change; loaded into the Payer table at start (payers/sync.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_PAYER_DIRECTORY_PATH = fileURLToPath(new URL('../data/payers.json', import.meta.url));

/** An exact procedure code ("72148") or an inclusive range of codes of the same length ("70551-70553"). */
const codeSpec = z
  .string()
  .regex(/^[0-9A-Z]{5}(-[0-9A-Z]{5})?$/, 'a procedure code or an inclusive range LOW-HIGH')
  .refine((spec) => {
    const [lo, hi] = spec.split('-');
    return hi === undefined || lo! <= hi;
  }, 'a range must run from low to high');

export const priorAuthorizationRuleSchema = z.object({
  codes: z.array(codeSpec).min(1),
  note: z.string().optional(),
  /** Urgent care: the insurer decides within the expedited deadline (72 h under CMS-0057-F). */
  expedited: z.boolean().optional(),
});
export type PriorAuthRule = z.infer<typeof priorAuthorizationRuleSchema>;

/** Procedure codes this payer wants a coder to look at before the claim goes out (audited services). */
export const coderReviewRuleSchema = z.object({
  codes: z.array(codeSpec).min(1),
  note: z.string().optional(),
});
export type CoderReviewRule = z.infer<typeof coderReviewRuleSchema>;

const days = z.number().int().min(1).max(3_650);

export const payerEntrySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'letters, digits and . _ : - (at most 64)'),
  name: z.string().min(1).max(200),
  /** false: kept for its encounters, refused at intake. */
  active: z.boolean().default(true),
  /** Where the 837P goes ("clearinghouse"). */
  claimRoute: z.string().min(1).default('clearinghouse'),
  /** Where the 835 comes from ("clearinghouse-era"). */
  remittanceRoute: z.string().min(1).default('clearinghouse-era'),
  priorAuthorization: z.array(priorAuthorizationRuleSchema).default([]),
  /** Procedures a coder reviews before billing this payer (none by default). */
  coderReview: z.array(coderReviewRuleSchema).default([]),
  /** Days from the date of service within which a claim must be filed. */
  timelyFilingDays: days,
  /** Days from the remittance within which an appeal must be filed. */
  appealLimitDays: days,
  /** Claim-status follow-up interval (days) while the payer has not answered. */
  followUpDays: days,
});
export type PayerEntry = z.output<typeof payerEntrySchema>;

const directoryFileSchema = z.object({
  description: z.string().optional(),
  payers: z.array(payerEntrySchema).superRefine((payers, ctx) => {
    const seen = new Set<string>();
    payers.forEach((payer, index) => {
      if (seen.has(payer.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `payer ${payer.id} is listed twice` });
      seen.add(payer.id);
    });
  }),
});

export interface PriorAuthorizationRequirement {
  required: boolean;
  expedited?: boolean;
}

function codeInSpec(code: string, spec: string): boolean {
  const [lo, hi] = spec.split('-') as [string, string | undefined];
  if (hi === undefined) return code === lo;
  return code.length === lo.length && code >= lo && code <= hi;
}

/** Whether a rule list asks for prior authorization of a procedure code (first matching rule wins). */
export function priorAuthorizationFor(rules: readonly PriorAuthRule[], procedureCode: string): PriorAuthorizationRequirement {
  const code = procedureCode.trim().toUpperCase();
  for (const rule of rules) {
    if (rule.codes.some((spec) => codeInSpec(code, spec))) return rule.expedited ? { required: true, expedited: true } : { required: true };
  }
  return { required: false };
}

export class PayerDirectory {
  private readonly byId: ReadonlyMap<string, PayerEntry>;

  constructor(readonly payers: readonly PayerEntry[]) {
    this.byId = new Map(payers.map((payer) => [payer.id, payer]));
  }

  get(payerId: string): PayerEntry | undefined {
    return this.byId.get(payerId);
  }

  /** The codes among `procedureCodes` this payer asks a coder to review, each with the rule's note. */
  coderReviewOf(payerId: string, procedureCodes: readonly string[]): Array<{ code: string; note?: string }> {
    const rules = this.get(payerId)?.coderReview ?? [];
    const found: Array<{ code: string; note?: string }> = [];
    for (const raw of procedureCodes) {
      const code = raw.trim().toUpperCase();
      const rule = rules.find((r) => r.codes.some((spec) => codeInSpec(code, spec)));
      if (rule) found.push(rule.note !== undefined ? { code, note: rule.note } : { code });
    }
    return found;
  }

  /** Unknown payers need none (intake refuses them before anything asks). */
  requiresPriorAuthorization(payerId: string, procedureCode: string): PriorAuthorizationRequirement {
    return priorAuthorizationFor(this.get(payerId)?.priorAuthorization ?? [], procedureCode);
  }
}

/** Reads and validates a directory file; the error names the file and the first bad field. */
export function loadPayerDirectory(path: string = DEFAULT_PAYER_DIRECTORY_PATH): PayerDirectory {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`payer directory ${path} could not be read: ${(error as Error).message}`, { cause: error });
  }
  const parsed = directoryFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`payer directory ${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return new PayerDirectory(parsed.data.payers);
}
