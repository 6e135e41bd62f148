/**
 * Tobacco status stated two ways: one statement says the patient smokes now ("currently smoking 1/2
 * ppd"), another that the patient is a former smoker ("former smoker, quit 2019"), and no statement
 * tells how the two fit (a relapse, a restart). Current dependence (F17.2-) and the history of it
 * (Z87.891) exclude each other, and the choice also decides whether cessation counselling is
 * billable; the coder may not pick the template or the narrative, so the physician is asked. Until
 * answered neither status code is on the claim (the encounter waits for the answer); an answer
 * codes the status it states.
 */
import { clauseBefore, currentCigaretteSmoking } from './additional.ts';
import { detailConflictQuestion, resolutionFor, resolvedWords, type ClarificationIssue } from './clarification.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** Codes of a tobacco status: dependence, use, history of dependence. */
const TOBACCO_STATUS = /^(?:F17\.2|Z72\.0|Z87\.891)/;
/** A former smoker, in the record's words. */
const FORMER =
  /\b(?:former|ex-?|previous|past|prior)\s*(?:[a-z]+\s+){0,2}?(?:smoker|tobacco user)\b|(?<!\b(?:to|will|would|plans?|planning|trying|ready|wants?|wishes)\s+)\b(?:quit|stopped|gave up)\s+(?:smoking|tobacco|cigarettes|in\s+(?:19|20)\d\d|(?:19|20)\d\d|\d+\s*(?:yrs?|years?)\s+ago)\b/i;
/** The statement is about tobacco at all ("stopped 2024" of a drug is not). */
const TOBACCO = /\b(?:smok\w*|tobacco|cig\w*|nicotine|ppd|pack)/i;
/** A statement that also tells the smoking stopped (a recent quit, abstinence): no current smoking by itself. */
const STOPPED = /\b(?:quit|stopped|gave up|abstinent|abstinence|former|ex-?smoker)\b/i;
/** Statements that tell how a former smoker came to smoke again: then both are true in turn. */
const RESUMED = /\b(?:relapsed|resumed|restarted|started (?:smoking )?again|back to smoking|smoking again|began smoking again)\b/i;
/** A statement the record itself marks as stale: copied from an earlier note, a template, carried forward. */
const STALE =
  /\b(?:copied|carried (?:forward|over|fwd)|from (?:a |the )?(?:prior|previous|old|last) note|template|outdated|not updated|per old records)\b/i;
/** Someone else in the patient's life ("husband is a former smoker"). */
const ANOTHER_PERSON = /\b(?:mother|father|parents?|spouse|wife|husband|partner|sibling|brother|sister|son|daughter|roommates?)\b/i;

/** How the question's reason begins: the later step that keeps the status off the claim finds it by this. */
const ASKED = 'Tobacco use is stated as current and as former;';

const CURRENT_OPTION = { label: 'Current cigarette smoker (nicotine dependence, cigarettes)', code: 'F17.210' };
const FORMER_OPTION = { label: 'Former smoker (history of nicotine dependence)', code: 'Z87.891' };

/** Step: current and former smoking both stated, no relapse told, is asked; neither status code until answered. */
export function tobaccoStatusStatedTwoWays(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const status = drafts.find((d) => TOBACCO_STATUS.test(d.code));
  if (!status) return drafts;
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  if (statements.some((s) => RESUMED.test(s))) return drafts;
  const current = statements.find((s) => currentCigaretteSmoking(s) && !STOPPED.test(s));
  const former = statements.find((s) => {
    const m = FORMER.exec(s);
    return m !== null && TOBACCO.test(s) && !currentCigaretteSmoking(s) && !STALE.test(s) && !ANOTHER_PERSON.test(clauseBefore(s, m.index));
  });
  if (!current || !former) return drafts;
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: detailConflictQuestion(current.trim(), former.trim(), "patient's current tobacco status"),
    clinicalIndicators: [`Documented: "${current.trim()}"`, `Documented: "${former.trim()}"`],
    options: [CURRENT_OPTION, FORMER_OPTION],
    reason: `${ASKED} ${status.code} depends on which (F17.2- or Z87.891), and so does cessation counselling.`,
  };
  const resolution = resolutionFor(issue, run.input.answers);
  if (!resolution) {
    run.issues.push(issue);
    return drafts.filter((d) => !TOBACCO_STATUS.test(d.code));
  }
  const words = resolution.kind === 'free-text' ? resolvedWords(resolution) : undefined;
  const chosen =
    resolution.kind === 'option'
      ? resolution.option.code
      : words && FORMER.test(words) && !/\bcurrent/i.test(words)
        ? FORMER_OPTION.code
        : words && (currentCigaretteSmoking(words) || /\bcurrent\w*\s+smoker\b/i.test(words))
          ? CURRENT_OPTION.code
          : undefined;
  if (!chosen) return drafts;
  return drafts.map((d) => (d === status ? recoded(run.codeSets, d, chosen, `The physician answered the tobacco status: ${chosen}.`) : d));
}

/**
 * Step, after the "use additional code" and tobacco steps: while the tobacco status is asked, no
 * status code another step added back from one of the two statements is on the claim.
 */
export function tobaccoStatusHeld(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!run.issues.some((i) => i.reason.startsWith(ASKED))) return drafts;
  return drafts.filter((d) => !TOBACCO_STATUS.test(d.code));
}
