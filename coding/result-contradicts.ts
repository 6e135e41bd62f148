/**
 * A diagnosis the record's own test result contradicts: a urinary tract infection beside a
 * urinalysis negative for leukocyte esterase and nitrite, strep pharyngitis beside a negative rapid
 * strep test, pneumonia beside a clear chest X-ray, COVID-19 beside a negative test, a disc herniation
 * beside an MRI showing none, a deep vein thrombosis beside a negative duplex. A coder does not
 * drop the physician's diagnosis for a result, nor bill it unseen: the clinical-validation query asks
 * the physician to confirm it or to state what was found, quoting the result. Until answered the
 * documented code stands; an answer naming another diagnosis (or the symptoms treated) codes those.
 *
 * The table is clinical knowledge a coder brings to the record: which result confirms which
 * diagnosis, one entry per diagnosis family.
 */
import { resolutionFor, resolvedWords, type ClarificationIssue } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { codeMention } from './mention-coding.ts';
import { resultStatements } from './reported-results.ts';
import { LOW_CONFIDENCE } from './straight-through.ts';

interface Validation {
  /** The diagnosis's codes. */
  codedAs: RegExp;
  /** The test that confirms it, as the record names it. */
  test: RegExp;
  /** The result as negative... */
  negative: RegExp;
  /** ...and nothing of it positive. */
  positive: RegExp;
}

const NEGATIVE = /\b(?:neg(?:ative)?|normal|nl|unremarkable|wnl|no growth|not detected)\b/i;

const VALIDATIONS: readonly Validation[] = [
  {
    // Urinary tract infection (N39.0) or cystitis (N30.-).
    codedAs: /^(?:N39\.0|N30\.)/,
    test: /\b(?:ua|u\/a|urinalysis|urine dip\w*|dipstick|urine (?:culture|cx)|ucx)\b/i,
    negative: NEGATIVE,
    positive: /\b(?:pos(?:itive)?|trace|small|moderate|large|many|tntc|grew|growing|cfu)\b|\+/i,
  },
  {
    // Streptococcal pharyngitis (J02.0).
    codedAs: /^J02\.0/,
    test: /\b(?:rapid strep|strep (?:test|screen|swab|ag|antigen|pcr)|rads|gas (?:pcr|antigen)|throat (?:culture|cx))\b/i,
    negative: NEGATIVE,
    positive: /\b(?:pos(?:itive)?|detected|grew|growing)\b|\+/i,
  },
  {
    // Pneumonia (J12-J18).
    codedAs: /^J1[2-8]\./,
    test: /\b(?:cxr|chest x-?rays?|chest radiographs?|chest films?)\b/i,
    negative:
      /\b(?:clear|no (?:acute |focal )?(?:infiltrates?|consolidation|opacit\w*|pneumonia|acute (?:process|findings?|disease))|negative|normal|unremarkable)\b/i,
    positive: /(?<!\bno (?:acute |focal )?)\b(?:infiltrates?|consolidation|opacit(?:y|ies)|airspace disease)\b/i,
  },
  {
    // COVID-19 (U07.1).
    codedAs: /^U07\.1/,
    test: /\b(?:covid(?:-?19)?|sars-?cov-?2)\b[^.;]{0,20}\b(?:test|pcr|antigen|ag|naat)\b/i,
    negative: NEGATIVE,
    positive: /\b(?:pos(?:itive)?|detected)\b|\+/i,
  },
  {
    // Disc herniation, with or without radiculopathy (M50.1-, M50.2-, M51.1-, M51.2-).
    codedAs: /^M5[01]\.[12]/,
    test: /\b(?:mri|ct|myelogra\w*)\b/i,
    negative: /\bno (?:evidence of )?(?:dis[ck] )?(?:herniation|herniated dis[ck]|protrusion|extrusion|hnp)\b/i,
    positive: /(?<!\b(?:no|without) (?:evidence of )?(?:dis[ck] )?)\b(?:herniat\w*|protrusions?|extrusions?|hnp)\b/i,
  },
  {
    // Acute deep vein thrombosis of a limb (I82.4-, I82.6-).
    codedAs: /^I82\.[46]/,
    test: /\b(?:duplex|doppler|venous (?:us|ultrasound|study)|(?:le|ue|leg|arm) (?:us|ultrasound))\b/i,
    negative: /\bno (?:evidence of )?(?:dvt|deep vein thrombosis|thromb\w*|clot)\b|\bnegative\b/i,
    positive: /(?<!\bno (?:evidence of )?)\b(?:dvt|occlusive|non-?compressible|thrombus)\b/i,
  },
];

/** A clause of an answer that says what the diagnosis is not, or how it was treated. */
const NOT_THE_DIAGNOSIS = /\b(?:not confirmed|unconfirmed|ruled out|unlikely|negative|neg|treated|treating|empiric\w*|please)\b/i;

/** The sentences of the notes and the test results that report the test as negative and nothing of it positive. */
function negativeResults(run: CodingRun, v: Validation): string[] {
  const doc = run.input.documentation;
  return [...doc.notes.split(/\n+|(?<=\.)\s+/), ...resultStatements(doc.testResults)]
    .filter((s) => {
      const at = v.test.exec(s);
      if (!at) return false;
      const result = s.slice(at.index);
      return v.negative.test(result) && !v.positive.test(result) && !/\b(?:pending|sent|ordered|awaited)\b/i.test(result);
    })
    .map((s) => s.trim());
}

/** Step: a diagnosis the record's own test result contradicts is asked; the answer is coded. */
export function resultContradicts(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  for (const v of VALIDATIONS) {
    const documented = drafts.find((d) => v.codedAs.test(d.code) && !run.issues.some((i) => i.order === d.order));
    if (!documented) continue;
    const results = negativeResults(run, v);
    const result = results[0];
    if (result === undefined) continue;
    const said = documented.evidence[0]?.text ?? documented.description;
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: `The record documents "${said}" and the result "${result.replace(/\.$/, '')}". Based on your clinical judgment, can you clarify the diagnosis?`,
      clinicalIndicators: [`Documented: "${said}"`, ...results.slice(0, 2).map((r) => `Result: "${r}"`)],
      options: [{ label: `${documented.description}, confirmed clinically` }],
      reason: `${documented.code} is documented while the record reports the test that would confirm it as negative (clinical validation).`,
      order: documented.order,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      run.issues.push(issue);
      continue;
    }
    // Confirmed, or undetermined: the documented diagnosis stands. The diagnoses the answer states
    // instead are coded (not what it says is unconfirmed, nor the result it repeats).
    const answered = resolution.kind === 'free-text' ? resolvedWords(resolution) : undefined;
    const stated = (answered ?? '')
      .split(/[.;]\s*|\s+and\s+/)
      .map((c) => c.replace(/^.*\b(?:code (?:it )?as|diagnosis(?: is)?|dx(?: is)?)\s*:?\s*/i, '').trim())
      .filter((c) => c !== '' && !NOT_THE_DIAGNOSIS.test(c) && !v.test.test(c));
    const recoded = stated.flatMap((text, k) =>
      codeMention(run, { section: 'diagnoses', original: text, text, assertion: 'affirmed' }, documented.order + k / 100)
        .filter((d) => d.confidence >= LOW_CONFIDENCE)
        .map((d) => ({ ...d, evidence: [...documented.evidence, { section: 'notes' as const, text: `Physician answer: ${answered}` }] })),
    );
    if (recoded.length > 0) drafts = [...drafts.filter((d) => d !== documented), ...recoded];
  }
  return drafts;
}
