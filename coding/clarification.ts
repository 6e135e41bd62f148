/**
 * Clarifications: the questions the physician is asked when the record is ambiguous (what AHIMA/ACDIS
 * practice calls a physician query). Clinical indicators quoted from the record, clinically supported
 * options plus "Other (please specify)" and "Clinically undetermined", no leading wording and no
 * mention of payment. Each issue carries a stable question so an answer can be matched back.
 */
import type { ClarificationAnswer, ClarificationQueryDraft } from '../domain/coding.ts';
import { expandAbbreviations, tokenize } from './text.ts';

export const OTHER_OPTION = 'Other (please specify)';
export const UNDETERMINED_OPTION = 'Clinically undetermined';

export interface ClarificationOption {
  label: string;
  /** Words added to the documentation of the condition when this option is chosen. */
  refine?: string;
  /** The code this option stands for (for choices between codes). */
  code?: string;
  /** A code to leave off when this option is chosen (for Excludes1 conflicts). */
  dropCode?: string;
  /** The refine words name the condition in full ("end stage renal disease"): they replace the documented words. */
  replaces?: true;
}

export interface ClarificationIssue {
  kind: 'laterality' | 'specificity' | 'competing' | 'low-confidence' | 'edit';
  question: string;
  clinicalIndicators: string[];
  options: ClarificationOption[];
  reason: string;
  /** The diagnosis draft the issue is about (an issue about a code left off the claim is dropped). */
  order?: number;
  /** Words for the classification's default, used while the question is open. */
  defaultRefine?: string;
  /**
   * Two statements of the record disagree about the condition (a type, a stage): the question stands
   * whichever statement the condition is coded from (mentions.ts keeps it when the assessment's fuller
   * statement takes the place of a list line).
   */
  betweenStatements?: true;
}

export type Resolution = { kind: 'option'; option: ClarificationOption } | { kind: 'free-text'; text: string } | { kind: 'undetermined' };

/** How an answer resolves an issue, or undefined when the issue is still open. */
export function resolutionFor(issue: ClarificationIssue, answers: readonly ClarificationAnswer[]): Resolution | undefined {
  const answer = answers.find((a) => a.question.trim() === issue.question);
  if (!answer) return undefined;
  const option = answer.option === undefined ? undefined : issue.options.find((o) => o.label === answer.option);
  if (option && option.label !== OTHER_OPTION && option.label !== UNDETERMINED_OPTION) return { kind: 'option', option };
  // A choice worded otherwise than the offered labels ("Stage 3" for "Pressure ulcer of sacral
  // region, stage 3", "CKD stage 3b") is the physician's own words: read like a written answer.
  const ownWords = answer.option !== undefined && !option && !FIXED_CHOICES.has(answer.option.trim()) ? answer.option : undefined;
  const written = [ownWords, answer.freeText].filter((t): t is string => t !== undefined && t.trim() !== '').join('. ');
  if (written) {
    const text = answerAsDocumentation(written);
    // "Yes, (due to) the lithium" to a question offering a "Yes" option: that option, with what the answer adds.
    const yes = ASSENT_FIRST.test(written) ? issue.options.find((o) => /^yes\b/i.test(o.label)) : undefined;
    if (yes) return { kind: 'option', option: yes.refine && !ASSENT.test(text) ? { ...yes, refine: `${yes.refine} ${text}` } : yes };
    const named = optionNamedBy(issue.options, written);
    if (!named) return { kind: 'free-text', text };
    // The answer names one of the offered values: that value, with whatever else the answer
    // documents about the condition ("chronic" in "chronic diastolic"), replaces the open detail.
    if (named.code || named.dropCode || !named.refine) return { kind: 'option', option: named };
    return { kind: 'option', option: { ...named, refine: named.refine === text ? text : `${named.refine} ${text}` } };
  }
  return { kind: 'undetermined' };
}

/** The choices every query offers besides its options: never the physician's own words. */
const FIXED_CHOICES = new Set([OTHER_OPTION, UNDETERMINED_OPTION]);

/** The words a resolution adds to the mention: the chosen option's refinement or the answer's own text. */
export const resolvedWords = (resolution: Resolution): string | undefined =>
  resolution.kind === 'option' ? resolution.option.refine : resolution.kind === 'free-text' ? resolution.text : undefined;

/** What an answer says is absent ("no psychotic features", "not on dialysis yet"): not a value it names. */
const NEGATED_PHRASE = /\b(no|not|denies|negative for|ruled out)\b[^,;.]*/gi;
/** A bare denial ("no", "not related"): the answer chooses the option that says no. */
const DENIAL = /^(no|nope|negative|not (related|due to it|caused by it|linked))$/i;

/**
 * The offered option a free-text answer names: each option's own words (those not shared by every
 * option: "5" of "stage 5", "moderate" of "..., recurrent, moderate") all present in the answer once
 * what it says is absent is left out. When several match, the one naming the most ("acute on
 * chronic" over "acute") if it includes the others; otherwise none (the answer is read as text).
 */
export function optionNamedBy(options: readonly ClarificationOption[], freeText: string): ClarificationOption | undefined {
  const clauses = answerAsDocumentation(freeText.replace(NEGATED_PHRASE, ' '));
  if (DENIAL.test(freeText.trim().replace(/[.!]+$/, ''))) return options.find((o) => /^no\b/i.test(o.label));
  const said = new Set(tokenize(expandAbbreviations(clauses)));
  const wordsOf = options.map((o) => new Set(tokenize(expandAbbreviations(o.refine ?? o.label))));
  const shared = (t: string) => wordsOf.every((w) => w.has(t));
  const own = wordsOf.map((w) => [...w].filter((t) => !shared(t)));
  const matched = options
    .map((option, i) => ({ option, words: own[i] ?? [] }))
    .filter((o) => o.words.length > 0 && (o.words.every((t) => said.has(t)) || namedByAbbreviation(o.option, said)));
  const widest = matched.reduce<(typeof matched)[number] | undefined>((a, b) => (!a || b.words.length > a.words.length ? b : a), undefined);
  if (!widest) return undefined;
  return matched.every((o) => o.words.every((t) => widest.words.includes(t))) ? widest.option : undefined;
}

/** The abbreviation an option's label gives in brackets ("Non-ST elevation (NSTEMI) myocardial infarction"), said in the answer. */
function namedByAbbreviation(option: ClarificationOption, said: ReadonlySet<string>): boolean {
  const abbreviation = /\(([A-Za-z]{2,8})\)/.exec(option.label)?.[1]?.toLowerCase();
  return abbreviation !== undefined && said.has(abbreviation);
}

/** A clause of an answer that takes something back ("the type 1 entry was an error"): not documentation of the condition. */
const RETRACTION =
  /\b(error|erroneous|in error|mistake|mistaken|incorrect|wrong|inaccurate|not accurate|should be (removed|deleted)|disregard|carr(y|ied)[- ]?over|copied (forward|over)|template)\b/i;
/** An answer that opens by assenting ("Yes, from the lithium"). */
const ASSENT_FIRST = /^\s*(yes|yeah|yep|correct|confirmed|agreed?)\b/i;
/** A bare assent ("yes", "confirmed"): the rest of the answer is what it documents. */
const ASSENT = /^(yes|yeah|yep|correct|confirmed|agreed?|i agree|that is correct|indeed)$/i;
/** A result given as support ("the GAD antibodies were negative", "MRI showed a tear"): evidence, not the diagnosis. */
const RESULT =
  /^(the |her |his |their )?([\w-]+ ){0,3}(antibod(y|ies)|tests?|levels?|labs?|panel|cultures?|biops(y|ies)|scans?|mri|ct|x-?rays?|ultrasound|echo(cardiogram)?|results?|titers?|screen(ing)?|studies|study)\b.*\b(negative|positive|normal|abnormal|elevated|low|high|shows?|showed|revealed|confirm(s|ed)|demonstrat\w+|was|were)\b/i;
/** A measurement given as support ("eGFR 24", "A1c 9.1 %"): clinical indicator, not a diagnosis statement. */
const MEASUREMENT =
  /^(e?gfr|a1c|hba1c|hgb|hemoglobin|creatinine|cr|bun|bmi|bp|ef|lvef|ejection fraction|inr|tsh|ldl|glucose|sat|spo2)\b[\s:=]*(of|was|is|at)?\s*[<>~]?\s*\d/i;

/**
 * A physician's free-text answer read as documentation of the condition: split into clauses, what
 * the answer takes back, bare assent and supporting measurements or results left out (the rest is what the
 * physician now documents, and re-coding reads it as such). The whole answer when nothing is left.
 */
export function answerAsDocumentation(freeText: string): string {
  const clauses = freeText
    .split(/[;.\n]|,\s+|\s[-\u2013\u2014]+\s/)
    .map((c) => c.trim())
    .filter(Boolean);
  const kept = clauses.filter((c) => !RETRACTION.test(c) && !ASSENT.test(c) && !MEASUREMENT.test(c) && !RESULT.test(c));
  return kept.length > 0 ? kept.join(' ') : freeText.trim();
}

export function toDraft(issue: ClarificationIssue): ClarificationQueryDraft {
  return {
    question: issue.question,
    clinicalIndicators: issue.clinicalIndicators,
    options: [...issue.options.map((o) => o.label), OTHER_OPTION, UNDETERMINED_OPTION],
    reason: issue.reason,
  };
}

export function lateralityQuestion(condition: string): string {
  return `The record documents "${condition}". Based on your clinical judgment, can you clarify the side affected?`;
}

export function sideConflictQuestion(condition: string, other: string): string {
  return `The record documents "${condition}" and also "${other}". Based on your clinical judgment, can you clarify the side affected?`;
}

/**
 * The question of a procedure's side stated otherwise than the side of the condition it treats
 * (laterality.ts, procedure-side-conflict.ts): the procedure's side is asked, both statements
 * quoted, and the condition keeps the side its own statements give.
 */
export function procedureSideIssue(documented: string, procedure: string, procedureSide: string, condition: string): ClarificationIssue {
  return {
    kind: 'laterality',
    question: `The record documents "${documented}" and also "${procedure.replace(/\.$/, '')}". Based on your clinical judgment, can you clarify the side of the procedure?`,
    clinicalIndicators: [`Documented: "${documented}"`, `Procedure: "${procedure}"`],
    options: [{ label: 'Right' }, { label: 'Left' }],
    reason: `The procedure is documented on the ${procedureSide} while ${condition} is of the other side; the side of the procedure decides its modifier and the condition it treats.`,
  };
}

/**
 * Values of a detail that statements give, keyed by value: a value another one states more precisely
 * is the same value ("CKD 3" beside "CKD 3a"), so it is dropped and the precise one stands.
 */
export function dropLessPrecise(values: Map<string, unknown>): void {
  for (const v of [...values.keys()]) if ([...values.keys()].some((w) => w !== v && w.startsWith(v))) values.delete(v);
}

export function detailConflictQuestion(a: string, b: string, aspect: string): string {
  return `The record documents "${a}" and also "${b}". Based on your clinical judgment, can you clarify the ${aspect}?`;
}

export function specificityQuestion(condition: string, aspect: string): string {
  return `The record documents "${condition}". Based on your clinical judgment, can you clarify the ${aspect}?`;
}

/**
 * A relation to a cause asked and read back: the issue is raised while unanswered; the physician's
 * words come back when they state the relation ("... due to X"); a denial, or an answer that does not
 * state it, gives undefined and the condition stays as documented.
 */
export function askedRelation(
  issue: ClarificationIssue,
  answers: readonly ClarificationAnswer[],
  issues: ClarificationIssue[],
): string | undefined {
  const resolution = resolutionFor(issue, answers);
  if (!resolution) {
    issues.push(issue);
    return undefined;
  }
  const words = resolvedWords(resolution);
  return words && /\bdue to\b/i.test(words) && !/^no\b/i.test(words) ? words : undefined;
}

export function relationQuestion(condition: string, statement: string, cause: string): string {
  return `The record documents "${condition}" and also "${statement}". Based on your clinical judgment, can you clarify whether the condition is due to ${cause}?`;
}

export function conflictQuestion(a: string, b: string): string {
  return `The record documents both "${a}" and "${b}", which are not normally present together. Based on your clinical judgment, can you clarify the patient's condition?`;
}

export function confirmQuestion(condition: string): string {
  return `The record documents "${condition}". Based on your clinical judgment and the patient's demographics, can you confirm the diagnosis?`;
}
