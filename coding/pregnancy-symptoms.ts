/**
 * A sign or symptom in an ongoing pregnancy is a pregnancy code too (guideline I.C.15.a.1: chapter 15
 * codes unless the provider documents that the condition is unrelated to the pregnancy).
 * - The symptom's own Excludes1 note names its pregnancy form ("excessive vomiting in pregnancy
 *   (O21.-)" at R11, "gestational edema (O12.0-)" at R60, "exhaustion and fatigue due to pregnancy
 *   (O26.8-)" at R53.8): that obstetric code, in place of the symptom (the two are never coded together).
 * - Any other symptom (R00-R69) is an "other specified pregnancy related condition" (O26.89-), the
 *   symptom's own code after it to say what it is (a headache in pregnancy: O26.89- with R51.9).
 * Runs after the symptoms a stated diagnosis explains are dropped (a dysuria beside the cystitis in
 * pregnancy stays integral to O23.1-), so the obstetric code is added for a symptom still coded.
 */
import { billableDescendants, isBillable, matchesPattern, notesFor, type Icd10Cm } from './icd10cm.ts';
import { newDraft, recoded, round, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { refinePregnancyCode, pregnancyStatus, type PregnancyStatus } from './pregnancy.ts';
import { ongoingPregnancy } from './pregnancy-chapter.ts';
import { rank } from './ranking.ts';
import { buildQuery } from './search.ts';
import { addUseAdditional } from './use-additional.ts';

/** Chapter 18's symptoms and signs; findings of examinations and results (R70-R99) are not moved. */
const SYMPTOM = /^R[0-6]/;
/** Elevated blood pressure without hypertension is the physician's to call (gestational hypertension or not). */
const NOT_MOVED = /^R03/;
/** Pregnancy-related conditions NEC: the symptom is coded after it. */
const OTHER_PREGNANCY_RELATED = 'O26.89';
/**
 * An Excludes1 term that names the pregnancy form of the symptom; not one that names another
 * outcome or phase (abortion, labor, the puerperium) or a screening finding.
 */
const PREGNANCY_FORM = /\b(pregnancy|gestational)\b/i;
const OTHER_PHASE = /\b(abortion|ectopic|molar|labou?r|delivery|puerper\w*|screening|isoimmunization)\b/i;

/** Step: a symptom of a pregnant patient still coded is coded to chapter 15 first. */
export function symptomsInPregnancy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!ongoingPregnancy(run)) return drafts;
  const doc = run.input.documentation;
  const status = pregnancyStatus([...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)]);
  const icd = run.codeSets.icd;
  const out: DiagnosisDraft[] = [];
  const added: DiagnosisDraft[] = [];
  for (const d of drafts) {
    const m = run.mentions.get(d.order);
    if (!m || m.documentedCode || !SYMPTOM.test(d.code) || NOT_MOVED.test(d.code)) {
      out.push(d);
      continue;
    }
    const form = pregnancyForm(run, d.code, m.text);
    if (form) {
      const code = trimesterOf(icd, form, m.original, status);
      out.push({
        ...recoded(
          run.codeSets,
          d,
          code,
          `In pregnancy: the Excludes1 note at ${d.code.slice(0, 3)} sends the pregnancy form of the symptom to ${code} (guideline I.C.15.a.1).`,
        ),
        confidence: round(d.confidence * 0.95),
      });
      continue;
    }
    const leaf = unspecifiedTrimester(icd, OTHER_PREGNANCY_RELATED);
    if (!leaf || !run.allowed(leaf)) {
      out.push(d);
      continue;
    }
    const code = trimesterOf(icd, leaf, m.original, status);
    const related = newDraft(run.codeSets, code, {
      confidence: d.confidence * 0.95,
      order: d.order - 0.05,
      evidence: d.evidence,
      rationale: `"${d.evidence[0]?.text ?? d.description}" in an ongoing pregnancy, not documented as unrelated to it: ${code} (guideline I.C.15.a.1), with ${d.code} for the symptom.`,
    });
    out.push(related, d);
    added.push(related);
  }
  if (added.length === 0 && out.every((d, i) => d === drafts[i])) return drafts;
  return withWeeks(run, out);
}

/**
 * The obstetric code the symptom's Excludes1 note names for its pregnancy form, searched with the
 * symptom's words; the category's unspecified code when no title names more of them ("nausea of
 * pregnancy" is O21.9, vomiting of pregnancy unspecified).
 */
function pregnancyForm(run: CodingRun, code: string, text: string): string | undefined {
  const icd = run.codeSets.icd;
  const patterns = notesFor(icd, code, 'ex1')
    .filter(([term]) => PREGNANCY_FORM.test(term) && !OTHER_PHASE.test(term))
    .flatMap(([, p]) => p)
    .filter((p) => p.startsWith('O'));
  if (patterns.length === 0) return undefined;
  const inForm = (c: string) => patterns.some((p) => matchesPattern(c, p));
  const q = buildQuery(`${text} pregnancy`);
  const hit = rank(run, q, text, inForm).find((h) => h.matched.some((t) => t !== 'pregnancy' && t !== 'pregnant'));
  if (hit && isBillable(icd, hit.code)) return hit.code;
  const first = patterns[0]?.replace(/-$/, '') ?? '';
  return unspecifiedTrimester(icd, first) ?? unspecifiedMember(icd, first);
}

/** The code under an entry at the unspecified trimester (or the entry itself when billable). */
function unspecifiedTrimester(icd: Icd10Cm, code: string): string | undefined {
  if (isBillable(icd, code)) return code;
  const index = icd.byCode.get(code);
  if (index === undefined) return undefined;
  return billableDescendants(icd, index)
    .map((k) => icd.entries[k])
    .find((e) => e !== undefined && /\bunspecified trimester\b/i.test(e.description))?.code;
}

/** The category's unspecified member ("Vomiting of pregnancy, unspecified"). */
function unspecifiedMember(icd: Icd10Cm, code: string): string | undefined {
  const index = icd.byCode.get(code);
  if (index === undefined) return undefined;
  return billableDescendants(icd, index)
    .map((k) => icd.entries[k])
    .find((e) => e !== undefined && /\bunspecified\b/i.test(e.description))?.code;
}

/** The trimester the record gives, where the code has one. */
function trimesterOf(icd: Icd10Cm, code: string, ownText: string, status: PregnancyStatus): string {
  const entry = icd.entries[icd.byCode.get(code) ?? -1];
  return refinePregnancyCode(icd, code, entry?.description ?? '', ownText, status)?.code ?? code;
}

/** The weeks of gestation chapter 15 asks for, when no code on the claim gave them yet. */
function withWeeks(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => d.code.startsWith('Z3A.'))) return drafts;
  const obstetric = drafts.filter((d) => d.code.startsWith('O'));
  const weeks = addUseAdditional(run, obstetric).filter((d) => d.code.startsWith('Z3A.'));
  return weeks.length > 0 ? [...drafts, weeks[0] as DiagnosisDraft] : drafts;
}
