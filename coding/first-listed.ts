/**
 * The first-listed diagnosis of an outpatient visit (guideline section IV): the condition chiefly
 * responsible for the visit, read from what the record says about each coded condition, not only from
 * the order the physician wrote them in.
 *
 * - A primary malignancy is listed before its secondary sites (guideline I.C.2.a/b), unless the visit's
 *   treatment is directed at the secondary site only (radiation to bone metastases, resection of a brain
 *   metastasis): then the metastasis is first.
 * - A follow-up examination after completed treatment of a condition other than a malignancy, with the
 *   condition gone (resolved, healed, cleared), is Z09 first-listed, the history of the condition after
 *   it (guideline I.C.21.c.8; Z09's "use additional code" note asks for the history, Z86-Z87).
 */
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { isBillable } from './icd10cm.ts';
import { conditionWords } from './ranking.ts';
import { tokenize } from './text.ts';

const SECONDARY = /^(C7[7-9]|C7B)/;
const PRIMARY = /^(C[0-6]|C7[0-6]|C7A|C8|C9)/;
/** Treatment aimed at a site: radiation, resection, surgery, a procedure on it. */
const DIRECTED =
  /\b(radiation|radiotherapy|xrt|sbrt|gamma knife|radiosurgery|resect\w*|excision|surgery|kyphoplasty|vertebroplasty|stabiliz\w*|fixation|ablation|embolization|decompression)\b/i;

/** Step: the primary malignancy before its metastases, unless the visit treats the metastasis. */
export function primaryBeforeMetastases(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const list = [...drafts].sort((a, b) => a.order - b.order);
  const firstSecondary = list.findIndex((d) => SECONDARY.test(d.code));
  const primaryAt = list.findIndex((d) => PRIMARY.test(d.code));
  if (firstSecondary < 0 || primaryAt < 0 || primaryAt < firstSecondary) return drafts;
  const secondary = list[firstSecondary] as DiagnosisDraft;
  const primary = list[primaryAt] as DiagnosisDraft;
  // The statements about the metastasis: its own line, and clauses naming spread with a treatment.
  const about = [
    ...secondary.evidence.map((e) => e.text),
    ...clausesOf(run.input.documentation.notes).filter((c) => /\b(metasta\w*|mets)\b/i.test(c)),
  ];
  if (about.some((t) => DIRECTED.test(t) && !/\b(planned|consider\w*|discuss\w*|history of|prior|previous)\b/i.test(t))) return drafts;
  return drafts.map((d) =>
    d === primary
      ? {
          ...d,
          order: secondary.order - 0.5,
          rationale: `${d.rationale} Listed before its secondary site ${secondary.code}: the visit is for the malignancy, not treatment directed at the metastasis only (guideline I.C.2.b).`,
        }
      : d,
  );
}

/** A visit that checks on a condition: follow-up, recheck, re-evaluation. */
const FOLLOW_UP =
  /\b(seen again|returns? (?:for|after)|back for|follow[\s-]?up|f\/u|recheck|re-?check|re-?evaluat\w*|return visit|post[\s-]treatment (?:visit|check))\b/i;
/** The treatment is over and the condition gone. */
const GONE =
  /\b(resolved|healed|cleared|clear|completed|finished|no longer present|recovered|cured)\b|\b(?:treated|treatment|course|antibiotics)\b[^.;]{0,40}\b(?:done|over|complete)\b/i;
/** The condition is still there or still treated: not a follow-up after completed treatment. */
const STILL =
  /\b(persistent|persists|ongoing|still|residual|recurr\w*|not resolved|unresolved|continues?|continuing|worse\w*|improving)\b/i;

/** The statement names a word of the condition the history's own statement names ("pneumonia"). */
function namesCondition(run: CodingRun, history: DiagnosisDraft, text: string): boolean {
  const own = history.evidence.flatMap((e) => [...conditionWords(tokenize(e.text), run.codeSets.icd)]).filter((w) => w.length > 3);
  const said = new Set(tokenize(text));
  return own.some((w) => said.has(w));
}

/** A word of STILL that no denial takes back: "no residual thrombus", "without recurrence" say it is gone. */
const still = (text: string) => STILL.test(text.replace(/\b(?:no|without)\s+(?:\w+\s+)?\w+/gi, ' '));

/**
 * Step: a history of a non-malignant condition (Z86, Z87) on the claim and a follow-up of that
 * condition after its treatment is over: Z09 first-listed, the history after it.
 */
export function followUpAfterCompletedTreatment(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => /^Z0[89]/.test(d.code)) || !isBillable(run.codeSets.icd, 'Z09')) return drafts;
  const history = drafts.find((d) => /^Z8[67]/.test(d.code));
  if (!history) return drafts;
  // Only when no current condition is listed before the history: a condition under care listed first
  // is the reason for the visit instead; one managed after it ("HTN - refills sent") is the visit's too.
  if (drafts.some((d) => !d.code.startsWith('Z') && d.order < history.order)) return drafts;
  const doc = run.input.documentation;
  const statements = [
    ...doc.diagnoses.map((d) => ({ section: 'diagnoses' as const, text: d.description })),
    ...clausesOf(doc.notes).map((text) => ({ section: 'notes' as const, text })),
  ];
  // With other conditions on the claim, what is still there must be said of the condition followed up:
  // the statements naming it (a word of its own line), not a chronic condition's "stable, continues".
  const alone = drafts.every((d) => d.code.startsWith('Z'));
  const about = alone ? statements : statements.filter((s) => namesCondition(run, history, s.text));
  const followUp = statements.find((s) => FOLLOW_UP.test(s.text));
  const gone = about.find((s) => GONE.test(s.text) && !still(s.text));
  if (!followUp || !gone || about.some((s) => still(s.text))) return drafts;
  const first = Math.min(...drafts.map((d) => d.order));
  return [
    ...drafts,
    newDraft(run.codeSets, 'Z09', {
      confidence: history.confidence,
      order: first - 1,
      evidence: [...new Set([followUp, gone])].map((s) => ({ section: s.section, text: s.text })),
      rationale: `Follow-up examination after completed treatment of a condition other than a malignancy ("${followUp.text}"; "${gone.text}"): Z09 first-listed, the history ${history.code} after it (guideline I.C.21.c.8).`,
    }),
  ];
}
