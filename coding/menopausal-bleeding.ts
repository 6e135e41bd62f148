/**
 * Uterine bleeding coded as abnormal uterine or irregular menstrual bleeding (N92, N93) in a woman
 * whose record places her last menstrual period a year or more back, while no statement gives her
 * menopausal status. Bleeding after menopause is its own code (N95.0 postmenopausal bleeding), and
 * twelve months without menses is how menopause is recognised; but the status is a clinical
 * judgment, not the coder's (guideline I.A.19: the provider's statement decides), so the physician
 * is asked, with the menopausal and the non-menopausal reading as options. The written code stands
 * until answered; an answer is coded as the physician documents it.
 */
import { detailConflictQuestion, resolutionFor, resolvedWords, type ClarificationIssue } from './clarification.ts';
import { codeAnsweredCondition } from './clinical-indicators.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** Codes of bleeding read as menstrual (irregular, excessive, unspecified abnormal uterine bleeding). */
const MENSTRUAL_BLEEDING = /^N9[23]\./;
/** Any statement of the menopausal status: the physician has said it, a coder codes it. */
const STATUS_STATED = /\b(post-?menopaus\w*|peri-?menopaus\w*|pre-?menopaus\w*|menopaus\w*|climacteric|pmb)\b/i;
/** The age from which a year without menses is read as a possible menopause (earlier: other causes first). */
const MENOPAUSAL_AGE = 40;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, several: 2, over: 1 };
/** "LMP 14 months ago", "last menstrual period over a year ago", "no menses x 18 mo", "amenorrhea for 2 years". */
const INTERVAL =
  /\b(?:lmp|last (?:menstrual )?period|last menses|no (?:menses|menstrual periods?|periods?|menstruation)|amenorr?h(?:o)?ea)\b[^.;]{0,25}?\b(?:x|for|since|was|of|about|approx\.?|~)?\s*(?:over |more than |>\s*)?(\d{1,2}|a|an|one|two|three|four|five|several)\s*(months?|mos?|yrs?|years?)\b/i;

/** The months a statement places the last menstrual period back, when it says so. */
function monthsWithoutMenses(statement: string): number | undefined {
  const m = INTERVAL.exec(statement);
  if (!m?.[1] || !m[2]) return undefined;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : (NUMBER_WORDS[m[1].toLowerCase()] ?? Number.NaN);
  if (!Number.isFinite(n)) return undefined;
  return /^(y|yr)/i.test(m[2]) ? n * 12 : n;
}

export const MENOPAUSAL_OPTIONS = [
  { label: 'Postmenopausal bleeding', code: 'N95.0' },
  { label: 'Abnormal uterine bleeding, not postmenopausal (premenopausal or perimenopausal)' },
];

/**
 * Step: bleeding coded as menstrual while the record places the last period a year or more back and
 * states no menopausal status is asked; an answer choosing postmenopausal bleeding is coded N95.0,
 * a written answer as the physician words it.
 */
export function menopausalStatusOfBleeding(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const { sex, ageYears } = run.input.patient;
  if (sex !== 'F' || ageYears < MENOPAUSAL_AGE) return drafts;
  const bleeding = drafts.find((d) => MENSTRUAL_BLEEDING.test(d.code) && !run.mentions.get(d.order)?.documentedCode);
  if (!bleeding) return drafts;
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  if (statements.some((s) => STATUS_STATED.test(s))) return drafts;
  const interval = statements.find((s) => (monthsWithoutMenses(s) ?? 0) >= 12);
  if (!interval) return drafts;
  const condition = bleeding.evidence[0]?.text ?? bleeding.description;
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: detailConflictQuestion(condition, interval, 'menopausal status and the kind of bleeding'),
    clinicalIndicators: [`Documented: "${condition}"`, `Note: "${interval}"`, `Age: ${ageYears}`],
    options: MENOPAUSAL_OPTIONS,
    reason: `Bleeding is documented as ${bleeding.code} while the last menstrual period is a year or more back; postmenopausal bleeding (N95.0) would need the provider's statement of menopausal status.`,
    order: bleeding.order,
  };
  const resolution = resolutionFor(issue, run.input.answers);
  if (!resolution) {
    run.issues.push(issue);
    return drafts;
  }
  if (resolution.kind === 'option' && resolution.option.code)
    return drafts.map((d) =>
      d === bleeding ? recoded(run.codeSets, d, 'N95.0', "Postmenopausal bleeding, as the physician's answer states.") : d,
    );
  const words = resolution.kind === 'free-text' ? resolvedWords(resolution) : undefined;
  if (!words) return drafts;
  const answered = codeAnsweredCondition(run, words, bleeding.order);
  return answered.length === 0 ? drafts : drafts.flatMap((d) => (d === bleeding ? answered : [d]));
}
