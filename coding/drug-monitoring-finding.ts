/**
 * An abnormal monitoring result the physician acts on inside a long-term drug therapy's statement is
 * a second condition, coded beside the long-term use. "Warfarin therapy, INR supratherapeutic 3.6 -
 * hold tonight's dose, recheck 1 wk" is Z79.01 for the therapy and R79.1 (abnormal coagulation
 * profile; index: Elevated, INR) for the result: the plan changes the dose because of the result, so
 * it has significance of its own (guideline III.B). The statement reads as "covered" by the Z79 code
 * otherwise, since its head is the therapy.
 *
 * Only beside the long-term use the result monitors, and only in a numbered assessment or plan item
 * (the drug's own, or the result's); only a result stated out of its range in words (supra-,
 * subtherapeutic, high, elevated, low, prolonged), with an action on the drug or the result in the
 * same item; never beside a code that already explains the result (a coagulation defect, an
 * anticoagulant's bleeding D68.32, or the finding itself). A result in range, or out of range with
 * no action, adds nothing.
 */
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { ADDRESSED_PARTS, noteParts, partAt } from './sections.ts';

interface MonitoringFinding {
  /** The result out of its range, named in words. */
  finding: RegExp;
  /** The long-term use code whose therapy the result monitors. */
  therapy: string;
  /** The code for the result. */
  code: string;
  /** Codes (prefixes) that already explain the result. */
  explainedBy: readonly string[];
}

const FINDINGS: readonly MonitoringFinding[] = [
  {
    finding:
      /\b(?:inr|pt\/inr|protime)\b[^.;\n]{0,20}\b(?:supra-?therapeutic|sub-?therapeutic|high|elevated|low|prolonged|above (?:goal|range|target)|below (?:goal|range|target))\b|\b(?:supra-?therapeutic|sub-?therapeutic|high|elevated|low|prolonged)\s+(?:inr|pt\/inr|protime)\b/i,
    therapy: 'Z79.01',
    code: 'R79.1',
    explainedBy: ['R79.1', 'D65', 'D66', 'D67', 'D68'],
  },
];

/** What the plan does about it: a dose held, changed or resumed, a reversal, a recheck. */
const ACTED_ON =
  /\b(?:hold\w*|held|skip\w*|omit\w*|reduc\w*|decreas\w*|increas\w*|adjust\w*|chang\w*|resum\w*|boost\w*|vitamin k|phytonadione|recheck\w*|repeat\w*)\b/i;

/** The numbered items of the assessment and plan, each as one text. */
function assessedItems(notes: string): string[] {
  const parts = noteParts(notes);
  const out: string[] = [];
  for (const m of notes.matchAll(/^[ \t]*(?:#\s*)?\d{1,2}[.)][ \t]*([^\n]+)/gm))
    if (ADDRESSED_PARTS.has(partAt(parts, m.index ?? 0))) out.push((m[1] ?? '').trim());
  return out;
}

/** Step: an abnormal result acted on inside a long-term drug statement adds its own code. */
export function monitoringFindingInDrugStatement(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const items = assessedItems(run.input.documentation.notes);
  if (items.length === 0) return drafts;
  const out = [...drafts];
  for (const f of FINDINGS) {
    if (!out.some((d) => d.code === f.therapy) || out.some((d) => f.explainedBy.some((p) => d.code.startsWith(p)))) continue;
    const item = items.find((i) => f.finding.test(i) && ACTED_ON.test(i.slice(i.search(f.finding))));
    if (!item || !run.allowed(f.code)) continue;
    out.push(
      newDraft(run.codeSets, f.code, {
        confidence: 0.85,
        order: Math.max(0, ...out.map((d) => d.order)) + 1,
        evidence: [{ section: 'notes', text: item }],
        rationale: `The assessment acts on an abnormal result inside the drug therapy's statement ("${item}"): a condition of its own beside the long-term use (${f.therapy}).`,
      }),
    );
  }
  return out;
}
