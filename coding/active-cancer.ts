/**
 * A malignancy still under treatment is current, not history. The guidelines keep a personal-history
 * code (Z85) for a malignancy "excised or eradicated from its site" with "no further treatment
 * directed to the site" (I.C.2.d, I.C.2.m); adjuvant endocrine therapy taken now for a breast cancer
 * (tamoxifen, an aromatase inhibitor) is treatment directed at it. So a breast cancer the record calls
 * "history of" while the patient takes such a drug for it is coded C50.- (with Z79.810/Z79.811 for the
 * drug, I.C.21.c.3), the way the outside coders code it (writer-set-15 P55, writer-set-18 L22).
 *
 * Read from the record: a personal-history code of a malignancy (Z85) beside a drug whose class is
 * taken for that history (drug-classes.ts: SERMs, aromatase inhibitors and the other agents affecting
 * estrogen receptors for Z85.3), named as taken now (long-term-drugs.ts takenNow: not completed,
 * stopped, only planned or a short course). The malignancy is found among chapter 2's codes from the
 * history's own words, and from the record's other statements about the same malignancy when they
 * state more of it (the side of the breast). A history code beside a record that says the malignancy
 * is still at its site (residual tumor, positive margins, a re-excision) is current the same way.
 */
import { describeIcd, perRecord, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { DENIED_BEFORE } from './denial.ts';
import { CLASS_PATTERNS, takenFor } from './drug-classes.ts';
import { isBillable } from './icd10cm.ts';
import { takenNow } from './long-term-drugs.ts';
import { rank } from './ranking.ts';
import { recordStatements } from './review-signals.ts';
import { buildQuery } from './search.ts';

/** How well the malignancy's words must find its code. */
const FOUND = 0.7;
/** How well another statement about it must find a code of the same category (its other words are about the treatment). */
const FOUND_IN_CATEGORY = 0.5;
/** A statement about a malignancy (not only a drug or a procedure). */
const MALIGNANCY = /\b(cancer|carcinoma|malignan\w*|neoplasm|adenocarcinoma|idc|ilc|dcis|tumou?r)\b/i;
/** The history's own words that only say it is history. */
const HISTORY_WORDS = /\b(personal history of|history of|hx of|h\/o|s\/p|status post|survivor(?:ship)?)\b/gi;

/** Codes that are not a condition a drug is taken for: the history itself, receptor status, family history, risk, drugs. */
const NOT_A_CONDITION = /^(Z85|Z17|Z80|Z15|Z79)/;
/** A drug of the class given to prevent a cancer or for bone, not to treat one (raloxifene). */
const PREVENTION_ONLY = /^(raloxifene|evista)$/i;

/**
 * The record says a malignancy is still at its site: residual tumor, a positive margin, a re-excision
 * for it (the excision did not eradicate it, and treatment is directed to the site). Not denied ("no
 * residual tumor", "margins negative").
 */
const STILL_PRESENT =
  /\b(?:residual\s+(?:invasive\s+)?(?:tumou?r|carcinoma|cancer|malignan\w*|disease|neoplasm|scc|bcc|melanoma)|positive\s+(?:\w+\s+)?margins?|margins?\s+(?:\w+\s+)?(?:positive|involved)|re-?excision)\b/i;
function stillPresent(statement: string): boolean {
  const m = STILL_PRESENT.exec(statement);
  return m !== null && !DENIED_BEFORE.test(statement.slice(0, m.index));
}

/** Unspecified axes a title leaves: the fewer, the more the record stated. */
const unspecifiedAxes = (title: string) => (title.match(/\bunspecified\b/gi) ?? []).length;

/** Step: a malignancy's history code beside a drug taken now for it becomes the malignancy's code. */
export function currentCancerUnderTreatment(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!drafts.some((d) => d.code.startsWith('Z85'))) return drafts;
  const statements = perRecord(run, 'recordStatements', () => recordStatements(run.input.documentation));
  return drafts.map((d) => {
    const m = run.mentions.get(d.order);
    if (!d.code.startsWith('Z85') || !m || m.documentedCode) return d;
    // A class also taken for another coded condition (raloxifene for osteoporosis) may be taken for that.
    const therapy = CLASS_PATTERNS.filter(
      ([c]) => takenFor(c, d.code) && !drafts.some((o) => !NOT_A_CONDITION.test(o.code) && takenFor(c, o.code)),
    )
      .flatMap(([c, pattern]) => statements.map((s) => ({ s, drug: takenNow(c, pattern, s) })))
      .find((t) => t.drug !== undefined && !PREVENTION_ONLY.test(t.drug));
    const own = malignancyHit(run, m.text);
    if (!own) return d;
    // Or the record says this malignancy is still at its site (residual tumor, a positive margin, a
    // re-excision): a statement of the same category, beside no other current malignancy coded (whose
    // statement it may be: "BCC of the nose, margins positive" beside a history of melanoma).
    const otherCurrent = drafts.some((o) => o !== d && /^C/.test(o.code));
    const present =
      therapy || otherCurrent
        ? undefined
        : statements.find((st) => stillPresent(st) && malignancyHit(run, st, own.code.slice(0, 3)) !== undefined);
    if (!therapy && !present) return d;
    // The record's other statements about the same malignancy may state more of it (its side).
    const fuller = statements
      .filter((s) => s !== m.original && MALIGNANCY.test(s))
      .map((s) => malignancyHit(run, s, own.code.slice(0, 3)))
      .filter((h) => h !== undefined)
      .sort((a, b) => a.unspecified - b.unspecified)[0];
    const hit = fuller && fuller.unspecified < own.unspecified ? fuller : own;
    return recoded(
      run.codeSets,
      d,
      hit.code,
      therapy
        ? `The malignancy is under treatment (${therapy.drug ?? ''}: "${therapy.s}"): current, not history, while treatment is directed at it (guidelines I.C.2.d, I.C.2.m).`
        : `The malignancy is still at its site ("${present ?? ''}"): not excised or eradicated, so current, not history (guideline I.C.2.d).`,
    );
  });
}

/** The chapter 2 code the words name (within one category when given), when they find it well. */
function malignancyHit(run: CodingRun, words: string, category?: string) {
  const text = words.replace(HISTORY_WORDS, ' ');
  const hit = rank(run, buildQuery(text), text, (c) => (category ? c.startsWith(category) : /^C/.test(c)))[0];
  if (!hit || hit.score < (category ? FOUND_IN_CATEGORY : FOUND) || !isBillable(run.codeSets.icd, hit.code)) return undefined;
  return { code: hit.code, unspecified: unspecifiedAxes(describeIcd(run.codeSets, hit.code)) };
}
