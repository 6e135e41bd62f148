/**
 * An incision and drainage with no diagnosis that is drained. CPT 10060/10061 drain an abscess
 * (a cutaneous or subcutaneous abscess, carbuncle, furuncle, suppurative hidradenitis, infected
 * cyst, paronychia): a claim of the drainage beside a cellulitis alone carries a service its
 * diagnoses do not support, and a coder may not add the abscess from the procedure note's "purulent
 * material". The physician is asked whether an abscess was present, quoting the procedure; until
 * answered the documented diagnoses stand, and an answer naming the abscess adds its code.
 */
import { resolutionFor, resolvedWords, type ClarificationIssue } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { codeMention } from './mention-coding.ts';
import { LOW_CONFIDENCE } from './straight-through.ts';

/** A procedure line that drains a skin abscess: its code, or its words. */
const DRAINAGE_CODE = /^1006[01]$/;
const DRAINAGE_WORDS = /\b(?:i\s*&\s*d|i and d|incision (?:and|&) drainage)\b/i;
/** Diagnoses an incision and drainage treats (of an abscess, and of a hematoma, seroma or infected wound). */
const DRAINED =
  /\b(?:abscess\w*|carbuncles?|furuncle\w*|boils?|hidradenitis|cysts?|paronychia|pilonidal|felon|hematoma|seroma|collection|bursitis|infection|infected)\b/i;
/** An answer that says no abscess was found. */
const NO_ABSCESS = /\b(?:no abscess|without abscess|cellulitis only|not an abscess|no fluctuance|no pus)\b/i;

/** Step: an incision and drainage beside no drained diagnosis is asked; an answer naming the abscess is coded. */
export function drainageWithoutAbscess(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const drainage = doc.procedures.find((p) => DRAINAGE_CODE.test(p.code ?? '') || DRAINAGE_WORDS.test(p.description));
  if (!drainage || drafts.length === 0 || drafts.some((d) => DRAINED.test(d.description))) return drafts;
  // Said anywhere as a diagnosis line ("Abscess R forearm" without a code): the line is the diagnosis.
  if (doc.diagnoses.some((d) => DRAINED.test(d.description))) return drafts;
  const first = drafts[0]!;
  const said = first.evidence[0]?.text ?? first.description;
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: `The record documents "${said}" and the procedure "${drainage.description}". Based on your clinical judgment, can you clarify whether an abscess was present and drained?`,
    clinicalIndicators: [`Documented: "${said}"`, `Procedure: "${drainage.description}"`],
    options: [{ label: 'Abscess (drained), with the documented diagnosis' }, { label: `${first.description} only, no abscess` }],
    reason: `An incision and drainage (${drainage.code ?? drainage.description}) is billed and no diagnosis it drains (abscess, cyst, furuncle, carbuncle) is documented.`,
    order: first.order,
  };
  const resolution = resolutionFor(issue, run.input.answers);
  if (!resolution) {
    run.issues.push(issue);
    return drafts;
  }
  const answered = resolution.kind === 'free-text' ? resolvedWords(resolution) : undefined;
  if (!answered || NO_ABSCESS.test(answered) || !DRAINED.test(answered)) return drafts;
  const clause = answered.split(/[.;]\s*/).find((c) => DRAINED.test(c)) ?? answered;
  const text = clause.replace(/^\s*(?:yes|correct)\b[\s,:-]*/i, '');
  const added = codeMention(run, { section: 'diagnoses', original: text, text, assertion: 'affirmed' }, first.order - 0.01)
    .filter((d) => d.confidence >= LOW_CONFIDENCE && !drafts.some((o) => o.code === d.code))
    .map((d) => ({ ...d, evidence: [...d.evidence, { section: 'notes' as const, text: `Physician answer: ${answered}` }] }));
  return [...added, ...drafts];
}
