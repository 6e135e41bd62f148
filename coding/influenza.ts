/**
 * Influenza as the classification codes it: by what is known of the virus, and with its pneumonia.
 *
 * Influenza whose virus the record identifies. The classification codes influenza by what is known
 * of the virus: J11 when no virus was identified, J10 when another (not novel) influenza virus was,
 * each with the same manifestations (J11.1 and J10.1 "with other respiratory manifestations", J11.2
 * and J10.2 "with gastrointestinal manifestations"...). A J11 code beside a positive test for
 * influenza A or B ("Flu A POSITIVE", "rapid flu: A pos") or the physician's statement of the type
 * ("A/P: Influenza A") is less specific than documented (guideline I.C.10.c: the provider's
 * statement that the patient has influenza of an identified type is enough; a test need not be
 * named). It becomes the J10 code of the same manifestation, reported as changed. Not a type the
 * record calls negative, pending, possible or ruled out.
 *
 * The other way: a J10 code where a test for influenza was negative and neither a positive test nor
 * the physician's statement of the patient's type identifies the virus is a clinical diagnosis of
 * influenza, J11 of the same manifestation (a type named of a contact identifies nothing).
 *
 * Influenza with pneumonia is one code (J10.0-, J11.0-: the tabular's pneumonia categories J12 and
 * J18 exclude "influenza with pneumonia"): an influenza coded with other manifestations beside an
 * unspecified pneumonia (J18.-, J12.9) becomes the influenza "with unspecified type of pneumonia"
 * and the pneumonia code goes. A pneumonia of a named organism (J13-J15) stays beside "with other
 * specified pneumonia" (J10.08, J11.08: "code also the other specified type of pneumonia").
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { organismsFound } from './fragile-choices.ts';
import { resultStatements } from './reported-results.ts';
import { recordStatements } from './review-signals.ts';

/** The physician naming the type: "Influenza A", "influenza type B", "flu B" (not "influenza A/B test"). */
const TYPE_STATED = /\b(?:influenza|flu)\s+(?:type\s+)?[ab]\b(?!\s*\/|\s+(?:and|or)\s+b\b|\s+(?:test|swab|pcr|antigen|screen))/i;
/** A statement of it that is not a diagnosis of it. */
const NOT_STATED =
  /\b(negative|neg|pending|possible|probable|suspected|r\/o|rule out|ruled out|vs|versus|no|not|vaccin\w*|shot|exposure|exposed|contact)\b/i;

/** The statements that could name the virus: diagnosis lines, clauses of the notes, test results. */
function statementsOf(run: CodingRun): string[] {
  const doc = run.input.documentation;
  return [...recordStatements(doc), ...resultStatements(doc.testResults)];
}

/** Step: J11 (virus not identified) beside an identified influenza A or B becomes the J10 code of its manifestation. */
export function influenzaVirusIdentified(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!drafts.some((d) => d.code.startsWith('J11'))) return drafts;
  const statements = statementsOf(run);
  const found = organismsFound(statements).find((o) => /influenza|flu/i.test(o.name));
  const stated = statements.find((s) => TYPE_STATED.test(s) && !NOT_STATED.test(s));
  const evidence = found?.statement ?? stated;
  if (evidence === undefined) return drafts;
  return drafts.map((d) => {
    if (!d.code.startsWith('J11')) return d;
    const code = `J10${d.code.slice(3)}`;
    if (!run.codeSets.icd.byCode.has(code) || !run.allowed(code)) return d;
    return recoded(run.codeSets, d, code, `The record identifies the influenza virus ("${evidence}"): ${code}, reported as changed.`);
  });
}

/** A test for influenza that found none ("Rapid influenza A/B antigen: A neg, B neg", "flu swab negative"). */
const TEST_NEGATIVE =
  /\b(?:influenza|flu)\b[^.;]*\b(?:antigen|pcr|swab|test\w*|rapid|panel|naat|molecular|screen)\b[^.;]*\b(?:neg|negative|not detected)\b|\b(?:rapid|antigen|pcr|swab|test\w*|panel|naat)\b[^.;]*\b(?:influenza|flu)\b[^.;]*\b(?:neg|negative|not detected)\b/i;
/** A statement about someone else, or an exposure: not the patient's virus. */
const ANOTHER_PERSON =
  /\b(husband|wife|spouse|partner|son|daughter|child(?:ren)?|kids?|mother|father|mom|dad|brother|sister|sibling|household|roommate|co-?workers?|classmates?|family|school|daycare|contacts?|exposure|exposed|outbreak|circulating|community)\b/i;

/**
 * Step: a J10 code (virus identified) where a test for influenza was negative and neither a positive
 * test nor the physician's statement of the patient's type identifies the virus: the influenza is a
 * clinical diagnosis, J11 of the same manifestation (virus not identified), reported as changed. A
 * type named of another person ("husband had flu A") identifies nothing of the patient's.
 */
export function influenzaVirusNotIdentified(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!drafts.some((d) => d.code.startsWith('J10'))) return drafts;
  const doc = run.input.documentation;
  const statements = [...clausesOf(doc.notes), ...resultStatements(doc.testResults)];
  const negative = statements.find((s) => TEST_NEGATIVE.test(s));
  if (!negative) return drafts;
  const own = statements.filter((s) => !ANOTHER_PERSON.test(s));
  if (organismsFound(own).some((o) => /influenza|flu/i.test(o.name))) return drafts;
  if (own.some((s) => TYPE_STATED.test(s) && !NOT_STATED.test(s))) return drafts;
  return drafts.map((d) => {
    if (!d.code.startsWith('J10')) return d;
    const code = `J11${d.code.slice(3)}`;
    if (!run.codeSets.icd.byCode.has(code) || !run.allowed(code)) return d;
    return recoded(
      run.codeSets,
      d,
      code,
      `The influenza test was negative ("${negative}") and nothing in the record identifies the virus: ${code} (virus not identified), reported as changed.`,
    );
  });
}

/** Pneumonia the influenza combination codes absorb: of unspecified organism, or viral NOS. */
const PNEUMONIA_UNSPECIFIED = /^(J18\.|J12\.9)/;
/** Organism-specific pneumonia: kept, beside influenza "with other specified pneumonia". */
const PNEUMONIA_ORGANISM = /^J1[3-5]/;
/** Influenza coded without its pneumonia (with other respiratory, gastrointestinal or other manifestations). */
const INFLUENZA_WITHOUT_PNEUMONIA = /^J1[01]\.(1|2|8\d?)$/;

/** Step: influenza beside a pneumonia is the influenza-with-pneumonia code. */
export function influenzaWithPneumonia(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const flu = drafts.find((d) => INFLUENZA_WITHOUT_PNEUMONIA.test(d.code));
  const pneumonia = drafts.find((d) => PNEUMONIA_UNSPECIFIED.test(d.code) || PNEUMONIA_ORGANISM.test(d.code));
  if (!flu || !pneumonia) return drafts;
  const specified = PNEUMONIA_ORGANISM.test(pneumonia.code);
  const code = `${flu.code.slice(0, 3)}.0${specified ? '8' : '0'}`;
  if (!run.codeSets.icd.byCode.has(code)) return drafts;
  const why = `Influenza with pneumonia (${pneumonia.code}, "${pneumonia.evidence[0]?.text ?? pneumonia.description}") is ${code}${specified ? ', the pneumonia coded also' : ''}, reported as changed.`;
  const combined = { ...recoded(run.codeSets, flu, code, why), evidence: [...flu.evidence, ...pneumonia.evidence] };
  return drafts.filter((d) => specified || d !== pneumonia).map((d) => (d === flu ? combined : d));
}
