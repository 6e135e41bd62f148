/**
 * Refinements applied to the whole list of diagnoses once each mention is coded: duplicates merged,
 * examination codes "with abnormal findings", dementia in other diseases, code-first sequencing, and
 * no unspecified code beside a specific one of its category.
 */
import { citedPatterns } from './additional.ts';
import { newDraft, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { isBillable, matchesPattern, notesFor } from './icd10cm.ts';

const ABNORMAL_FINDINGS =
  /\b(newly diagnosed|new diagnosis|new(ly)? (found|noted|detected|discovered)|abnormal (findings?|exam|examination|results?|labs?)|incidental(ly)? (found|finding|noted)|found to have)\b/i;
/** A result the record calls abnormal ("fasting lipids elevated", "high LDL"): a finding of the examination. */
const MEASURE = String.raw`(?:labs?|lab work|lipids?|lipid panel|glucose|sugars?|a1c|hba1c|ldl|hdl|cholesterol|triglycerides?|tsh|psa|hemoglobin|hgb|creatinine|egfr|potassium|sodium|calcium|vitamin d|ferritin|liver enzymes|transaminases|blood pressures?|bp|results?|levels?)`;
const ABNORMAL_RESULT = new RegExp(
  String.raw`\b${MEASURE}\b[^.;]{0,30}?\b(?:elevated|high|low|abnormal|increased|decreased|positive)\b|\b(?:elevated|high|low|abnormal|increased|decreased)\s+${MEASURE}\b`,
  'i',
);
/** The physician's own statement that the examination found nothing ("routine adult exam, no abnl findings"). */
const SAID_NO_FINDINGS = /(?:\b(?:without|no)|\bw\/o)\s+(?:abnormal|abnl|abn)\.?\s+findings?\b/i;
const NO_ABNORMAL_FINDINGS = new RegExp(String.raw`${SAID_NO_FINDINGS.source}|\bnormal (exam|examination|findings)\b`, 'i');

/** Chapter 18 codes whose titles are findings rather than complaints. */
const FINDING_CODE = /^R/;
const FINDING_TITLE = /\b(abnormal\w*|elevated|high|low|positive|findings?|murmurs?|mass|lump|nodule|swelling|reading)\b/i;

/**
 * Words that make a condition pre-existing rather than found at the examination: among them a
 * condition said to worsen, or whose drug the plan changes the dose of ("increase metformin"): it
 * was there, and treated, before this visit.
 */
const PRE_EXISTING =
  /\b(known|worsening|worsened|(?:increase|decrease|titrate|uptitrate|adjust)\s+(?!in\b|of\b)|chronic|stable|well[\s-]controlled|controlled|long[\s-]?standing|established|history of|hx of|since (?:\d{4}|childhood|age)|for (?:\d+|many|several) years|on (?:\w+\s+){0,3}(?:for|since)\b|continues?|continue|refill\w*|follow[\s-]?up of|followed|managed|listed|stopped|f\/u|on (?!exam|examination|today|arrival|presentation)[a-z]{4,})(?![\w/])/i;

/** Words too common to tie a statement to a condition. */
const COMMON_WORDS = new Set(['and', 'the', 'with', 'without', 'for', 'due', 'not', 'left', 'right', 'both', 'bilateral', 'mild', 'acute']);

/**
 * Whether `statement` names a word of the condition: a word of four letters or more anywhere in it,
 * or a shorter word (an abbreviation such as HTN or BPH) standing as a word of its own.
 */
function sharesConditionWord(condition: string, statement: string): boolean {
  const words = (condition.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).filter((w) => !COMMON_WORDS.has(w));
  const said = statement.toLowerCase();
  const own = new Set(said.match(/[a-z0-9]+/g) ?? []);
  return words.some((w) => (w.length >= 4 && /[a-z]{4}/.test(w) ? said.includes(w) : own.has(w)));
}

/** A title's condition without its qualifiers (", unspecified", "without complications"). */
const conditionWords = (title: string) => title.split(/,|\b(?:with|without|due to|in|of)\b/i)[0] ?? '';

/**
 * A condition the claim carries beside a general examination that the record does not call
 * pre-existing: found at this examination, an abnormal finding (guideline I.C.21.c.13 codes it
 * additionally, and the examination "with abnormal findings"). Status, history and encounter codes
 * (chapter 21) are not findings, nor is a chronic condition the visit only carries forward.
 */
function foundAtExamination(run: CodingRun, drafts: DiagnosisDraft[], statements: readonly string[]): string | undefined {
  if (!drafts.some((d) => /without abnormal findings/i.test(d.description))) return undefined;
  for (const d of drafts) {
    if (d.code.startsWith('Z') || /without abnormal findings/i.test(d.description)) continue;
    const m = run.mentions.get(d.order);
    if (!m || m.assertion !== 'affirmed') continue;
    const about = statements.filter(
      (t) => t === m.original || sharesConditionWord(`${m.text} ${m.original} ${conditionWords(d.description)}`, t),
    );
    if (about.some((t) => PRE_EXISTING.test(t))) continue;
    return m.original;
  }
  return undefined;
}

/**
 * Examination codes come "with" and "without abnormal findings": the "with" code when the record
 * documents a new or abnormal finding made at the encounter (or an abnormal result), unless the
 * physician wrote that there were none.
 */
export function withAbnormalFindings(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  // A finding coded beside the examination (an abnormal reading or result, a murmur, a mass) is one.
  const coded = drafts.find((d) => FINDING_CODE.test(d.code) && FINDING_TITLE.test(d.description));
  const finding =
    statements.find((t) => (ABNORMAL_FINDINGS.test(t) || ABNORMAL_RESULT.test(t)) && !NO_ABNORMAL_FINDINGS.test(t)) ??
    coded?.evidence[0]?.text ??
    foundAtExamination(run, drafts, statements);
  const result = doc.testResults.find((t) => t.flag && t.flag !== 'N');
  if (!finding && !result) return drafts;
  // The physician wrote that the examination found nothing: the "without" code stands.
  if (statements.some((t) => SAID_NO_FINDINGS.test(t))) return drafts;
  const icd = run.codeSets.icd;
  return drafts.map((d) => {
    if (!/without abnormal findings/i.test(d.description)) return d;
    const m = run.mentions.get(d.order);
    if (m && NO_ABNORMAL_FINDINGS.test(m.original)) return d;
    const wanted = d.description.replace(/without abnormal findings/i, 'with abnormal findings').toLowerCase();
    const parent = icd.entries[icd.byCode.get(d.code) ?? -1]?.parent ?? -1;
    const sibling = (icd.children.get(parent) ?? []).map((k) => icd.entries[k]).find((e) => e?.description.toLowerCase() === wanted);
    if (!sibling || !run.allowed(sibling.code)) return d;
    const why = finding ? `"${finding}"` : `result ${result?.name} ${result?.value} (${result?.flag})`;
    return {
      ...recoded(
        run.codeSets,
        d,
        sibling.code,
        `The record documents an abnormal or new finding at this examination (${why}): "with abnormal findings".`,
      ),
      evidence: [
        ...d.evidence,
        finding
          ? { section: 'notes' as const, text: finding }
          : { section: 'testResults' as const, text: `${result?.name} ${result?.value}` },
      ],
    };
  });
}

/** Code-first notes: the etiology code goes before its manifestation. */
export function sequence(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const list = [...drafts].sort((a, b) => a.order - b.order);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!item) continue;
    const patterns = notesFor(run.codeSets.icd, item.code, 'cf').flatMap(([, p]) => p);
    const j = list.findIndex((d, k) => k > i && patterns.some((p) => matchesPattern(d.code, p)));
    if (j > i) {
      const [etiology] = list.splice(j, 1);
      if (etiology) list.splice(i, 0, etiology);
    }
  }
  return list;
}

const UNSPECIFIED = /\bunspecified\b|\bnot specified\b/i;
/** A title's side left unspecified (", unspecified eye"): the condition it names is still specific. */
const UNSPECIFIED_SIDE = /,\s*unspecified (?:eye|ear|side|limb|arm|leg|hand|foot|knee|hip|shoulder)$/i;
/** A title's stage or severity left unspecified ("Pressure ulcer of sacral region, unspecified stage"). */
const UNSPECIFIED_GRADE = /,\s*unspecified (?:stage|severity)\b/i;

/**
 * Whether `d`, a code of unspecified stage or severity, is another condition than `e` by its site: a
 * subcategory of its own whose title names a word `e`'s does not ("sacral" of L89.159 beside L89.626
 * of the left heel). A sacral ulcer not staged beside a staged heel ulcer is two ulcers, each coded.
 */
function otherSiteThan(d: DiagnosisDraft, e: DiagnosisDraft): boolean {
  const grade = UNSPECIFIED_GRADE.exec(d.description);
  if (!grade || e.code.startsWith(d.code.slice(0, -1))) return false;
  const title = e.description.toLowerCase();
  return (
    d.description
      .slice(0, grade.index)
      .toLowerCase()
      .match(/[a-z]{3,}/g) ?? []
  ).some((w) => !title.includes(w));
}

/**
 * Dementia coded beside the disease that causes it is "dementia in other diseases classified
 * elsewhere" (F02), not unspecified dementia (F03): when a code's "use additional code" note cites
 * F02, the F03 code becomes the F02 code of the same severity and disturbance.
 */
export function dementiaInOtherDisease(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  const etiology = drafts.find((d) => citedPatterns(icd, d.code).some((p) => p.startsWith('F02')));
  if (!etiology) return drafts;
  const said = etiology.evidence.map((e) => e.text).join(' ');
  if (!drafts.some((d) => /^F0[23]\./.test(d.code)) && /\bdementia\b/i.test(said)) {
    // "Alzheimer's dementia" in one phrase: the dementia is coded too, by the severity stated, in
    // that phrase or in another statement about the dementia ("Her dementia is moderate").
    const severity = dementiaSeverity([said, ...dementiaStatements(run)], '8');
    const code = `F02.${severity}0`;
    if (isBillable(icd, code)) {
      drafts = [
        ...drafts,
        newDraft(run.codeSets, code, {
          confidence: etiology.confidence,
          order: etiology.order + 0.5,
          evidence: [...etiology.evidence],
          rationale: `The documentation ("${etiology.evidence[0]?.text ?? ''}") names dementia due to ${etiology.code}; the note at ${etiology.code} directs ${code} (no behavioral, psychotic, mood or anxiety disturbance documented).`,
        }),
      ];
    }
  }
  return drafts.map((d) => {
    if (!d.code.startsWith('F03.')) return d;
    const rest = d.code.slice(4);
    // Unspecified severity (F03.9-) takes the severity another statement gives (F02.8- when none).
    const severity = rest.startsWith('9') ? dementiaSeverity([said, ...dementiaStatements(run)], '8') : '';
    const code = `F02.${rest.startsWith('9') ? `${severity}${rest.slice(1)}` : rest}`;
    if (!isBillable(icd, code)) return d;
    return recoded(
      run.codeSets,
      d,
      code,
      `Dementia due to the documented ${etiology.code} (${etiology.description}): coded ${code} in place of ${d.code}, as the note at ${etiology.code} directs.`,
    );
  });
}

/** Statements of the notes about the dementia itself (or its stage), affirmed. */
function dementiaStatements(run: CodingRun): string[] {
  return run.notes
    .filter((n) => n.assertion === 'affirmed' && (DEMENTIA_WORDS.test(n.original) || SEVERITY_ALONE.test(n.text)))
    .map((n) => n.original);
}
const DEMENTIA_WORDS = /\b(?:dementia|major neurocognitive disorder|alzheimer\w*)\b/i;
/** A statement of the severity alone, naming no condition ("Severity is mild.", "Stage: moderate"). */
const SEVERITY_ALONE =
  /^\s*(?:(?:the\s+)?(?:severity|stage|staging)\b(?:\s+(?:is|of|:))?|(?:clinically\s+)?(?:mild|moderate|severe)\s+(?:stage|severity)\b)[\s:]*(?:mild|moderate|severe)?\s*\.?\s*$/i;

/**
 * The severity of dementia (F02.A-/B-/C-, guideline I.C.5.d: by the provider's documentation of
 * mild, moderate or severe), from the first statement that states one; '8' (unspecified) if none.
 * A statement giving two ("mild to moderate") gives none.
 */
export function dementiaSeverity(statements: string[], none: '8'): 'A' | 'B' | 'C' | '8' {
  for (const text of statements) {
    const letters = new Set([...text.matchAll(/\b(mild|moderate|severe)\b/gi)].map((m) => SEVERITY_LETTER[(m[1] ?? '').toLowerCase()]));
    const [only] = letters;
    if (letters.size === 1 && only) return only;
  }
  return none;
}
const SEVERITY_LETTER: Record<string, 'A' | 'B' | 'C'> = { mild: 'A', moderate: 'B', severe: 'C' };

/**
 * An unspecified code never stays beside a specific code of the same category: both stand for the
 * same condition (two lines naming CKD, one of them staged; weeks of gestation stated once and not
 * stated elsewhere). Nor does an injury of unspecified body region (T14) beside an injury whose
 * region is coded (S00-T34): "work injury" beside the lumbar strain it was. The open clarifications
 * about a dropped draft go with it.
 */
const UNSPECIFIED_REGION = 'T14';
const INJURY_OF_REGION = /^(S\d|T[0-2]\d|T3[0-4])/;
export function withoutRedundantUnspecified(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const dropped = new Set<number>();
  const kept = drafts.filter((d) => {
    const sameInjury = (e: DiagnosisDraft) =>
      d.code.startsWith(UNSPECIFIED_REGION) && INJURY_OF_REGION.test(e.code) && !e.code.startsWith(UNSPECIFIED_REGION);
    if (!UNSPECIFIED.test(d.description) && !d.code.startsWith(UNSPECIFIED_REGION)) return true;
    // A code whose side alone is unspecified ("..., unspecified eye") says its condition: it goes only
    // beside the same condition on a side (its own family), not beside another condition of the category.
    const sideOnly = !UNSPECIFIED.test(d.description.replace(UNSPECIFIED_SIDE, ''));
    const specific = drafts.find(
      (e) =>
        e !== d &&
        (sideOnly
          ? e.code.slice(0, -1) === d.code.slice(0, -1)
          : (e.code.slice(0, 3) === d.code.slice(0, 3) &&
              !UNSPECIFIED.test(e.description.replace(UNSPECIFIED_SIDE, '')) &&
              !otherSiteThan(d, e)) ||
            sameInjury(e)),
    );
    if (!specific) return true;
    dropped.add(d.order);
    return false;
  });
  run.issues = run.issues.filter((i) => i.order === undefined || !dropped.has(i.order) || kept.some((d) => d.order === i.order));
  return kept;
}

/** One draft per code: the earliest place in the record, the best confidence, all the evidence. */
export function dedupe(_run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const byCode = new Map<string, DiagnosisDraft>();
  for (const d of drafts) {
    const prev = byCode.get(d.code);
    if (!prev) byCode.set(d.code, d);
    else
      byCode.set(d.code, {
        ...prev,
        order: Math.min(prev.order, d.order),
        confidence: Math.max(prev.confidence, d.confidence),
        evidence: [...prev.evidence, ...d.evidence],
      });
  }
  return [...byCode.values()];
}

/** General and preventive examinations: the reason for the visit (guideline I.C.21.c.13). */
const PREVENTIVE_EXAM = /^Z00\.(0|1[0-2])|^Z01\.41|^Z02\./;

/**
 * Step: a preventive or general examination is first-listed; a finding, chronic condition or
 * history coded beside it is an additional code and never displaces it.
 */
export function preventiveVisitFirst(_run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const exam = drafts.find((d) => PREVENTIVE_EXAM.test(d.code));
  if (!exam) return drafts;
  const first = Math.min(...drafts.map((d) => d.order));
  if (exam.order === first) return drafts;
  return drafts.map((d) => (d === exam ? { ...d, order: first - 1 } : d));
}
