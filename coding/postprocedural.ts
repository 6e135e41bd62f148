/**
 * A gland's hypofunction after the procedure that removed or ablated the gland is postprocedural:
 * the classification gives it its own code in E89 ("Postprocedural endocrine and metabolic
 * complications and disorders"; E89.0 includes postsurgical and postirradiation hypothyroidism; the
 * Index: Hypothyroidism, postsurgical E89.0), not the condition's unspecified or "other" code. The
 * record need not write "after" on the same line: a hypothyroidism on the diagnosis list of a patient
 * the record says had a thyroidectomy (surgical history, a dated "s/p", the plan) is E89.0, whatever
 * the physician wrote (guideline I.B.2: code to the highest specificity the record documents).
 *
 * A relative's procedure, or one the record denies, says nothing of the patient's gland.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { matchesPattern } from './icd10cm.ts';

interface Postprocedural {
  /** The condition's codes that say no cause (unspecified, other). */
  conditions: readonly string[];
  /** The procedure that removed or ablated the gland, as the record states it. */
  procedure: RegExp;
  /** The E89 code. */
  code: string;
}

const THYROID_REMOVED = /\b(?:hemi-?)?thyroidectom\w*|\b(?:radioactive iodine|rai|i-?131)\s+(?:ablation|therapy|treatment)\b/i;

/** Data: each hypofunction with the procedures on its gland (E89.1 hypoinsulinemia has its own diabetes rules). */
const POSTPROCEDURAL: readonly Postprocedural[] = [
  { conditions: ['E03.8', 'E03.9'], procedure: THYROID_REMOVED, code: 'E89.0' },
  { conditions: ['E20.8', 'E20.9'], procedure: /\b(?:para)?thyroidectom\w*/i, code: 'E89.2' },
  { conditions: ['E23.0'], procedure: /\bhypophysectom\w*|\btranssphenoidal (?:resection|surgery)\b/i, code: 'E89.3' },
  { conditions: ['E29.1'], procedure: /\b(?:bilateral )?orchiectom\w*/i, code: 'E89.5' },
  { conditions: ['E27.1', 'E27.40'], procedure: /\badrenalectom\w*/i, code: 'E89.6' },
];

/** The record's statement of a procedure the patient had (not a relative's, not one denied). */
function statedProcedure(run: CodingRun, procedure: RegExp): string | undefined {
  const own = (m: { assertion: string; original: string }) =>
    m.assertion !== 'family-history' && m.assertion !== 'negated' && procedure.test(m.original);
  return run.notes.find(own)?.original ?? [...run.mentions.values()].find(own)?.original;
}

/** Step: a hypofunction of a gland the record says was removed or ablated, coded to its E89 code. */
export function postproceduralHypofunction(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  return drafts.map((d) => {
    const rule = POSTPROCEDURAL.find((p) => p.conditions.some((c) => matchesPattern(d.code, c)));
    if (!rule || !run.allowed(rule.code)) return d;
    const stated = statedProcedure(run, rule.procedure);
    if (stated === undefined) return d;
    return recoded(
      run.codeSets,
      d,
      rule.code,
      `The record states the procedure on the gland ("${stated}"): the hypofunction is postprocedural, ${rule.code} in place of ${d.code} (E89; Index: postsurgical).`,
    );
  });
}
