/**
 * Tobacco use NOS (Z72.0) beside a statement that the patient smokes cigarettes now: the index sends
 * "Smoker" to Dependence, drug, nicotine (F17.2-), cigarettes by packs or cigarettes a day (F17.21-),
 * and Z72.0's Excludes1 note sends tobacco dependence to F17. A statement that the patient is not
 * dependent, or that names another product only (cigars, a pipe, chewing tobacco, vaping), keeps
 * Z72.0.
 */
import { currentCigaretteSmoking } from './additional.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

const CIGARETTES = /\b(?:cigarettes?|cigs?|ppd|packs?\s*(?:per|a|\/)\s*day|smoker)\b/i;
const OTHER_PRODUCT = /\b(?:cigars?|cigarillos?|pipe|chew\w*|dip|snuff|vap\w*|e-?cig\w*|hookah)\b/i;
const NOT_DEPENDENT = /\b(?:not|non|no|without|never)[- ](?:\w+\s+){0,3}dependen\w*|does not meet (?:criteria for )?dependence/i;
const CIGARETTE_DEPENDENCE = 'F17.210';

/** Step: Z72.0 beside current cigarette smoking the record states is F17.210. */
export function smokingAsDependence(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const use = drafts.find((d) => d.code === 'Z72.0');
  if (!use || drafts.some((d) => d.code.startsWith('F17')) || !run.allowed(CIGARETTE_DEPENDENCE)) return drafts;
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  if (statements.some((s) => NOT_DEPENDENT.test(s) || OTHER_PRODUCT.test(s))) return drafts;
  const smoking = statements.find((s) => CIGARETTES.test(s) && currentCigaretteSmoking(s));
  if (!smoking) return drafts;
  const why = `The record states current cigarette smoking ("${smoking.trim()}"): the index sends a smoker to nicotine dependence, cigarettes (${CIGARETTE_DEPENDENCE}), which Z72.0 excludes.`;
  return drafts.map((d) =>
    d === use
      ? { ...recoded(run.codeSets, d, CIGARETTE_DEPENDENCE, why), evidence: [...d.evidence, { section: 'notes' as const, text: smoking }] }
      : d,
  );
}
