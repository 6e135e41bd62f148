/**
 * Weeks of gestation stated two ways, or not at all, beside a pregnancy code; none at a postpartum visit.
 *
 * Two ways ("22 weeks by LMP" in one statement, "dates at 26 weeks" in another): the Z3A code (and
 * the trimester that follows it) depends on which, so the physician is asked; until answered the
 * first stated value is coded. An answer naming the weeks sets the Z3A code.
 *
 * Not at all: the obstetric codes Z3A's "code first" note names (and supervision of pregnancy) carry
 * the chapter's "use additional code from category Z3A ... if known"; a record of an ongoing
 * pregnancy that states neither the weeks nor the trimester leaves both the Z3A code and the
 * pregnancy code's trimester open. Z3A.00 (weeks of gestation not specified) is coded and the
 * physician is asked; an answer naming the weeks sets the Z3A code and the trimester.
 */
import { detailConflictQuestion, resolutionFor, specificityQuestion, type ClarificationIssue } from './clarification.ts';
import { citedPatterns } from './additional.ts';
import { agesOfThisVisit, currentGestationalAge, weeksOfGestationCode } from './gestational-age.ts';
import { describeIcd, newDraft, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf, clausesWithOffsets } from './context.ts';
import { matchesPattern, notesFor } from './icd10cm.ts';
import { pregnancyStatus, refinePregnancyCode, trimesterOfWeeks } from './pregnancy.ts';
import { NOT_ADDRESSED_PARTS, noteParts, partAt } from './sections.ts';

/** The weeks a physician's written answer gives ("Dating is by the 8-week scan: she is 29 weeks 1 day", "33 weeks"). */
const answeredWeeks = (text: string) => (currentGestationalAge(clausesOf(text)) ?? currentGestationalAge([`${text} gestation`]))?.weeks;

const recordStatementsOf = (run: CodingRun) => {
  const doc = run.input.documentation;
  return [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
};

/**
 * An encounter for postpartum care or examination (Z39): the pregnancy has ended, and Z3A gives the
 * weeks of a pregnancy (the official guidelines: not assigned for postpartum conditions),
 * so a week count the record gives (the delivery's, the weeks since it) adds no Z3A code.
 */
const POSTPARTUM_CARE = /^Z39\./;
/** A Z3A code the engine added, not one the physician wrote. */
const addedWeeks = (run: CodingRun, d: DiagnosisDraft) => d.code.startsWith('Z3A.') && !run.mentions.get(d.order)?.documentedCode;

/**
 * Step: the Z3A code follows the age the record states (the first stated one, not the first weeks any
 * statement names); an age stated two ways is asked, and until answered the weeks are not specified
 * (Z3A.00, and the trimester only where both ages share it: pregnancy.ts).
 */
export function gestationWeeksConflict(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => POSTPARTUM_CARE.test(d.code))) drafts = drafts.filter((d) => !addedWeeks(run, d));
  const z3a = drafts.find((d) => d.code.startsWith('Z3A.'));
  if (!z3a) return drafts;
  // Each Z3A code the record's ages give, with the first statement giving it.
  const stated = new Map<string, string>();
  for (const age of agesOfThisVisit(recordStatementsOf(run)))
    if (!stated.has(weeksOfGestationCode(age.weeks))) stated.set(weeksOfGestationCode(age.weeks), age.statement);
  const recode = (code: string, why: string) =>
    code === z3a.code || !run.allowed(code) ? drafts : drafts.map((d) => (d === z3a ? recoded(run.codeSets, d, code, why) : d));
  if (stated.size === 0) return drafts;
  if (stated.size === 1) {
    const [[code, statement]] = [...stated] as [[string, string]];
    return recode(code, `Weeks of gestation as the record states the age ("${statement}").`);
  }
  const [a, b] = [...stated.values()] as [string, string];
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: detailConflictQuestion(a, b, 'weeks of gestation'),
    clinicalIndicators: [...stated.values()].map((s) => `Note: "${s}"`),
    options: [...stated.keys()].map((code) => ({ label: describeIcd(run.codeSets, code), code })),
    reason: `Conflicting documentation of the weeks of gestation: ${[...stated.keys()].join(' vs ')}; Z3A.00 until answered.`,
    order: z3a.order,
  };
  const resolution = resolutionFor(issue, run.input.answers);
  if (!resolution) run.issues.push(issue);
  const weeks =
    resolution?.kind === 'option'
      ? Number(resolution.option.code?.slice(4))
      : resolution?.kind === 'free-text'
        ? answeredWeeks(resolution.text)
        : undefined;
  if (weeks === undefined || !Number.isFinite(weeks))
    return recode('Z3A.00', 'The weeks of gestation are stated two ways; not specified until the physician answers.');
  const source = resolution?.kind === 'free-text' ? resolution.text : '';
  return withAnsweredWeeks(run, recode(weeksOfGestationCode(weeks), "Weeks of gestation from the physician's answer."), weeks, source);
}

/** Pregnancy codes take the trimester of the weeks a physician's answer gives. */
function withAnsweredWeeks(run: CodingRun, drafts: DiagnosisDraft[], weeks: number, source: string): DiagnosisDraft[] {
  const answered = { weeks, trimester: trimesterOfWeeks(weeks), antepartum: true, source };
  return drafts.map((d) => {
    const mention = run.mentions.get(d.order);
    if (mention?.documentedCode) return d;
    const refined = refinePregnancyCode(run.codeSets.icd, d.code, d.description, mention?.original ?? '', answered);
    return refined && run.allowed(refined.code) ? recoded(run.codeSets, d, refined.code, `Refined to ${refined.code}: ${refined.why}.`) : d;
  });
}

/**
 * A code the weeks of gestation go with: its notes ask for a code from category Z3A, and it is one
 * of the obstetric conditions Z3A's own "code first" note names (not a puerperal one), or the
 * supervision of a pregnancy.
 */
function weeksGoWith(run: CodingRun, code: string): boolean {
  const icd = run.codeSets.icd;
  if (!citedPatterns(icd, code).includes('Z3A')) return false;
  const obstetric = notesFor(icd, 'Z3A', 'cf').flatMap(([, patterns]) => patterns);
  return /^Z3[34]/.test(code) || obstetric.some((p) => matchesPattern(code, p));
}

/** Weeks of gestation given as a bound ("beyond 42 completed weeks gestation", "at or after 37 weeks of gestation"). */
const WEEKS_BOUND = /\b\d{1,2}\s*(?:completed\s+)?(?:weeks?|wks?)\s+(?:of\s+)?(?:gestation|pregnancy)\b/i;

/** A statement about a past pregnancy or an earlier time, not today's. */
const EARLIER = /\b(resolved|history of|hx of|h\/o|prior|previous|past|last pregnancy|(?:19|20)\d\d)\b/i;

/** The diagnosis lines and the clauses of the notes that speak of today: no past history, no earlier time. */
function currentStatements(run: CodingRun): string[] {
  const doc = run.input.documentation;
  const parts = noteParts(doc.notes);
  const clauses = clausesWithOffsets(doc.notes).filter(
    (c) => !NOT_ADDRESSED_PARTS.has(partAt(parts, c.start + c.text.length)) && !EARLIER.test(c.text),
  );
  return [...doc.diagnoses.map((d) => d.description), ...clauses.map((c) => c.text)];
}

/** Step: an ongoing pregnancy with neither weeks nor trimester stated: Z3A.00 and a query (or the answer applied). */
export function gestationWeeksUnstated(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => d.code.startsWith('Z3A.'))) return drafts;
  const pregnancy = drafts.find((d) => weeksGoWith(run, d.code));
  if (!pregnancy || !run.allowed('Z3A.00')) return drafts;
  // Weeks or a trimester stated anywhere answer it; the pregnancy itself must be today's (not a
  // resolved one in the past history: "iron deficiency in pregnancy 2023 (resolved)").
  const statements = recordStatementsOf(run);
  const stated = pregnancyStatus(statements);
  if (stated.weeks !== undefined || stated.trimester !== undefined || statements.some((s) => WEEKS_BOUND.test(s))) return drafts;
  if (!pregnancyStatus(currentStatements(run)).antepartum) return drafts;
  const quoted = pregnancy.evidence[0]?.text ?? pregnancy.description;
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: specificityQuestion(quoted, 'weeks of gestation'),
    clinicalIndicators: [`Documented: "${quoted}"`],
    options: [],
    reason: `The weeks of gestation are not documented (category Z3A${/\bunspecified trimester\b/i.test(pregnancy.description) ? `, and the trimester of ${pregnancy.code}` : ''}); Z3A.00 was used.`,
    order: pregnancy.order,
  };
  const resolution = resolutionFor(issue, run.input.answers);
  const weeks = resolution?.kind === 'free-text' ? answeredWeeks(resolution.text) : undefined;
  if (!resolution) run.issues.push(issue);
  if (weeks === undefined) {
    const notSpecified = newDraft(run.codeSets, 'Z3A.00', {
      confidence: pregnancy.confidence,
      order: pregnancy.order + 0.25,
      evidence: pregnancy.evidence,
      rationale: `"Use additional code from category Z3A" (chapter 15) with ${pregnancy.code}: the record states no weeks of gestation.`,
    });
    return [...drafts, notSpecified];
  }
  const weeksDraft = newDraft(run.codeSets, weeksOfGestationCode(weeks), {
    confidence: pregnancy.confidence,
    order: pregnancy.order + 0.25,
    evidence: pregnancy.evidence,
    rationale: `"Use additional code from category Z3A" (chapter 15) with ${pregnancy.code}: ${weeks} weeks of gestation from the physician's answer.`,
  });
  return [...withAnsweredWeeks(run, drafts, weeks, resolution?.kind === 'free-text' ? resolution.text : ''), weeksDraft];
}
