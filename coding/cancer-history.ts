/**
 * History after completed cancer treatment (guideline I.C.2.d and I.C.21.c.4/c.8): the follow-up
 * (Z08, on a visit for that cancer) and the history of the malignancy (Z85) come with what the
 * treatment left, when the record states it: the organ removed (acquired absence, Z90: Z08's "use
 * additional code") and, when a diagnosis line names it, the therapy received (radiation Z92.3,
 * antineoplastic chemotherapy Z92.21). Never a complication code unless the physician documents one.
 */
import { ACTIVE_DISEASE } from './use-additional.ts';
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { diagnosisMentions, type Mention } from './context.ts';
import { isBillable } from './icd10cm.ts';
import { rank, removedOrganText } from './ranking.ts';
import { buildQuery } from './search.ts';
import { mayShowSymptoms } from './sections.ts';

const THERAPIES: ReadonlyArray<[RegExp, string, string]> = [
  [/\b(radiation|radiotherapy|irradiation|xrt|brachytherapy)\b/i, 'Z92.3', 'radiation therapy'],
  [/\b(chemo\w*|antineoplastic)\b/i, 'Z92.21', 'antineoplastic chemotherapy'],
];
/** Said of a treatment that is over. */
const DONE = /\b(history of|hx of|h\/o|s\/p|status post|completed|finished|received|underwent|treated with|after|prior|previous|remote)\b/i;

/** Statements that may tell what the treatment left: diagnosis lines, and notes outside templates and lists. */
function treatmentStatements(run: CodingRun): Mention[] {
  return [
    ...diagnosisMentions(run.input.documentation.diagnoses),
    ...run.notes.filter((n) => mayShowSymptoms(n) || n.part === 'past-history'),
  ].filter((m) => m.assertion !== 'negated' && m.assertion !== 'family-history' && !ACTIVE_DISEASE.test(m.original));
}

/** Step: with a history of malignancy coded, the therapy history and organ absence the record states. */
export function afterCancerTreatment(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const anchor = drafts.find((d) => d.code.startsWith('Z85') || d.code === 'Z08');
  if (!anchor) return drafts;
  const out = [...drafts];
  const have = (code: string) => out.some((d) => d.code === code);
  const add = (code: string, m: Mention, what: string) => {
    if (have(code) || !isBillable(run.codeSets.icd, code)) return;
    out.push(
      newDraft(run.codeSets, code, {
        confidence: anchor.confidence,
        order: anchor.order + 0.3,
        evidence: [{ section: m.section, text: m.original }],
        rationale: `History after cancer treatment (${anchor.code}): the record states ${what} ("${m.original}"); coded ${code} (guideline I.C.21.c).`,
      }),
    );
  };
  for (const m of treatmentStatements(run)) {
    const historical = m.assertion === 'personal-history' || DONE.test(m.original);
    if (!historical) continue;
    // The therapy history is coded when a diagnosis line names it: history codes are optional
    // (guideline I.C.21.c.4) and outside coders leave out a therapy told only in the narrative, on a
    // surveillance visit too (writer-set-18 L40, writer-set-20 H02, heldout-set-2 K29).
    if (m.section === 'diagnoses')
      for (const [re, code, what] of THERAPIES)
        if (re.test(m.original) && !out.some((d) => d.code.startsWith(code.slice(0, 5)))) add(code, m, what);
    const absence = removedOrganText(m.original);
    if (absence && !out.some((d) => d.code.startsWith('Z90'))) {
      // The organ and the side of its removal; the rest of the statement is about the disease.
      const side = buildQuery(m.text).laterality ?? '';
      const hit = rank(run, buildQuery(`${absence} ${side}`), m.text, (c) => c.startsWith('Z90'), ['Z90'])[0];
      if (hit && hit.score >= 0.6) add(hit.code, m, `the removal of the organ (acquired absence: ${hit.description})`);
    }
  }
  return isVisitReason(drafts, anchor) ? withFollowUpExamination(run, out, anchor) : out;
}

/**
 * The cancer history is what the visit is for: no condition of another kind is coded before it (a
 * heart failure visit that mentions a treated breast cancer in passing is no follow-up examination, Z08).
 */
function isVisitReason(drafts: readonly DiagnosisDraft[], anchor: DiagnosisDraft): boolean {
  return !drafts.some((d) => d.order < anchor.order && !d.code.startsWith('Z'));
}

/** A visit that checks for recurrence: surveillance, follow-up, no evidence of disease. */
const SURVEILLANCE =
  /\b(surveillance|follow[- ]?up|check[- ]?up|no evidence of (?:recurren\w*|disease|malignan\w*|cancer)|ned|cancer[- ]free|disease[- ]free|without recurrence)\b/i;
const TREATMENT_OVER = /\b(completed|finished|ended|concluded)\b/i;
/**
 * Treatment still directed to the malignancy ("on adjuvant pembrolizumab", "receiving radiation",
 * "starting chemo", "on maintenance BCG" instilled into the bladder): the history code's "no further treatment" (guideline I.C.2.d) is then not so,
 * whatever else the record says. "No adjuvant therapy" names none.
 */
export const STILL_TREATED =
  /\b(?:on|receiving|receives|undergoing|currently|continu\w*|start\w*|begin\w*|due for)\s+(?:\w+\s+){0,2}?(?:adjuvant|radiation|radiotherapy|xrt|chemo\w*|immunotherapy|hormon\w* therapy|\w+mab|tamoxifen|letrozole|anastrozole|exemestane|bcg|intravesical)\b/i;

/**
 * A follow-up examination after completed treatment of a malignancy, with no recurrence found, is
 * Z08 first-listed, the history (Z85) after it (guideline I.C.21.c.8; Z08's "use additional code"
 * notes ask for the acquired absence). Only when the visit checks for recurrence; the treatment is
 * over by the history code itself (a malignancy excised or eradicated, no further treatment directed
 * to its site: guideline I.C.2.d), and an active or recurrent malignancy is not history at all.
 */
function withFollowUpExamination(run: CodingRun, drafts: DiagnosisDraft[], anchor: DiagnosisDraft): DiagnosisDraft[] {
  if (!anchor.code.startsWith('Z85') || drafts.some((d) => d.code === 'Z08') || !isBillable(run.codeSets.icd, 'Z08')) return drafts;
  const statements = treatmentStatements(run);
  // The history code says the treatment is over (I.C.2.d: excised or eradicated, no further treatment
  // directed to the site) when no statement says it in words ("s/p radical prostatectomy, PSA
  // undetectable", "WLE, no adjuvant tx"), unless a statement names treatment still given.
  const history = { section: anchor.evidence[0]?.section ?? 'diagnoses', original: anchor.evidence[0]?.text ?? anchor.description };
  const stillTreated = [...run.input.documentation.diagnoses.map((d) => d.description), ...run.notes.map((n) => n.original)].some((t) =>
    STILL_TREATED.test(t),
  );
  const over = statements.find((m) => TREATMENT_OVER.test(m.original)) ?? (stillTreated ? undefined : history);
  const checked = statements.find((m) => SURVEILLANCE.test(m.original));
  if (!over || !checked) return drafts;
  const first = Math.min(...drafts.map((d) => d.order));
  return [
    ...drafts,
    newDraft(run.codeSets, 'Z08', {
      confidence: anchor.confidence,
      order: first - 1,
      evidence: [...new Set([over, checked])].map((m) => ({ section: m.section, text: m.original })),
      rationale: `Follow-up examination after completed treatment of a malignancy (${anchor.code}): ${over === history ? `the history code says the treatment is over (guideline I.C.2.d; no statement names treatment still given)` : `the record states the treatment is over ("${over.original}")`} and the visit checks for recurrence ("${checked.original}"); Z08 first-listed, the history after it (guideline I.C.21.c.8).`,
    }),
  ];
}
