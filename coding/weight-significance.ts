/**
 * A body mass index in the severe range (40 or more, adult) that the plan acts on (weight-loss
 * counselling, a weight-management or nutrition referral) while no weight diagnosis is documented.
 *
 * The BMI may come from anyone's measurement, but the weight diagnosis (obesity and its class,
 * overweight) must come from the provider, and a Z68 code is reported only with that diagnosis
 * (guideline I.B.14, I.C.21.c.3). The counselling shows the provider finds the BMI significant;
 * which diagnosis, if any, it represents only the provider can say, so a coder asks for the
 * clinical significance of the BMI (a compliant query: the value and the plan quoted, clinically
 * reasonable options, "other", "clinically undetermined" and an option for no diagnosis). Nothing
 * is coded until answered; an answer naming a condition is coded as documented, and its "use
 * additional code" note adds the BMI's Z68 code.
 */
import { bmiCode, BMI_VALUE } from './additional.ts';
import { resolutionFor, resolvedWords, type ClarificationIssue } from './clarification.ts';
import { codeAnsweredCondition, NO_DIAGNOSIS_OPTION } from './clinical-indicators.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** The BMI from which the value alone is a severe weight (adult BMI 40 and over: Z68.41-Z68.45). */
const SEVERE_BMI = 40;
/** Codes of a weight diagnosis (obesity, overweight, localized adiposity, abnormal weight gain). */
const WEIGHT_DIAGNOSIS_CODES = ['E66', 'E88.82', 'R63.5', 'O99.21'];
/** A statement that names a weight diagnosis: the record has one, a coder codes it, nothing to ask. */
const WEIGHT_DIAGNOSIS_NAMED = /\b(obes\w*|overweight|over-weight|morbid\w*|adiposity)\b/i;
/** The plan acting on the weight: counselling toward weight loss, a weight or nutrition program. */
const WEIGHT_PLAN =
  /\b((wt|weight)[- ](loss|reduction|management|mgmt|mgt|goal)|lose (some )?weight|weight[- ]loss (goal|program|medication|counsel\w*)|bariatric|diabetes prevention program|\bdpp\b|lifestyle (program|modification|intervention|change)|(nutrition\w*|dietitian|dietician)( referral|\/weight)?|(counsel\w*|discuss\w*|advis\w*|review\w*) (on |re:? |regarding )?(diet|healthy eating|calori\w*)|(diet|healthy eating)( and|,|\/|&) ?(exercise|physical activity))\b/i;
/** A negated plan clause ("no weight loss", "denies weight loss"): a symptom denied, not counselling. */
const DENIED = /\b(no|denies|denied|without|negative for)\s+([\w/-]+\s+){0,2}$/i;

/** The options: the weight diagnoses a BMI in the severe range can represent, and none. */
const OPTIONS = ['Obesity, class 3 (severe obesity)', 'Severe obesity due to excess calories', 'Obesity, unspecified'];

export function weightQuestion(bmi: string, plan: string): string {
  return `The record documents ${bmi} with the plan "${plan}". Based on your clinical judgment, can you clarify the clinical significance of this BMI, including any associated diagnosis?`;
}

/** The severe BMI and the plan clause acting on the weight, when no weight diagnosis is documented. */
export function severeBmiUndiagnosed(run: CodingRun, codes: readonly string[]): { bmi: string; plan: string } | undefined {
  const age = run.input.patient.ageYears;
  if (age < 20) return undefined;
  if (codes.some((c) => WEIGHT_DIAGNOSIS_CODES.some((p) => c.startsWith(p)))) return undefined;
  const doc = run.input.documentation;
  const clauses = clausesOf(doc.notes);
  const statements = [...doc.diagnoses.map((d) => d.description), ...clauses];
  if (statements.some((s) => WEIGHT_DIAGNOSIS_NAMED.test(s))) return undefined;
  const bmi = statements
    .map((s) => BMI_VALUE.exec(s))
    .find((m) => m?.[1] !== undefined && !m[3] && Number(m[1]) >= SEVERE_BMI && bmiCode(m[0], age) !== undefined);
  if (!bmi) return undefined;
  const plan = clauses.find((c) => {
    const m = WEIGHT_PLAN.exec(c);
    return m !== null && !DENIED.test(c.slice(0, m.index));
  });
  return plan ? { bmi: bmi[0].trim(), plan } : undefined;
}

/**
 * Step: a severe BMI the plan acts on with no weight diagnosis is asked (nothing coded for it);
 * an answer naming a weight diagnosis is coded as the physician documents it.
 */
export function weightSignificance(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const found = severeBmiUndiagnosed(
    run,
    drafts.map((d) => d.code),
  );
  if (!found) return drafts;
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: weightQuestion(found.bmi, found.plan),
    clinicalIndicators: [`Note: "${found.bmi}"`, `Note: "${found.plan}"`],
    options: [...OPTIONS.map((o) => ({ label: o, refine: o.toLowerCase() })), { label: NO_DIAGNOSIS_OPTION }],
    reason:
      'A BMI in the severe range is documented and the plan counsels on weight, but no weight diagnosis is documented; a BMI code is reported only with the provider’s weight diagnosis (guideline I.B.14).',
  };
  const resolution = resolutionFor(issue, run.input.answers);
  if (!resolution) {
    run.issues.push(issue);
    return drafts;
  }
  const resolved = resolvedWords(resolution);
  if (!resolved || /^no\b/i.test(resolved)) return drafts;
  return [...drafts, ...codeAnsweredCondition(run, resolved, WEIGHT_ANSWER_ORDER)];
}

/** The answered weight diagnosis is numbered after the record's own diagnoses. */
const WEIGHT_ANSWER_ORDER = 950;
