/**
 * A diagnosis a result or statement of the record's own contradicts (clinical validation): a urinary
 * tract infection beside a negative urinalysis, COPD beside spirometry with no fixed obstruction, an
 * alcohol-induced disorder beside a lifelong abstainer (the table is clinical-validations.ts); a TIA
 * beside an acute infarct on MRI, uncomplicated diverticulitis beside an abscess on CT (the graver
 * finding's table is finding-validations.ts; a filed sleep or imaging report's, report-findings.ts). A coder
 * does not drop the physician's diagnosis for a result, nor bill it unseen: the query asks the
 * physician to confirm it or to state what was found, quoting the result. Until answered the
 * documented code stands. An answer naming another diagnosis (or the symptoms treated) codes those;
 * one naming the other form the result shows (MRSA for MSSA) codes that form; what an answer denies,
 * takes back or corrects ("not COPD", "ERRATUM: ...") is never read as the diagnosis it names.
 */
import { resolutionFor, type ClarificationIssue, type Resolution } from './clarification.ts';
import { describeIcd, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { codeMention } from './mention-coding.ts';
import { resultStatements } from './reported-results.ts';
import { LOW_CONFIDENCE } from './straight-through.ts';
import { reads, VALIDATIONS, type Against, type Unless, type Validation } from './clinical-validations.ts';
import { FINDING_VALIDATIONS } from './finding-validations.ts';
import { BLOOD_COUNT_VALIDATIONS } from './blood-count-validations.ts';
import { REPORT_VALIDATIONS } from './report-findings.ts';
import { KIDNEY_INJURY_VALIDATIONS } from './kidney-injury-validations.ts';

/** A clause of an answer that says what the diagnosis is not, takes it back, or tells how it was treated. */
const NOT_THE_DIAGNOSIS =
  /\b(?:not|no|never|isn't|wasn't|doesn't|denie[sd]|unconfirmed|ruled out|rules out|excluded|unlikely|negative|neg|in error|error|erroneous\w*|incorrect\w*|wrong\w*|mistaken\w*|retract\w*|disregard|remove|delete|treated|treating|empiric\w*|please)\b/i;
/** The words of a denial, taken out to read what it denies. */
const DENIAL_WORDS = new RegExp(NOT_THE_DIAGNOSIS.source, 'gi');
/** A line of an answer that corrects the record ("ERRATUM:", "Correction -"): what it names is what was wrong, unless it says what is right. */
const CORRECTION = /^\s*(?:erratum|errata|correction|corrected entry|amendment)\b\s*[:\-\u2013\u2014]?\s*/i;
/** The words that say what the diagnosis is ("code as", "final diagnosis is", "this is"). */
const STATED_AS =
  /^.*\b(?:code (?:it )?as|diagnosis(?: is| should read| should be)?|dx(?: is)?|correct(?:ed)? (?:diagnosis|dx)(?: is)?|should read|this is|it is|patient has)\s*:?\s*/i;
/** A bare assent ("Confirmed", "Yes, agree"). */
const ASSENT = /^(?:yes|yeah|correct|confirmed|agreed?|i agree|that is correct|clinically confirmed|stands)$/i;

/** How the question says the contradicting sentence, and how its indicators label it, by what the sentence is. */
const SENTENCE_WORDS: Readonly<Record<Against | 'result', { says: string; label: string }>> = {
  result: { says: 'the result', label: 'Result' },
  examination: { says: 'the examination', label: 'Examination' },
  statement: { says: 'states', label: 'Stated' },
};

/** The sentences of the notes and the test results that report the test as contradicting the diagnosis and nothing of it supporting it. */
function negativeResults(run: CodingRun, v: Validation): string[] {
  const doc = run.input.documentation;
  return [...doc.notes.split(/\n+|(?<=\.)\s+/), ...resultStatements(doc.testResults)]
    .filter((s) => {
      const at = v.test.exec(s);
      if (!at) return false;
      const result = v.against === 'statement' ? s : s.slice(at.index);
      return reads(v.negative, result) && !reads(v.positive, result) && !/\b(?:pending|sent|ordered|awaited)\b/i.test(result);
    })
    .map((s) => s.trim());
}

/** Whether a diagnosis line or a sentence of the notes already says what the finding is. */
function settled(run: CodingRun, by: RegExp): boolean {
  const doc = run.input.documentation;
  return [...doc.diagnoses.map((d) => d.description), ...doc.notes.split(/\n+|(?<=\.)\s+/)].some((s) => by.test(s));
}

/** Whether a row's exceptions hold: a code on the claim accounts for the result, or the record already settles it. */
function nothingToAsk(run: CodingRun, unless: Unless | undefined, drafts: readonly DiagnosisDraft[]): boolean {
  if (unless?.accountedBy && drafts.some((d) => unless.accountedBy?.test(d.code))) return true;
  return unless?.settledBy !== undefined && settled(run, unless.settledBy);
}

/**
 * What an answer states: its clauses, each cut at a denial given after a comma or a dash ("asthma, not
 * COPD"), without the clauses that deny, take back or repeat the result, and without what a correction
 * line names unless it says what is right. `denied` is what the answer says is not so; `affirmed`,
 * all it says is so (the result it repeats included).
 */
function answerClauses(answer: string, v: Validation): { stated: string[]; denied: string[]; affirmed: string[] } {
  const stated: string[] = [];
  const affirmed: string[] = [];
  const denied: string[] = [];
  for (const line of answer.split(/\n+/)) {
    const correction = CORRECTION.test(line);
    for (const clause of line.replace(CORRECTION, '').split(/[.;]\s*|\s+(?:and|but)\s+|\s[-\u2013\u2014]+\s/)) {
      let named = false;
      const said: string[] = [];
      for (const part of clause.split(/,\s+/)) {
        const text = part.replace(STATED_AS, '').trim();
        named ||= text !== part.trim();
        if (NOT_THE_DIAGNOSIS.test(text)) denied.push(text);
        else if (text !== '' && !ASSENT.test(text)) said.push(text);
      }
      // A correction line's bare name is the entry corrected; "should read", "diagnosis is" say what is right.
      if (correction && !named) {
        denied.push(...said);
        continue;
      }
      affirmed.push(...said);
      const kept = said.filter((text) => !v.test.test(text));
      if (kept.length > 0) stated.push(kept.join(', '));
    }
  }
  return { stated, denied, affirmed };
}

/** Step: a diagnosis the record's own result or statement contradicts is asked; the answer is coded. */
export function resultContradicts(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  for (const v of [
    ...VALIDATIONS,
    ...FINDING_VALIDATIONS,
    ...BLOOD_COUNT_VALIDATIONS,
    ...REPORT_VALIDATIONS,
    ...KIDNEY_INJURY_VALIDATIONS,
  ]) {
    const documented = drafts.find(
      (d) =>
        v.codedAs.test(d.code) &&
        !run.issues.some((i) => i.order === d.order) &&
        (!v.statedAs || v.statedAs.test(d.evidence[0]?.text ?? d.description)),
    );
    if (!documented || nothingToAsk(run, v.unless, drafts)) continue;
    const results = negativeResults(run, v);
    const result = results[0];
    if (result === undefined) continue;
    const said = documented.evidence[0]?.text ?? documented.description;
    const other = v.otherwise?.code[documented.code];
    const sentence = SENTENCE_WORDS[v.against ?? 'result'];
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: `The record documents "${said}" and ${sentence.says} "${result.replace(/\.$/, '')}". Based on your clinical judgment, can you clarify the diagnosis?`,
      clinicalIndicators: [`Documented: "${said}"`, ...results.slice(0, 2).map((r) => `${sentence.label}: "${r}"`)],
      options: [
        { label: `${documented.description}, confirmed clinically` },
        ...(other ? [{ label: describeIcd(run.codeSets, other), code: other }] : []),
      ],
      reason: `${documented.code} is documented while a result or statement of the record contradicts it (clinical validation).`,
      order: documented.order,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      run.issues.push(issue);
      continue;
    }
    drafts = answered(run, drafts, documented, v, issue, resolution);
  }
  return drafts;
}

/**
 * The claim once the physician has answered. Confirmed, or undetermined: the documented diagnosis
 * stands. The other form of the condition the result shows (MRSA for MSSA) is coded in its place; so
 * are the diagnoses the answer states instead (not what it denies or takes back, nor the result it
 * repeats). A denial of the diagnosis that states nothing instead takes it off, unless it is the only one.
 */
function answered(
  run: CodingRun,
  drafts: DiagnosisDraft[],
  documented: DiagnosisDraft,
  v: Validation,
  issue: ClarificationIssue,
  resolution: Resolution,
): DiagnosisDraft[] {
  const chosen = resolution.kind === 'option' ? resolution.option.code : undefined;
  if (chosen)
    return drafts.map((d) => (d === documented ? recoded(run.codeSets, d, chosen, 'The physician chose it in answer to the query.') : d));
  if (resolution.kind !== 'free-text') return drafts;
  const written = run.input.answers.find((a) => a.question.trim() === issue.question)?.freeText?.trim() || resolution.text;
  const { stated, denied, affirmed } = answerClauses(written, v);
  const other = v.otherwise?.code[documented.code];
  if (other && v.otherwise?.said.test(affirmed.join('. ')))
    return drafts.map((d) => (d === documented ? recoded(run.codeSets, d, other, "The physician's answer states it.") : d));
  const evidence = [...documented.evidence, { section: 'notes' as const, text: `Physician answer: ${written}` }];
  const coded = stated.flatMap((text, k) =>
    codeMention(run, { section: 'diagnoses', original: text, text, assertion: 'affirmed' }, documented.order + k / 100)
      .filter((d) => d.confidence >= LOW_CONFIDENCE)
      .map((d) => ({ ...d, evidence })),
  );
  // The diagnosis named again is confirmed: the documented code (its detail included) stands beside what else is stated.
  const instead = coded.filter((d) => !v.codedAs.test(d.code));
  if (instead.length < coded.length) return [...drafts, ...instead];
  if (instead.length > 0) return [...drafts.filter((d) => d !== documented), ...instead];
  if (drafts.length > 1 && deniesFamily(run, denied, v)) return drafts.filter((d) => d !== documented);
  return drafts;
}

/** Whether a denied clause of the answer names the documented diagnosis ("this is not COPD", "ERRATUM: Parkinson disease"). */
function deniesFamily(run: CodingRun, denied: readonly string[], v: Validation): boolean {
  const aside: CodingRun = { ...run, issues: [] };
  return denied.some((clause) => {
    const text = clause.replace(DENIAL_WORDS, ' ').replace(/\s+/g, ' ').trim();
    return (
      text !== '' &&
      codeMention(aside, { section: 'diagnoses', original: text, text, assertion: 'affirmed' }, 0).some((d) => v.codedAs.test(d.code))
    );
  });
}
